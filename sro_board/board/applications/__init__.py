"""Applying to the board: the form, the private status link, a minor's guardian consent."""
