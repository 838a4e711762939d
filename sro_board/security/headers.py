"""Security headers on every response, error pages and static files included."""

from flask import Flask, Response, g, request, session

# Violations are reported to /csp-report (security/csp_reports.py): report-to for browsers
# with the Reporting API (Reporting-Endpoints names "csp"), report-uri for the others.
CSP = (
    "default-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'; report-uri /csp-report; report-to csp"
)
# Features the site never uses, switched off for it and anything it could embed.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
STATIC_HEADERS = {
    "Content-Security-Policy": CSP,
    "Reporting-Endpoints": 'csp="/csp-report"',
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
# Pages that show staff data or an applicant's own data: never stored by a browser or proxy.
PRIVATE_PREFIXES = (
    "/staff/",
    "/account/",
    "/login",
    "/invitation/",
    "/password-reset",
    "/advisory-board/status/",
    "/advisory-board/consent/",
    "/advisory-board/applied",
    "/advisory-board/apply",
    "/advisory-board/new-status-link",
)


def logged_in() -> bool:
    """True when the request came with, or leaves with, a staff login (no database access)."""
    user = g.get("_login_user")
    if g.get("_came_logged_in") or (user is not None and user.is_authenticated):
        return True
    return "_user_id" in session


def is_private() -> bool:
    """True for a staff response or an applicant's private page."""
    path = request.path
    return path == "/staff" or path.startswith(PRIVATE_PREFIXES) or logged_in()


def add_headers(response: Response, hsts_max_age: int = 0) -> Response:
    """Set the security headers; a page's own Referrer-Policy (no-referrer) is kept."""
    headers = response.headers
    for name, value in STATIC_HEADERS.items():
        headers[name] = value
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if hsts_max_age:
        headers["Strict-Transport-Security"] = f"max-age={hsts_max_age}; includeSubDomains"
    if is_private():
        headers["Cache-Control"] = "no-store"
        headers.pop("Expires", None)
        headers.pop("ETag", None)
        headers.pop("Last-Modified", None)
    return response


def register(app: Flask) -> None:
    """Add the headers after every request, errors included."""
    max_age = app.config["HSTS_MAX_AGE"]

    @app.before_request
    def _note_login() -> None:
        g._came_logged_in = "_user_id" in session  # a logout's own response stays private

    @app.after_request
    def _security_headers(response: Response) -> Response:
        return add_headers(response, max_age)
