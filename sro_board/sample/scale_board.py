"""Scale data for the advisory board: past intakes and many applications across stages.

The applications are spread over the sample's open intake (in review) and past intakes (all
decided, seats filled). Each follows a path of stage moves the app allows; students under 18
have a guardian, and half the applicants answered the self-identification questions. The
guardian and self-identification columns are encrypted by their column types, as the app does.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..audit.actors import SystemActor
from ..audit.models import AuditEntry
from ..board.enums import AgeRange, Category, GradeBand, SelfIdAnswer
from ..board.models import (
    Application,
    BoardMember,
    GuardianConsent,
    SelfIdentification,
    StageEvent,
)
from ..board.stages import Stage
from ..security.tokens import hash_token, new_token
from .applicants import AVAILABILITY, FIRST, LAST, MOTIVATION, PERSPECTIVES, SCHOOLS, SEATS
from .bulk import BulkWriter

E, R = Stage.ELIGIBLE, Stage.IN_REVIEW
# Stage moves after "submitted", with weights: the open intake is in review, past ones decided.
OPEN_PATHS = [
    ((Stage.INELIGIBLE,), 8),
    ((Stage.AWAITING_GUARDIAN,), 4),
    ((E,), 6),
    ((E, R), 70),
    ((E, R, Stage.SHORTLISTED), 5),
    ((E, R, Stage.WAITLISTED), 3),
    ((E, Stage.WITHDRAWN), 4),
]
PAST_PATHS = [
    ((Stage.INELIGIBLE,), 8),
    ((Stage.AWAITING_GUARDIAN, Stage.EXPIRED), 3),
    ((E, Stage.WITHDRAWN), 5),
    ((E, R, Stage.NOT_SELECTED), 70),
    ((E, R, Stage.WAITLISTED, Stage.NOT_SELECTED), 8),
    ((E, R, Stage.SHORTLISTED, Stage.INTERVIEW, Stage.NOT_SELECTED), 5),
    ((E, R, Stage.SHORTLISTED, Stage.OFFERED, Stage.DECLINED), 1),
]
ACCEPTED_PATH = (E, R, Stage.SHORTLISTED, Stage.OFFERED, Stage.ACCEPTED)
FINAL = {Stage.INELIGIBLE, Stage.EXPIRED, Stage.WITHDRAWN, Stage.NOT_SELECTED, Stage.DECLINED}
FINAL |= {Stage.ACCEPTED}
TERM_DAYS = 730  # the sample intakes' 24-month terms
CATEGORIES = [(Category.PARENT, 40), (Category.STUDENT, 30), (Category.STAFF, 30)]
REASONS = {
    Stage.INELIGIBLE: "Does not meet the eligibility rules for this seat category.",
    Stage.AWAITING_GUARDIAN: "Meets the eligibility rules; waiting for a parent or guardian.",
    Stage.ELIGIBLE: "Meets the eligibility rules.",
    Stage.IN_REVIEW: "Review started for the intake.",
    Stage.EXPIRED: "The parent or guardian did not answer in time.",
    Stage.WITHDRAWN: "Withdrawn by the applicant.",
}


def is_reviewed(path: tuple[Stage, ...]) -> bool:
    """True when the path went through review (reviewers scored it)."""
    return R in path


@dataclass(frozen=True)
class PlannedApplication:
    """Which intake (index into the intake list), which category and which stage moves."""

    intake: int
    category: Category
    minor: bool
    path: tuple[Stage, ...]


def plan_applications(rng: random.Random, count: int, intakes: int) -> list[PlannedApplication]:
    """Decide every application's intake, category and path; intake 0 is the open one."""
    planned = []
    accepted: dict[tuple[int, Category], int] = {}
    for n in range(count):
        intake = n % intakes
        category = rng.choices([c for c, _w in CATEGORIES], [w for _c, w in CATEGORIES])[0]
        minor = category is Category.STUDENT and rng.random() < 0.6
        paths = OPEN_PATHS if intake == 0 else PAST_PATHS
        path = rng.choices([p for p, _w in paths], [w for _p, w in paths])[0]
        if (
            intake
            and path[-1] is Stage.NOT_SELECTED
            and accepted.get((intake, category), 0) < SEATS[category]
        ):
            accepted[intake, category] = accepted.get((intake, category), 0) + 1
            path = ACCEPTED_PATH
        if Stage.AWAITING_GUARDIAN in path and not minor:
            path = (E, Stage.WITHDRAWN)
        elif minor and path[0] is E:
            path = (Stage.AWAITING_GUARDIAN, *path)
        planned.append(PlannedApplication(intake, category, minor, path))
    return planned


class ApplicationWriter:
    """Queues applications, their stage events, guardians, self-identification and audit."""

    def __init__(self, writer: BulkWriter, rng: random.Random, admin_id: int, admin_email: str):
        self.writer, self.rng = writer, rng
        self.admin = (admin_id, admin_email)
        self.references: set[str] = set()

    def write(self, app_id: int, n: int, plan: PlannedApplication, intake, audit) -> None:
        """Queue one application (id app_id, number n) of an intake (id, opens, closes)."""
        rng = self.rng
        intake_id, opens, closes = intake
        created = opens + timedelta(seconds=rng.uniform(0, (closes - opens).total_seconds()))
        moves = self._moves(plan, created, closes)
        stage, last = (moves[-1][0], moves[-1][1]) if moves else (Stage.SUBMITTED, created)
        first, family = FIRST[n % len(FIRST)], rng.choice(LAST)
        board = rng.choice(list(SCHOOLS))
        student = plan.category is Category.STUDENT
        reference = self._reference()
        self.writer.add(
            Application.__table__,
            {
                "id": app_id,
                "intake_id": intake_id,
                "reference": reference,
                "status_token_hash": new_token()[1],
                "category": plan.category,
                "stage": stage,
                "created_at": created,
                "decided_at": last if stage in FINAL else None,
                "version": 1 + len(moves),
                "name": f"{first} {family}",
                "email": f"{first}.{family}.s{n}@example.net".lower(),
                "phone": f"403-555-{n % 10000:04d}" if rng.random() < 0.6 else None,
                "school_board": board,
                "school": rng.choice(SCHOOLS[board]),
                "student_grade": rng.randint(7, 12) if student else None,
                "age_range": _age(rng, plan) if student else None,
                "child_grade_band": GradeBand.JUNIOR_HIGH
                if plan.category is Category.PARENT
                else None,
                "staff_role": "teacher" if plan.category is Category.STAFF else None,
                "motivation": MOTIVATION[plan.category],
                "perspectives": rng.choice(PERSPECTIVES),
                "availability": rng.choice(AVAILABILITY),
                "accommodations": None,
                "heard_about": None,
                "consent_notice": True,
                "consent_roster": rng.random() < 0.8,
                "consent_full_name": student and rng.random() < 0.4,
                "eligibility_reason": REASONS[Stage.INELIGIBLE]
                if Stage.INELIGIBLE in plan.path
                else "",
            },
        )
        self._events(app_id, created, moves)
        if stage is Stage.ACCEPTED:
            self._member(app_id, plan.category, f"{first} {family}", last)
        if plan.minor:
            self._guardian(app_id, n, moves)
        if rng.random() < 0.5:
            self._self_id(app_id)
        if audit.primary.take():
            received = f"{reference}: {plan.category.value} application received"
            self._audit(
                created,
                (None, SystemActor.APPLICATION_FORM),
                "application.submit",
                reference,
                received,
            )
        previous = Stage.SUBMITTED
        for stage, when, actor in moves:
            if audit.extra.take():
                moved = f"{reference}: {previous.value} -> {stage.value}"
                self._audit(when, actor, "application.stage", reference, moved)
            previous = stage

    def _moves(self, plan: PlannedApplication, created: datetime, closes: datetime) -> list:
        moves, when = [], created
        for stage in plan.path:
            if stage is R:
                when = max(when, closes) + timedelta(days=1)
            elif stage is E and Stage.AWAITING_GUARDIAN in plan.path:
                when += timedelta(days=1, hours=3)
            else:
                when += timedelta(minutes=1) if stage in REASONS else timedelta(days=3)
            system = {
                Stage.INELIGIBLE: SystemActor.ELIGIBILITY_RULES,
                Stage.AWAITING_GUARDIAN: SystemActor.ELIGIBILITY_RULES,
                Stage.EXPIRED: SystemActor.COMMAND_LINE,
                Stage.WITHDRAWN: SystemActor.STATUS_LINK,
            }.get(stage)
            if stage is E:
                guardian = Stage.AWAITING_GUARDIAN in plan.path
                system = SystemActor.CONSENT_LINK if guardian else SystemActor.ELIGIBILITY_RULES
            moves.append((stage, when, (None, system) if system else (self.admin, None)))
        return moves

    def _events(self, app_id: int, created: datetime, moves: list) -> None:
        previous = None
        steps = [(Stage.SUBMITTED, created, (None, SystemActor.APPLICATION_FORM)), *moves]
        for stage, when, (staff, system) in steps:
            self.writer.add(
                StageEvent.__table__,
                {
                    "application_id": app_id,
                    "from_stage": previous,
                    "to_stage": stage,
                    "actor_id": staff[0] if staff else None,
                    "system_actor": system,
                    "at": when,
                    "reason": REASONS.get(stage, "Decided by the selection panel."),
                },
            )
            previous = stage

    def _member(self, app_id: int, category: Category, name: str, accepted: datetime) -> None:
        start = accepted.date()
        self.writer.add(
            BoardMember.__table__,
            {
                "application_id": app_id,
                "category": category,
                "full_name": name,
                "roster_name": name if self.rng.random() < 0.8 else None,
                "term_start": start,
                "term_end": start + timedelta(days=TERM_DAYS),
            },
        )

    def _guardian(self, app_id: int, n: int, moves: list) -> None:
        stages = [stage for stage, _when, _actor in moves]
        waiting = Stage.AWAITING_GUARDIAN in stages
        asked = next((when for stage, when, _a in moves if stage is Stage.AWAITING_GUARDIAN), None)
        confirmed = waiting and Stage.ELIGIBLE in stages
        self.writer.add(
            GuardianConsent.__table__,
            {
                "application_id": app_id,
                "guardian_name": f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}",
                "guardian_email": f"guardian.s{n}@example.net",
                "token_hash": hash_token(new_token()[0]) if waiting and not confirmed else None,
                "expires_at": asked + timedelta(days=14) if asked else None,
                "confirmed_at": asked + timedelta(days=1) if confirmed and asked else None,
                "consent_full_name": False,
            },
        )

    def _self_id(self, app_id: int) -> None:
        answers = [SelfIdAnswer.YES, SelfIdAnswer.NO, SelfIdAnswer.NO, SelfIdAnswer.PREFER_NOT]
        questions = ("racialized", "indigenous", "lgbtq", "disability", "newcomer")
        row = {q: self.rng.choice(answers) for q in questions}
        self.writer.add(SelfIdentification.__table__, {"application_id": app_id, **row})

    def _reference(self) -> str:
        alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
        while True:
            code = "".join(self.rng.choices(alphabet, k=8))
            reference = f"BRD-{code[:4]}-{code[4:]}"
            if reference not in self.references:
                self.references.add(reference)
                return reference

    def _audit(self, when, actor, action: str, reference: str, summary: str) -> None:
        staff, system = actor
        self.writer.add(
            AuditEntry.__table__,
            {
                "created_at": when,
                "actor_id": staff[0] if staff else None,
                "actor_label": staff[1] if staff else system.label,
                "system_actor": system,
                "action": action,
                "entity_type": "application",
                "entity_id": reference,
                "summary": summary,
                "before": None,
                "after": None,
            },
        )


def _age(rng: random.Random, plan: PlannedApplication) -> AgeRange:
    if not plan.minor:
        return AgeRange.AGE_18_PLUS
    return rng.choice([AgeRange.UNDER_14, AgeRange.AGE_14_15, AgeRange.AGE_16_17])
