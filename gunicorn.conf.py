"""Production gunicorn settings; every value can be overridden from the environment."""

import ipaddress
import multiprocessing
import os
from collections.abc import Mapping


def loopback_or_socket(address: str) -> bool:
    """True for a unix socket or a loopback address ("127.0.0.1:8000", "[::1]:8000", "unix:...")."""
    if address.startswith(("unix:", "fd://")):
        return True
    host = address.rpartition(":")[0].strip("[]") if ":" in address else address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def checked_bind(env: Mapping[str, str]) -> str:
    """Where gunicorn listens: loopback by default; elsewhere only without TRUSTED_PROXIES."""
    address = env.get("GUNICORN_BIND", f"127.0.0.1:{env.get('PORT', '8000')}")
    # Behind TRUSTED_PROXIES the app believes X-Forwarded-For; a client that reached gunicorn
    # directly could then pick its own address (rate limits, logs).
    trusted = int(env.get("TRUSTED_PROXIES", "0") or 0)
    if trusted and not loopback_or_socket(address) and env.get("GUNICORN_BIND_EXPOSED") != "1":
        raise SystemExit(
            f"gunicorn.conf.py: refusing to listen on {address} with TRUSTED_PROXIES={trusted}: "
            "clients reaching gunicorn directly could forge their address. Bind to 127.0.0.1 or "
            "a unix socket behind the proxy, or (only if a firewall lets nothing but the proxy "
            "reach this port) set GUNICORN_BIND_EXPOSED=1."
        )
    return address


bind = checked_bind(os.environ)
# Sync workers: the app is I/O-light; (2 x cores) + 1 is gunicorn's usual starting point.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer than this is stuck: the worker is killed and replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM, workers finish the requests they have for up to this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then to contain slow leaks; jitter avoids all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# The app writes its own JSON request log (with request id and query count).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Trust X-Forwarded-* only from the local reverse proxy.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "sro_board:create_app()"
