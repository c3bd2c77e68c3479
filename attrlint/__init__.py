"""attrlint: a source-attribution linter for newsroom copy.

The library API (see attrlint.api and the README's "As a library"): `lint_text`, `lint_paths`,
`Linter`, and the records they return (`Result`, `Attribution`, `Span`, `Diagnostic`). They are
imported on first use, so `import attrlint` (and the command line's start) stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Not typing.TYPE_CHECKING: importing typing would cost the command line's start more than
# this module does; type checkers treat any TYPE_CHECKING constant the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from attrlint.api import Attribution, Content, Linter, Result, Span, lint_paths, lint_text
    from attrlint.diagnostic import Diagnostic, Fix
    from attrlint.errors import AttrlintError

_LAZY = {
    "lint_text": "attrlint.api",
    "lint_paths": "attrlint.api",
    "Linter": "attrlint.api",
    "Result": "attrlint.api",
    "Attribution": "attrlint.api",
    "Span": "attrlint.api",
    "Content": "attrlint.api",
    "Diagnostic": "attrlint.diagnostic",
    "Fix": "attrlint.diagnostic",
    "AttrlintError": "attrlint.errors",
}

__all__ = [  # noqa: RUF022  (the order of the documentation, not the alphabet)
    "__version__",
    "lint_text",
    "lint_paths",
    "Linter",
    "Result",
    "Attribution",
    "Span",
    "Content",
    "Diagnostic",
    "Fix",
    "AttrlintError",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'attrlint' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
