"""French in tests: pages at their /fr address."""


def in_french(client, method: str, path: str, **kwargs):
    """A request for the page at path in French: its /fr address."""
    return client.open("/fr" + path, method=method, **kwargs)
