"""itsdangerous's dumps without its per-call costs, for the tokens minted on every form page.

A serializer's dumps builds a signer, derives its key (one HMAC), tries to zlib-compress the
payload (which allocates zlib's whole state, costly on a busy machine) and signs through
Python's slow HMAC path. Here the key is derived once, the HMAC state is made once and copied,
and the payload is not compressed: itsdangerous compresses only when that makes it shorter and
reads both forms, so Flask's session interface and Flask-WTF read these tokens back with their
own serializers exactly as they read their own (same key, salt, timestamp and HMAC).
"""

import hmac
from collections.abc import Callable

from itsdangerous import URLSafeTimedSerializer
from itsdangerous.encoding import base64_encode, want_bytes
from itsdangerous.signer import HMACAlgorithm, SigningAlgorithm


class BoundHMAC(SigningAlgorithm):
    """HMAC with one key, its state made once and copied for each signature."""

    def __init__(self, key: bytes, digest_name: str) -> None:
        self.mac = hmac.new(key, digestmod=digest_name)

    def get_signature(self, key: bytes, value: bytes) -> bytes:
        """The HMAC of value (key is the one bound at creation)."""
        mac = self.mac.copy()
        mac.update(value)
        return mac.digest()


def fast_dumps(serializer: URLSafeTimedSerializer) -> Callable[[object], str]:
    """A function that signs like serializer.dumps (default salt), cheap to call often."""
    original = serializer.make_signer(serializer.salt)
    if not isinstance(original.algorithm, HMACAlgorithm):
        return serializer.dumps
    key = original.derive_key()
    signer = type(original)(
        key,
        salt=original.salt,
        sep=original.sep,
        key_derivation="none",
        algorithm=BoundHMAC(key, original.algorithm.digest_method().name),
    )
    text = serializer.serializer

    def dumps(obj: object) -> str:
        payload = want_bytes(text.dumps(obj, **serializer.serializer_kwargs))
        return signer.sign(base64_encode(payload)).decode("utf-8")

    return dumps
