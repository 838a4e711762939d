"""The scanners catch what they must (so a clean result means something) and not markup."""

import ast

from tests.i18n.unmarked import _literals, _TextFinder, _untranslated_source, plain


def _found(source: str) -> list[tuple[int, str]]:
    finder = _TextFinder()
    finder.feed(_untranslated_source(source))
    finder.close()
    return finder.found + _literals(source)


def test_unmarked_text_and_attributes_are_found_with_their_line():
    source = (
        "<p>{{ _('Marked') }}</p>\n"
        '<nav aria-label="{{ label }}: pages">\n'
        '<img alt="A photo" src="{{ src }}">\n'
        "<p>{% trans %}Marked block{% endtrans %}</p>\n"
        "<p>Plain words</p>\n"
        "{{ pages(page, 'Recommendations') }}{{ x ~ ' candidates' }}\n"
        '<input type="submit" value="Save"><input placeholder="Search">\n'
    )
    found = _found(source)
    assert (2, 'aria-label=" : pages"'.replace(" :", "\x01:")) in found
    assert (3, 'alt="A photo"') in found
    assert (5, "Plain words") in found
    assert (6, "'Recommendations'") in found
    assert (6, "' candidates'") in found
    assert (7, 'value="Save"') in found
    assert (7, 'placeholder="Search"') in found
    assert not [f for f in found if f[0] in (1, 4)]


def test_markup_and_marked_text_are_not_found():
    source = (
        '<a class="brand" href="{{ url_for(\'public.home\') }}">{{ _("Home") }}</a>\n'
        '<span aria-hidden="true">→</span> · — 2026\n'
        "<script>var x = 'words here';</script>\n"
        "{{ _('Hello %(name)s', name=user.name) }}\n"
    )
    assert _found(source) == []


def test_plain_python_strings():
    def expr(code):
        return ast.parse(code, mode="eval").body

    assert plain(expr("'Saved.'"))
    assert plain(expr("f'Saved {code}.'"))
    assert plain(expr("_('Saved') + ' more'"))
    assert plain(expr("'Saved %s' % code"))
    assert not plain(expr("_('Saved.')"))
    assert not plain(expr("_l('Saved.')"))
    assert not plain(expr("'—'"))
    assert not plain(expr("message"))
