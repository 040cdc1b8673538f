"""Comfort settings: text size and contrast for whoever is holding the tablet."""
