"""Public tracker pages: the list, a recommendation's page, status definitions."""

from flask import render_template, request

from ...core.clock import today_local
from ...core.pagecache import public_page
from ...core.pagination import paginate
from ..blueprint import bp
from ..definitions import definitions_by_axis
from ..fields import FIELD_LABELS, STAFF_ONLY_FIELDS
from ..filters import FilterForm, filter_recommendations
from ..queries import find_by_code, public_timeline, status_reason
from ..schedule import schedule_state


def render_list(template: str):
    """A list page: the filter form from the query string and the recommendations it matches."""
    form = FilterForm(request.args)
    if request.args:
        form.validate()
    page = paginate(filter_recommendations(form))
    return render_template(
        template,
        form=form,
        page=page,
        recs=page.items,
        today=today_local(),
        schedule_state=schedule_state,
    )


@bp.get("/recommendations")
@public_page()
def public_list():
    """All recommendations with filters and search."""
    return render_list("recommendations/public/list.html")


@bp.get("/recommendations/<code>")
@public_page()
def public_detail(code: str):
    """One recommendation: current values, baseline, evidence, milestones, public timeline."""
    rec = find_by_code(code)
    timeline = public_timeline(rec)
    return render_template(
        "recommendations/public/detail.html",
        rec=rec,
        timeline=timeline,
        status_reason=status_reason(rec),
        schedule=schedule_state(rec.status, rec.target_date, rec.progress, today_local()),
        field_labels=FIELD_LABELS,
        hidden_fields=STAFF_ONLY_FIELDS,
    )


@bp.get("/status-definitions")
@public_page()
def definitions():
    """The published meaning and entry criteria of every status."""
    return render_template("recommendations/public/definitions.html", by_axis=definitions_by_axis())
