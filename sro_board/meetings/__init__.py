"""Meetings of the advisory board and of the working group: agendas, minutes, decisions."""
