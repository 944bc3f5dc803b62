"""Command-line subcommands (``chargeable lesson``, ``serve``)."""
