"""A cache of compiled rule sets, so a one-file run does not recompile every pattern.

Compiling the shipped packs takes about 0.3 s; unpickling the compiled linter takes about
10 ms (the `regex` module pickles its compiled code). The key covers everything the compiled
linter depends on: attrlint's and `regex`'s versions, the contents of every rule and config
file, and the command-line choices. A second kind of entry (`.patterns`) holds the patterns
attrlint's modules compile as they are imported (attrlint.patterns), keyed by the versions and
attrlint's own modules. Entries are written atomically; a missing, stale or
unreadable entry is simply rebuilt. Set ATTRLINT_NO_CACHE=1 (or pass --no-cache) to do without.

Unpickling runs code, so only what attrlint itself wrote may ever be unpickled:

- the folder must be a directory owned by the current user and writable by no one else (it
  is created 0700); otherwise the cache is off for the run, with one warning line;
- every file in it (entries and the secret) is opened without following symlinks, must be a
  regular file owned by the user, and is read with a bound on its size;
- every entry starts with an HMAC-SHA256 of its key and body under a per-user random secret
  (`secret.key`, 0600, in the same folder), checked before the body is unpickled; an entry
  that fails any check is ignored and rebuilt, never run;
- an entry that unpickles to an object of the wrong type is discarded.

The key itself is predictable (anyone can compute it); the secret is what an attacker lacks.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import stat
import sys
from _operator import _compare_digest as compare_digest  # what hmac.compare_digest is
from pathlib import Path

import regex

from attrlint import __version__

# CPython's own SHA-256, and the constant-time comparison above: the `hashlib` and `hmac`
# modules load OpenSSL, a twentieth of a one-article run, for nothing the cache needs from it.
try:
    from _sha256 import sha256  # type: ignore[import-not-found]  # CPython's own; no stubs
except ImportError:  # a Python built without it
    from hashlib import sha256

MAGIC = b"attrlint-cache-1\n"
SECRET_NAME = "secret.key"
SECRET_BYTES = 32
# A compiled linter pickles to about 200 kB; anything far larger was not written by us.
MAX_ENTRY_BYTES = 64 * 1024 * 1024

_WARNED: set[str] = set()


def cache_dir() -> Path | None:
    if os.environ.get("ATTRLINT_NO_CACHE"):
        return None
    base = os.environ.get("ATTRLINT_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "attrlint" if xdg else Path.home() / ".cache" / "attrlint"


def _uid() -> int:
    return os.geteuid()


def _warn(folder: Path, why: str) -> None:
    # Once per folder and process: the language server builds linters many times.
    if str(folder) in _WARNED:
        return
    _WARNED.add(str(folder))
    print(f"attrlint: warning: cache folder {folder} {why}; compiling the rules without the cache", file=sys.stderr)


def _open_folder(folder: Path, create: bool) -> int | None:
    """A descriptor of the cache folder if it is safe to use, else None (with a warning when
    the folder exists but is unsafe). Entries are then opened relative to the descriptor, so a
    folder swapped after the check is not consulted."""
    if create:
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            os.mkdir(folder, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None  # a read-only home: run without the cache, nothing to warn about
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    st = os.fstat(fd)
    why = None
    if st.st_uid != _uid():
        why = f"is owned by another user (uid {st.st_uid})"
    elif st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        why = f"is writable by other users (mode {stat.S_IMODE(st.st_mode):o})"
    if why:
        os.close(fd)
        _warn(folder, why)
        return None
    return fd


def _read_own_file(dir_fd: int, name: str, limit: int) -> bytes | None:
    """The bytes of a regular file in the folder owned by the user and writable only by them;
    None for anything else (absent, a symlink, a FIFO, another owner, too large)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags, dir_fd=dir_fd)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (
            not stat.S_ISREG(st.st_mode)
            or st.st_uid != _uid()
            or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
            or st.st_size > limit
        ):
            return None
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > limit:
                return None
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def _secret(dir_fd: int, create: bool) -> bytes | None:
    data = _read_own_file(dir_fd, SECRET_NAME, 4096)
    if data is not None:
        return data if len(data) == SECRET_BYTES else None
    if not create:
        return None
    # Written under a temporary name and linked into place, so no reader ever sees a partial
    # secret and two racing processes end up agreeing on the one that was linked first.
    import secrets  # only when writing: a run that finds its entry never needs it

    tmp = f".secret.{secrets.token_hex(8)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=dir_fd)
        try:
            os.write(fd, secrets.token_bytes(SECRET_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, SECRET_NAME, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp, dir_fd=dir_fd)
    except OSError:
        return None
    data = _read_own_file(dir_fd, SECRET_NAME, 4096)
    return data if data is not None and len(data) == SECRET_BYTES else None


def _mac(secret: bytes, key: str, body: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104) of the key and body under the secret: what `hmac.new(secret, ...,
    hashlib.sha256)` computes (a test holds the two equal), without loading OpenSSL."""
    k = sha256(secret).digest() if len(secret) > _BLOCK else secret
    k = k.ljust(_BLOCK, b"\0")
    inner = sha256(k.translate(_INNER_PAD))
    inner.update(key.encode() + b"\0")
    inner.update(body)
    return sha256(k.translate(_OUTER_PAD) + inner.digest()).digest()


# SHA-256's block, and its inner and outer pads as translation tables (each key byte XOR 0x36,
# XOR 0x5C), as the standard library's hmac builds them.
_BLOCK = 64
_INNER_PAD = bytes(x ^ 0x36 for x in range(256))
_OUTER_PAD = bytes(x ^ 0x5C for x in range(256))


@functools.lru_cache(maxsize=1)
def _code_stamp() -> str:
    """The package's own modules by size and modification time: an edited rule kind (in a
    development checkout) must not meet a rule set compiled by its previous version. Read once
    per process: the modules it runs are the ones it imported at the start."""
    root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))  # the package, not this folder
    parts = []
    # os.walk and os.stat rather than pathlib's rglob: this runs at every start.
    for folder, folders, names in os.walk(root):
        folders[:] = [f for f in folders if f != "__pycache__"]
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                st = os.stat(path)
                parts.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
    parts.sort()
    return sha256("|".join(parts).encode()).hexdigest()


def key_for(files: list[str], choices: object) -> str | None:
    """A digest of the files' contents and the choices; None when a file cannot be read."""
    from attrlint.model.source import read_regular_bytes

    h = sha256()
    h.update(f"{__version__}|{regex.__version__}|{sys.version_info[:2]}|{_code_stamp()}|{choices!r}".encode())
    for f in files:
        try:
            data = read_regular_bytes(f)
        except OSError:
            return None
        h.update(os.path.abspath(f).encode() + b"\0" + sha256(data).digest())
    return h.hexdigest()


# The kinds of entry, by the ending of their file names: a compiled linter, and the patterns the
# modules compile as they are imported (attrlint.patterns).
SUFFIXES = (".pickle", ".patterns")


def _entry_name(key: str, suffix: str = ".pickle") -> str | None:
    # Keys are hex digests; anything else must not become a path.
    ok = key and all(c in "0123456789abcdef" for c in key) and suffix in SUFFIXES
    return f"{key}{suffix}" if ok else None


def load(key: str, kind: type | None = None, suffix: str = ".pickle"):
    """The object stored under `key`, or None. Only an entry this user's attrlint wrote (its
    HMAC checks out) is unpickled, and only an object of type `kind` is returned."""
    folder = cache_dir()
    name = _entry_name(key, suffix)
    if folder is None or name is None:
        return None
    dir_fd = _open_folder(folder, create=False)
    if dir_fd is None:
        return None
    try:
        secret = _secret(dir_fd, create=False)
        if secret is None:
            return None
        data = _read_own_file(dir_fd, name, MAX_ENTRY_BYTES)
    finally:
        os.close(dir_fd)
    if data is None or not data.startswith(MAGIC) or len(data) < len(MAGIC) + 32:
        return None
    mac, body = data[len(MAGIC) : len(MAGIC) + 32], data[len(MAGIC) + 32 :]
    if not compare_digest(mac, _mac(secret, key, body)):
        return None
    try:
        obj = pickle.loads(body)
    except Exception:  # written by an incompatible build: rebuild
        return None
    if kind is not None and not isinstance(obj, kind):
        return None
    return obj


def store(key: str, obj, suffix: str = ".pickle") -> None:
    folder = cache_dir()
    name = _entry_name(key, suffix)
    if folder is None or name is None:
        return
    try:
        body = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an unpicklable rule from a user's kind: no cache
        return
    dir_fd = _open_folder(folder, create=True)
    if dir_fd is None:
        return
    import secrets

    tmp = f".{secrets.token_hex(8)}.tmp"
    try:
        secret = _secret(dir_fd, create=True)
        if secret is None:
            return
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=dir_fd)
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + _mac(secret, key, body) + body)
        os.replace(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except OSError:  # a full disk, a read-only folder: no cache this time
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
    finally:
        os.close(dir_fd)
