"""Production refuses the development and test mail settings (they print or keep links)."""

import pytest

from config import ProductionConfig


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MAIL_BACKEND", "console", "MAIL_BACKEND=console would print or keep emails"),
        ("MAIL_BACKEND", "memory", "MAIL_BACKEND=memory would print or keep emails"),
        ("MAIL_BACKEND", "outbox", "MAIL_BACKEND=outbox would print or keep emails"),
        ("TASK_QUEUE_URL", "immediate", "sends email during the request"),
    ],
)
def test_production_refuses_mail_settings_that_expose_links(monkeypatch, variable, value, message):
    monkeypatch.delenv("MAIL_BACKEND", raising=False)
    monkeypatch.delenv("TASK_QUEUE_URL", raising=False)
    ProductionConfig.check_mail()  # the defaults: smtp, Redis
    monkeypatch.setenv(variable, value)
    with pytest.raises(RuntimeError, match=message):
        ProductionConfig.check_mail()
