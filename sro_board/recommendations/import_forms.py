"""The forms of the CSV import in the browser: choose a file, confirm its import."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField


class UploadForm(FlaskForm):
    """Choose a CSV file to preview."""

    file = FileField(
        _l("CSV file"),
        render_kw={"accept": ".csv,text/csv"},
    )


class ConfirmForm(FlaskForm):
    """Confirm the import of a previewed file (a button; the form carries the CSRF token)."""
