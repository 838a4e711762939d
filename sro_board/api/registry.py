"""The API's operations, declared once: the route, its query schema and its response schema.

`@operation(...)` records a view with what it reads and returns; the blueprint mounts every
recorded operation and spec.py describes the same list in OpenAPI, so a route cannot exist
without its description, nor be described otherwise than it answers.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import Blueprint, Response, current_app, request
from flask_babel import refresh
from marshmallow import EXCLUDE, Schema, ValidationError
from werkzeug.exceptions import BadRequest

from ..core.i18n import ENVIRON_KEY

bp = Blueprint("api", __name__, url_prefix="/api/v1")


class BadQuery(BadRequest):
    """A query string the API cannot read: each parameter and its problems."""

    def __init__(self, details: dict[str, list[str]]) -> None:
        super().__init__("Some query parameters are not valid.")
        self.details = details


@dataclass(frozen=True)
class Operation:
    """One GET operation of the API."""

    rule: str
    endpoint: str
    summary: str
    tag: str
    args: type[Schema] | None
    response: type[Schema] | None
    # Media type of a response that is not JSON described by `response` (CSV).
    media_type: str = "application/json"
    description: str = ""
    not_found: bool = False
    path_params: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def path(self) -> str:
        """The rule as an OpenAPI path: <int:name> and <name> become {name}."""
        return "/api/v1" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", self.rule)


OPERATIONS: list[Operation] = []


def read_args(schema: type[Schema]) -> dict[str, Any]:
    """The query string through its schema; a repeated or invalid parameter is a 400."""
    repeated = [name for name, values in request.args.lists() if len(values) > 1]
    if repeated:
        raise BadQuery({name: ["Give this parameter once."] for name in repeated})
    try:
        args = schema(unknown=EXCLUDE).load(request.args.to_dict())
    except ValidationError as error:
        raise BadQuery(
            {name: [str(m) for m in _flat(problems)] for name, problems in error.messages.items()}
        ) from None
    if args.get("lang"):
        # ?lang=fr is the same as the /fr/api/v1 address: the text and links in French.
        request.environ[ENVIRON_KEY] = args["lang"]
        refresh()
    return args


def _flat(problems: Any) -> list:
    if isinstance(problems, dict):
        return [m for value in problems.values() for m in _flat(value)]
    return list(problems) if isinstance(problems, list) else [problems]


def operation(
    rule: str,
    *,
    summary: str,
    tag: str,
    args: type[Schema] | None = None,
    response: type[Schema] | None = None,
    media_type: str = "application/json",
    description: str = "",
    not_found: bool = False,
    path_params: dict[str, dict[str, Any]] | None = None,
    endpoint: str | None = None,
) -> Callable:
    """Record a view as an operation; it is called with its path values and parsed `args`."""

    def record(view: Callable) -> Callable:
        name = endpoint or view.__name__

        @wraps(view)
        def answer(**values: Any):
            parsed = read_args(args) if args is not None else {}
            result = view(args=parsed, **values)
            if response is None or isinstance(result, Response):
                return result
            return current_app.json.response(response().dump(result))

        OPERATIONS.append(
            Operation(
                rule,
                name,
                summary,
                tag,
                args,
                response,
                media_type,
                description,
                not_found,
                path_params or {},
            )
        )
        bp.add_url_rule(rule, name, answer, methods=["GET"])
        return answer

    return record
