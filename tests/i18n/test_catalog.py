"""The French catalog is complete: every string marked in the code is in it, translated, not
fuzzy, with the same placeholders; the committed .mo is a fresh compile of the .po."""

from io import BytesIO

from babel.messages.mofile import write_mo

from tests.i18n.extraction import (
    EXTRA_KEYWORDS,
    FRENCH_MO,
    extracted,
    french,
    makefile_keywords,
)


def _where(message) -> str:
    return ", ".join(f"{path}:{line}" for path, line in message.locations) or "(no location)"


def _untranslated(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return not all(strings)


def test_no_untranslated_or_fuzzy_entry():
    catalog = french()
    problems = [
        f"{_where(m)}: {'fuzzy' if m.fuzzy else 'untranslated'}: {m.id!r}"
        for m in catalog
        if m.id and (m.fuzzy or _untranslated(m))
    ]
    assert not problems, "French catalog (make messages, then translate):\n" + "\n".join(problems)


def test_every_string_marked_in_the_code_is_in_the_catalog():
    catalog = french()
    known = {m.id for m in catalog if m.id}
    missing = [
        f"{where}: {msgid!r}"
        for msgid, places in sorted(extracted().items(), key=lambda item: item[1][0])
        if msgid not in known
        for where in places[:1]
    ]
    assert not missing, "Not in the French catalog (run make messages):\n" + "\n".join(missing)


def test_translations_keep_the_placeholders():
    problems = [
        f"{_where(m)}: {m.id!r}: {'; '.join(str(e) for e in errors)}"
        for m, errors in french().check()
    ]
    assert not problems, "\n".join(problems)


def test_the_committed_mo_is_a_fresh_compile_of_the_po():
    fresh = BytesIO()
    write_mo(fresh, french(), use_fuzzy=False)
    assert FRENCH_MO.read_bytes() == fresh.getvalue(), "run make translations"


def test_the_makefile_extracts_with_the_same_keywords():
    assert makefile_keywords() == EXTRA_KEYWORDS


def test_the_extraction_finds_marked_strings():
    """The check means something: strings marked in core are found, with their place."""
    found = extracted()
    assert found, "nothing extracted: babel.cfg or the walk is wrong"
    assert all(":" in place for places in found.values() for place in places)
    places = {place.rsplit(":", 1)[0] for places in found.values() for place in places}
    assert "templates/_macros/pagination.html" in places  # a folder starting with "_"
    assert "sro_board/core/errors.py" in places
    assert "templates/base.html" in places
