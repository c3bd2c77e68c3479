"""Hostile input and a hostile machine (issue 15): a crash is exit 2 with the run going on,
every bad input gets one line naming it, and nothing the run reads is ever overwritten."""

from __future__ import annotations

import json
import os
import textwrap

import pytest

from attrlint import cli
from attrlint.engine.lint import Linter
from conftest import run_attrlint

FINDING = "Fire\n\nAt least 43 people were killed.\n"
RULE = textwrap.dedent("""\
    rules:
      - id: no-killed
        kind: existence
        message: "{message}"
        description: d
        tokens: [killed]
    """)


def _drafts(tmp_path, *names):
    out = []
    for name in names:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(FINDING, encoding="utf-8")
        out.append(str(p))
    return out


def _main(capsys, *argv):
    rc = cli.main(["check", "--no-cache", *argv])
    got = capsys.readouterr()
    return rc, got.out, got.err


# --- Crashes: exit 2, one line naming the file, the run goes on --------------------------------

@pytest.fixture
def boom(monkeypatch):
    real = Linter.lint_article

    def lint_article(self, source):
        if "boom" in source.path:
            raise RuntimeError("kaboom\nsecond line")
        return real(self, source)

    monkeypatch.setattr(Linter, "lint_article", lint_article)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_internal_error_names_the_file_exits_2_and_the_run_goes_on(tmp_path, capsys, boom, jobs):
    a, bad, c = _drafts(tmp_path, "a.txt", "boom.txt", "c.txt")
    rc, out, err = _main(capsys, "--jobs", jobs, "--format", "json", a, bad, c)
    assert rc == 2
    assert err.splitlines() == [f"attrlint: error: {bad}: internal error: RuntimeError: kaboom second line "
                                "(run with --debug for the traceback)"]
    assert {f["path"] for f in json.loads(out)} == {a, c}


def test_debug_prints_the_traceback(tmp_path, capsys, boom):
    (bad,) = _drafts(tmp_path, "boom.txt")
    rc, _, err = _main(capsys, "--debug", bad)
    assert rc == 2 and "Traceback (most recent call last)" in err and "RuntimeError: kaboom" in err


def test_a_reporter_that_fails_is_an_error_not_a_lost_run(tmp_path, capsys, monkeypatch):
    from attrlint.report.concise import ConciseReporter
    a, bad = _drafts(tmp_path, "a.txt", "boom.txt")
    real = ConciseReporter.file

    def file(self, path, *args, **kw):
        if "boom" in path:
            raise ValueError("no")
        return real(self, path, *args, **kw)

    monkeypatch.setattr(ConciseReporter, "file", file)
    rc, out, err = _main(capsys, "--format", "concise", a, bad)
    assert rc == 2 and out.startswith(f"{a}:3:") and f"{bad}: internal error: ValueError: no" in err


def test_a_crash_in_a_distributed_partition_is_an_error_line(tmp_path, boom):
    from attrlint.distributed import lint_partition
    from attrlint.engine.project import Workspace
    a, bad = _drafts(tmp_path, "a.txt", "boom.txt")
    lines = [json.loads(line) for line in lint_partition([a, bad], Workspace(use_cache=False))]
    assert lines[-1]["path"] == bad and "internal error: RuntimeError" in lines[-1]["error"]
    assert any(rec.get("path") == a and "rule" in rec for rec in lines)


# --- Options --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0", "1e-6", "inf", "1e308", "nan", "-1", "soon"])
def test_a_nonsense_timeout_is_refused(tmp_path, value):
    (a,) = _drafts(tmp_path, "a.txt")
    proc = run_attrlint("check", "--timeout", value, a)
    assert proc.returncode == 2 and proc.stdout == "" and "--timeout" in proc.stderr
    assert len(proc.stderr.strip().splitlines()[-1:]) == 1 and "Traceback" not in proc.stderr


def test_negative_jobs_are_refused_and_workers_are_capped():
    from attrlint.engine.runner import worker_count
    assert run_attrlint("check", "--jobs", "-1", "x.txt").returncode == 2
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert worker_count(1000, 2) == min(2, cores)
    assert worker_count(0, 10_000) == cores and worker_count(3, 1) == 1


# --- Reading the draft ------------------------------------------------------------------------

def test_a_furniture_pattern_that_times_out_while_reading_skips_that_file(tmp_path):
    (tmp_path / ".attrlint.yaml").write_text('furniture: ["(a|aa)+$"]\n', encoding="utf-8")
    slow = tmp_path / "slow.txt"
    slow.write_text("Head\n\n" + "a" * 40 + "!\n", encoding="utf-8")
    (ok,) = _drafts(tmp_path, "ok.txt")
    proc = run_attrlint("check", "--no-cache", "--timeout", "0.05", str(slow), ok)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [f"attrlint: error: {slow}: a pattern run while reading the draft "
                                        "(furniture lines, quotations) ran longer than 0.05 s; the file was not checked"]
    assert f"{ok}:3:" in proc.stdout


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_named_as_a_draft_is_not_read(tmp_path, device):
    (ok,) = _drafts(tmp_path, "ok.txt")
    proc = run_attrlint("check", device, ok, timeout=30)
    assert proc.returncode == 2 and f"{ok}:3:" in proc.stdout
    assert f"attrlint: error: {device}: is a device, not a regular file; skipped" in proc.stderr


def test_standard_input_is_read_with_a_bound(monkeypatch):
    import io

    from attrlint.model import source
    from attrlint.errors import InputError
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 1000)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\0" * 5000)))
    with pytest.raises(InputError, match="larger than"):
        source.read_source("-")


def test_fifos_are_named_and_skipped_never_opened_for_reading(tmp_path):
    tree = tmp_path / "tree"
    (a,) = _drafts(tree, "a.txt")
    os.mkfifo(tree / "pipe.txt")
    rules = tmp_path / "rules.yaml"
    os.mkfifo(rules)
    ref = tmp_path / "wire.txt"
    os.mkfifo(ref)
    proc = run_attrlint("check", "--no-cache", str(tree), timeout=30)
    assert proc.returncode == 2 and f"{a}:3:" in proc.stdout
    assert f"{tree / 'pipe.txt'}: is a named pipe (FIFO), not a regular file; skipped" in proc.stderr
    proc = run_attrlint("check", "--no-cache", str(tree / "pipe.txt"), timeout=30)
    assert proc.returncode == 2 and "named pipe" in proc.stderr
    for option, path in (("--rules", rules), ("--reference", ref)):
        proc = run_attrlint("check", "--no-cache", option, str(path), a, timeout=30)
        assert proc.returncode == 2 and f"{path}: is a named pipe (FIFO)" in proc.stderr, proc.stderr
    # `attrlint sources` reads drafts through the same refusals: a pipe is named, not waited on.
    proc = run_attrlint("sources", str(tree), timeout=30)
    assert proc.returncode == 2 and "a.txt" in proc.stdout
    assert f"{tree / 'pipe.txt'}: is a named pipe (FIFO), not a regular file; skipped" in proc.stderr
    proc = run_attrlint("sources", str(tree / "pipe.txt"), timeout=30)
    assert proc.returncode == 2 and "named pipe" in proc.stderr


# --- Rule files and config ----------------------------------------------------------------------

def _rule_error(tmp_path, text, *extra):
    rules = tmp_path / "desk.yaml"
    rules.write_text(text, encoding="utf-8")
    (a,) = _drafts(tmp_path, "a.txt")
    proc = run_attrlint(*(extra or ("check", "--no-cache")), "--rules", str(rules), *([] if extra else [a]))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    return line.replace(str(rules), "desk.yaml")


def test_a_pack_given_as_a_list_is_refused(tmp_path):
    line = _rule_error(tmp_path, "pack: [a, b]\n" + RULE.format(message="x"))
    assert line == "attrlint: error: desk.yaml:1: `pack:` must be a name (a string), not a list"


def test_explain_with_an_example_that_is_not_text_is_refused(tmp_path):
    text = RULE.format(message="x") + "    example: {bad: [1, 2], good: fine}\n"
    line = _rule_error(tmp_path, text, "explain", "no-killed")
    assert line == "attrlint: error: desk.yaml:7: example.bad must be text (a string), not a list"


@pytest.mark.parametrize("message, reason", [
    ("{match:>2000000000}", "desk.yaml:4: message placeholder {match:>2000000000}: the format spec is too large or nested"),
    ("{match:{match}}", "the format spec is too large or nested"),
    ("{match.__class__}", "desk.yaml:4: message placeholder {match.__class__} must be a plain name"),
    ("{match[0]}", "must be a plain name"),
    ("{0}", "must be a plain name"),
    ("{colour}", "desk.yaml:4: unknown message placeholder {colour} for kind 'existence' (known: {match})"),
    ("a } b", "is not a valid template"),
])
def test_message_templates_are_validated_at_load(tmp_path, message, reason):
    assert reason in _rule_error(tmp_path, RULE.format(message=message))


def test_a_good_template_with_a_small_spec_still_works(tmp_path):
    rules = tmp_path / "desk.yaml"
    rules.write_text(RULE.format(message="saw {match!r:>12}"), encoding="utf-8")
    (a,) = _drafts(tmp_path, "a.txt")
    proc = run_attrlint("check", "--no-cache", "--rules", str(rules), "--select", "no-killed", a)
    assert proc.returncode == 1 and "saw     'killed'" in proc.stdout


@pytest.mark.parametrize("toml, reason", [
    ("tool = 3\n", "pyproject.toml: `tool` must be a table"),
    ("[tool]\nx = 1\n[tool\n", "pyproject.toml:3: invalid TOML"),
    ("[tool.attrlint]\nselect = 5\n", "pyproject.toml:2: config key 'select' must be a list of strings"),
])
def test_a_bad_pyproject_is_an_error_not_the_defaults(tmp_path, toml, reason):
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    (a,) = _drafts(tmp_path, "a.txt")
    proc = run_attrlint("check", "--no-cache", a)
    assert proc.returncode == 2 and reason in proc.stderr and "Traceback" not in proc.stderr


def test_billion_laughs_in_override_options_is_refused_quickly(tmp_path):
    lines = ["overrides:", '  - files: ["*.txt"]', "    options:", "      unattributed-number:",
             "        l0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"        l{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    (tmp_path / ".attrlint.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (a,) = _drafts(tmp_path, "a.txt")
    proc = run_attrlint("check", a, timeout=20)
    assert proc.returncode == 2
    assert ".attrlint.yaml:4: options.unattributed-number holds more than 10000 values" in proc.stderr


# --- Output -------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "concise", "json", "json-lines", "sarif", "github", "junit", "html"])
def test_a_file_name_that_is_not_utf8_does_not_crash_a_report(tmp_path, fmt):
    name = os.fsdecode(b"bad\xff.txt")
    (tmp_path / name).write_text(FINDING, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    proc = run_attrlint("check", "--no-cache", "--format", fmt, name, cwd=tmp_path, env=env)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    proc = run_attrlint("check", "--no-cache", "--format", fmt, name, "-o", "report", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == ""
    (tmp_path / "report").read_text(encoding="utf-8")  # still valid UTF-8


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_2(tmp_path):
    (a,) = _drafts(tmp_path, "a.txt")
    proc = run_attrlint("check", "--no-cache", a, "-o", "/dev/full")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["attrlint: error: /dev/full: cannot write the report (No space left on device)"]
    with open("/dev/full", "w") as full:
        import subprocess
        import sys
        proc = subprocess.run([sys.executable, "-m", "attrlint", "check", "--no-cache", a], stdout=full,
                              stderr=subprocess.PIPE, text=True)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == ["attrlint: error: <stdout>: cannot write the report (No space left on device)"]


def test_control_characters_are_escaped_in_text_and_concise_output(tmp_path):
    name = "evil\nother.txt:1:1: error forged\x1b[2J.txt"
    (tmp_path / name).write_text("Fire\n\nAt \x1b[31mleast 43 people were killed.\n", encoding="utf-8")
    for fmt in ("concise", "text"):
        proc = run_attrlint("check", "--no-cache", "--format", fmt, "--select", "unattributed-number", name, cwd=tmp_path)
        assert proc.returncode == 1 and "\x1b" not in proc.stdout
        lines = proc.stdout.splitlines()
        assert lines[0].startswith("evil\\nother.txt:1:1: error forged\\x1b[2J.txt:3:")
        assert not any(line.startswith("other.txt") for line in lines)
    shown, caret = lines[1], lines[2]  # the text format's excerpt: the caret is still under the figure
    assert shown[caret.index("^"):].startswith("43")


# --- Never overwrite an input ------------------------------------------------------------------

def test_the_output_file_may_be_no_input(tmp_path):
    (a,) = _drafts(tmp_path, "a.txt")
    rules = tmp_path / "desk.yaml"
    rules.write_text(RULE.format(message="m"), encoding="utf-8")
    ref = tmp_path / "wire.txt"
    ref.write_text("Wire\n\nHe said: \"we will win.\"\n", encoding="utf-8")
    cfg = tmp_path / ".attrlint.yaml"
    cfg.write_text("ignore: [vague-source]\n", encoding="utf-8")
    for target, args, what in ((rules, ["--rules", str(rules)], "a rule file"),
                               (ref, ["--reference", str(ref)], "a reference file"),
                               (cfg, [], "a config file"),
                               (tmp_path / "a.txt", [], "one of the drafts being checked")):
        before = target.read_bytes()
        proc = run_attrlint("check", "--no-cache", *args, a, "-o", str(target))
        assert proc.returncode == 2 and target.read_bytes() == before
        assert proc.stderr.strip() == f"attrlint: error: {target}: the output file is {what}; refusing to overwrite it"


# --- Trees ------------------------------------------------------------------------------------

@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_config_in_one_folder_is_reported_and_the_others_are_checked(tmp_path, jobs):
    good = _drafts(tmp_path, "a/one.txt", "c/three.txt")
    bad = _drafts(tmp_path, "b/two.txt", "b/four.txt")
    (tmp_path / "b" / ".attrlint.yaml").write_text("colour: red\n", encoding="utf-8")
    proc = run_attrlint("check", "--no-cache", "--jobs", jobs, "--format", "json", str(tmp_path))
    assert proc.returncode == 2
    assert {f["path"] for f in json.loads(proc.stdout)} == set(good)
    errors = proc.stderr.splitlines()
    assert len(errors) == 1 and f"{tmp_path / 'b' / '.attrlint.yaml'}:1: unknown config key 'colour'" in errors[0]
    assert bad  # its drafts were not checked under the wrong settings


def test_a_folder_that_cannot_be_listed_is_named(tmp_path, monkeypatch, capsys):
    good = _drafts(tmp_path, "a/one.txt")
    _drafts(tmp_path, "locked/two.txt")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    rc, out, err = _main(capsys, "--format", "json", str(tmp_path))
    assert rc == 2 and {f["path"] for f in json.loads(out)} == set(good)
    assert err.strip() == (f"attrlint: error: {tmp_path / 'locked'}: folder cannot be read (Permission denied); "
                           "its drafts were not checked")


def test_a_path_too_long_for_the_system_is_named(tmp_path):
    deep = "d" * 250
    proc = run_attrlint("check", "--no-cache", "/".join([str(tmp_path)] + [deep] * 20) + "/x.txt")
    assert proc.returncode == 2 and "File name too long" in proc.stderr and "Traceback" not in proc.stderr


# --- Work that must stay near-linear ------------------------------------------------------------

def _random_drafts(count=60, seed=15):
    import random
    rng = random.Random(seed)
    pieces = ['"', "“", "”", "'", "A. ", "U.S. ", " he said. ", "Mr. Smith: ", ", ", "\n\n", "word ", "Word ", "? ", "— "]
    for _ in range(count):
        yield "Head\n\n" + "".join(rng.choice(pieces) for _ in range(rng.randint(5, 120)))


def test_sentence_quotations_found_by_bisection_match_a_full_scan():
    from attrlint.analysis.speakers import _Bounds, _next_quote_or_end, _overlapping
    from conftest import linter_for
    from attrlint.model.source import from_string
    linter = linter_for()
    for text in _random_drafts():
        article = linter.article(from_string(text, path="r.txt"))
        for sent in article.sentences:
            full = [q for q in article.quotations_by_paragraph.get(sent.paragraph, ())
                    if q.start < sent.end and q.end > sent.start]
            assert sent.quotations == full
            bounds = _Bounds(sent)
            for q in sent.quotations:
                lo = sent.start
                for other in sent.quotations:
                    if other.close is not None and other.close < q.open:
                        lo = max(lo, other.close + 1)
                assert bounds.previous_close_or_start(q.open) == lo
                if q.close is not None:
                    assert bounds.next_open_or_end(q.close + 1) == _next_quote_or_end(sent, q.close + 1)
        spans: dict = {}
        for q in article.quotations:
            sents = article.paragraphs[q.paragraph].sentences if q.paragraph >= 0 else []
            assert _overlapping(article, q, spans) == [s for s in sents if s.start < q.end and s.end > q.start]


@pytest.mark.parametrize("body", [
    '"a ' * 3000,
    '"A. ' * 20000,
    "".join(f'"Word {i}," he said. ' for i in range(3000)),
    "The minister said the plan would cost 4 million euros. " * 5000,
], ids=["straight-quotes", "initials", "quoted-sentences", "one-long-line"])
def test_pathological_drafts_finish(tmp_path, body):
    # Each took minutes before (quadratic or worse); bench/pathological.py times them. The
    # limit here only catches a return to that, not a measurement.
    draft = tmp_path / "odd.txt"
    draft.write_text("Head\n\n" + body + "\n", encoding="utf-8")
    proc = run_attrlint("check", "--no-cache", "--format", "json", str(draft), timeout=120)
    assert proc.returncode in (0, 1) and proc.stderr == ""
    json.loads(proc.stdout)


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores for worker processes")
def test_a_worker_process_that_dies_is_pinned_on_its_file_and_the_run_goes_on(tmp_path, capsys, monkeypatch):
    # multiprocessing.Pool waited forever for a result lost with its worker.
    main_pid = os.getpid()
    real = Linter.lint_article

    def lint_article(self, source):
        if source.path.endswith("crashme.txt") and os.getpid() != main_pid:
            os._exit(9)
        return real(self, source)

    monkeypatch.setattr(Linter, "lint_article", lint_article)
    paths = _drafts(tmp_path, "a.txt", "b.txt", "crashme.txt", "d.txt", "e.txt")
    rc, out, err = _main(capsys, "--jobs", "2", "--format", "json", *paths)
    assert rc == 2
    assert {f["path"] for f in json.loads(out)} == set(paths) - {paths[2]}
    assert err.splitlines() == [f"attrlint: error: {paths[2]}: internal error: the process checking it stopped "
                                "abruptly (killed, out of memory, or a crash in native code)"]
