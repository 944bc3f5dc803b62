"""Records to Stripe's JSON: the serializers and the pydantic models they follow."""
