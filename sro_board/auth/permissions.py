"""The permission matrix: which roles may take each action. The only place that says so.

Views are guarded by permission_required(Action.X) (decorators.py), templates ask can(Action.X),
and docs/permissions.md is rendered from this file (`flask security permissions-doc`).
Endpoints without a guard must be listed in PUBLIC_ENDPOINTS; a test checks every endpoint.
"""

import enum

from flask_login import current_user

from .roles import Role


class Action(enum.StrEnum):
    """Something a staff member may be allowed to do."""

    USE_OWN_ACCOUNT = "use_own_account"
    MANAGE_USERS = "manage_users"
    VIEW_TRACKER = "view_tracker"
    EXPORT_RECOMMENDATIONS = "export_recommendations"
    PROPOSE_UPDATES = "propose_updates"
    ADD_RECOMMENDATIONS = "add_recommendations"
    IMPORT_RECOMMENDATIONS = "import_recommendations"
    APPROVE_UPDATES = "approve_updates"
    EDIT_STATUS_DEFINITIONS = "edit_status_definitions"
    HANDLE_CONTACT_MESSAGES = "handle_contact_messages"
    READ_AUDIT_LOG = "read_audit_log"
    VIEW_BOARD = "view_board"
    MANAGE_INTAKES = "manage_intakes"
    DECIDE_APPLICATIONS = "decide_applications"
    EXPORT_APPLICATIONS = "export_applications"
    DELETE_APPLICATIONS = "delete_applications"
    READ_OUTBOX = "read_outbox"
    RETRY_EMAIL = "retry_email"
    REVIEW_APPLICATIONS = "review_applications"
    MANAGE_MEETINGS = "manage_meetings"
    MANAGE_BOARD_MEMBERS = "manage_board_members"
    VIEW_BOARD_HOME = "view_board_home"
    DRAFT_ASSESSMENTS = "draft_assessments"
    APPROVE_ASSESSMENTS = "approve_assessments"

    @property
    def description(self) -> str:
        """What the action covers, for docs/permissions.md."""
        return DESCRIPTIONS[self]


ADMIN, CHAIR, MEMBER, REVIEWER, BOARD_MEMBER = (
    Role.ADMIN,
    Role.CHAIR,
    Role.MEMBER,
    Role.REVIEWER,
    Role.BOARD_MEMBER,
)

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.USE_OWN_ACCOUNT: frozenset(Role),
    Action.MANAGE_USERS: frozenset({ADMIN}),
    Action.VIEW_TRACKER: frozenset({ADMIN, CHAIR, MEMBER}),
    Action.EXPORT_RECOMMENDATIONS: frozenset({ADMIN, CHAIR, MEMBER}),
    Action.PROPOSE_UPDATES: frozenset({ADMIN, CHAIR, MEMBER}),
    Action.ADD_RECOMMENDATIONS: frozenset({ADMIN, CHAIR}),
    # Creates recommendations and publishes at once, as an approver's edit does.
    Action.IMPORT_RECOMMENDATIONS: frozenset({ADMIN, CHAIR}),
    Action.APPROVE_UPDATES: frozenset({ADMIN, CHAIR}),
    Action.EDIT_STATUS_DEFINITIONS: frozenset({ADMIN}),
    Action.HANDLE_CONTACT_MESSAGES: frozenset({ADMIN, CHAIR}),
    Action.READ_AUDIT_LOG: frozenset({ADMIN, CHAIR}),
    Action.VIEW_BOARD: frozenset({ADMIN, CHAIR}),
    Action.MANAGE_INTAKES: frozenset({ADMIN}),
    Action.DECIDE_APPLICATIONS: frozenset({ADMIN}),
    Action.EXPORT_APPLICATIONS: frozenset({ADMIN}),
    Action.DELETE_APPLICATIONS: frozenset({ADMIN}),
    Action.READ_OUTBOX: frozenset({ADMIN}),
    Action.RETRY_EMAIL: frozenset({ADMIN}),
    Action.REVIEW_APPLICATIONS: frozenset({REVIEWER}),
    Action.MANAGE_MEETINGS: frozenset({ADMIN, CHAIR, Role.BOARD_CHAIR}),
    Action.MANAGE_BOARD_MEMBERS: frozenset({ADMIN}),
    # The advisory board's own side: nobody on the service's side holds these roles.
    Action.VIEW_BOARD_HOME: frozenset({BOARD_MEMBER, Role.BOARD_CHAIR}),
    Action.DRAFT_ASSESSMENTS: frozenset({BOARD_MEMBER}),
    Action.APPROVE_ASSESSMENTS: frozenset({Role.BOARD_CHAIR}),
}

DESCRIPTIONS: dict[Action, str] = {
    Action.USE_OWN_ACCOUNT: "Log out, change one's own password, set up or reset one's own MFA, "
    "choose the language of one's account email.",
    Action.MANAGE_USERS: "List staff, invite staff, change roles, deactivate, end sessions, "
    "reset someone's MFA.",
    Action.VIEW_TRACKER: "The working group's dashboard, list and staff view of a recommendation.",
    Action.EXPORT_RECOMMENDATIONS: "Download the recommendations as CSV.",
    Action.PROPOSE_UPDATES: "Edit a recommendation: a draft update (published at once for "
    "approvers).",
    Action.ADD_RECOMMENDATIONS: "Add a recommendation.",
    Action.IMPORT_RECOMMENDATIONS: "Upload a CSV file of recommendations, preview every change "
    "and confirm its all-or-nothing import (the same service as `flask recommendations import`). "
    "Record-level: only the uploader sees or confirms an upload.",
    Action.APPROVE_UPDATES: "See pending updates; approve or reject another person's draft.",
    Action.EDIT_STATUS_DEFINITIONS: "Edit the published meaning of each status.",
    Action.HANDLE_CONTACT_MESSAGES: "Read the contact inbox and mark messages handled.",
    Action.READ_AUDIT_LOG: "Read the audit log.",
    Action.VIEW_BOARD: "Advisory-board intakes, applications (with personal data), selection "
    "and members.",
    Action.MANAGE_INTAKES: "Add or edit intakes, rubric criteria and reviewer assignments; "
    "start the review.",
    Action.DECIDE_APPLICATIONS: "Move an application to another stage (shortlist, offer, ...).",
    Action.EXPORT_APPLICATIONS: "Export one applicant's data (access requests).",
    Action.DELETE_APPLICATIONS: "Delete an application on request.",
    Action.READ_OUTBOX: "See each email's delivery status (never its address, text or links).",
    Action.RETRY_EMAIL: "Retry an email that was given up on (a dead letter).",
    Action.REVIEW_APPLICATIONS: "Blind review of assigned applications: declare conflicts, "
    "score. Record-level: only intakes one is assigned to, never an application one declared "
    "a conflict on.",
    Action.MANAGE_MEETINGS: "Meetings: agendas, attendance, minutes, decisions, action items. "
    "Record-level: the working group's meetings for its chair, the advisory board's for the "
    "board chair (sro_board/meetings/access.py); admin both.",
    Action.MANAGE_BOARD_MEMBERS: "Record a board member's resignation; make a member board chair "
    "(two at most) or not.",
    Action.VIEW_BOARD_HOME: "The board home: assessments to draft or agree, and the board's own "
    "pages (never applicants' data or internal notes).",
    Action.DRAFT_ASSESSMENTS: "Draft the board's assessment of a recommendation, edit one's own "
    "draft, submit it to the board chair. Service roles can never hold this (see "
    "oversight/access.py).",
    Action.APPROVE_ASSESSMENTS: "Approve (publish) or return a submitted assessment; not one's "
    "own draft while another board chair can approve it.",
}

# Endpoints anyone may use without logging in. Private applicant pages are reached by a long
# random token in the link (board.status, board.consent, follow.manage) rather than by a role.
PUBLIC_ENDPOINTS = frozenset(
    {
        "static",
        "security.csp_report",
        "ops.healthz",
        "ops.readyz",
        "public.home",
        "public.about",
        "recommendations.public_list",
        "recommendations.public_detail",
        "recommendations.definitions",
        "contact.contact",
        "contact.thanks",
        "auth.login",
        "auth.login_code",
        "auth.forgot_password",
        "auth.reset_password",
        "auth.accept_invitation",
        "board.join",
        "board.apply",
        "board.applied",
        "board.status",
        "board.update_contact_details",
        "board.confirm_email",
        "board.withdraw_application",
        "board.resend_guardian",
        "board.lost_link",
        "board.consent",
        "board.consent_done",
        "board.roster",
        "meetings.public_list",
        "meetings.public_detail",
        "meetings.pack",
        "meetings.feed",
        "meetings.meeting_ics",
        "feeds.updates",
        "feeds.recommendation",
        "feeds.theme",
        "feeds.meetings",
        "progress.page",
        # The open data API (read-only public JSON and CSV) and its pages (sro_board/api).
        "api.recommendations",
        "api.recommendation",
        "api.timeline",
        "api.definitions",
        "api.themes",
        "api.aggregates",
        "api.progress",
        "api.meetings",
        "api.meeting",
        "api.openapi",
        "api.bulk_recommendations_json",
        "api.bulk_recommendations_csv",
        "api.bulk_milestones_json",
        "api.bulk_milestones_csv",
        "api.bulk_evidence_json",
        "api.bulk_evidence_csv",
        "api.bulk_timeline_json",
        "api.bulk_timeline_csv",
        "api.bulk_assessments_json",
        "api.bulk_assessments_csv",
        "api.bulk_meetings_json",
        "api.bulk_meetings_csv",
        "api.bulk_decisions_json",
        "api.bulk_decisions_csv",
        "open_data.open_data",
        "open_data.api_docs",
        # Following by email: no account; a follower's own pages open by the link's token.
        "follow.follow",
        "follow.sent",
        "follow.confirm",
        "follow.manage",
        "follow.unsubscribe",
    }
)

# Role groups used by business rules in services (who may be a lead, whose drafts publish).
WORKING_GROUP = tuple(sorted(PERMISSIONS[Action.PROPOSE_UPDATES]))
APPROVERS = tuple(sorted(PERMISSIONS[Action.APPROVE_UPDATES]))


def can(action: Action, user=None) -> bool:
    """True if the user (default: the current user) is logged in and may take the action."""
    user = current_user if user is None else user
    return bool(user.is_authenticated and user.has_role(*PERMISSIONS[action]))
