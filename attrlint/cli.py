"""The `attrlint` command: check, rules, explain, sources, lsp.

Exit codes follow ruff: 0 no findings (at or above --fail-level), 1 findings, 2 an error (bad
input, bad rules or config, bad options). A draft that cannot be read is reported on stderr
with its name and the run goes on; the exit code is then 2.
"""

from __future__ import annotations

import argparse
import collections
import gc
import math
import os
import sys
import textwrap
from typing import TYPE_CHECKING

from attrlint import __version__, patterns
from attrlint.diagnostic import SEVERITIES, SEVERITY_RANK
from attrlint.engine.runner import default_jobs, internal_error, run, worker_count
from attrlint.engine.suggest import did_you_mean
from attrlint.errors import AttrlintError
from attrlint.model.source import walk
from attrlint.report import FORMATS, reporter_class
from attrlint.report.summary import Tally, no_body_note

if TYPE_CHECKING:
    from attrlint.engine.fixes import FixRun


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _timeout(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    # Below a hundredth of a second every pattern on a real draft "times out"; past a day (or
    # inf, nan) the regex module's deadline overflows or means nothing.
    if not math.isfinite(seconds) or not 0.01 <= seconds <= 86400:
        raise argparse.ArgumentTypeError(f"{value!r} must be between 0.01 and 86400 seconds")
    return seconds


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 (one per core) or more")
    return jobs


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="attrlint", description="A source-attribution linter for newsroom copy.")
    ap.add_argument("--version", action="version", version=f"attrlint {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check drafts and report findings")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files, folders (walked for .txt/.md/.markdown/.html/.htm) or - for standard input (default: .)",
    )
    check.add_argument("--format", choices=list(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument(
        "--select", type=_csv, action="extend", metavar="RULES", help="run only these rules or packs (comma-separated)"
    )
    check.add_argument(
        "--ignore", type=_csv, action="extend", metavar="RULES", help="skip these rules or packs (comma-separated)"
    )
    check.add_argument("--rules", action="append", default=[], metavar="FILE_OR_DIR", help="add a rule file or a folder of them")
    check.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="PATH",
        help="trusted text (wire copy, transcript) for the quote rules",
    )
    check.add_argument("--config", metavar="FILE", help="use this config file for every draft (.attrlint.yaml or pyproject.toml)")
    check.add_argument("--isolated", action="store_true", help="ignore every config file")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument(
        "--diff",
        action="store_true",
        help="print the safe fixes as a unified diff instead of the findings; change nothing (exit 1 when there is a diff)",
    )
    fixing.add_argument(
        "--fix",
        action="store_true",
        help="apply the safe fixes to the drafts (never to one changed since it was read), then report what is left",
    )
    check.add_argument("--statistics", action="store_true", help="print a count of findings per rule instead of the findings")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument(
        "--fail-level",
        choices=SEVERITIES,
        default="info",
        help="lowest severity that makes the exit code 1 (default: info, i.e. any finding)",
    )
    check.add_argument(
        "--quiet", "-q", action="store_true", help="print the findings only: no summary line, no note about drafts without a body"
    )
    check.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        default="info",
        help="show only findings of this severity or worse (default: info, i.e. all); hidden ones do not fail the run",
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings the first PATH is checked with, and where each comes from (as `attrlint config`)",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for - (standard input)")
    check.add_argument(
        "--timeout",
        type=_timeout,
        default=5.0,
        metavar="SECONDS",
        help="time limit for one pattern match; a rule whose pattern runs longer is skipped for that file (default: 5)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="compile the rules afresh instead of using the cache of compiled rules"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="worker processes (0: one per core; default: one per core for large runs, else 1; "
        "never more than the files or the cores)",
    )
    check.add_argument("--debug", action="store_true", help="print the traceback of an internal error")

    for name, helptext in (("rules", "list every rule"), ("explain", "explain what a rule flags and why")):
        p = sub.add_parser(name, help=helptext)
        if name == "explain":
            p.add_argument("rule")
        p.add_argument("--rules", action="append", default=[], metavar="FILE_OR_DIR", help="add a rule file or a folder of them")
        p.add_argument("--config", metavar="FILE", help="config file to read (default: the one above the current folder)")
        p.add_argument("--isolated", action="store_true", help="ignore every config file")

    sources = sub.add_parser("sources", help="list who each draft cites, and how (the attribution model)")
    sources.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or - for standard input")
    sources.add_argument("--format", choices=("table", "json-lines"), default="table", help="output format (default: table)")
    sources.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE_OR_DIR",
        help="add a rule file or a folder of them (their lexicon extends the cues)",
    )
    sources.add_argument("--stdin-filename", metavar="NAME", help="the name to report for - (standard input)")

    config = sub.add_parser("config", help="print the settings a draft is checked with, and where each comes from")
    config.add_argument("path", nargs="?", default=".", metavar="PATH", help="a draft or folder (default: .)")
    config.add_argument("--rules", action="append", default=[], metavar="FILE_OR_DIR", help="add a rule file or a folder of them")
    config.add_argument("--config", metavar="FILE", help="use this config file")
    config.add_argument("--isolated", action="store_true", help="ignore every config file")
    init = sub.add_parser("init", help="write a commented starter .attrlint.yaml (never overwrites one)")
    init.add_argument("folder", nargs="?", default=".", help="where to write it (default: .)")
    sub.add_parser("lsp", help="run the language server on standard input/output (for editors)")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    command_line = argv is None
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        # Like git and ruff: a bare command is a request for usage, on stderr, and not a success.
        ap.print_usage(sys.stderr)
        print("attrlint: error: give a command, e.g. `attrlint check .` (see `attrlint --help`)", file=sys.stderr)
        return 2
    unknown = _unknown_command(ap, argv)
    if unknown:
        print(f"attrlint: error: {unknown}", file=sys.stderr)
        return 2
    args = ap.parse_args(argv)
    try:
        if args.command == "config" or (args.command == "check" and args.show_settings):
            from attrlint.engine.starter import effective_settings

            target = args.path if args.command == "config" else (args.paths or ["."])[0]
            print(effective_settings(_workspace(args), target))
            return 0
        if args.command == "check":
            code = _check(args, own_process=command_line)
            if command_line:
                # The process ends now (the console script's call): whatever is left is freed
                # at exit, so the collector need not walk it one last time first (a tenth of a
                # one-article run). A call with explicit arguments (the library's, the tests')
                # leaves the collector alone.
                gc.freeze()
            return code
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "sources":
            from attrlint.report.sources import run as sources

            return sources(args)
        if args.command == "init":
            from attrlint.engine.starter import write_starter

            print(f"wrote {write_starter(args.folder)}")
            return 0
        if args.command == "lsp":
            from attrlint.lsp import serve

            serve()
            return 0
        ap.print_help()
        return 2
    except AttrlintError as exc:
        print(f"attrlint: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        print(f"attrlint: error: {internal_error('attrlint', exc)}", file=sys.stderr)
        if getattr(args, "debug", False):
            import traceback  # only on an internal error

            traceback.print_exc()
        return 2


def _unknown_command(ap: argparse.ArgumentParser, argv: list[str]) -> str:
    """The error for a first word that is no subcommand, with the nearest one, or ''."""
    first = argv[0]
    if first.startswith("-"):
        return ""
    commands = next(a.choices for a in ap._actions if isinstance(a, argparse._SubParsersAction))
    if first in commands:
        return ""
    return f"unknown command {first!r}{did_you_mean(first, commands)} (commands: {', '.join(commands)})"


def _workspace(args):
    use_cache = not getattr(args, "no_cache", False)
    if use_cache:
        # Before the rule kinds are imported: their patterns come compiled from the cache.
        patterns.preload()
    from attrlint.engine.project import Workspace

    if getattr(args, "config", None) and not os.path.isfile(args.config):
        raise AttrlintError(f"{args.config}: no such config file")
    return Workspace(
        rules=args.rules,
        select=getattr(args, "select", None),
        ignore=getattr(args, "ignore", None),
        references=getattr(args, "reference", []),
        config_file=args.config,
        isolated=args.isolated,
        time_limit=getattr(args, "timeout", 5.0),
        use_cache=use_cache,
    )


def _first_linter(workspace, paths: list[str]):
    """The rules for the report's header. Loaded before any output, so a bad rule file fails
    cleanly; a bad config file met only in some folders is reported for those folders' drafts,
    so the first folder whose config loads is used."""
    first_error = None
    tried: set[str] = set()
    for path in paths or ["."]:
        folder = os.path.dirname(os.path.abspath(path))
        if folder in tried:
            continue
        tried.add(folder)
        try:
            return workspace.linter_for(path)
        except AttrlintError as exc:
            first_error = first_error or exc
            if len(tried) >= 50:
                break
    assert first_error is not None  # at least one folder was tried, and none loaded
    raise first_error


def _check(args, own_process: bool = False) -> int:
    """`attrlint check`; `own_process`: the command line's run, which owns its process."""
    default = not args.paths
    # Importing the rule kinds and unpickling the compiled rules make many objects and free
    # none: the cycle collector would only walk them over and over (a twentieth of a
    # one-article run). It runs again once they are loaded.
    gc.disable()
    try:
        workspace = _workspace(args)
        walk_errors: list[str] = []
        paths = walk(args.paths or ["."], walk_errors)  # as ruff does: no path means the folder you are in
        if default:
            paths = [os.path.relpath(p) for p in paths]
        # Load rules and config before any output, so a bad rule file fails cleanly.
        first = _first_linter(workspace, paths)
        if own_process:
            # The rules and modules live as long as the process: out of the collector's way,
            # its collections over a long run walk only what the drafts make.
            gc.freeze()
    finally:
        gc.enable()
    if workspace.use_cache:
        patterns.save()  # every module with patterns is imported by now
    out = _open_output(args.output_file, paths, workspace) if args.output_file else sys.stdout
    if out is sys.stdout and hasattr(out, "reconfigure"):
        # A file name that is not UTF-8 (kept as surrogates) must not crash the report.
        out.reconfigure(errors="backslashreplace")
    out_name = args.output_file or "<stdout>"
    try:
        check = _CheckRun(args, out)
        check.walk_failed(walk_errors)
        check.start(first)
        check.report(paths, workspace)
        if args.diff:
            return check.diff_exit()
        check.finish()
        out.flush()
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        # A full disk or a failing device: the report is incomplete, and says so.
        _discard(out)
        raise AttrlintError(f"{out_name}: cannot write the report ({exc.strerror or exc})") from None
    if out is not sys.stdout:
        try:
            out.close()
        except OSError as exc:
            _discard(out)
            raise AttrlintError(f"{out_name}: cannot write the report ({exc.strerror or exc})") from None
    return check.exit_code()


class _CheckRun:
    """The report side of one `attrlint check`: each draft's result is printed, fixed, counted
    and tallied as it comes back from the workers, and the exit code follows from the counts."""

    def __init__(self, args, out) -> None:
        self.args = args
        self.out = out
        self.reporter = None
        self.fixer: FixRun | None = None
        self.counts: collections.Counter = collections.Counter()
        self.tally = Tally()
        self.worst = -1
        self.failed = 0
        self.said: set[str] = set()  # errors already printed

    def walk_failed(self, walk_errors: list[str]) -> None:
        for error in walk_errors:
            print(f"attrlint: error: {error}", file=sys.stderr)
            self.failed += 1

    def start(self, first) -> None:
        args, out = self.args, self.out
        if not (args.statistics or args.diff):
            self.reporter = reporter_class(args.format)(out, first.ruleset.by_id(), color=_use_color(args, out))
        if args.diff or args.fix:
            from attrlint.engine.fixes import FixRun  # tempfile and hashlib load only for --fix/--diff

            self.fixer = FixRun("diff" if args.diff else "fix", out, sys.stderr)
        if self.reporter:
            self.reporter.start()

    def report(self, paths: list[str], workspace) -> None:
        args, reporter = self.args, self.reporter
        jobs = default_jobs(len(paths)) if args.jobs is None else worker_count(args.jobs, len(paths))
        results = run(
            paths,
            workspace,
            workspace.kwargs(),
            jobs,
            stdin_name=args.stdin_filename,
            keep_article=bool(reporter and reporter.needs_article),
            keep_source=bool(self.fixer or (reporter and reporter.needs_source)),
        )
        for path, result in zip(paths, results, strict=False):
            if result.error:
                self._unreadable(result)
            else:
                self._draft(path, result)

    def _unreadable(self, result) -> None:
        # A bad config file is named once, not once for every draft under it.
        if result.error not in self.said:
            self.said.add(result.error)
            print(f"attrlint: error: {result.error}", file=sys.stderr)
            if self.args.debug and result.traceback:
                print(result.traceback, end="", file=sys.stderr)
        self.failed += 1
        self.tally.unreadable += 1

    def _draft(self, path: str, result) -> None:
        args = self.args
        self._notes(result)
        shown = _at_least(result.diagnostics, args.min_severity)
        hidden = len(result.diagnostics) - len(shown)
        if self.fixer:  # `path`, not the displayed name: --stdin-filename must never name a file to write
            shown = self.fixer.handle(path, result.source.text if result.source else None, shown)
        self.tally.add(shown, hidden=hidden)
        for d in shown:
            self.counts[(d.rule, d.severity)] += 1
            self.worst = max(self.worst, SEVERITY_RANK[d.severity])
        if self.reporter:
            reporter = self.reporter
            self.failed += _guarded(
                args,
                result.path,
                lambda: reporter.file(result.path, shown, source=result.source, article=result.article, facts=result.facts),
            )

    def _notes(self, result) -> None:
        """What stderr says about a draft besides its findings: a note from reading it, the rules
        that timed out on it, and that it has no body."""
        args = self.args
        if result.note:
            print(f"attrlint: note: {result.path}: {result.note}", file=sys.stderr)
        for rule in result.timed_out:
            print(
                f"attrlint: error: {result.path}: a pattern of rule {rule} ran longer than {args.timeout:g} s; "
                f"the rule was skipped for this file",
                file=sys.stderr,
            )
            self.failed += 1
        if not result.has_body and not args.quiet:
            print(no_body_note(result.path), file=sys.stderr)

    def _fixes_done(self) -> None:
        if self.fixer and self.fixer.fixes and not self.args.quiet:
            print(self.fixer.summary(), file=sys.stderr)
        if self.fixer:
            self.failed += self.fixer.failed

    def diff_exit(self) -> int:
        """--diff: the exit code says whether there is a diff to apply."""
        self._fixes_done()
        fixes = self.fixer.fixes if self.fixer else 0
        return 1 if fixes and not self.args.exit_zero else (2 if self.failed else 0)

    def finish(self) -> None:
        args = self.args
        self._fixes_done()
        if self.reporter:
            self.failed += _guarded(args, f"{args.format} report", self.reporter.finish)
            if args.format == "text" and not args.quiet:
                self.out.write(self.tally.line() + "\n")
        else:
            _statistics(self.out, self.counts)

    def exit_code(self) -> int:
        if self.failed:
            return 2
        if self.args.exit_zero:
            return 0
        return 1 if self.worst >= SEVERITY_RANK[self.args.fail_level] else 0


def _use_color(args, out) -> bool:
    return args.color == "always" or (
        args.color == "auto" and out is sys.stdout and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )


def _at_least(diagnostics, severity: str) -> list:
    floor = SEVERITY_RANK[severity]
    return [d for d in diagnostics if SEVERITY_RANK[d.severity] >= floor] if floor else list(diagnostics)


def _discard(out) -> None:
    """Close a report that could not be written, dropping what is still buffered (flushing it
    again would only fail again, or print a second error when the interpreter exits)."""
    try:
        os.close(out.fileno()) if out is not sys.stdout else None
        if out is sys.stdout:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (stdout for the rest of the process)
    except (OSError, ValueError):
        pass


def _guarded(args, what: str, call) -> int:
    """Run one reporter call; a bug in a reporter is one error line (and exit 2), not a lost run."""
    try:
        call()
        return 0
    except OSError:
        raise
    except Exception as exc:
        print(f"attrlint: error: {internal_error(what, exc)}", file=sys.stderr)
        if args.debug:
            import traceback  # only on an internal error

            traceback.print_exc()
        return 1


def _inputs(workspace, drafts: list[str]) -> list[tuple[str, str]]:
    """Every file the run reads, with what it is: attrlint writes to none of them."""
    from attrlint.engine.rules import pack_files

    out = [(p, "one of the drafts being checked") for p in drafts if p != "-"]
    out += [(f, "a rule file") for r in workspace.rules for f in pack_files(r)]
    out += [(f, "a reference file") for f in walk(list(workspace.references))]
    if workspace.isolated:
        return out
    configs = {workspace.config_file} if workspace.config_file else set()
    folders = {os.path.dirname(os.path.abspath(p)) for p in drafts if p != "-"} | {os.getcwd()}
    for folder in folders if not workspace.config_file else ():
        configs.add(workspace._find_config(os.path.join(folder, "")))
    for c in configs - {None}:
        out.append((c, "a config file"))
        try:
            cfg = workspace.config_for(c)
        except AttrlintError:  # reported with the drafts it covers
            continue
        out += [(f, "a rule file") for r in cfg.rules for f in pack_files(r)]
        out += [(f, "a reference file") for f in walk(list(cfg.references))]
    return out


def _open_output(path: str, drafts: list[str], workspace):
    """The report file; never a file the run reads (attrlint does not write to its inputs)."""
    if os.path.exists(path):
        for p, what in _inputs(workspace, drafts):
            try:
                same = os.path.samefile(p, path)
            except OSError:
                continue
            if same:
                raise AttrlintError(f"{path}: the output file is {what}; refusing to overwrite it")
    try:
        return open(path, "w", encoding="utf-8", newline="\n", errors="backslashreplace")
    except OSError as exc:
        raise AttrlintError(f"{path}: cannot write the report ({exc.strerror})") from None


def _statistics(out, counts) -> None:
    by_rule: collections.Counter = collections.Counter()
    severity = {}
    for (rule, sev), n in counts.items():
        by_rule[rule] += n
        severity[rule] = sev
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:5}  {rule:28} {severity[rule]}\n")
    out.write(f"{sum(by_rule.values()):5}  findings\n")


def _rules(args) -> int:
    linter = _workspace(args).linter_for(os.getcwd())
    active = {r.id for r in linter.rules}
    rules = linter.ruleset.rules
    w_id = max((len(r.id) for r in rules), default=10)
    w_pack = max((len(r.pack) for r in rules), default=8)
    for r in rules:
        state = "on" if r.id in active else "off"
        print(f"{r.id:{w_id}}  {r.pack:{w_pack}}  {r.severity:7}  {state:3}  {r.description}")
    return 0


def _explain(args) -> int:
    linter = _workspace(args).linter_for(os.getcwd())
    rule = linter.ruleset.by_id().get(args.rule)
    if rule is None:
        raise AttrlintError(
            f"unknown rule {args.rule!r}{did_you_mean(args.rule, linter.ruleset.by_id()) or ' (see `attrlint rules`)'}"
        )
    out = [f"{rule.id} ({rule.pack} pack, {rule.severity}, kind {rule.kind})", "", rule.description]
    if rule.explanation:
        out += ["", "Why it matters:", textwrap.indent(rule.explanation.rstrip(), "  ")]
    if rule.example:
        out += ["", "Example:"]
        for key, label in (("bad", "flagged:"), ("good", "fixed:")):
            if isinstance(rule.example.get(key), str):
                copy = rule.example[key].strip("\n").split("\n")
                out.append(f"  {label:9}{copy[0]}")
                out.extend(f"  {'':9}{line}".rstrip() for line in copy[1:])
    from attrlint.engine.describe import option_lines, placeholder_lines

    out += ["", "Message (override it with `message:` in a rule file):", *placeholder_lines(rule)]
    if type(rule).options:
        out += ["", f"Options of kind {rule.kind} (set them in a rule file, or per rule under `options:` in config):"]
        out += option_lines(rule)
    if rule.link:
        out += ["", f"See: {rule.link}"]
    print("\n".join(out))
    return 0
