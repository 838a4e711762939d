"""Field helpers of the applicant's forms: trimmed emails and phones, category-only checks."""

from collections.abc import Callable

from flask_babel import lazy_gettext as _l
from wtforms import EmailField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp, StopValidation

from ..enums import AgeRange, Category

EMAIL_MESSAGE = _l("Enter an email address like name@example.com.")
PHONE = Regexp(
    r"^[0-9+()./ -]{7,25}( *(ext|x)\.? *[0-9]{1,6})?$",
    message=_l("Enter a phone number using digits, spaces, + ( ) or -, like 403-555-0123."),
)


def strip(value):
    """Trim pasted spaces around a typed value."""
    return value.strip() if isinstance(value, str) else value


def email_field(label: str, required: str | None = None, **kwargs) -> EmailField:
    """An email address field, required (with this message) or optional."""
    first = DataRequired(message=required) if required else Optional()
    return EmailField(
        label,
        validators=[first, Email(message=EMAIL_MESSAGE), Length(max=254)],
        filters=[strip],
        **kwargs,
    )


def optional_int(value) -> int | None:
    """'' -> None, '9' -> 9 (for selects with an empty first option)."""
    return None if value in ("", None) else int(value)


class Applies:
    """Check a field only when `when(form)` holds; there it is required unless told otherwise.

    Fields of the other categories (and a guardian's details for an adult) are not validated
    at all, so one form with every section works without JavaScript.
    """

    def __init__(self, when: Callable, message: str = "", required: Callable | bool = True):
        self.when, self.message, self.required = when, message, required

    def __call__(self, form, field) -> None:
        if not self.when(form):
            field.errors[:] = []
            raise StopValidation()
        if field.data in (None, "", False):
            field.errors[:] = []
            required = self.required(form) if callable(self.required) else self.required
            raise StopValidation(self.message if required else None)


def is_category(category: Category) -> Callable:
    """A condition: the applicant chose this category."""
    return lambda form: form.category.data == category.value


def minor_student(form) -> bool:
    """A student under 18 (or one who has not said their age yet)."""
    return (
        form.category.data == Category.STUDENT.value
        and form.age_range.data != AgeRange.AGE_18_PLUS.value
    )


STUDENT = is_category(Category.STUDENT)
PARENT = is_category(Category.PARENT)
STAFF = is_category(Category.STAFF)
