"""The advisory board at work: members' access, the board home and the board's own assessments."""
