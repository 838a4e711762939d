"""The security headers every response must carry, and the inline code the CSP would block."""

import re

from sro_board.security.headers import CSP, PRIVATE_PREFIXES

SHARED = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
REFERRER_POLICIES = {"strict-origin-when-cross-origin", "no-referrer"}


def check_headers(response, private: bool) -> None:
    """Assert the headers every response must carry (and no-store on a private one)."""
    headers = response.headers
    for name, value in SHARED.items():
        assert headers.get(name) == value, f"{name}: {headers.get(name)!r}"
    assert headers.get("Referrer-Policy") in REFERRER_POLICIES
    policy = headers.get("Permissions-Policy", "")
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    if private:
        assert headers.get("Cache-Control") == "no-store", headers.get("Cache-Control")


def is_private_path(path: str) -> bool:
    """Pages that are staff or applicant pages by their address."""
    return path.startswith(PRIVATE_PREFIXES)


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)|<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE
)
