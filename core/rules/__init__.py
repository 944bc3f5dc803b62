"""Stripe's API rules: the router, parameter parsing and one module per resource."""
