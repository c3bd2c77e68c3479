"""The `attrlint` command: check, rules, explain.

Exit codes follow ruff: 0 no findings, 1 findings, 2 an error (bad input, bad rules, bad
options). A draft that cannot be read is reported on stderr with its name and the run goes
on; the exit code is then 2.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from attrlint import __version__
from attrlint.errors import AttrlintError, InputError
from attrlint.lint import Linter
from attrlint.report import FORMATS
from attrlint.source import read_source, walk


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="attrlint", description="A source-attribution linter for newsroom copy.")
    ap.add_argument("--version", action="version", version=f"attrlint {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check drafts and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files, folders (walked for .txt/.md/.markdown) or - for standard input")
    check.add_argument("--format", choices=sorted(FORMATS), default="text", help="output format (default: text)")
    check.add_argument("--select", type=_csv, action="extend", metavar="RULES", help="run only these rules or packs (comma-separated)")
    check.add_argument("--ignore", type=_csv, action="extend", metavar="RULES", help="skip these rules or packs (comma-separated)")
    check.add_argument("--rules", action="append", default=[], metavar="FILE_OR_DIR", help="add a rule file or a folder of them")
    check.add_argument("--reference", action="append", default=[], metavar="PATH", help="trusted text (wire copy, transcript) for the quote rules")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for - (standard input)")

    rules = sub.add_parser("rules", help="list every rule")
    rules.add_argument("--rules", action="append", default=[], metavar="FILE_OR_DIR")

    explain = sub.add_parser("explain", help="explain what a rule flags and why")
    explain.add_argument("rule")
    explain.add_argument("--rules", action="append", default=[], metavar="FILE_OR_DIR")
    return ap


def main(argv: list[str] | None = None) -> int:
    ap = _parser()
    args = ap.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        ap.print_help()
        return 2
    except AttrlintError as exc:
        print(f"attrlint: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _check(args) -> int:
    if not args.paths:
        raise AttrlintError("no paths given (use - to read standard input)")
    from attrlint.references import ReferenceIndex

    linter = Linter.create(args.rules, args.select, args.ignore)
    if args.reference:
        linter.references = ReferenceIndex.build(args.reference, linter)
    reporter = FORMATS[args.format](sys.stdout, linter.ruleset.by_id())
    reporter.start()
    found = failed = 0
    for path in walk(args.paths):
        try:
            source = read_source(path)
        except InputError as exc:
            print(f"attrlint: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        if path == "-" and args.stdin_filename:
            source.path = args.stdin_filename
        diagnostics = linter.lint(source)
        found += len(diagnostics)
        reporter.file(source.path, diagnostics)
    reporter.finish()
    sys.stdout.flush()
    if failed:
        return 2
    return 1 if found else 0


def _rules(args) -> int:
    linter = Linter.create(args.rules)
    active = {r.id for r in linter.rules}
    width = max((len(r.id) for r in linter.ruleset.rules), default=10)
    for r in linter.ruleset.rules:
        state = "on" if r.id in active else "off"
        print(f"{r.id:{width}}  {r.pack:10} {r.severity:8} {state:3}  {r.description}")
    return 0


def _explain(args) -> int:
    linter = Linter.create(args.rules)
    rule = linter.ruleset.by_id().get(args.rule)
    if rule is None:
        raise AttrlintError(f"unknown rule {args.rule!r} (see `attrlint rules`)")
    out = [f"{rule.id} ({rule.pack} pack, {rule.severity}, kind {rule.kind})", "", rule.description]
    if rule.explanation:
        out += ["", "Why it matters:", textwrap.indent(rule.explanation.rstrip(), "  ")]
    if rule.example:
        out += ["", "Example:"]
        if "bad" in rule.example:
            out.append(f"  flagged: {rule.example['bad']}")
        if "good" in rule.example:
            out.append(f"  fixed:   {rule.example['good']}")
    if rule.link:
        out += ["", f"See: {rule.link}"]
    print("\n".join(out))
    return 0
