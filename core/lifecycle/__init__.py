"""Lifecycles as data: the tables, and the actions they allow now."""
