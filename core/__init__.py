"""Chargeable core: a pure-Python Stripe sandbox. Never imports Qt."""
