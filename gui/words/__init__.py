"""Translations and the words the window shows: i18n, glosses, request code."""
