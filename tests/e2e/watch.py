"""Watching a browser context: console errors, page errors, failed requests, other hosts."""

from urllib.parse import urlsplit

# Schemes that never leave the browser.
LOCAL_SCHEMES = {"data", "blob", "about"}


class BrowserWatch:
    """Collects what should never happen on a page of this app, for one or more contexts."""

    def __init__(self, origin: str) -> None:
        self.origin = origin.rstrip("/")
        self.problems: list[str] = []
        self.requests: list[str] = []
        # Documents expected to answer with an error status (403 for a role without access).
        self.expected_status: dict[str, int] = {}
        self.in_flight: set = set()
        # Requests cut off by leaving the page (net::ERR_ABORTED), and URLs that did load: an
        # abort only counts when that URL never loads at all.
        self.aborted: dict[str, str] = {}
        self.loaded: set[str] = set()

    def attach(self, context) -> None:
        """Listen to every page of the context, including pages opened later."""
        context.on("console", self._on_console)
        context.on("weberror", self._on_weberror)
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_request_failed)
        context.on("response", self._on_response)
        context.on("requestfinished", self._on_request_finished)

    def _expected(self, url: str, status: int | None = None) -> bool:
        want = self.expected_status.get(url)
        return want is not None and (status is None or status == want)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "") if message.location else ""
        # Chromium logs a console error for a document answered with 4xx/5xx; the crawler
        # expects some (403 for a role without access) and checks their status itself.
        if (
            self._expected(where)
            and message.text.startswith("Failed to load resource: the server responded with")
            and f"status of {self.expected_status[where]} " in message.text
        ):
            return
        self.problems.append(f"console error on {where or message.page.url}: {message.text}")

    def _on_weberror(self, web_error) -> None:
        self.problems.append(f"uncaught script error: {web_error.error}")

    def _on_request(self, request) -> None:
        self.requests.append(request.url)
        self.in_flight.add(request)
        parts = urlsplit(request.url)
        if parts.scheme in LOCAL_SCHEMES:
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request to another host: {request.method} {request.url}")

    def _on_request_finished(self, request) -> None:
        self.in_flight.discard(request)
        self.loaded.add(request.url)

    def _on_request_failed(self, request) -> None:
        self.in_flight.discard(request)
        if request.failure == "net::ERR_ABORTED":
            self.aborted[request.url] = f"{request.method} {request.url} ({request.resource_type})"
            return
        self.problems.append(f"request failed: {request.method} {request.url}: {request.failure}")

    def _on_response(self, response) -> None:
        if response.status < 400:
            return
        if response.request.is_navigation_request() and self._expected(
            response.url, response.status
        ):
            return
        self.problems.append(f"HTTP {response.status} for {response.request.method} {response.url}")

    def settle(self, page, timeout_ms: int = 5000) -> None:
        """Wait until the page's requests (the favicon, say) are done, before leaving it: leaving
        earlier aborts them, which would look like a failed request."""
        waited = 0
        while self.in_flight and waited < timeout_ms:
            page.wait_for_timeout(20)
            waited += 20
        if self.in_flight:
            pending = ", ".join(sorted(r.url for r in self.in_flight))
            self.problems.append(f"requests still running after {timeout_ms} ms: {pending}")
            self.in_flight.clear()

    def take_problems(self) -> list[str]:
        """The problems seen since the last call, clearing them."""
        problems, self.problems = self.problems, []
        return problems

    def never_loaded(self) -> list[str]:
        """Aborted requests whose URL never loaded in these contexts."""
        return [
            f"request aborted and never loaded: {what}"
            for url, what in self.aborted.items()
            if url not in self.loaded
        ]

    def assert_clean(self) -> None:
        """Fail with everything the browser saw go wrong."""
        problems = self.take_problems() + self.never_loaded()
        assert not problems, "the browser saw problems:\n" + "\n".join(problems)
