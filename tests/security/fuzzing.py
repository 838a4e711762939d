"""Hypothesis sends hostile values to every form field and query parameter: no server errors.

ASVS 5.0: 2.2.1 (all input validated), 2.2.2 (on the server), 16.5.1 (a generic error, never
a stack trace), 16.5.3 (fails safely), 1.2.4 (parameterised queries survive any input).
The route sweep (tests/security/test_route_sweep.py) runs these checks on every route.
"""

from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from config import Config
from sro_board.core.extensions import db
from tests.security.access import ANONYMOUS
from tests.security.forms import Field, fields_posted_to, query_fields
from tests.security.payloads import ATTRIBUTE_BREAK, NUL, OVER_LONG, PAYLOADS, XSS
from tests.security.query_reads import parameters_read
from tests.security.routes import allowed_role, prepare

EXAMPLES = 12
RATE_LIMITS = [name for name in dir(Config) if name.endswith("_RATE_LIMIT")]
# How many hostile requests were sent (tests/security/fuzz_report.py prints the total).
CASES = {"run": 0}
# Query parameters that views read from request.args without a form.
EXTRA_QUERY = ("page", "per_page", "next", "state", "stage", "category", "sort", "q")
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
EDGES = [
    "",
    " ",
    "0",
    "-1",
    "2147483648",
    "99999999999999999999",
    "1e309",
    "NaN",
    "y",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "R-999",
    "R-01",
]
# Values at the edge of what each kind of field takes (dates past 9999, ints past 64 bits...).
KIND_EDGES = {
    "date": ["0001-01-01", "9999-12-31", "2026-02-30", "99999-01-01"],
    "datetime-local": ["0001-01-01T00:00", "9999-12-31T23:59", "2026-13-01T00:00"],
    "number": ["-2147483649", "2147483648", "99999999999999999999", "1e309", "NaN"],
    "email": ["a@b", "x" * 250 + "@example.org", ATTRIBUTE_BREAK],
    "select": ["not-an-option", "99999999999999999999"],
    "radio": ["not-an-option"],
    "checkbox": ["not-an-option"],
}
TEXT_EDGES = [XSS, NUL, OVER_LONG, "99999999999999999999", "-1", "9999-12-31", "R-999"]


def limits_out_of_reach(app: Flask) -> None:
    """Rate limits too high to reach (429s would hide the fuzzing); the app fixture restores."""
    app.config.update(dict.fromkeys(RATE_LIMITS, "100000 per minute"))


def hostile(options: list[str]) -> st.SearchStrategy[str]:
    """Any text, classic payloads, edge values, control characters, or a valid option."""
    choices = [
        st.text(max_size=300),
        st.sampled_from(sorted(PAYLOADS.values())),
        st.sampled_from(EDGES),
        st.integers().map(str),
        st.text(st.characters(max_codepoint=0x1F), max_size=20),
    ]
    if options:
        choices.append(st.sampled_from(options))
    return st.one_of(choices)


def submissions(names: dict[str, list[str]], valid: dict) -> st.SearchStrategy[dict]:
    """Field -> values: a valid submission with one or two fields made hostile (so the
    request gets past validation to the code behind it), or every field hostile."""
    fields = {name: st.lists(hostile(options), max_size=2) for name, options in names.items()}
    every_field = st.fixed_dictionaries(fields)
    if not names:
        return every_field
    base = {name: [str(value)] for name, value in valid.items()}

    @st.composite
    def mutated(draw):
        chosen = draw(st.lists(st.sampled_from(sorted(names)), min_size=1, max_size=2))
        return base | {name: draw(fields[name]) for name in chosen}

    return st.one_of(mutated(), every_field)


def fields_of(client, sample, read_only: bool = False) -> dict[str, Field]:
    """The fields to fuzz: those the rendered form has, those the sample sends, and the query
    (with read_only, only the extra query parameters the view reads)."""
    if sample.method == "POST":
        found = fields_posted_to(client, sample.path)
        found.pop("csrf_token", None)
        extra = {k: Field(k, "text", [str(v)]) for k, v in sample.data.items() if k not in found}
        return found | extra
    found = query_fields(client, sample.path)
    extra = [name for name in EXTRA_QUERY if name not in found]
    if read_only:
        read = parameters_read(client, sample.path, extra)
        extra = [name for name in extra if name in read]
    return found | {name: Field(name, "text") for name in extra}


def send(client, sample, data: dict):
    """Send the sample's request with data as its form (POST) or query string (GET)."""
    if sample.method == "POST":
        response = client.post(sample.path, data=data)
    else:
        response = client.get(sample.path, query_string=data)
    response.close()
    db.session.rollback()
    return response


def server_error(key: str, response) -> bool:
    """A 5xx other than readyz's deliberate 503."""
    return response.status_code >= 500 and not (key == "ops.readyz" and response.status_code == 503)


def check_hostile_input(client, key: str, role: str) -> None:
    """Hypothesis's hostile submissions to the row's request as role: never a server error."""
    sample = prepare(client, key, role)
    fields = fields_of(client, sample)
    names = {name: f.options for name, f in fields.items()}

    @FUZZ
    @given(submissions(names, sample.data))
    def fuzz(values):
        CASES["run"] += 1
        data = {k: v for k, v in values.items() if v}
        response = send(client, sample, data)
        assert not server_error(key, response), f"{sample.method} {sample.path} as {role}: {data}"

    fuzz()


def check_edge_values(client, key: str) -> None:
    """Each field alone at the edges of its kind, as a role the row lets in: no server error.
    Of the extra query parameters, only those the view reads (a view never sees the others)."""
    sample = prepare(client, key, allowed_role(key))
    base = {name: [str(value)] for name, value in sample.data.items()}
    failures = []
    for name, field in fields_of(client, sample, read_only=True).items():
        for value in KIND_EDGES.get(field.kind, TEXT_EDGES):
            CASES["run"] += 1
            response = send(client, sample, base | {name: [value]})
            if server_error(key, response):
                failures.append(f"{name}={value[:40]!r}: {response.status_code}")
    assert not failures, f"{sample.method} {sample.path}: {failures}"


FUZZ_ROLES = [ANONYMOUS, "admin"]
