"""Intakes: application windows, seats, the collection notice, reviewers and the rubric."""
