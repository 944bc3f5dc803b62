"""Stripe's facts from the reference: test cards, source types, the error catalogue."""
