"""The HTTP transport of ``chargeable serve`` and webhook forwarding."""
