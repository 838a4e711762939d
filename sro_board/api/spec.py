"""The OpenAPI 3.1 document, built from the recorded operations and their marshmallow schemas."""

from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import request

from .registry import OPERATIONS, Operation
from .schemas import ErrorSchema

OPENAPI_VERSION = "3.1.0"
API_VERSION = "1.0.0"
RATE_LIMITED_HEADERS = {
    "Retry-After": {
        "description": "Seconds to wait before asking again.",
        "schema": {"type": "string"},
    }
}


def _error(description: str, headers: dict | None = None) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": ErrorSchema}},
    }
    if headers:
        response["headers"] = headers
    return response


def _responses(op: Operation) -> dict[str, Any]:
    if op.response is None:
        content = {op.media_type: {"schema": {"type": "object"}}}
    elif op.media_type == "application/json":
        content = {op.media_type: {"schema": op.response}}
    else:
        content = {op.media_type: {"schema": {"type": "string"}}}
    ok: dict[str, Any] = {
        "description": str(op.summary),
        "content": content,
        "headers": {
            "ETag": {"description": "Send it back in If-None-Match.", "schema": {"type": "string"}}
        },
    }
    responses = {
        "200": ok,
        "304": {"description": "Not modified: the copy whose ETag was sent is current."},
        "429": _error("Too many requests.", RATE_LIMITED_HEADERS),
        "default": _error("An error (the same shape for every status)."),
    }
    if op.args is not None:
        responses["400"] = _error("A query parameter is not valid.")
    if op.not_found or op.path_params or "<" in op.rule:
        responses["404"] = _error("Not found.")
    return responses


def _parameters(op: Operation) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = [
        {
            "in": "path",
            "name": name,
            "required": True,
            "schema": op.path_params.get(name, {"type": "string"}),
        }
        for name in _path_names(op)
    ]
    if op.args is not None:
        params.append({"in": "query", "schema": op.args})
    return params


def _path_names(op: Operation) -> list[str]:
    path = op.path
    names = []
    while "{" in path:
        start = path.index("{") + 1
        end = path.index("}", start)
        names.append(path[start:end])
        path = path[end + 1 :]
    return names


def build(server_url: str | None = None) -> dict[str, Any]:
    """The document as a dict (a server entry for this site when a URL is given)."""
    spec = APISpec(
        title="SRO review recommendations: open data API",
        version=API_VERSION,
        openapi_version=OPENAPI_VERSION,
        plugins=[MarshmallowPlugin()],
        info={
            "description": (
                "Read-only public data of the School Resource Officer review tracker: the "
                "recommendations, their milestones, evidence and public timeline, the advisory "
                "board's assessments, the status definitions, themes and figures, and the public "
                "meetings and their decisions. French text: /fr/api/v1/... or ?lang=fr."
            ),
            "license": {"name": "Open Government Licence – Calgary Police Service"},
        },
        servers=[{"url": server_url}] if server_url else [],
    )
    spec.components.schema("Error", schema=ErrorSchema)
    for op in OPERATIONS:
        spec.path(
            path=op.path,
            operations={
                "get": {
                    "operationId": op.endpoint,
                    "summary": str(op.summary),
                    "tags": [op.tag],
                    "parameters": _parameters(op),
                    "responses": _responses(op),
                }
            },
        )
    return spec.to_dict()


def document() -> dict[str, Any]:
    """The document for this request's site (its root as the server)."""
    return build(request.host_url.rstrip("/") + request.script_root)
