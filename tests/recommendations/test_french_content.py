"""French content beside the English: saved by the forms and services, audited, shown on French
pages (or the English, marked lang="en", with a not-yet-translated note)."""

import re

import sqlalchemy as sa
from flask_babel import force_locale, gettext

from sro_board.audit.models import AuditEntry
from sro_board.core.extensions import db
from sro_board.recommendations.labels import label
from tests.factories import login, make_rec
from tests.pages import load_form, text
from tests.recommendations.factories import EVIDENCE, edit_path, publish, rec_by_code, submit_edit

FRENCH = {"sro_board.language": "fr"}
PAIR = '<div class="bilingual-pair">'


def french(client, path: str) -> str:
    """The page's French address (/fr/...)."""
    response = client.get(f"/fr{path}")
    assert response.status_code == 200, response.status_code
    return text(response)


def main(page: str) -> str:
    """The page's main content (the frame has the language switch, in the other language)."""
    return page.split("<main", 1)[1].split("</main>", 1)[0]


def note() -> str:
    """The not-yet-translated note as French pages show it."""
    with force_locale("fr"):
        return gettext("(not yet translated)")


def entries(action: str) -> list[AuditEntry]:
    """Audit entries of one action, oldest first."""
    return list(
        db.session.scalars(
            sa.select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        )
    )


def test_a_new_recommendation_keeps_its_french_and_the_audit_log_has_it(app):
    rec = make_rec(title_fr="Titre en français", description_fr="Une description.")
    assert (rec.title_fr, rec.description_fr) == ("Titre en français", "Une description.")
    created = entries("recommendation.created")[-1]
    assert created.after["title_fr"] == "Titre en français"
    assert created.after["description_fr"] == "Une description."
    first = rec.updates[0]
    assert (first.public_note, first.public_note_fr) == (
        "Recommendation added to the tracker.",
        "Recommandation ajoutée au suivi.",
    )


def test_french_changes_are_diffed_and_audited_like_english_ones(app):
    rec = make_rec()
    update = publish(rec, title_fr="Partager les données", public_note="Translated.")
    assert update.changes["title_fr"] == {"old": "", "new": "Partager les données"}
    proposed, published = entries("update.proposed")[-1], entries("update.published")[-1]
    assert proposed.after["changes"]["title_fr"]["new"] == "Partager les données"
    assert published.before == {"title_fr": ""}
    assert published.after == {"title_fr": "Partager les données"}
    assert rec_by_code().title_fr == "Partager les données"


def test_the_edit_form_shows_english_and_french_side_by_side(client, users):
    make_rec()
    login(client, users["chair"])
    page = text(client.get(edit_path()))
    for name, english, french_label in (
        ("title", "Title (English)", "Title (French)"),
        ("description", "Description (English)", "Description (French)"),
        ("public_note", "Public note (English)", "Public note (French)"),
    ):
        # Each pair is one grid (two columns on wide screens): English field, then French.
        pairs = [chunk.split("</div>\n\n</div>")[0] for chunk in page.split(PAIR)[1:]]
        pair = next(p for p in pairs if f'id="{name}"' in p)
        assert pair.index(f'id="{name}"') < pair.index(f'id="{name}_fr"'), name
        assert f'<label for="{name}">{english}</label>' in pair
        assert f'<label for="{name}_fr">{french_label}</label>' in pair
        assert re.search(rf'<(input|textarea)[^>]*id="{name}_fr"[^>]*lang="fr"', page), name
        # The French is optional: not marked required.
        assert not re.search(rf'<(input|textarea)[^>]*id="{name}_fr"[^>]*required', page)
    assert 'aria-label="Milestone 1 title in French"' in page
    assert 'aria-label="Evidence 1 title in French"' in page


def test_the_edit_form_saves_every_french_text(client, users):
    make_rec()
    login(client, users["chair"])
    response = submit_edit(
        client,
        title_fr="Partager les données",
        description_fr="Publier les chiffres chaque année.",
        public_note="Plan agreed.",
        public_note_fr="Plan approuvé.",
        **{
            "milestones-0-title": "Draft a plan",
            "milestones-0-title_fr": "Rédiger un plan",
            "milestones-0-due_date": "2030-01-15",
            "evidence-0-title": "Published policy",
            "evidence-0-title_fr": "Politique publiée",
            "evidence-0-url": "https://example.org/policy",
        },
    )
    assert response.status_code == 302, text(response)
    rec = rec_by_code()
    assert (rec.title_fr, rec.description_fr) == (
        "Partager les données",
        "Publier les chiffres chaque année.",
    )
    assert [m.title_fr for m in rec.milestones] == ["Rédiger un plan"]
    assert [e.title_fr for e in rec.evidence] == ["Politique publiée"]
    assert rec.updates[0].public_note_fr == "Plan approuvé."
    changes = entries("update.published")[-1].after
    assert changes["milestones"] == [
        {
            "title": "Draft a plan",
            "due_date": "2030-01-15",
            "done": False,
            "title_fr": "Rédiger un plan",
        }
    ]
    # Loaded again, the form holds the French.
    form = load_form(client, edit_path())
    assert form["title_fr"] == ["Partager les données"]
    assert form["milestones-0-title_fr"] == ["Rédiger un plan"]


def test_a_french_title_without_the_english_is_refused(client, users):
    make_rec()
    login(client, users["chair"])
    response = submit_edit(
        client,
        public_note="A note.",
        **{"milestones-0-title_fr": "Rédiger un plan", "milestones-0-due_date": "2030-01-15"},
    )
    assert response.status_code == 200
    assert "Write the English title too; the French translates it." in text(response)
    assert rec_by_code().milestones == []


def test_a_french_note_without_the_english_is_refused(client, users):
    make_rec()
    login(client, users["chair"])
    response = submit_edit(client, progress=20, public_note="", public_note_fr="Plan approuvé.")
    assert response.status_code == 200
    assert "Write the public note in English too; the French translates it." in text(response)
    assert rec_by_code().progress == 0


def test_french_pages_show_the_french(client):
    rec = make_rec(title_fr="Partager les données", description_fr="Un.\n\nDeux.")
    publish(
        rec,
        public_note="Plan agreed.",
        milestones=[
            {"title": "Plan", "title_fr": "Plan FR", "due_date": "2030-01-01", "done": False}
        ],
        evidence=[EVIDENCE[0] | {"title_fr": "Politique publiée"}],
    )
    db.session.execute(
        sa.text("UPDATE recommendation_update SET public_note_fr = 'Plan approuvé.'")
    )
    page = french(client, "/recommendations/R-01")
    assert re.search(r"<title>R-01\W+Partager les données", page)
    assert '<span class="code">R-01</span> Partager les données</h1>' in page
    assert "<p>Un.</p>" in page
    assert "<p>Deux.</p>" in page
    assert "Plan FR" in page
    assert ">Politique publiée</a>" in page
    assert "<p>Plan approuvé.</p>" in page
    assert "Sample recommendation R-01" not in page
    assert note() not in page
    listing = french(client, "/recommendations")
    assert ">Partager les données</a>" in listing


def test_french_pages_mark_english_not_yet_translated(client):
    rec = make_rec()
    publish(rec, public_note="Plan agreed.", evidence=EVIDENCE)
    page = french(client, "/recommendations/R-01")
    untranslated = f'<span class="meta untranslated">{note()}</span>'
    marked = f'<span lang="en">Sample recommendation R-01</span> {untranslated}'
    assert f'<span class="code">R-01</span> {marked}</h1>' in page
    assert '<div class="bilingual description" lang="en">' in page
    link = '<a href="https://example.org/policy" rel="noopener noreferrer">'
    assert f'{link}<span lang="en">Published policy</span> {untranslated}</a>' in page
    assert f'<p><span lang="en">Plan agreed.</span> {untranslated}</p>' in page
    assert marked in french(client, "/recommendations")


def test_english_pages_show_the_english_without_notes(client):
    make_rec(title_fr="Partager les données", description_fr="Une description.")
    for path in ("/recommendations/R-01", "/recommendations"):
        page = text(client.get(path))
        assert "Sample recommendation R-01" in page
        assert "Partager les données" not in page
        assert "untranslated" not in page
        assert 'lang="en">' not in main(page)


def test_search_finds_a_recommendation_by_its_french_title(client):
    make_rec(title_fr="Partager les données")
    make_rec("R-02")
    page = french(client, "/recommendations?q=donn%C3%A9es")
    assert "R-01" in page
    assert "R-02" not in page


def test_the_status_definitions_page_is_fully_french(client):
    page = french(client, "/status-definitions")
    assert "Pas encore évaluée" in page
    assert "Dans les temps" in page
    assert "Le travail est commencé." in page
    assert note() not in page
    assert 'lang="en"' not in main(page)


def test_names_of_values_follow_the_page_language(app):
    with app.test_request_context("/", environ_base=FRENCH):
        assert label("implementation", "in_progress") == "En cours"
    with app.test_request_context("/"):
        assert label("implementation", "in_progress") == "In progress"


def test_a_definition_is_edited_in_both_languages_and_audited(client, users):
    login(client, users["admin"])
    path = "/staff/status-definitions/implementation/in_progress"
    page = text(client.get(path))
    assert '<div class="bilingual-pair">' in page
    assert 'id="name_fr"' in page
    form = load_form(client, path)
    assert form["name_fr"] == ["En cours"]
    form["name_fr"] = ["En marche"]
    response = client.post(path, data=form)
    assert response.status_code == 302
    entry = entries("definition.updated")[-1]
    assert (entry.before["name_fr"], entry.after["name_fr"]) == ("En cours", "En marche")
    assert "En marche" in french(client, "/status-definitions")


def test_the_new_recommendation_form_takes_the_french_beside_the_english(client, users):
    login(client, users["chair"])
    form = load_form(client, "/staff/recommendations/new")
    assert {"title_fr", "description_fr"} <= set(form)
    response = client.post(
        "/staff/recommendations/new",
        data={
            "code": "R-02",
            "title": "Review the complaint process",
            "title_fr": "Revoir le processus de plainte",
            "description": "Make complaints easier to raise.",
            "description_fr": "Faciliter le dépôt des plaintes.",
            "theme": "advisory_accountability",
            "reports": ["final"],
            "lead_unit": "Professional Standards",
            "lead_user": "",
            "target_date": "2027-03-31",
        },
    )
    assert response.status_code == 302, text(response)
    rec = rec_by_code("R-02")
    assert (rec.title_fr, rec.description_fr) == (
        "Revoir le processus de plainte",
        "Faciliter le dépôt des plaintes.",
    )
    assert entries("recommendation.created")[-1].after["title_fr"] == rec.title_fr
