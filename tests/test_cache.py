"""The cache of compiled rule sets: used when nothing changed, rebuilt when anything did."""

from __future__ import annotations

import os
import textwrap

from conftest import run_attrlint

BAD = "Fire sweeps market\n\nThe fire was slain by 43 firefighters, police said.\n"
RULES = textwrap.dedent("""\
    pack: desk
    rules:
      - id: no-slain
        kind: existence
        message: "prefer killed to '{match}'"
        description: d
        tokens: [slain]
    """)


def run(*args, cache, cwd=None, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k != "ATTRLINT_NO_CACHE"}
    env.update({"ATTRLINT_CACHE_DIR": str(cache), **(env_extra or {})})
    return run_attrlint(*args, cwd=cwd, env=env)


def test_cache_is_written_reused_and_rebuilt_when_a_rule_file_changes(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    rules = tmp_path / "desk.yaml"
    rules.write_text(RULES, encoding="utf-8")
    first = run("check", "--rules", str(rules), "--select", "no-slain", str(draft), cache=cache)
    assert first.returncode == 1 and "no-slain" in first.stdout
    entries = list(cache.glob("*.pickle"))
    assert len(entries) == 1
    again = run("check", "--rules", str(rules), "--select", "no-slain", str(draft), cache=cache)
    assert again.stdout == first.stdout and list(cache.glob("*.pickle")) == entries
    # Same size, new words: the content, not the file's date, decides.
    rules.write_text(RULES.replace("[slain]", "[firefighters]").replace("killed", "someone"), encoding="utf-8")
    changed = run("check", "--rules", str(rules), "--select", "no-slain", str(draft), cache=cache)
    assert "'firefighters'" in changed.stdout and "slain'" not in changed.stdout
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_broken_cache_entry_is_rebuilt(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "fire.txt"
    draft.write_text("Fire\n\nAt least 43 people were killed.\n", encoding="utf-8")
    first = run("check", "--select", "unattributed-number", str(draft), cache=cache)
    for entry in cache.glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    again = run("check", "--select", "unattributed-number", str(draft), cache=cache)
    assert again.returncode == first.returncode == 1 and again.stdout == first.stdout


def test_no_cache_writes_nothing(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    run("check", "--no-cache", str(draft), cache=cache)
    run("check", str(draft), cache=cache, env_extra={"ATTRLINT_NO_CACHE": "1"})
    assert not cache.exists() or not list(cache.glob("*.pickle"))


# --- Planted entries: nothing attrlint did not write itself is ever unpickled. ---------------

import pickle  # noqa: E402
import stat  # noqa: E402

import pytest  # noqa: E402

from attrlint.engine import cache as cache_mod  # noqa: E402


class _Evil:
    """Unpickling this runs code: it writes a marker file."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (exec, (f"open({self.marker!r}, 'w').write('ran')",))


def _signed(secret: bytes, key: str, body: bytes) -> bytes:
    return cache_mod.MAGIC + cache_mod._mac(secret, key, body) + body


@pytest.fixture
def planted(tmp_path):
    """A draft, its honest findings, the cache key its run uses, and a malicious payload."""
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    honest = run("check", "--no-cache", "--format", "json", str(draft), cache=tmp_path / "unused")
    good = tmp_path / "good"
    first = run("check", "--format", "json", str(draft), cache=good)
    assert first.stdout == honest.stdout
    (entry,) = good.glob("*.pickle")
    marker = tmp_path / "MARKER"
    return {"draft": draft, "honest": honest, "good": good, "key": entry.stem, "marker": marker,
            "payload": pickle.dumps(_Evil(marker)), "tmp": tmp_path}


def _check_not_loaded(p, folder, expect_warning=False):
    proc = run("check", "--format", "json", str(p["draft"]), cache=folder)
    assert not p["marker"].exists(), "a planted cache entry ran code"
    assert proc.returncode == p["honest"].returncode and proc.stdout == p["honest"].stdout
    if expect_warning:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("attrlint: warning: cache folder") and "without the cache" in lines[0]
    else:
        assert proc.stderr == ""
    return proc


def _plant_folder(p, folder, mode):
    """An attacker's folder: its own secret, and an entry correctly signed with it."""
    folder.mkdir()
    secret = b"s" * cache_mod.SECRET_BYTES
    (folder / cache_mod.SECRET_NAME).write_bytes(secret)
    (folder / f"{p['key']}.pickle").write_bytes(_signed(secret, p["key"], p["payload"]))
    os.chmod(folder, mode)


@pytest.mark.parametrize("mode", [0o777, 0o1777, 0o770])
def test_a_folder_others_can_write_is_refused(planted, mode):
    folder = planted["tmp"] / "shared"
    _plant_folder(planted, folder, mode)
    _check_not_loaded(planted, folder, expect_warning=True)
    assert list(folder.glob("*.pickle")) == [folder / f"{planted['key']}.pickle"]  # nothing written there either


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give the folder to another user")
def test_a_folder_owned_by_another_user_is_refused(planted):
    folder = planted["tmp"] / "theirs"
    _plant_folder(planted, folder, 0o755)
    for f in [folder, *folder.iterdir()]:
        os.chown(f, 54321, 54321)
    _check_not_loaded(planted, folder, expect_warning=True)


def test_ownership_is_checked_in_process(planted, monkeypatch):
    # The same check without root: the running user is made to look like someone else.
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(planted["good"]))
    monkeypatch.delenv("ATTRLINT_NO_CACHE", raising=False)
    from attrlint.engine.lint import Linter
    assert isinstance(cache_mod.load(planted["key"], Linter), Linter)
    monkeypatch.setattr(cache_mod, "_uid", lambda: os.geteuid() + 1)
    monkeypatch.setattr(cache_mod, "_WARNED", set())
    assert cache_mod.load(planted["key"], Linter) is None


def test_a_created_folder_is_private(planted):
    assert stat.S_IMODE(planted["good"].stat().st_mode) == 0o700
    secret = planted["good"] / cache_mod.SECRET_NAME
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600 and len(secret.read_bytes()) == cache_mod.SECRET_BYTES
    assert stat.S_IMODE((planted["good"] / f"{planted['key']}.pickle").stat().st_mode) == 0o600


def test_an_entry_without_or_with_a_wrong_hmac_is_not_unpickled(planted):
    entry = planted["good"] / f"{planted['key']}.pickle"
    for forged in (planted["payload"],
                   cache_mod.MAGIC + b"\0" * 32 + planted["payload"],
                   _signed(b"s" * cache_mod.SECRET_BYTES, planted["key"], planted["payload"])):
        entry.write_bytes(forged)
        _check_not_loaded(planted, planted["good"])
    # An honest entry signed for another key does not pass for this one either.
    secret = (planted["good"] / cache_mod.SECRET_NAME).read_bytes()
    entry.write_bytes(_signed(secret, "0" * 64, planted["payload"]))
    _check_not_loaded(planted, planted["good"])


def test_a_symlinked_entry_or_secret_is_not_followed(planted):
    folder = planted["good"]
    secret = (folder / cache_mod.SECRET_NAME).read_bytes()
    elsewhere = planted["tmp"] / "elsewhere.pickle"
    elsewhere.write_bytes(_signed(secret, planted["key"], planted["payload"]))
    entry = folder / f"{planted['key']}.pickle"
    entry.unlink()
    entry.symlink_to(elsewhere)
    _check_not_loaded(planted, folder)
    # A symlinked secret (one the attacker knows) is not trusted either.
    known = planted["tmp"] / "known.key"
    known.write_bytes(b"k" * cache_mod.SECRET_BYTES)
    (folder / cache_mod.SECRET_NAME).unlink()
    (folder / cache_mod.SECRET_NAME).symlink_to(known)
    entry.unlink()
    entry.write_bytes(_signed(b"k" * cache_mod.SECRET_BYTES, planted["key"], planted["payload"]))
    _check_not_loaded(planted, folder)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_an_entry_owned_by_another_user_is_not_unpickled(planted):
    entry = planted["good"] / f"{planted['key']}.pickle"
    secret = (planted["good"] / cache_mod.SECRET_NAME).read_bytes()
    entry.write_bytes(_signed(secret, planted["key"], planted["payload"]))
    os.chown(entry, 54321, 54321)
    _check_not_loaded(planted, planted["good"])


def test_a_group_writable_entry_is_not_unpickled(planted):
    entry = planted["good"] / f"{planted['key']}.pickle"
    secret = (planted["good"] / cache_mod.SECRET_NAME).read_bytes()
    entry.write_bytes(_signed(secret, planted["key"], planted["payload"]))
    os.chmod(entry, 0o664)
    _check_not_loaded(planted, planted["good"])


def test_a_fifo_entry_does_not_block(planted):
    entry = planted["good"] / f"{planted['key']}.pickle"
    entry.unlink()
    os.mkfifo(entry)
    _check_not_loaded(planted, planted["good"])


def test_an_entry_of_the_wrong_type_is_discarded_and_rebuilt(planted, monkeypatch):
    # Signed with the real secret, as attrlint itself would write it: a linter with no rules
    # would make every draft pass, and a plain string is not a linter at all.
    from attrlint.engine.lint import Linter
    secret = (planted["good"] / cache_mod.SECRET_NAME).read_bytes()
    entry = planted["good"] / f"{planted['key']}.pickle"
    entry.write_bytes(_signed(secret, planted["key"], pickle.dumps("not a linter")))
    _check_not_loaded(planted, planted["good"])
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(planted["good"]))
    entry.write_bytes(_signed(secret, planted["key"], pickle.dumps({"rules": []})))
    assert cache_mod.load(planted["key"], Linter) is None


def test_the_language_server_uses_the_same_loader(planted, monkeypatch):
    from attrlint.engine.project import Workspace
    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(planted["good"]))
    monkeypatch.delenv("ATTRLINT_NO_CACHE", raising=False)
    monkeypatch.chdir(planted["tmp"])
    # The key this process uses (the child process of the fixture may have imported the
    # package from another place, as CI's non-editable install does, and so keyed differently).
    before = set(planted["good"].glob("*.pickle"))
    Workspace().linter_for(str(planted["draft"]))
    (entry,) = (set(planted["good"].glob("*.pickle")) - before) or {planted["good"] / f"{planted['key']}.pickle"}
    entry.write_bytes(planted["payload"])
    ws = Workspace()  # what the language server builds
    linter = ws.linter_for(str(planted["draft"]))
    assert not planted["marker"].exists() and linter.rules
    assert entry.read_bytes().startswith(cache_mod.MAGIC)  # the same key: rejected, then rewritten honestly


# --- The module-level patterns (attrlint.patterns) kept in the cache ------------------------


def test_module_patterns_are_kept_and_reused(tmp_path):
    cache = tmp_path / "cache"
    draft = tmp_path / "fire.txt"
    draft.write_text(BAD, encoding="utf-8")
    first = run("check", str(draft), cache=cache)
    (entry,) = cache.glob("*.patterns")
    written = entry.stat().st_mtime_ns
    again = run("check", str(draft), cache=cache)
    assert again.stdout == first.stdout and again.stderr == ""
    assert entry.stat().st_mtime_ns == written  # every pattern came from it: nothing to write


def test_a_module_patterns_entry_is_checked_like_any_other(planted, monkeypatch):
    from attrlint import patterns

    monkeypatch.setenv("ATTRLINT_CACHE_DIR", str(planted["good"]))
    monkeypatch.delenv("ATTRLINT_NO_CACHE", raising=False)
    key = patterns._store_key()
    entry = planted["good"] / f"{key}.patterns"
    before = dict(patterns._COMPILED)
    entry.write_bytes(planted["payload"])  # not signed
    patterns.preload()
    assert not planted["marker"].exists()
    secret = (planted["good"] / cache_mod.SECRET_NAME).read_bytes()
    entry.write_bytes(_signed(secret, key, pickle.dumps({("x", 0): "not a pattern"})))
    patterns.preload()  # signed, but not patterns: nothing taken
    assert patterns._COMPILED == before


@pytest.mark.parametrize("secret_bytes", [0, 1, 32, 64, 65, 200])
def test_the_entries_mac_is_the_standard_librarys_hmac(secret_bytes):
    """The cache computes HMAC-SHA256 without loading OpenSSL: it must be hmac's, bit for bit."""
    import hashlib
    import hmac
    import secrets

    for body in (b"", b"x", secrets.token_bytes(1000), secrets.token_bytes(300_000)):
        secret = secrets.token_bytes(secret_bytes)
        key = secrets.token_hex(32)
        expected = hmac.new(secret, key.encode() + b"\0" + body, hashlib.sha256).digest()
        assert cache_mod._mac(secret, key, body) == expected
