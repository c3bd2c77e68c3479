"""Headless chromium from the command line: the DOM after scripts ran, and screenshots.

Flags keep the browser off the network and away from the user's profile: the report must
render from the file alone, and the host resolver maps every name to nothing so a page that
tried to fetch anything could not.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
    "--force-device-scale-factor=1",
]


def find() -> str | None:
    """The chromium binary, or None when none is installed (the browser test then skips)."""
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(binary: str, args: list[str], timeout: int = 120) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="attrlint-chromium-") as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def dump_dom(binary: str, page: Path) -> tuple[str, list[str]]:
    """The page's DOM, serialised after its scripts ran, and what the page wrote to the
    console (script errors, Content-Security-Policy refusals)."""
    proc = _run(binary, ["--enable-logging=stderr", "--v=0", "--dump-dom", page.resolve().as_uri()])
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise RuntimeError(f"chromium --dump-dom failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return proc.stdout, [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]


def screenshot(binary: str, page: Path, png: Path, width: int, height: int) -> bytes:
    proc = _run(binary, [f"--screenshot={png}", f"--window-size={width},{height}", page.resolve().as_uri()])
    if proc.returncode != 0 or not png.exists():
        raise RuntimeError(f"chromium --screenshot failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return png.read_bytes()
