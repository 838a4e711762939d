"""The assessment's refusals; the message is shown to the person."""


class AssessmentError(ValueError):
    """A refused assessment step; nothing changed."""


class ChangedMeanwhile(AssessmentError):
    """Someone else changed the assessment since the form was loaded."""
