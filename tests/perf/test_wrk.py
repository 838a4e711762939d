"""The benchmark's wrk parser, read against real wrk runs on a tiny server on loopback."""

import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scripts.benchlib import WrkOutputError, parse_wrk, run_wrk

needs_wrk = pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (make bench installs it)"
)


class Tiny(BaseHTTPRequestHandler):
    """200 with a short body on /, 500 anywhere else."""

    def do_GET(self):  # noqa: N802 - http.server's name
        status = 200 if self.path == "/" else 500
        body = b"hello"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args):
        """Quiet."""


@pytest.fixture
def tiny_server():
    """A threaded HTTP server on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiny)
    server.protocol_version = "HTTP/1.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@needs_wrk
def test_a_real_wrk_run_is_read(tiny_server):
    result = run_wrk(tiny_server + "/", seconds=1, threads=1, connections=2)
    assert result.requests > 10
    assert result.requests_per_s > 10
    assert 0 < result.p50_ms <= result.p99_ms
    assert result.errors == 0


@needs_wrk
def test_error_responses_are_counted(tiny_server):
    result = run_wrk(tiny_server + "/missing", seconds=1, threads=1, connections=2)
    assert result.requests > 10
    assert result.errors == result.requests


def test_latency_units_are_read_as_milliseconds():
    output = """Running 1s test @ http://127.0.0.1:1/
  Latency Distribution
     50%  812.00us
     75%    1.20ms
     90%    2.00ms
     99%    1.50s
  2000 requests in 1.00s, 200.00KB read
  Socket errors: connect 0, read 1, write 0, timeout 3
Requests/sec:   1999.50
"""
    result = parse_wrk(output)
    assert result.p50_ms == pytest.approx(0.812)
    assert result.p99_ms == pytest.approx(1500.0)
    assert result.requests == 2000
    assert result.requests_per_s == pytest.approx(1999.5)
    assert result.errors == 4


def test_output_without_the_figures_is_refused():
    with pytest.raises(WrkOutputError):
        parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")
