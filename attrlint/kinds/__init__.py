"""Rule kinds: one module per kind. Importing this package registers them all."""

from attrlint.kinds import existence, unattributed_figure  # noqa: F401
