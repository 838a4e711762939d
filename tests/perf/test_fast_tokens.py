"""The cached form page's tokens (core/fastsign.py) read back as Flask's own: the session with
Flask's session interface, the CSRF token with Flask-WTF's serializer; a token signed with
another key is refused. (tests/public/test_cache_headers.py posts the form with them.)"""

import pytest
from itsdangerous import BadSignature, URLSafeTimedSerializer

from sro_board.core.fastsign import fast_dumps


@pytest.mark.parametrize("value", [{"csrf_token": "ab" * 20}, {"a": [1, 2], "b": "x" * 500}])
def test_session_tokens_read_back_with_flask(app, value):
    serializer = app.session_interface.get_signing_serializer(app)
    token = fast_dumps(serializer)(value)
    assert serializer.loads(token) == value
    assert serializer.loads(serializer.dumps(value)) == value  # the same reader for both


def test_csrf_tokens_read_back_with_flask_wtf(app):
    serializer = URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token")
    token = fast_dumps(serializer)("cd" * 20)
    assert serializer.loads(token, max_age=3600) == "cd" * 20
    other = URLSafeTimedSerializer("another key", salt="wtf-csrf-token")
    with pytest.raises(BadSignature):
        other.loads(token)
