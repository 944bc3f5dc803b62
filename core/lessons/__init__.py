"""Guided lessons: the file format (schema), reading them (loader), playing them
headless (runner), what a run did (transcript) and handouts."""
