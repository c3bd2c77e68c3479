"""attrlint: a source-attribution linter for newsroom copy."""

__version__ = "0.1.0"
