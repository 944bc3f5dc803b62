"""The renderer-neutral lifecycle graph: its model, layout and Mermaid text."""
