"""The words people read for topics and inbox states, in the language of the page."""

from flask_babel import lazy_gettext as _l

from .models import MessageState, Topic

TOPIC_LABELS = {
    Topic.QUESTION: _l("A question"),
    Topic.COMMENT: _l("A comment"),
    Topic.CONCERN: _l("A concern"),
    Topic.SUGGESTION: _l("A suggestion"),
}
# Capitalised, on their own: tabs, choices, the message page.
STATE_LABELS = {
    MessageState.OPEN: _l("Open"),
    MessageState.ANSWERED: _l("Answered"),
    MessageState.CLOSED: _l("Closed"),
}
# Inside a sentence.
STATE_WORDS = {
    MessageState.OPEN: _l("open"),
    MessageState.ANSWERED: _l("answered"),
    MessageState.CLOSED: _l("closed"),
}
# The language a message was written in, named for the staff who answer it.
LANGUAGE_LABELS = {"en": _l("English"), "fr": _l("French")}
# The inbox's list of one state, and its empty state: whole phrases (French adjectives agree).
LIST_TITLES = {
    MessageState.OPEN: _l("open messages"),
    MessageState.ANSWERED: _l("answered messages"),
    MessageState.CLOSED: _l("closed messages"),
}
NONE_IN_STATE = {
    MessageState.OPEN: _l("No open messages."),
    MessageState.ANSWERED: _l("No answered messages."),
    MessageState.CLOSED: _l("No closed messages."),
}
