"""Blind review: who may review what, conflict declarations, rubric scores and their results."""
