"""Who may use each public, account, tracker, contact and audit endpoint.

Keys are endpoint names; a key may end in " POST" to add a second row for the form submission
of an endpoint that also answers GET. Strings in `data` are filled from `setup`'s ids like `path`.
"""

from sro_board.auth.links import issue_link
from sro_board.auth.models import TokenPurpose
from sro_board.auth.roles import Role
from sro_board.auth.services import create_user
from sro_board.contact.services import submit_message
from sro_board.core.extensions import db
from sro_board.mail.models import EmailState
from sro_board.mail.services import queue_email
from tests.factories import make_rec, make_user
from tests.recommendations.factories import draft
from tests.security.access import ANONYMOUS, EVERYONE, Access

STAFF = EVERYONE - {ANONYMOUS}
WORKING_GROUP = frozenset({"admin", "chair", "member"})
APPROVERS = frozenset({"admin", "chair"})
ADMIN = frozenset({"admin"})


def a_recommendation(users: dict) -> dict:
    """R-01, published."""
    rec = make_rec("R-01")
    return {"code": rec.code, "version": rec.version}


def another_user(users: dict) -> dict:
    """A staff account to look at or edit."""
    return {"user_id": make_user(["member"], email="someone@example.org").id}


def a_reset_link(users: dict) -> dict:
    """A password-reset link of a member."""
    user = make_user(["member"], email="forgetful@example.org")
    token = issue_link(user, TokenPurpose.PASSWORD_RESET)
    db.session.commit()
    return {"token": token, "user_id": user.id}


def an_invitation(users: dict) -> dict:
    """An invitation not yet accepted, and its link."""
    invited = create_user(
        None, email="invited@example.org", name="Invited", roles={Role.MEMBER}, password=None
    )
    token = issue_link(invited, TokenPurpose.INVITATION)
    db.session.commit()
    return {"token": token, "user_id": invited.id}


def a_pending_update(users: dict) -> dict:
    """A member's draft on R-01, written by someone other than the person deciding."""
    author = make_user(["member"], email="author@example.org")
    update = draft(make_rec("R-01"), author, public_note="Draft.", progress=20)
    return {"update_id": update.id}


def a_contact_message(users: dict) -> dict:
    """An open message in the inbox."""
    msg = submit_message("question", "When is the next report?", "", "")
    db.session.commit()
    return {"message_id": msg.id}


def a_dead_email(users: dict) -> dict:
    """An email the worker gave up on."""
    email = queue_email("someone@example.net", "account_changed", name="Someone", change="x")
    email.state = EmailState.DEAD
    db.session.commit()
    return {"email_id": email.id}


def _edit_form() -> dict:
    """A complete, valid edit form for R-01 at the version from a_recommendation."""
    return {
        "title": "Sample recommendation R-01",
        "description": "A description.",
        "theme": "role",
        "reports": "final",
        "lead_unit": "Youth Education Unit",
        "lead_user": "",
        "target_date": "2099-06-30",  # any future date; no clock at import time
        "feasibility": "feasible",
        "feasibility_rationale": "",
        "status": "planning",
        "progress": "10",
        "public_note": "Planning has begun.",
        "version": "{version}",
    }


TRACKER_ACCESS: dict[str, Access] = {
    "static": Access("/static/css/app.css", EVERYONE),
    # public pages
    "public.home": Access("/", EVERYONE),
    "public.about": Access("/about", EVERYONE),
    "recommendations.public_list": Access("/recommendations", EVERYONE),
    "recommendations.public_detail": Access(
        "/recommendations/{code}", EVERYONE, setup=a_recommendation
    ),
    "recommendations.definitions": Access("/status-definitions", EVERYONE),
    "contact.contact": Access("/contact", EVERYONE),
    "contact.contact POST": Access(
        "/contact",
        EVERYONE,
        method="POST",
        data={"topic": "question", "message": "When is the next public report due?"},
    ),
    "contact.thanks": Access("/contact/thanks", EVERYONE),
    # accounts
    "auth.login": Access("/login", EVERYONE),
    "auth.login POST": Access(
        "/login",
        EVERYONE,
        method="POST",
        data={"email": "nobody@example.org", "password": "not-the-password"},
    ),
    "auth.login_code": Access("/login/code", EVERYONE),
    "auth.login_code POST": Access("/login/code", EVERYONE, method="POST", data={"code": "1"}),
    "auth.forgot_password": Access("/password-reset", EVERYONE),
    "auth.forgot_password POST": Access(
        "/password-reset", EVERYONE, method="POST", data={"email": "nobody@example.org"}
    ),
    "auth.reset_password": Access("/password-reset/{token}", EVERYONE, setup=a_reset_link),
    "auth.reset_password POST": Access(
        "/password-reset/{token}",
        EVERYONE,
        method="POST",
        data={"new_password": "x" * 20, "confirm": "y" * 20},
        setup=a_reset_link,
    ),
    "auth.accept_invitation": Access("/invitation/{token}", EVERYONE, setup=an_invitation),
    "auth.accept_invitation POST": Access(
        "/invitation/{token}",
        EVERYONE,
        method="POST",
        data={"new_password": "x" * 20, "confirm": "y" * 20},
        setup=an_invitation,
    ),
    "auth.logout": Access("/logout", STAFF, method="POST"),
    "auth.reauth": Access("/account/confirm", STAFF),
    "auth.reauth POST": Access(
        "/account/confirm", STAFF, method="POST", data={"password": "wrong", "code": "1"}
    ),
    "auth.password": Access("/account/password", STAFF),
    "auth.password POST": Access(
        "/account/password",
        STAFF,
        method="POST",
        data={"current_password": "wrong", "new_password": "x" * 15, "confirm": "x" * 15},
    ),
    "auth.mfa": Access("/account/mfa", STAFF),
    "auth.mfa_setup": Access("/account/mfa/setup", STAFF),
    "auth.mfa_start": Access("/account/mfa/start", STAFF, method="POST"),
    "auth.mfa_confirm": Access("/account/mfa/setup", STAFF, method="POST", data={"code": "1"}),
    "auth.mfa_recovery_codes": Access("/account/mfa/recovery-codes", STAFF, method="POST"),
    "auth.mfa_off": Access("/account/mfa/off", STAFF, method="POST"),
    "auth.mfa_replace": Access("/account/mfa/replace", STAFF, method="POST"),
    "security.csp_report": Access("/csp-report", EVERYONE, method="POST"),
    "auth.sessions": Access("/account/sessions", STAFF),
    "auth.language": Access("/account/language", STAFF),
    "auth.language POST": Access(
        "/account/language", STAFF, method="POST", data={"language": "fr"}
    ),
    "auth.end_session": Access("/account/sessions/999999/end", STAFF, method="POST"),
    "auth.end_other_sessions_view": Access("/account/sessions/end-others", STAFF, method="POST"),
    "auth.users": Access("/staff/users", ADMIN),
    "auth.new_user": Access("/staff/users/new", ADMIN),
    "auth.new_user POST": Access(
        "/staff/users/new",
        ADMIN,
        method="POST",
        data={"name": "New Person", "email": "new.person@example.org", "roles": "member"},
    ),
    "auth.edit_user": Access("/staff/users/{user_id}", ADMIN, setup=another_user),
    "auth.edit_user POST": Access(
        "/staff/users/{user_id}",
        ADMIN,
        method="POST",
        data={"name": "Someone", "email": "someone@example.org", "roles": "chair", "active": "y"},
        setup=another_user,
    ),
    "auth.end_sessions_of": Access(
        "/staff/users/{user_id}/end-sessions", ADMIN, method="POST", setup=another_user
    ),
    "auth.reset_mfa": Access(
        "/staff/users/{user_id}/reset-mfa", ADMIN, method="POST", setup=another_user
    ),
    "auth.resend_invitation": Access(
        "/staff/users/{user_id}/invitation", ADMIN, method="POST", setup=an_invitation
    ),
    # the working group's tracker
    "recommendations.dashboard": Access("/staff/", WORKING_GROUP),
    "recommendations.staff_list": Access("/staff/recommendations", WORKING_GROUP),
    "recommendations.export": Access(
        "/staff/recommendations/export.csv", WORKING_GROUP, setup=a_recommendation
    ),
    "recommendations.new": Access("/staff/recommendations/new", APPROVERS),
    "recommendations.new POST": Access(
        "/staff/recommendations/new",
        APPROVERS,
        method="POST",
        data={
            "code": "R-02",
            "title": "A new recommendation",
            "description": "What it asks for.",
            "theme": "community",
            "reports": "final",
            "lead_unit": "Youth Education Unit",
            "lead_user": "",
            "target_date": "2030-06-30",
        },
    ),
    "recommendations.staff_detail": Access(
        "/staff/recommendations/{code}", WORKING_GROUP, setup=a_recommendation
    ),
    "recommendations.edit": Access(
        "/staff/recommendations/{code}/edit", WORKING_GROUP, setup=a_recommendation
    ),
    "recommendations.edit POST": Access(
        "/staff/recommendations/{code}/edit",
        WORKING_GROUP,
        method="POST",
        data=_edit_form(),
        setup=a_recommendation,
    ),
    "recommendations.edit_definition": Access(
        "/staff/status-definitions/feasibility/feasible", ADMIN
    ),
    "recommendations.edit_definition POST": Access(
        "/staff/status-definitions/feasibility/feasible",
        ADMIN,
        method="POST",
        data={"name": "Feasible", "meaning": "It can be done.", "entry_criteria": "Assessed."},
    ),
    "recommendations.pending_updates": Access("/staff/updates", APPROVERS, setup=a_pending_update),
    "recommendations.approve": Access(
        "/staff/updates/{update_id}/approve", APPROVERS, method="POST", setup=a_pending_update
    ),
    "recommendations.reject": Access(
        "/staff/updates/{update_id}/reject",
        APPROVERS,
        method="POST",
        data={"reason": "Please say which step was completed."},
        setup=a_pending_update,
    ),
    # contact inbox, and the administration pages: audit log and email outbox
    "contact.inbox": Access("/staff/inbox", APPROVERS, setup=a_contact_message),
    "contact.message": Access("/staff/inbox/{message_id}", APPROVERS, setup=a_contact_message),
    "contact.message POST": Access(
        "/staff/inbox/{message_id}",
        APPROVERS,
        method="POST",
        data={"state": "answered"},
        setup=a_contact_message,
    ),
    "admin.audit_log": Access("/staff/audit", APPROVERS),
    "admin.outbox": Access("/staff/email", ADMIN),
    "admin.retry": Access(
        "/staff/email/{email_id}/retry", ADMIN, method="POST", setup=a_dead_email
    ),
}


# Operations probes (sro_board/ops): public, for load balancers and orchestrators. /readyz answers a
# deliberate 503 with Retry-After on a database built without `flask db upgrade`, as in these tests.
OPS_ACCESS: dict[str, Access] = {
    "ops.healthz": Access("/healthz", EVERYONE),
    "ops.readyz": Access("/readyz", EVERYONE),
}


# The tracker's CSV import in the browser (recommendations/views/imports.py): chair and admin;
# record-level, only the uploader sees an upload, so the setup gives it to the role logged in.
class _CsvFile:
    """A CSV file to post that can be read again for every request (the sweep sends many)."""

    name = "recommendations.csv"
    content = (
        b"code,title,title_fr,description,description_fr,theme,source_reports,lead_unit,"
        b"lead_user_email,target_date,baseline_target_date,feasibility,feasibility_rationale,"
        b"status,progress,progress_from_milestones\r\n"
    )

    def __init__(self) -> None:
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        """The next bytes; at the end b"" once, then the file starts over."""
        if self.position >= len(self.content):
            self.position = 0
            return b""
        end = len(self.content) if size is None or size < 0 else self.position + size
        chunk = self.content[self.position : end]
        self.position += len(chunk)
        return chunk

    def __str__(self) -> str:
        return self.content.decode()


def an_upload(users: dict, state: str = "previewed") -> dict:
    """A header-only CSV file uploaded by the role logged in (an admin's when nobody is)."""
    import hashlib

    from sro_board.recommendations.import_models import ImportState, ImportUpload

    owner = next(iter(users.values()), None) or users["admin"]
    upload = ImportUpload(
        uploader=owner,
        content=_CsvFile.content,
        sha256=hashlib.sha256(_CsvFile.content).hexdigest(),
        preview={"rows": [], "errors": [], "versions": {}},
        state=ImportState(state),
        result={"created": [], "updated": [], "awaiting_sign_off": [], "unchanged": []}
        if state == "done"
        else None,
    )
    db.session.add(upload)
    db.session.commit()
    return {"upload_id": upload.id}


IMPORT = "/staff/recommendations/import"
IMPORT_ACCESS: dict[str, Access] = {
    "recommendations.import_upload": Access(IMPORT, APPROVERS),
    "recommendations.import_upload POST": Access(
        IMPORT, APPROVERS, method="POST", data={"file": _CsvFile()}
    ),
    "recommendations.import_preview": Access(IMPORT + "/{upload_id}", APPROVERS, setup=an_upload),
    "recommendations.import_confirm": Access(
        IMPORT + "/{upload_id}/confirm", APPROVERS, method="POST", setup=an_upload
    ),
    "recommendations.import_status": Access(
        IMPORT + "/{upload_id}/status", APPROVERS, setup=lambda users: an_upload(users, "done")
    ),
}
