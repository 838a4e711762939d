"""Demo applicants: one open intake and about 60 applications made through the real services.

Applications are made on past dates (the clock is set back) so the history looks lived-in:
most are eligible, some are not, a few were withdrawn, and students under 18 have guardians
who confirmed, who have not answered yet, or whose time ran out. Reviews are added on top by
the staff side's sample data, which gets the intake from the returned BoardSample.
"""

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from ..auth.models import User
from ..board.applications.guardian import confirm_guardian_consent, expire_overdue_consents
from ..board.applications.services import ApplicationInput, submit_application
from ..board.applications.status import withdraw
from ..board.enums import AgeRange, Category, GradeBand, SchoolBoard, SelfIdAnswer
from ..board.intakes.services import IntakeValues, create_intake
from ..board.labels import HEARD_ABOUT
from ..board.models import Intake
from ..board.stages import Stage
from ..core.clock import clock_set_to, now_utc

SEATS = {Category.PARENT: 4, Category.STUDENT: 4, Category.STAFF: 3}
FIRST = (  # noqa: SIM905 - a list of words is easier to read as words
    "Amara Bashir Chen Darius Elif Farah Gabriel Hana Ikenna Jasmine Kiran Leila Mateo "
    "Nadia Omar Priya Quinn Rosa Samir Tala Uma Viktor Wen Ximena Yusuf Zainab Aiyana "
    "Baptiste Chidi Dalia Emeka Fatima Graham Hoang Isla Jun Kwame Lucia Malik Noor"
).split()
LAST = (  # noqa: SIM905 - a list of words is easier to read as words
    "Abdi Bergeron Crowchild Delacroix Eshetu Fontaine Gill Haddad Iwasaki Joseph Kaur "
    "Lam Mbeki Nakamura Okafor Patel Quispe Rahman Santos Tremblay Umar Vasquez Whitecalf "
    "Yildiz"
).split()
SCHOOLS = {
    SchoolBoard.CBE: [
        "Crescent Heights High School",
        "Forest Lawn High School",
        "Ian Bazalgette School",
    ],
    SchoolBoard.CCSD: ["Bishop McNally High School", "St. Francis High School", "Father Lacombe"],
    SchoolBoard.PALLISER: ["Coaldale Central School", "Picture Butte High School"],
    SchoolBoard.FRANCOSUD: ["École de la Rose sauvage", "École Notre-Dame-de-la-Paix"],
}
MOTIVATION = {
    Category.PARENT: "My child's school has an SRO and families in our community have mixed "
    "feelings about it. I want those voices heard while the recommendations are put in place.",
    Category.STUDENT: "Students are the ones most affected by police in schools, and we are "
    "rarely asked. I want to help make sure every student feels safe and respected.",
    Category.STAFF: "I work with students every day and see how safety, trust and discipline "
    "play out in the hallways. I want to help the changes work in real schools.",
}
PERSPECTIVES = [
    "I am part of a Black community organization and hear many families' experiences.",
    "I am Cree and a member of my school's Indigenous parent circle.",
    "I came to Canada four years ago and speak Arabic, French and English.",
    "I live with a disability and know how school safety plans can leave people out.",
    "I am 2SLGBTQ+ and support my school's gender and sexuality alliance.",
    "I grew up in Forest Lawn and still live and volunteer there.",
    "I coach youth basketball and talk with teenagers about policing often.",
]
AVAILABILITY = [
    "Weekday evenings",
    "After school on weekdays",
    "Weekends",
    "Any evening but Friday",
]


@dataclass(frozen=True)
class BoardSample:
    """What the sample created: the open intake (for reviews on top) and the counts."""

    intake: Intake
    counts: dict[str, int]


def _at(day: datetime, hour: int) -> datetime:
    return datetime.combine(day.date(), time(hour % 24, 15), day.tzinfo)


def _person(rng: random.Random, n: int) -> tuple[str, str]:
    first, last = FIRST[n % len(FIRST)], rng.choice(LAST)
    return f"{first} {last}", f"{first}.{last}.{n}@example.net".lower()


def _self_id(rng: random.Random) -> dict[str, SelfIdAnswer | None]:
    if rng.random() < 0.5:
        return {}
    weights = {"racialized": 0.45, "indigenous": 0.12, "lgbtq": 0.15, "disability": 0.12}
    weights["newcomer"] = 0.18
    answers: dict[str, SelfIdAnswer | None] = {}
    for question, chance in weights.items():
        roll = rng.random()
        answers[question] = (
            SelfIdAnswer.PREFER_NOT
            if roll > 0.93
            else SelfIdAnswer.YES
            if roll < chance
            else SelfIdAnswer.NO
        )
    return answers


def _input(rng: random.Random, n: int, category: Category, **values) -> ApplicationInput:
    name, email = _person(rng, n)
    board = values.pop("school_board", rng.choice(list(SCHOOLS)))
    return ApplicationInput(
        category=category,
        name=name,
        email=email,
        phone=f"403-555-{100 + n:04d}" if rng.random() < 0.6 else "",
        school_board=board,
        school=rng.choice(SCHOOLS.get(board, ["Westside Academy"])),
        motivation=MOTIVATION[category],
        perspectives=rng.choice(PERSPECTIVES),
        availability=rng.choice(AVAILABILITY),
        accommodations="An ASL interpreter, please." if n % 17 == 0 else "",
        heard_about=rng.choice(HEARD_ABOUT),
        consent_notice=True,
        consent_roster=rng.random() < 0.8,
        self_id=_self_id(rng),
        language="fr" if board is SchoolBoard.FRANCOSUD else "en",  # FrancoSud families in French
        **values,
    )


# (category, how many, extra answers, what happens next)
PLAN = [
    (Category.PARENT, 20, {"child_grade_band": GradeBand.JUNIOR_HIGH}, None),
    (Category.PARENT, 2, {"child_grade_band": GradeBand.ELEMENTARY}, "withdraw"),
    (Category.PARENT, 2, {"child_grade_band": None}, None),  # no child in school: ineligible
    (Category.STUDENT, 6, {"student_grade": 12, "age_range": AgeRange.AGE_18_PLUS}, None),
    (
        Category.STUDENT,
        1,
        {"student_grade": 11, "age_range": AgeRange.AGE_18_PLUS, "school_board": SchoolBoard.OTHER},
        None,
    ),
    (Category.STUDENT, 8, {"student_grade": 10, "age_range": AgeRange.AGE_14_15}, "confirm"),
    # Grade 6: not eligible, told so at once; the guardian is never contacted.
    (Category.STUDENT, 1, {"student_grade": 6, "age_range": AgeRange.UNDER_14}, None),
    (Category.STUDENT, 3, {"student_grade": 8, "age_range": AgeRange.UNDER_14}, "pending"),
    (Category.STUDENT, 2, {"student_grade": 9, "age_range": AgeRange.AGE_14_15}, "expire"),
    (Category.STAFF, 13, {"staff_role": "teacher"}, None),
    (Category.STAFF, 1, {"staff_role": "student_support"}, "withdraw"),
    (Category.STAFF, 1, {"staff_role": "not_at_school"}, None),
]


def load_board_sample(admin: User) -> BoardSample:
    """Create the open intake and its applications through the services (caller commits)."""
    rng = random.Random(2027)  # noqa: S311 - repeatable demo data, not a secret
    now = now_utc()
    opened = now - timedelta(days=21)
    with clock_set_to(opened - timedelta(days=3)):
        intake = create_intake(admin, intake_values(opened, now + timedelta(days=9)))
    n = 0
    for category, how_many, values, then in PLAN:
        for _ in range(how_many):
            n += 1
            # "pending" applied in the last week; "expire" more than the consent period ago.
            days_ago = {"pending": rng.randint(1, 6), "expire": 18}.get(then, rng.randint(2, 20))
            when = _at(now - timedelta(days=days_ago), 8 + n % 12)
            _one(rng, n, intake, category, values, then, when)
    expired = expire_overdue_consents(now)
    return BoardSample(
        intake=intake,
        counts={"board applications": n, "expired guardian consents": len(expired)},
    )


def _one(rng, n, intake, category, values, then, when) -> None:
    guardian = {}
    if values.get("age_range") not in (None, AgeRange.AGE_18_PLUS):
        guardian = {
            "guardian_name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "guardian_email": f"guardian.{n}@example.net",
            "consent_full_name": rng.random() < 0.4,
        }
    with clock_set_to(when):
        application = submit_application(intake, _input(rng, n, category, **values, **guardian))
        application = application.application
    if then == "confirm":
        with clock_set_to(when + timedelta(days=1, hours=3)):
            confirm_guardian_consent(application.guardian, full_name=rng.random() < 0.5)
    elif then == "withdraw" and application.stage is not Stage.WITHDRAWN:
        with clock_set_to(when + timedelta(hours=20)):
            withdraw(application)


def intake_values(opens_at: datetime, closes_at: datetime) -> IntakeValues:
    """The sample intake's title, seats and collection notice for a window."""
    return IntakeValues(
        title="Advisory board: first intake (2027-2029)",
        opens_at=opens_at,
        closes_at=closes_at,
        term_months=24,
        seats=dict(SEATS),
        notice_purpose=(
            "We collect this information to choose the members of the advisory board of the "
            "School Resource Officer program review, to contact applicants about their "
            "application, and, for those selected, to run the board.\n\n"
            "The optional self-identification answers are used only in aggregate, to check "
            "that the board reflects the communities it serves."
        ),
        notice_authority=(
            "This information is collected under Alberta's Protection of Privacy Act, because "
            "it relates directly to and is necessary for the advisory board program."
        ),
        notice_contact_title="Advisory Board Coordinator, SRO Program Review",
        notice_contact_email="advisory-board@example.org",
        notice_contact_phone="403-555-0100",
        title_fr="Conseil consultatif : premier appel de candidatures (2027-2029)",
        notice_purpose_fr=(
            "Nous recueillons ces renseignements pour choisir les membres du Conseil consultatif "
            "de l'examen du programme des agents de ressources scolaires. Nous les utilisons "
            "aussi pour vous écrire au sujet de votre candidature et, si vous êtes choisi, pour "
            "le travail du Conseil.\n\n"
            "Les réponses facultatives d'auto-identification servent seulement à faire des "
            "comptes globaux. Elles nous aident à vérifier que le Conseil reflète les "
            "communautés qu'il sert."
        ),
        notice_authority_fr=(
            "Ces renseignements sont recueillis en vertu de la Protection of Privacy Act de "
            "l'Alberta. Ils sont directement liés au programme du Conseil consultatif et "
            "nécessaires à ce programme."
        ),
        notice_contact_title_fr=(
            "Coordination du Conseil consultatif, examen du programme des agents de ressources "
            "scolaires"
        ),
    )
