"""The language server: `attrlint lsp` speaks the Language Server Protocol over stdio.

Drafts are linted when they are opened and saved, and a moment after the typing stops
(`initializationOptions.debounce`, seconds), on a thread of their own so that the request loop
stays free; a code action on a draft whose findings are out of date lints it on the spot. Findings go out as diagnostics with the rule id as
`code`; each offers two quick fixes: the rule's suggested replacement, where it has one, and a
suppression directive above the flagged line.

attrlint counts columns in code points; the protocol counts UTF-16 code units unless the client
offers another encoding (pygls picks the client's first choice among utf-8, utf-16 and utf-32),
so every position is converted against the text of its line.

The project's config and rule files are read once and kept. They are read again when the client
reports a change to one (`workspace/didChangeWatchedFiles`, registered dynamically where the
client allows it) and, for clients that watch nothing, when the modification time of a file in
use differs from the one it had when it was read, checked before each lint.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import BinaryIO, cast

import regex
from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from attrlint import __version__
from attrlint.diagnostic import Diagnostic
from attrlint.engine.lint import Linter
from attrlint.engine.project import Workspace
from attrlint.errors import AttrlintError, RuleFileError
from attrlint.model.source import DRAFT_SUFFIXES, Source, format_for, from_string
from attrlint.patterns import compiled

log = logging.getLogger(__name__)

# At most one lint per this many seconds while changes keep coming. A change after a quiet
# spell is linted at once: re-linting takes a few milliseconds, so waiting for the writer to
# stop (a trailing debounce) only made every edit's diagnostics late by the whole delay.
DEFAULT_DEBOUNCE = 0.25

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}

# Files whose change means the rules may have changed. Rule files can be anywhere a config
# names, so every YAML file in the workspace is watched; a change to an unrelated one only
# costs a reload.
WATCHED_GLOBS = ("**/.attrlint.yaml", "**/.attrlint.yml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")

# An ignore-next-line directive already on the line above a finding: the suppress action adds
# the rule to it rather than stacking a second directive.
_MD_IGNORE = compiled(r"^[ \t]*<!--\s*attrlint-ignore-next-line\b(?P<args>[^>]*?)\s*-->[ \t]*$")
_TEXT_IGNORE = compiled(r"^[ \t]*\[attrlint-ignore-next-line\b(?P<args>[^\]\n]*?)\s*\][ \t]*$")
_FRONT_MATTER_END = compiled(r"^(?:---|\.\.\.)[ \t]*$", regex.M)


def _units_counter(encoding):
    """How many code units of the negotiated encoding a string takes."""
    if encoding == types.PositionEncodingKind.Utf8:
        return lambda s: len(s.encode("utf-8", "surrogatepass"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len
    return lambda s: len(s.encode("utf-16-le", "surrogatepass")) // 2


class Positions:
    """attrlint's 1-based line:column (code points of the normalised text) -> LSP positions.

    The editor's buffer may start with a byte-order mark, which attrlint drops; the client
    still counts it as a character of the first line.
    """

    def __init__(self, source: Source, raw_text: str, encoding) -> None:
        self.source = source
        self.units = _units_counter(encoding)
        self.bom = self.units("\ufeff") if raw_text.startswith("\ufeff") else 0

    def line_text(self, line: int) -> str:
        if 1 <= line <= len(self.source.line_starts):
            return self.source.line_text(line)
        return ""

    def position(self, line: int, column: int) -> types.Position:
        character = self.units(self.line_text(line)[: max(column - 1, 0)])
        if line == 1:
            character += self.bom
        return types.Position(line=max(line - 1, 0), character=character)

    def range(self, line: int, column: int, end_line: int, end_column: int) -> types.Range:
        return types.Range(start=self.position(line, column), end=self.position(end_line, end_column))

    def line_range(self, line: int) -> types.Range:
        """From the start of a line's text to its end."""
        return self.range(line, 1, line, len(self.line_text(line)) + 1)


@dataclass
class Linted:
    """The last lint of an open document: what was published, for the code actions."""

    version: int | None
    source: Source
    raw_text: str
    positions: Positions
    findings: list[tuple[Diagnostic, types.Diagnostic]] = field(default_factory=list)
    phases: dict[str, str] = field(default_factory=dict)  # rule id -> its kind's phase (check, audit)


class AttrlintLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("attrlint", __version__)
        self.project = Workspace()
        self.debounce = DEFAULT_DEBOUNCE
        self.open: set[str] = set()
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.linted_at: dict[str, float] = {}  # uri -> time.monotonic() of its last lint
        self.linted: dict[str, Linted] = {}
        self.stamps: dict[str, tuple[int, int] | None] = {}  # config and rule files in use
        self.errors_shown: set[str] = set()
        # Linting runs on this one thread, off the request loop, so a slow draft does not hold
        # up the editor's other requests; the lock keeps a code action's own lint (on the loop)
        # from running the same linter at the same time.
        self.lint_thread = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="attrlint-lint")
        self.lint_lock = threading.RLock()

    # -- configuration ------------------------------------------------------------------

    def configure(self, options) -> None:
        """initializationOptions: debounce (seconds), rules, select, ignore, references, config."""
        if not isinstance(options, dict):
            return
        problems = []
        if "debounce" in options:
            value = options["debounce"]
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
                self.debounce = float(value)
            else:
                problems.append("debounce must be a number of seconds")
        for key in ("rules", "select", "ignore", "references"):
            if key in options:
                value = options[key]
                if isinstance(value, str):
                    value = [v.strip() for v in value.split(",") if v.strip()]
                if isinstance(value, list) and all(isinstance(v, str) for v in value):
                    setattr(self.project, key, value)
                else:
                    problems.append(f"{key} must be a list of strings")
        if "config" in options:
            if isinstance(options["config"], str) and options["config"]:
                self.project.config_file = options["config"]
            else:
                problems.append("config must be the path of a config file")
        for p in problems:
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Warning, message=f"attrlint: initializationOptions: {p}")
            )

    def reload(self) -> None:
        with self.lint_lock:
            self.project.reload()
            self.stamps.clear()

    def _stale(self) -> bool:
        return any(_stamp(path) != stamp for path, stamp in self.stamps.items())

    def _remember(self, paths) -> None:
        for path in paths:
            if path and path not in self.stamps:
                self.stamps[path] = _stamp(path)

    def linter_for(self, path: str) -> Linter:
        if self._stale():
            self.reload()
        cfg = self.project.config_for(path)
        self._remember([cfg.path, *cfg.rules])
        linter = self.project.linter_for(path)
        self._remember(linter.ruleset.files)
        return linter

    # -- documents -------------------------------------------------------------------------

    def path_for(self, uri: str) -> str:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path
        # An unsaved buffer: name it in the workspace, so the project's config applies.
        name = os.path.basename(uri.split(":", 1)[-1].rstrip("/")) or "untitled"
        return os.path.join(self.workspace.root_path or os.getcwd(), name)

    def source_for(self, uri: str) -> tuple[Source, str, int | None]:
        doc = self.workspace.get_text_document(uri)
        path = self.path_for(uri)
        if path.lower().endswith(DRAFT_SUFFIXES):
            fmt = format_for(path)
        else:
            fmt = "markdown" if doc.language_id == "markdown" else "text"
        raw = doc.source
        return from_string(raw, path=path, fmt=fmt), raw, doc.version

    def schedule(self, uri: str) -> None:
        """Lint after a change: now if the draft was last linted `debounce` ago or more, else
        when that time is up. A lint already due covers this change too (it reads the text
        as it is when it runs), so a burst of changes gets one lint, after the last of them."""
        if uri in self.pending:
            return
        since = time.monotonic() - self.linted_at.get(uri, float("-inf"))
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(max(0.0, self.debounce - since), self.lint_in_background, uri)

    def lint_in_background(self, uri: str) -> None:
        """Lint the document as it is now on the lint thread, and publish the findings if it
        has not changed meanwhile. A newer version makes the job moot: one still queued is
        skipped, and the result of one already running is dropped (the newer version's own
        lint, scheduled by its change, publishes instead)."""
        self.cancel(uri)
        if uri not in self.open:
            return
        linted = self._snapshot(uri)
        loop = asyncio.get_running_loop()

        def job():
            if not self._is_current(uri, linted.version):
                return None
            with self.lint_lock:
                return self._compute(linted)

        def done(future) -> None:
            if future.cancelled():
                return
            if future.exception() is not None:
                log.error("background lint of %s failed: %r", uri, future.exception())
                return
            shown = future.result()
            if shown is None or not self._is_current(uri, linted.version):
                return
            self._finish(uri, linted, shown)

        future = loop.run_in_executor(self.lint_thread, job)
        future.add_done_callback(done)

    def _is_current(self, uri: str, version) -> bool:
        if uri not in self.open:
            return False
        try:
            return self.workspace.get_text_document(uri).version == version
        except Exception:
            return False

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def lint_and_publish(self, uri: str) -> None:
        """Lint the document now, on the request loop (a code action needs the answer)."""
        self.cancel(uri)
        if uri not in self.open:
            return
        self.lint(uri)

    def lint(self, uri: str) -> Linted:
        linted = self._snapshot(uri)
        with self.lint_lock:
            shown = self._compute(linted)
        return self._finish(uri, linted, shown)

    def _snapshot(self, uri: str) -> Linted:
        source, raw, version = self.source_for(uri)
        return Linted(version, source, raw, Positions(source, raw, self.workspace.position_encoding))

    def _finish(self, uri: str, linted: Linted, shown: tuple) -> Linted:
        """On the request loop: keep the lint for code actions, tell the editor."""
        self.linted[uri] = linted
        self.linted_at[uri] = time.monotonic()
        message, log_text = shown
        if log_text:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=log_text))
        if message:
            self._show_error(message)
        else:
            self.errors_shown.clear()
        if uri in self.open:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, version=linted.version, diagnostics=[lsp for _, lsp in linted.findings])
            )
        return linted

    def _compute(self, linted: Linted) -> tuple[str, str]:
        """Fill in the findings (on either thread, under the lock); returns the error message
        to show and the traceback to log, both empty when all went well."""
        source, positions = linted.source, linted.positions
        try:
            linter = self.linter_for(source.path)
            found = linter.lint(source)
        except AttrlintError as exc:
            linted.findings = [(None, self._error_diagnostic(exc))]  # type: ignore[list-item]
            return str(exc), ""
        except Exception as exc:  # a bug in a rule must not take the editor's linter down
            log.exception("linting %s failed", source.path)
            linted.findings = [(None, self._error_diagnostic(exc))]  # type: ignore[list-item]
            return f"internal error while linting {os.path.basename(source.path)}: {exc!r}", traceback.format_exc()
        rules = linter.ruleset.by_id()
        linted.phases = {rid: r.phase for rid, r in rules.items()}
        linted.findings = [(d, self._to_lsp(d, positions, source, rules)) for d in found]
        return "", ""

    def _show_error(self, message: str) -> None:
        # Once per distinct error: the draft is linted on every pause in typing.
        if message in self.errors_shown:
            return
        self.errors_shown.add(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=f"attrlint: {message}"))

    def _error_diagnostic(self, exc: Exception) -> types.Diagnostic:
        related = None
        if isinstance(exc, RuleFileError) and exc.path and os.path.isfile(exc.path):
            line = max((exc.line or 1) - 1, 0)
            related = [
                types.DiagnosticRelatedInformation(
                    location=types.Location(
                        uri=from_fs_path(os.path.abspath(exc.path)),
                        range=types.Range(types.Position(line, 0), types.Position(line, 0)),
                    ),
                    message=exc.reason,
                )
            ]
        return types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=f"attrlint could not check this draft: {exc}",
            severity=types.DiagnosticSeverity.Error,
            source="attrlint",
            related_information=related,
        )

    def _to_lsp(self, d: Diagnostic, positions: Positions, source: Source, rules: dict) -> types.Diagnostic:
        rule = rules.get(d.rule)
        link = getattr(rule, "link", None)
        related = [self._related(r, positions, source) for r in d.related] or None
        return types.Diagnostic(
            range=positions.range(d.line, d.column, d.end_line, d.end_column),
            severity=SEVERITY.get(d.severity, types.DiagnosticSeverity.Warning),
            code=d.rule,
            code_description=types.CodeDescription(href=link) if link else None,
            source="attrlint",
            message=d.message,
            related_information=related,
        )

    def _related(self, r, positions: Positions, source: Source) -> types.DiagnosticRelatedInformation:
        here = r.path == source.path or os.path.abspath(r.path) == os.path.abspath(source.path)
        where: Positions | None
        if here:
            where = positions
            uri = from_fs_path(os.path.abspath(source.path))
        else:
            # Reference copy on disk: convert its columns against its own text.
            uri = from_fs_path(os.path.abspath(r.path))
            where = _file_positions(r.path, self.workspace.position_encoding)
        if where is None:
            rng = types.Range(types.Position(max(r.line - 1, 0), 0), types.Position(max(r.line - 1, 0), 0))
        else:
            start = where.position(r.line, r.column)
            rng = types.Range(start=start, end=where.line_range(r.line).end)
        return types.DiagnosticRelatedInformation(location=types.Location(uri=uri, range=rng), message=r.message)

    def current(self, uri: str) -> Linted | None:
        """The lint of the document as it is now (a pending debounced lint is run at once)."""
        if uri not in self.open:
            return None
        linted = self.linted.get(uri)
        doc = self.workspace.get_text_document(uri)
        if linted is None or linted.version != doc.version or uri in self.pending:
            self.lint_and_publish(uri)
            linted = self.linted.get(uri)
        return linted

    def edit(self, uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
        caps = self.client_capabilities.workspace
        versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
        if versioned:
            return types.WorkspaceEdit(
                document_changes=[
                    types.TextDocumentEdit(
                        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version), edits=edits
                    )
                ]
            )
        return types.WorkspaceEdit(changes={uri: edits})


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def _file_positions(path: str, encoding) -> Positions | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            raw = f.read()
    except OSError:
        return None
    return Positions(from_string(raw, path=path), raw, encoding)


# -- code actions ----------------------------------------------------------------------------


def _before(a: types.Position, b: types.Position) -> bool:
    return (a.line, a.character) < (b.line, b.character)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    """Ranges that share a point (touching counts: a cursor at the edge of a finding)."""
    return not (_before(a.end, b.start) or _before(b.end, a.start))


def _in_front_matter(source: Source, line: int) -> bool:
    """Lines of Markdown front matter, where an HTML comment would break the YAML."""
    if source.format != "markdown" or not source.text.startswith("---"):
        return False
    first_end = source.text.find("\n")
    if first_end < 0:
        return True
    m = _FRONT_MATTER_END.search(source.text, first_end + 1)
    last = source.position(m.start())[0] if m else len(source.line_starts)
    return line <= last


def _eol(raw: str) -> str:
    if "\r\n" in raw:
        return "\r\n"
    if "\r" in raw:
        return "\r"
    return "\n"


def suppress_edit(linted: Linted, d: Diagnostic) -> types.TextEdit | None:
    """Insert `ignore-next-line RULE` above the finding's line, or add RULE to one already there."""
    source, positions = linted.source, linted.positions
    if _in_front_matter(source, d.line):
        return None
    # Markdown and HTML take the directive as a comment, hidden on the rendered page.
    markdown = source.format in ("markdown", "html")
    above = positions.line_text(d.line - 1) if d.line > 1 else ""
    m = (_MD_IGNORE if markdown else _TEXT_IGNORE).match(above)
    if m and m.group("args").strip():
        at = positions.position(d.line - 1, m.end("args") + 1)
        return types.TextEdit(range=types.Range(at, at), new_text=f" {d.rule}")
    line = positions.line_text(d.line)
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    directive = f"<!-- attrlint-ignore-next-line {d.rule} -->" if markdown else f"[attrlint-ignore-next-line {d.rule}]"
    at = types.Position(line=d.line - 1, character=0)
    return types.TextEdit(range=types.Range(at, at), new_text=indent + directive + _eol(linted.raw_text))


def remove_directive_edit(linted: Linted, d: Diagnostic) -> types.TextEdit | None:
    """Delete an unused directive: its whole line when it stands alone on one."""
    if d.rule != "unused-suppression" or d.line != d.end_line:
        return None
    positions = linted.positions
    line = positions.line_text(d.line)
    if line.strip() == linted.source.text[d.start : d.end].strip():
        if d.line < len(linted.source.line_starts):
            rng = types.Range(types.Position(d.line - 1, 0), types.Position(d.line, 0))
        else:
            rng = positions.line_range(d.line)
    else:
        rng = positions.range(d.line, d.column, d.end_line, d.end_column)
    return types.TextEdit(range=rng, new_text="")


def code_actions(ls: AttrlintLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    only = params.context.only
    if only and not any(
        k == types.CodeActionKind.QuickFix or types.CodeActionKind.QuickFix.startswith(f"{k}.") or k == types.CodeActionKind.Empty
        for k in only
    ):
        return []
    uri = params.text_document.uri
    linted = ls.current(uri)
    if linted is None:
        return []
    fixes: list[types.CodeAction] = []
    suppressions: list[types.CodeAction] = []
    seen: set[tuple[str, int]] = set()
    for d, diag in linted.findings:
        if d is None or not _overlaps(diag.range, params.range):
            continue
        if d.fix:
            f = d.fix
            rng = linted.positions.range(f.line, f.column, f.end_line, f.end_column)
            fixes.append(
                types.CodeAction(
                    title=f.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=True,
                    edit=ls.edit(uri, linted.version, [types.TextEdit(range=rng, new_text=f.replacement)]),
                )
            )
        if (d.rule, d.line) in seen:
            continue
        seen.add((d.rule, d.line))
        if linted.phases.get(d.rule) == "audit":
            # A directive's own finding is answered by removing or fixing it, not by another one.
            edit = remove_directive_edit(linted, d)
            if edit is not None:
                fixes.append(
                    types.CodeAction(
                        title="Remove this directive",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        edit=ls.edit(uri, linted.version, [edit]),
                    )
                )
            continue
        edit = suppress_edit(linted, d)
        if edit is not None:
            suppressions.append(
                types.CodeAction(
                    title=f"Suppress {d.rule} on this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    edit=ls.edit(uri, linted.version, [edit]),
                )
            )
    return fixes + suppressions


# -- the server ------------------------------------------------------------------------------


def create_server() -> AttrlintLanguageServer:
    server = AttrlintLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: AttrlintLanguageServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: AttrlintLanguageServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watch = caps and caps.did_change_watched_files
        if watch and watch.dynamic_registration:
            ls.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="attrlint-config-files",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED_GLOBS]
                            ),
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: AttrlintLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.open.add(params.text_document.uri)
        ls.lint_in_background(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: AttrlintLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: AttrlintLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.lint_in_background(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: AttrlintLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.open.discard(uri)
        ls.linted.pop(uri, None)
        ls.linted_at.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: AttrlintLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload()
        for uri in sorted(ls.open):
            ls.lint_in_background(uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: AttrlintLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: AttrlintLanguageServer, params) -> None:
        for uri in list(ls.pending):
            ls.cancel(uri)

    return server


# A draft of several megabytes is a big one; a message larger than this is not a draft.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
MAX_HEADER_BYTES = 8192
_LENGTH = compiled(rb"(?im)^content-length:[ \t]*(\d{1,12})[ \t]*\r?$")
_HEADER_START = b"Content-Length:"


_OUT_OF_RANGE = compiled(rb'"(?:line|character)"\s*:\s*(?:-|\d{10})')
_UINTEGER_MAX = 2**31 - 1


def _clamp_positions(body: bytes) -> bytes:
    """A position outside the protocol's range (a negative line, a character of 2^31) fails
    pygls' validation before any handler runs, and the request then gets no answer at all;
    clamped into range, it is answered like any other."""
    if not _OUT_OF_RANGE.search(body):
        return body
    try:
        message = json.loads(body)
    except ValueError:
        return body

    def clamp(node):
        if isinstance(node, dict):
            if set(node) == {"line", "character"}:
                return {
                    k: min(max(v, 0), _UINTEGER_MAX) if isinstance(v, int) and not isinstance(v, bool) else v
                    for k, v in node.items()
                }
            return {k: clamp(v) for k, v in node.items()}
        if isinstance(node, list):
            return [clamp(v) for v in node]
        return node

    return json.dumps(clamp(message)).encode()


class FramedStdin:
    """Standard input as pygls reads it (`readline` for headers, `read` for a body), but only
    ever well-formed messages: the client's stream is parsed here first.

    pygls on its own trusts the header. A `Content-Length: abc`, or a header block with no
    length, makes it read the body as a header line, swallowing the next message's header with
    it, and every message after that: the server never answers again. A huge length makes it
    try to read that much. Here such a message is dropped with a line on standard error, and
    reading resumes at the next `Content-Length:` header, so the next good message is answered.
    """

    def __init__(self, raw, log_line=None) -> None:
        self.raw = raw
        self.buf = bytearray()
        self.lines: list[bytes] = []
        self.body = b""
        self.eof = False
        self.say = log_line or (lambda message: print(f"attrlint lsp: {message}", file=sys.stderr, flush=True))

    def _fill(self) -> bool:
        if self.eof:
            return False
        read = getattr(self.raw, "read1", self.raw.read)
        chunk = read(65536)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def _resync(self) -> None:
        """Drop bytes up to the next header that starts a message."""
        while True:
            at = self.buf.find(_HEADER_START, 1)
            if at >= 0:
                del self.buf[:at]
                return
            keep = len(_HEADER_START) - 1
            if len(self.buf) > keep:
                del self.buf[: len(self.buf) - keep]
            if not self._fill():
                self.buf.clear()
                return

    def _next_body(self) -> bytes | None:
        while True:
            end = self.buf.find(b"\r\n\r\n")
            while end < 0:
                if len(self.buf) > MAX_HEADER_BYTES:
                    self.say("dropped input with no message header in its first 8 kB")
                    self._resync()
                elif not self._fill():
                    return None
                end = self.buf.find(b"\r\n\r\n")
            header = bytes(self.buf[:end])
            m = _LENGTH.search(header) if end <= MAX_HEADER_BYTES else None
            length = int(m.group(1)) if m else None
            if length is None or length > MAX_MESSAGE_BYTES:
                why = (
                    "no valid Content-Length"
                    if length is None
                    else f"Content-Length {length} over the limit of {MAX_MESSAGE_BYTES}"
                )
                self.say(f"dropped a message with {why}: {header[:120]!r}")
                self._resync()  # from the next "Content-Length:", even one inside this header
                continue
            start = end + 4
            while len(self.buf) < start + length:
                if not self._fill():
                    return None
            body = bytes(self.buf[start : start + length])
            del self.buf[: start + length]
            return _clamp_positions(body)

    def readline(self) -> bytes:
        if not self.lines:
            body = self._next_body()
            if body is None:
                return b""
            self.body = body
            self.lines = [f"Content-Length: {len(body)}\r\n".encode(), b"\r\n"]
        return self.lines.pop(0)

    def read(self, n: int) -> bytes:
        body, self.body = self.body[:n], self.body[n:]
        return body


def serve() -> None:
    """Run the language server on standard input and output until the client says exit."""
    create_server().start_io(stdin=cast(BinaryIO, FramedStdin(sys.stdin.buffer)))  # the two methods pygls reads
