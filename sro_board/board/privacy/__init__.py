"""Applicants' personal data: the retention purge, the right of access, deletion on request."""
