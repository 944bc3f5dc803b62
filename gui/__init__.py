"""Chargeable GUI: PySide6 widgets over the core."""
