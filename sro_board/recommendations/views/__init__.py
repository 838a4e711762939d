"""The tracker's pages: public.py (anyone), staff.py (working group), updates.py (approvals)."""
