"""The tracker's vocabularies: themes, source reports, feasibility, status, schedule."""

import enum

from flask_babel import lazy_gettext as _l


class Theme(enum.StrEnum):
    """The reported recommendation areas."""

    ROLE = "role"
    TRAINING_HIRING = "training_hiring"
    TRANSPARENCY = "transparency"
    COMMUNITY = "community"
    DATA_EVALUATION = "data_evaluation"
    ADVISORY_ACCOUNTABILITY = "advisory_accountability"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return THEME_LABELS[self]


THEME_LABELS = {
    Theme.ROLE: _l("Role of officers in schools"),
    Theme.TRAINING_HIRING: _l("Training and hiring"),
    Theme.TRANSPARENCY: _l("Transparency and communication"),
    Theme.COMMUNITY: _l("Community collaboration"),
    Theme.DATA_EVALUATION: _l("Data and evaluation"),
    Theme.ADVISORY_ACCOUNTABILITY: _l("Advisory and accountability"),
}


class SourceReport(enum.StrEnum):
    """The review's six reports."""

    ARGYLE = "argyle"
    ELEMENTARY = "elementary"
    JUNIOR_SENIOR = "junior_senior"
    TEACHERS = "teachers"
    ROUNDTABLE = "roundtable"
    FINAL = "final"

    @property
    def label(self) -> str:
        """Short name of the report."""
        return REPORT_INFO[self][0]


# key: (short label, full title, author, phase, format, participants or None). The full title
# and author are the published English documents' own names and are not translated.
REPORT_INFO = {
    SourceReport.ARGYLE: (
        _l("Phase one evaluation (Argyle)"),
        "School Resource Officer (SRO) Program Evaluation: Final Report",
        "Argyle",
        _l("Phase one (2021)"),
        _l("Online surveys, virtual face-to-face conversations, email feedback"),
        1904,
    ),
    SourceReport.ELEMENTARY: (
        _l("Elementary student engagement"),
        "Police Engaging Youth in Schools: Elementary Student Engagement, What We Heard Report",
        "Engage Resource Unit, The City of Calgary",
        _l("Phase two (2022 to 2023)"),
        _l("In person, with racialized students in grades 5 and 6"),
        115,
    ),
    SourceReport.JUNIOR_SENIOR: (
        _l("Junior and senior high students (ActionDignity)"),
        "Insights and Experiences from Junior and Senior High School Students "
        "Regarding the SRO Program",
        "ActionDignity",
        _l("Phase two (2022 to 2023)"),
        _l(
            "Small focus groups and in-depth interviews with racialized and 2SLGBTQ+ students "
            "and students with disabilities"
        ),
        225,
    ),
    SourceReport.TEACHERS: (
        _l("Teacher engagement"),
        "Police Engaging Youth in Schools: Teacher Engagement, What We Heard Report",
        "Engage Resource Unit, The City of Calgary",
        _l("Phase two (2022 to 2023)"),
        _l("Private online survey"),
        551,
    ),
    SourceReport.ROUNDTABLE: (
        _l("Roundtable sessions"),
        "Police Engaging Youth in Schools: Roundtable, What We Heard Report",
        "Engage Resource Unit, The City of Calgary",
        _l("Phase two (June 2023)"),
        _l("Roundtable sessions"),
        103,
    ),
    SourceReport.FINAL: (
        _l("Final overall report"),
        "Police Engaging Youth in Schools: Reimagining the School Resource Officer Program "
        "at Calgary Police Service",
        "Calgary Police Service",
        _l("Final report"),
        _l("Brings together both phases; makes 46 recommendations"),
        None,
    ),
}


class Feasibility(enum.StrEnum):
    """The working group's feasibility decision."""

    NOT_ASSESSED = "not_assessed"
    UNDER_ASSESSMENT = "under_assessment"
    FEASIBLE = "feasible"
    FEASIBLE_MODIFIED = "feasible_modified"
    NOT_FEASIBLE = "not_feasible"

    @property
    def needs_rationale(self) -> bool:
        """Decisions that must be explained."""
        return self in (Feasibility.FEASIBLE_MODIFIED, Feasibility.NOT_FEASIBLE)


class ImplementationStatus(enum.StrEnum):
    """Where implementation stands."""

    NOT_STARTED = "not_started"
    PLANNING = "planning"
    IN_PROGRESS = "in_progress"
    IMPLEMENTED = "implemented"
    ONGOING = "ongoing"
    DEFERRED = "deferred"
    WILL_NOT_PROCEED = "will_not_proceed"

    @property
    def is_closed(self) -> bool:
        """Statuses where a schedule no longer applies."""
        return self in CLOSED_STATUSES

    @property
    def needs_sign_off(self) -> bool:
        """Closing statuses: a second person (another chair or an administrator) signs them off."""
        return self in CLOSED_STATUSES

    @property
    def needs_evidence(self) -> bool:
        """Statuses that say the work is done or in practice: evidence must show it."""
        return self in (ImplementationStatus.IMPLEMENTED, ImplementationStatus.ONGOING)

    @property
    def needs_public_rationale(self) -> bool:
        """Statuses whose reason must be published: the update moving there has a public note."""
        return self is ImplementationStatus.WILL_NOT_PROCEED


CLOSED_STATUSES = frozenset(
    {
        ImplementationStatus.IMPLEMENTED,
        ImplementationStatus.ONGOING,
        ImplementationStatus.WILL_NOT_PROCEED,
    }
)

# Allowed implementation-status moves, in one place. Any status may stay as it is.
STATUS_TRANSITIONS: dict[ImplementationStatus, frozenset[ImplementationStatus]] = {
    ImplementationStatus.NOT_STARTED: frozenset(
        {
            ImplementationStatus.PLANNING,
            ImplementationStatus.IN_PROGRESS,
            ImplementationStatus.DEFERRED,
            ImplementationStatus.WILL_NOT_PROCEED,
        }
    ),
    ImplementationStatus.PLANNING: frozenset(
        {
            ImplementationStatus.NOT_STARTED,
            ImplementationStatus.IN_PROGRESS,
            ImplementationStatus.DEFERRED,
            ImplementationStatus.WILL_NOT_PROCEED,
        }
    ),
    ImplementationStatus.IN_PROGRESS: frozenset(
        {
            ImplementationStatus.PLANNING,
            ImplementationStatus.IMPLEMENTED,
            ImplementationStatus.ONGOING,
            ImplementationStatus.DEFERRED,
            ImplementationStatus.WILL_NOT_PROCEED,
        }
    ),
    ImplementationStatus.IMPLEMENTED: frozenset(
        {ImplementationStatus.ONGOING, ImplementationStatus.IN_PROGRESS}
    ),
    ImplementationStatus.ONGOING: frozenset(
        {ImplementationStatus.IMPLEMENTED, ImplementationStatus.IN_PROGRESS}
    ),
    ImplementationStatus.DEFERRED: frozenset(
        {
            ImplementationStatus.PLANNING,
            ImplementationStatus.IN_PROGRESS,
            ImplementationStatus.WILL_NOT_PROCEED,
        }
    ),
    ImplementationStatus.WILL_NOT_PROCEED: frozenset(
        {ImplementationStatus.PLANNING, ImplementationStatus.DEFERRED}
    ),
}


def status_move_allowed(old: ImplementationStatus, new: ImplementationStatus) -> bool:
    """True if implementation status may go from old to new."""
    return old == new or new in STATUS_TRANSITIONS[old]


class ScheduleState(enum.StrEnum):
    """Derived from target date and progress (see schedule.py for the rule)."""

    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    CLOSED = "closed"


class SaveOutcome(enum.StrEnum):
    """What saving an update does; the save button says which (rules.save_outcome decides)."""

    PUBLISH = "publish"
    SIGN_OFF = "sign_off"  # an approver closing it: another chair or administrator signs off
    DRAFT = "draft"  # a member's update: the chair or an administrator approves it

    @property
    def button(self) -> str:
        """The save button's label."""
        return SAVE_BUTTONS[self]


SAVE_BUTTONS = {
    SaveOutcome.PUBLISH: _l("Save and publish"),
    SaveOutcome.SIGN_OFF: _l("Save for a second sign-off"),
    SaveOutcome.DRAFT: _l("Save draft for approval"),
}


class UpdateState(enum.StrEnum):
    """Where an update stands in approval."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return UPDATE_STATE_LABELS[self]


UPDATE_STATE_LABELS = {
    UpdateState.PENDING: _l("Pending"),
    UpdateState.APPROVED: _l("Approved"),
    UpdateState.REJECTED: _l("Rejected"),
}


class DefinitionAxis(enum.StrEnum):
    """Which vocabulary a published status definition belongs to."""

    FEASIBILITY = "feasibility"
    IMPLEMENTATION = "implementation"
    SCHEDULE = "schedule"
