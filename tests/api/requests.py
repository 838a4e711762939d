"""Every address of the API for a client: each operation, each item, both languages."""

from sro_board.api.registry import OPERATIONS


def every_api_path(client, extra_meetings=()) -> list[str]:
    """Each operation's path (items from the lists), in English and French, and each bulk file."""
    codes = [
        r["code"] for r in client.get("/api/v1/recommendations?per_page=100").get_json()["data"]
    ]
    meetings = [m["id"] for m in client.get("/api/v1/meetings?per_page=100").get_json()["data"]]
    meetings += [m for m in extra_meetings if m not in meetings]
    paths = []
    for op in OPERATIONS:
        if "{code}" in op.path:
            paths += [op.path.replace("{code}", code) for code in codes]
        elif "{meeting_id}" in op.path:
            paths += [op.path.replace("{meeting_id}", str(m)) for m in meetings]
        else:
            paths.append(op.path)
    return (
        paths
        + ["/fr" + path for path in paths]
        + [p + "?lang=fr" for p in paths if "bulk" not in p]
    )
