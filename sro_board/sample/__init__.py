"""Demo sample data: staff accounts and 46 invented recommendations with a history."""
