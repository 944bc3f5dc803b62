"""The window's session: its file (New/Open/Save), the questions it asks, its autosave."""
