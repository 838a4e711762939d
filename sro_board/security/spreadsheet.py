"""CSV cells that a spreadsheet would run as formulas (CSV injection), neutralised and restored."""

# Spreadsheets run cells starting with these as formulas (ASVS 5.0 1.2.10 adds NUL).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")


def _formula_like(value: str) -> bool:
    """Starts like a formula, after any apostrophes (so that an apostrophe of its own survives)."""
    return value.lstrip("'").startswith(FORMULA_START)


def neutralise(value: str) -> str:
    """Prefix a cell that a spreadsheet would read as a formula with an apostrophe."""
    return "'" + value if _formula_like(value) else value


def restore(value: str) -> str:
    """Undo neutralise() on import, so export then import changes nothing."""
    if value.startswith("'") and _formula_like(value):
        return value[1:]
    return value
