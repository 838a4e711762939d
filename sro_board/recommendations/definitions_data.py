"""Default published status definitions in English and French; admins edit the stored copies."""

# (axis, key, name, meaning, entry criteria)
DEFAULT_DEFINITIONS: list[tuple[str, str, str, str, str]] = [
    (
        "feasibility",
        "not_assessed",
        "Not yet assessed",
        "The working group has not started assessing this recommendation.",
        "Every recommendation starts here.",
    ),
    (
        "feasibility",
        "under_assessment",
        "Under assessment",
        "The working group is studying what implementing it would take.",
        "An assessment lead is named and the work is scheduled.",
    ),
    (
        "feasibility",
        "feasible",
        "Feasible",
        "The working group has decided it can be implemented as written.",
        "The working group has reviewed costs, legal limits and partners' views and agreed.",
    ),
    (
        "feasibility",
        "feasible_modified",
        "Feasible with modifications",
        "It can be implemented, but not exactly as written.",
        "A published rationale explains what changes and why.",
    ),
    (
        "feasibility",
        "not_feasible",
        "Not feasible",
        "The working group has decided it cannot be implemented.",
        "A published rationale explains why.",
    ),
    (
        "implementation",
        "not_started",
        "Not started",
        "No implementation work has begun.",
        "The starting status of every recommendation.",
    ),
    (
        "implementation",
        "planning",
        "Planning",
        "A plan, lead and target date are being set.",
        "A responsible lead is named.",
    ),
    (
        "implementation",
        "in_progress",
        "In progress",
        "Work is under way.",
        "A plan with a target date exists and at least one step has begun.",
    ),
    (
        "implementation",
        "implemented",
        "Implemented",
        "The recommendation has been put in place.",
        "At least one piece of evidence is published and a second person (the chair or an "
        "administrator) has signed off.",
    ),
    (
        "implementation",
        "ongoing",
        "Ongoing (embedded in practice)",
        "It is now part of regular practice and continues.",
        "Evidence shows the practice continues beyond a one-time change, and a second person "
        "(the chair or an administrator) has signed off.",
    ),
    (
        "implementation",
        "deferred",
        "Deferred",
        "Work is paused and will resume later.",
        "A public note says why and when it will be reconsidered.",
    ),
    (
        "implementation",
        "will_not_proceed",
        "Will not proceed",
        "The service has decided not to implement it.",
        "A public note gives the reason, and a second person (the chair or an administrator) "
        "has signed off.",
    ),
    (
        "schedule",
        "on_track",
        "On track",
        "Expected to be done by its target date.",
        "The target date is more than 90 days away, or progress is at least 75%.",
    ),
    (
        "schedule",
        "at_risk",
        "At risk",
        "May miss its target date.",
        "The target date is within 90 days and progress is below 75%, or work is deferred.",
    ),
    (
        "schedule",
        "overdue",
        "Overdue",
        "The target date has passed and the work is not complete.",
        "Today is after the target date and the status is not implemented, ongoing or "
        "will not proceed.",
    ),
    (
        "schedule",
        "closed",
        "Closed",
        "A schedule no longer applies.",
        "The status is implemented, ongoing or will not proceed.",
    ),
]

# The French text of each default definition: (axis, key) -> (name, meaning, entry criteria).
# Content like the English (stored in the _fr columns), not catalog strings.
DEFAULT_DEFINITIONS_FR: dict[tuple[str, str], tuple[str, str, str]] = {
    ("feasibility", "not_assessed"): (
        "Pas encore évaluée",
        "Le groupe de travail n'a pas encore commencé à évaluer cette recommandation.",
        "Toutes les recommandations commencent ici.",
    ),
    ("feasibility", "under_assessment"): (
        "En cours d'évaluation",
        "Le groupe de travail étudie ce qu'il faudrait pour la mettre en œuvre.",
        "Une personne responsable de l'évaluation est nommée et le travail est prévu.",
    ),
    ("feasibility", "feasible"): (
        "Réalisable",
        "Le groupe de travail a décidé qu'elle peut être mise en œuvre telle qu'elle est écrite.",
        "Le groupe de travail a examiné les coûts, les limites juridiques et l'avis des "
        "partenaires, et il est d'accord.",
    ),
    ("feasibility", "feasible_modified"): (
        "Réalisable avec des modifications",
        "Elle peut être mise en œuvre, mais pas exactement telle qu'elle est écrite.",
        "Une justification publiée explique ce qui change et pourquoi.",
    ),
    ("feasibility", "not_feasible"): (
        "Non réalisable",
        "Le groupe de travail a décidé qu'elle ne peut pas être mise en œuvre.",
        "Une justification publiée explique pourquoi.",
    ),
    ("implementation", "not_started"): (
        "Pas commencée",
        "Aucun travail de mise en œuvre n'a commencé.",
        "Le statut de départ de chaque recommandation.",
    ),
    ("implementation", "planning"): (
        "Planification",
        "Un plan, une personne responsable et une date cible sont en cours de définition.",
        "Une personne responsable est nommée.",
    ),
    ("implementation", "in_progress"): (
        "En cours",
        "Le travail est commencé.",
        "Il existe un plan avec une date cible, et au moins une étape a commencé.",
    ),
    ("implementation", "implemented"): (
        "Mise en œuvre",
        "La recommandation a été mise en place.",
        "Au moins une preuve est publiée, et une deuxième personne (la présidence ou un "
        "administrateur) l'a approuvée.",
    ),
    ("implementation", "ongoing"): (
        "Continue (intégrée à la pratique)",
        "Elle fait maintenant partie de la pratique habituelle et se poursuit.",
        "Des preuves montrent que la pratique se poursuit au-delà d'un changement ponctuel, et "
        "une deuxième personne (la présidence ou un administrateur) l'a approuvée.",
    ),
    ("implementation", "deferred"): (
        "Reportée",
        "Le travail est en pause et reprendra plus tard.",
        "Une note publique explique pourquoi et quand elle sera réexaminée.",
    ),
    ("implementation", "will_not_proceed"): (
        "N'ira pas de l'avant",
        "Le service a décidé de ne pas la mettre en œuvre.",
        "Une note publique donne la raison, et une deuxième personne (la présidence ou un "
        "administrateur) l'a approuvée.",
    ),
    ("schedule", "on_track"): (
        "Dans les temps",
        "Devrait être terminée d'ici sa date cible.",
        "La date cible est dans plus de 90 jours, ou l'avancement est d'au moins 75 %.",
    ),
    ("schedule", "at_risk"): (
        "À risque",
        "Pourrait ne pas respecter sa date cible.",
        "La date cible est dans 90 jours ou moins et l'avancement est inférieur à 75 %, ou "
        "le travail est reporté.",
    ),
    ("schedule", "overdue"): (
        "En retard",
        "La date cible est passée et le travail n'est pas terminé.",
        "La date d'aujourd'hui est après la date cible, et le statut n'est pas « mise en "
        "œuvre », « continue » ou « n'ira pas de l'avant ».",
    ),
    ("schedule", "closed"): (
        "Clôturée",
        "Un échéancier ne s'applique plus.",
        "Le statut est « mise en œuvre », « continue » ou « n'ira pas de l'avant ».",
    ),
}
