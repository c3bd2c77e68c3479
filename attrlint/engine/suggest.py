"""'Did you mean ...?' for names a user types: rule ids, packs, config keys, subcommands."""

from __future__ import annotations


def did_you_mean(name: str, candidates) -> str:
    """' (did you mean 'x'?)' for the closest candidate, or '' when none is close."""
    names = sorted(set(candidates))
    # A name typed short ("unattributed") is more telling than a near spelling.
    close = [c for c in names if c.startswith(name) and len(name) >= 4][:1]
    import difflib  # only when a name is misspelt

    close = close or difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
