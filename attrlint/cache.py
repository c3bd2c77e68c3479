"""A cache of compiled rule sets, so a one-file run does not recompile every pattern.

Compiling the shipped packs takes about 0.3 s; unpickling the compiled linter takes about
10 ms (the `regex` module pickles its compiled code). The key covers everything the compiled
linter depends on: attrlint's and `regex`'s versions, the contents of every rule and config
file, and the command-line choices. Entries are written atomically; a missing, stale or
unreadable entry is simply rebuilt. The cache lives in the user's own cache folder and holds
only what attrlint wrote there: set ATTRLINT_NO_CACHE=1 (or pass --no-cache) to do without.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

import regex

from attrlint import __version__


def cache_dir() -> Path | None:
    if os.environ.get("ATTRLINT_NO_CACHE"):
        return None
    base = os.environ.get("ATTRLINT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "attrlint" if xdg else Path.home() / ".cache" / "attrlint"


def _code_stamp() -> str:
    """The package's own modules by size and modification time: an edited rule kind (in a
    development checkout) must not meet a rule set compiled by its previous version."""
    root = Path(__file__).resolve().parent
    parts = []
    for p in sorted(root.rglob("*.py")):
        st = p.stat()
        parts.append(f"{p.relative_to(root)}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def key_for(files: list[str], choices: object) -> str | None:
    """A digest of the files' contents and the choices; None when a file cannot be read."""
    h = hashlib.sha256()
    h.update(f"{__version__}|{regex.__version__}|{sys.version_info[:2]}|{_code_stamp()}|{choices!r}".encode())
    for f in files:
        try:
            with open(f, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        h.update(os.path.abspath(f).encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def load(key: str):
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{key}.pickle", "rb") as f:
            return pickle.load(f)
    except Exception:  # absent, truncated, or written by an incompatible build: rebuild
        return None


def store(key: str, obj) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, folder / f"{key}.pickle")
    except Exception:  # a read-only home, an unpicklable rule from a user's kind: no cache
        pass
