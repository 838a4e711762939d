"""Scale data for the tracker: recommendations with three years of approved updates.

Each recommendation walks towards a final status (not started, planning, in progress,
implemented...) over its updates, which are spread from its creation up to two days ago;
progress rises step by step, feasibility is decided in the first updates, some targets move,
and closed ones carry evidence. A few drafts wait for approval at the end.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..audit.models import AuditEntry
from ..auth.models import User
from ..recommendations.enums import (
    Feasibility,
    ImplementationStatus,
    SourceReport,
    Theme,
    UpdateState,
)
from ..recommendations.models import (
    Evidence,
    Milestone,
    Recommendation,
    RecommendationReport,
    Update,
)
from .bulk import BulkWriter, next_id
from .scale_words import INTERNAL_NOTES, OBJECTS, PUBLIC_NOTES, RATIONALE, UNITS, VERBS

S = ImplementationStatus
YEARS_OF_HISTORY = 3
# (final status, weight, progress range, feasibility)
FINALS = [
    (S.NOT_STARTED, 5, (0, 0), Feasibility.UNDER_ASSESSMENT),
    (S.PLANNING, 15, (0, 15), Feasibility.FEASIBLE),
    (S.IN_PROGRESS, 42, (20, 90), Feasibility.FEASIBLE),
    (S.IMPLEMENTED, 15, (100, 100), Feasibility.FEASIBLE),
    (S.ONGOING, 8, (100, 100), Feasibility.FEASIBLE_MODIFIED),
    (S.DEFERRED, 9, (10, 50), Feasibility.FEASIBLE_MODIFIED),
    (S.WILL_NOT_PROCEED, 6, (0, 30), Feasibility.NOT_FEASIBLE),
]


@dataclass(frozen=True)
class Staff:
    """The demo staff the scale data is written by."""

    admin: User
    chair: User
    member: User


def spread(total: int, parts: int, rng: random.Random) -> list[int]:
    """Split total into `parts` uneven whole numbers (half to twice the mean) summing to total."""
    if parts <= 0:
        return []
    weights = [rng.uniform(0.5, 2.0) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    for n in range(total - sum(shares)):
        shares[n % parts] += 1
    return shares


def load_tracker(
    writer: BulkWriter, rng: random.Random, now: datetime, staff: Staff, plan
) -> dict[str, int]:
    """Add plan.new_recommendations recommendations holding plan.new_updates approved updates."""
    rec_id, update_id = next_id(Recommendation.__table__), next_id(Update.__table__)
    ids = {"milestone": next_id(Milestone.__table__), "evidence": next_id(Evidence.__table__)}
    first_number = plan.existing_recommendations + 1
    per_rec = spread(plan.new_updates, plan.new_recommendations, rng)
    for n, updates in enumerate(per_rec):
        history = _Recommendation(rng, now, first_number + n, rec_id + n, staff, writer, ids)
        update_id = history.write(updates, update_id, plan.audit)
        if plan.new_recommendations > 20 and n % 20 == 0:  # a draft for the pending list
            update_id = history.draft(update_id)
    return {"recommendations": plan.new_recommendations, "approved updates": plan.new_updates}


class _Recommendation:
    """One recommendation and the history that leads to its final values."""

    def __init__(self, rng, now: datetime, number: int, rec_id: int, staff: Staff, writer, ids):
        self.rng, self.now, self.staff, self.writer, self.ids = rng, now, staff, writer, ids
        self.id, self.code = rec_id, f"R-{number:02d}"
        final, _w, progress, feasibility = rng.choices(FINALS, weights=[f[1] for f in FINALS])[0]
        self.final, self.feasibility = final, feasibility
        self.final_progress = rng.randint(*progress)
        # The statuses it goes through, ending with its final one.
        self.path = {
            S.NOT_STARTED: [],
            S.PLANNING: [S.PLANNING],
            S.IN_PROGRESS: [S.PLANNING, S.IN_PROGRESS],
            S.WILL_NOT_PROCEED: [S.PLANNING, S.WILL_NOT_PROCEED],
        }.get(final, [S.PLANNING, S.IN_PROGRESS, final])
        days_back = YEARS_OF_HISTORY * 365 - rng.randint(0, 180)
        self.created = now - timedelta(days=days_back, hours=rng.randint(0, 8))
        self.baseline = (self.created + timedelta(days=rng.randint(180, 900))).date()
        self.values = {
            "feasibility": str(Feasibility.NOT_ASSESSED),
            "status": str(S.NOT_STARTED),
            "progress": 0,
            "target_date": self.baseline.isoformat(),
        }
        self.version = 1
        self.milestones = self._milestones()

    def _milestones(self) -> list[dict]:
        count = self.rng.randint(2, 5)
        step = max((self.baseline - self.created.date()).days // count, 1)
        return [
            {
                "title": f"Step {k + 1}: {self.rng.choice(VERBS).lower()} the plan",
                "due_date": (self.created.date() + timedelta(days=step * (k + 1))).isoformat(),
                "done": False,
            }
            for k in range(count)
        ]

    def write(self, updates: int, update_id: int, audit) -> int:
        """Queue the recommendation, its updates and their audit entries; the next update id."""
        last = self.now - timedelta(days=2 + self.rng.randint(0, 120))
        span = max((last - self.created).total_seconds(), 3600.0)
        offsets = sorted(self.rng.uniform(3600, span) for _ in range(updates))
        changes = [self._changes(k, updates) for k in range(updates)]
        # The recommendation first: a buffer flushed meanwhile must find it in the database.
        last_change = self.created + timedelta(seconds=offsets[-1]) if offsets else None
        self._queue_recommendation(last_change, updates)
        for offset, change in zip(offsets, changes, strict=True):
            self._update(update_id, self.created + timedelta(seconds=offset), change, audit)
            update_id += 1
        return update_id

    def _changes(self, k: int, total: int) -> dict:
        wanted: dict = {}
        if k == 0:
            wanted["feasibility"] = str(Feasibility.UNDER_ASSESSMENT)
            wanted["milestones"] = self.milestones
        elif k == 1 and self.feasibility is not Feasibility.UNDER_ASSESSMENT:
            wanted["feasibility"] = str(self.feasibility)
            if self.feasibility is not Feasibility.FEASIBLE:
                wanted["feasibility_rationale"] = RATIONALE
        share = (k + 1) / total
        path = self.path
        stage = path[min(int(share * len(path)), len(path) - 1)] if path else S.NOT_STARTED
        wanted["status"] = str(stage)
        closed = stage in (S.IMPLEMENTED, S.ONGOING)
        wanted["progress"] = self.final_progress if closed else round(self.final_progress * share)
        if closed:  # the rules: a closed status comes with evidence
            url = f"https://example.org/reports/{self.code}"
            wanted["evidence"] = [{"title": "Public report", "url": url}]
        if k == total * 2 // 3 and self.final in (S.IN_PROGRESS, S.DEFERRED) and self.id % 3 == 0:
            wanted["target_date"] = (self.baseline + timedelta(days=182)).isoformat()
        changes = {}
        for field, new in wanted.items():
            old = self.values.get(field, [] if field in ("milestones", "evidence") else "")
            if old != new:
                changes[field] = {"old": old, "new": new}
                self.values[field] = new
        return changes

    def _update(self, update_id: int, when: datetime, changes: dict, audit) -> None:
        author = self.staff.member if update_id % 2 else self.staff.chair
        approver = self.staff.admin if author is self.staff.chair else self.staff.chair
        decided = when + timedelta(hours=2)
        note = self.rng.choice(PUBLIC_NOTES)
        if "status" in changes and self.final is S.WILL_NOT_PROCEED:
            note = note or "The working group decided not to proceed; the reasons are published."
        self.writer.add(
            Update.__table__,
            {
                "id": update_id,
                "recommendation_id": self.id,
                "author_id": author.id,
                "created_at": when,
                "state": UpdateState.APPROVED,
                "changes": changes,
                "new_status": changes["status"]["new"] if "status" in changes else None,
                "public_note": note or "Progress checked at the monthly meeting.",
                "internal_note": self.rng.choice(INTERNAL_NOTES),
                "based_on_version": self.version,
                "resulting_version": self.version + 1,
                "decided_by_id": approver.id,
                "decided_at": decided,
            },
        )
        self.version += 1
        summary = f"Update #{update_id} published on {self.code}"
        if audit.primary.take():
            self._audit(approver, decided, "update.published", summary, changes)
        if audit.extra.take():
            self._audit(
                author, when, "update.proposed", f"Update proposed for {self.code}", changes
            )

    def _audit(self, actor: User, when: datetime, action: str, summary: str, changes) -> None:
        self.writer.add(
            AuditEntry.__table__,
            {
                "created_at": when,
                "actor_id": actor.id,
                "actor_label": actor.email,
                "system_actor": None,
                "action": action,
                "entity_type": "recommendation",
                "entity_id": self.code,
                "summary": summary,
                "before": {f: c["old"] for f, c in changes.items() if f not in ("milestones",)},
                "after": {f: c["new"] for f, c in changes.items() if f not in ("milestones",)},
            },
        )

    def draft(self, update_id: int) -> int:
        """Queue one pending draft from the member, written in the last few days."""
        progress = self.values["progress"]
        self.writer.add(
            Update.__table__,
            {
                "id": update_id,
                "recommendation_id": self.id,
                "author_id": self.staff.member.id,
                "created_at": self.now - timedelta(days=self.rng.randint(0, 6), hours=1),
                "state": UpdateState.PENDING,
                "changes": {"progress": {"old": progress, "new": min(progress + 5, 95)}},
                "new_status": None,
                "public_note": "Another step of the plan was completed this month.",
                "internal_note": "Draft for the chair's review.",
                "based_on_version": self.version,
                "resulting_version": None,
                "decided_by_id": None,
                "decided_at": None,
            },
        )
        return update_id + 1

    def _queue_recommendation(self, last_public: datetime | None, updates: int) -> None:
        rng, lead = self.rng, [self.staff.member, self.staff.chair, None][self.id % 3]
        target = date.fromisoformat(self.values["target_date"])
        self.writer.add(
            Recommendation.__table__,
            {
                "id": self.id,
                "code": self.code,
                "title": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} ({self.code})",
                "description": "The review asked the service to "
                + rng.choice(OBJECTS)
                + ", with the school boards and the community, and to report publicly on it.",
                "theme": list(Theme)[self.id % len(Theme)],
                "lead_unit": rng.choice(UNITS),
                "lead_user_id": lead.id if lead else None,
                "target_date": target,
                "feasibility": Feasibility(self.values["feasibility"]),
                "feasibility_rationale": RATIONALE
                if self.feasibility is not Feasibility.FEASIBLE
                else "",
                "status": S(self.values["status"]),
                "progress": self.values["progress"],
                "baseline_target_date": self.baseline,
                "baseline_recorded_at": self.created,
                "last_public_update_at": last_public and last_public + timedelta(hours=2),
                "version": self.version + updates,
            },
        )
        for report in rng.sample(list(SourceReport), rng.randint(1, 3)):
            self.writer.add(
                RecommendationReport.__table__, {"recommendation_id": self.id, "report": report}
            )
        done = round(len(self.milestones) * self.values["progress"] / 100)
        for k, milestone in enumerate(self.milestones):
            self.writer.add(
                Milestone.__table__,
                {
                    "id": self._next("milestone"),
                    "recommendation_id": self.id,
                    "title": milestone["title"],
                    "due_date": date.fromisoformat(milestone["due_date"]),
                    "done": k < done,
                },
            )
        for item in self.values.get("evidence", []):
            self.writer.add(
                Evidence.__table__,
                {"id": self._next("evidence"), "recommendation_id": self.id, **item},
            )

    def _next(self, kind: str) -> int:
        self.ids[kind] += 1
        return self.ids[kind] - 1
