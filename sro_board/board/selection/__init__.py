"""Selection: the applications for staff, stage decisions, the ranking, members and terms."""
