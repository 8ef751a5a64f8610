"""The thin Discord layer: parses, defers, calls `index/`, formats, replies."""
