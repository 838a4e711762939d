"""CSV export and all-or-nothing import of recommendations (the same format both ways)."""
