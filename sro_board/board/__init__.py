"""The advisory board: intakes, applications, blind review, selection and roster."""
