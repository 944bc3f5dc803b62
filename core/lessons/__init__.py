"""Guided lessons: format, loader, headless runner and handouts."""
