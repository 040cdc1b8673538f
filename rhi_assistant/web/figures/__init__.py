"""Figures a manager reports: counts for the team, by calendar month."""
