"""Tests of the advisory board."""
