"""Sections a higher package adds to a lower package's page, so the lower one knows none of them.

A feature page names a slot and includes what is registered for it:

    {% for section in sections("recommendation.public", rec=rec) %}
      {% include section.template %}
    {% endfor %}

A package above it registers, in its init_app, a template and a function that returns that
template's values from the page's keyword arguments (`add_section(app, slot, template, values)`);
the template reads them as `section.values`. Sections come in the order they were registered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app

EXTENSION_KEY = "sro_board_sections"


@dataclass(frozen=True)
class Section:
    """One section to include: its template and the values it shows."""

    template: str
    values: dict[str, Any]


@dataclass(frozen=True)
class _Registered:
    template: str
    values: Callable[..., dict[str, Any]]


def add_section(
    app: Flask, slot: str, template: str, values: Callable[..., dict[str, Any]]
) -> None:
    """Include template, with values(**page context), wherever a page names this slot."""
    registered = app.extensions.setdefault(EXTENSION_KEY, {}).setdefault(slot, [])
    registered.append(_Registered(template, values))


def sections_for(slot: str, **context: Any) -> list[Section]:
    """The sections registered for this slot, with their values for this page (empty if none)."""
    registered = current_app.extensions.get(EXTENSION_KEY, {}).get(slot, [])
    return [Section(each.template, each.values(**context)) for each in registered]


def register(app: Flask) -> None:
    """Offer `sections(slot, **context)` to every template."""
    app.add_template_global(sections_for, "sections")
