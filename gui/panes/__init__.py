"""The window's panes: each takes what it shows in its constructor."""
