"""The language server, driven over stdio by pygls' own client as an editor would drive it.

Each session starts `python -m attrlint lsp` in a temporary project folder, opens drafts
written for the test, and checks what comes back: diagnostics, code actions, reloads.
"""

from __future__ import annotations

import asyncio
import sys

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from attrlint.lsp import Linted, Positions, suppress_edit
from attrlint.engine.project import Workspace
from attrlint.model.source import from_string

TIMEOUT = 10  # seconds for any one answer; a healthy server answers in milliseconds

TOLL = "Headline\n\nAt least 57 people were killed in the strike.\n"
LOADED = "Talks collapse\n\nThe union claimed the talks failed.\n"


class Client(LanguageClient):
    def __init__(self) -> None:
        super().__init__("attrlint-tests", "1")
        self.returncode: int | None = None

    async def server_exit(self, server) -> None:
        self.returncode = server.returncode


class Editor:
    """A scripted editor session with one attrlint server."""

    def __init__(self, root, options=None, capabilities=None) -> None:
        self.root = root
        self.options = options
        self.capabilities = capabilities or types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True),
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            ),
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True)),
        )
        self.client = Client()
        self.queues: dict[str, asyncio.Queue] = {}
        self.published: list[types.PublishDiagnosticsParams] = []
        self.messages: list[types.ShowMessageParams] = []
        self.registrations: list[types.Registration] = []
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)
            self.queue(params.uri).put_nowait(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def show_message(params: types.ShowMessageParams) -> None:
            self.messages.append(params)

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    def queue(self, uri: str) -> asyncio.Queue:
        return self.queues.setdefault(uri, asyncio.Queue())

    async def __aenter__(self) -> "Editor":
        await self.client.start_io(sys.executable, "-m", "attrlint", "lsp", cwd=str(self.root))
        self.init = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=self.capabilities, root_uri=from_fs_path(str(self.root)),
            initialization_options=self.options)), TIMEOUT)
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        server = self.client._server
        if exc[0] is not None and server is not None and server.returncode is None:
            server.kill()
        await asyncio.wait_for(self.client.stop(), TIMEOUT)

    async def shutdown(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)

    def open(self, name: str, text: str, language: str = "plaintext") -> str:
        uri = from_fs_path(str(self.root / name))
        self.versions[uri] = 1
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, *changes) -> int:
        """Send changes: a string replaces the whole text; (line, character, text) inserts."""
        self.versions[uri] += 1
        events = []
        for c in changes:
            if isinstance(c, str):
                events.append(types.TextDocumentContentChangeWholeDocument(text=c))
            else:
                line, character, text = c
                at = types.Position(line=line, character=character)
                events.append(types.TextDocumentContentChangePartial(range=types.Range(at, at), text=text))
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=events))
        return self.versions[uri]

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The next diagnostics published for `uri` (for `version`, skipping older ones)."""
        while True:
            params = await asyncio.wait_for(self.queue(uri).get(), TIMEOUT)
            if version is None or params.version == version:
                return list(params.diagnostics)

    async def actions(self, uri: str, line: int, start: int, end: int) -> list[types.CodeAction]:
        rng = types.Range(types.Position(line, start), types.Position(line, end))
        got = await asyncio.wait_for(self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
            context=types.CodeActionContext(diagnostics=[]))), TIMEOUT)
        return list(got or [])


def run(coro):
    return asyncio.run(coro)


def span(d: types.Diagnostic) -> tuple[int, int, int, int]:
    r = d.range
    return (r.start.line, r.start.character, r.end.line, r.end.character)


def edits_of(action: types.CodeAction) -> list[types.TextEdit]:
    return [e for change in action.edit.document_changes for e in change.edits]


def test_session_diagnostics_edits_code_actions(tmp_path):
    async def session():
        async with Editor(tmp_path, options={"debounce": 0.3}) as ed:
            caps = ed.init.capabilities
            assert caps.position_encoding == types.PositionEncodingKind.Utf16
            assert list(caps.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix]

            # Open: linted at once.
            toll = ed.open("toll.txt", TOLL)
            [d] = await ed.diagnostics(toll, 1)
            assert d.code == "unattributed-number"
            assert d.source == "attrlint"
            assert d.severity == types.DiagnosticSeverity.Warning
            assert span(d) == (2, 9, 2, 11)
            assert "'57'" in d.message

            # Two quick edits: one lint, of the text after both (debounced).
            ed.change(toll, (2, 44, ", police"))
            version = ed.change(toll, (2, 52, " said"))
            assert await ed.diagnostics(toll, version) == []
            assert [p.version for p in ed.published if p.uri == toll] == [1, version]

            # Columns are UTF-16 code units: the emoji before the figure counts twice.
            emoji = ed.open("emoji.txt", "Headline\n\n\U0001F600 At least 57 people were killed in the strike.\n")
            [d] = await ed.diagnostics(emoji, 1)
            assert span(d) == (2, 12, 2, 14)

            # Code actions: the rule's fix, then the suppression.
            loaded = ed.open("loaded.txt", LOADED)
            [d] = await ed.diagnostics(loaded, 1)
            assert (d.code, span(d)) == ("loaded-verb", (2, 10, 2, 17))
            fix, suppress = await ed.actions(loaded, 2, 12, 12)
            assert fix.title == "Replace 'claimed' with 'said'"
            assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
            assert fix.diagnostics[0].code == "loaded-verb"
            [edit] = edits_of(fix)
            assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (10, 17, "said")
            assert fix.edit.document_changes[0].text_document.version == 1
            assert suppress.title == "Suppress loaded-verb on this line"
            [edit] = edits_of(suppress)
            assert span(types.Diagnostic(range=edit.range, message="")) == (2, 0, 2, 0)
            assert edit.new_text == "[attrlint-ignore-next-line loaded-verb]\n"
            # Nothing is offered away from a finding.
            assert await ed.actions(loaded, 0, 0, 3) == []

            # Applying the suppression silences the finding (saved: linted at once).
            version = ed.change(loaded, (2, 0, edit.new_text))
            ed.save(loaded)
            assert await ed.diagnostics(loaded, version) == []

            # Closing clears the draft's diagnostics.
            ed.client.text_document_did_close(types.DidCloseTextDocumentParams(
                text_document=types.TextDocumentIdentifier(uri=toll)))
            assert await ed.diagnostics(toll) == []

            await ed.shutdown()
            assert ed.client.returncode == 0

    run(session())


def test_config_changes_reload_rules(tmp_path):
    config = tmp_path / ".attrlint.yaml"

    async def session():
        async with Editor(tmp_path) as ed:
            uri = ed.open("story.txt", TOLL + "\nThe union claimed the talks failed.\n")
            found = await ed.diagnostics(uri, 1)
            assert [d.code for d in found] == ["unattributed-number", "loaded-verb"]
            [registration] = ed.registrations
            assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
            globs = [w["globPattern"] for w in registration.register_options["watchers"]]
            assert "**/.attrlint.yaml" in globs and "**/pyproject.toml" in globs

            # A new config file, reported by the client's watcher.
            config.write_text("ignore: [loaded-verb]\n", encoding="utf-8")
            ed.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
                types.FileEvent(uri=from_fs_path(str(config)), type=types.FileChangeType.Created)]))
            found = await ed.diagnostics(uri)
            assert [d.code for d in found] == ["unattributed-number"]

            # An edit the client does not report: the file's changed stamp is enough.
            config.write_text("ignore: [loaded-verb]\nseverity:\n  unattributed-number: error\n", encoding="utf-8")
            ed.save(uri)
            [d] = await ed.diagnostics(uri)
            assert (d.code, d.severity) == ("unattributed-number", types.DiagnosticSeverity.Error)

            # A broken config is shown, not fatal; mending it brings the findings back.
            config.write_text("ignore: [loaded-verb]\nsevrity:\n  unattributed-number: error\n", encoding="utf-8")
            ed.save(uri)
            [d] = await ed.diagnostics(uri)
            assert span(d) == (0, 0, 0, 0) and d.severity == types.DiagnosticSeverity.Error
            assert "sevrity" in d.message
            assert d.related_information[0].location.uri == from_fs_path(str(config))
            assert d.related_information[0].location.range.start.line == 1
            assert len(ed.messages) == 1 and "sevrity" in ed.messages[0].message
            ed.save(uri)
            await ed.diagnostics(uri)
            assert len(ed.messages) == 1  # the same error is not shown again on every lint
            config.write_text("ignore: [loaded-verb]\n", encoding="utf-8")
            ed.save(uri)
            [d] = await ed.diagnostics(uri)
            assert (d.code, d.severity) == ("unattributed-number", types.DiagnosticSeverity.Warning)

            # Reference copy named by the config: a drifting quote points at the wire's line.
            wire = tmp_path / "wire.txt"
            wire.write_text("Mayor vows to rebuild bridge\n\n"
                            "\u201cWe will rebuild the bridge by spring,\u201d the mayor told reporters.\n",
                            encoding="utf-8")
            config.write_text("references: [wire.txt]\n", encoding="utf-8")
            quote = ed.open("quote.txt", "Mayor vows to rebuild bridge\n\n"
                            "\u201cWe will rebuild the bridge by next spring,\u201d the mayor said.\n")
            [d] = await ed.diagnostics(quote, 1)
            assert d.code == "quote-drift"
            [related] = d.related_information
            assert related.location.uri == from_fs_path(str(wire))
            assert related.location.range.start.line == 2
            assert "by spring" in related.message

            await ed.shutdown()
            assert ed.client.returncode == 0

    run(session())


# Positions and edits without a server: the other encodings and the suppression forms.

_WORKSPACE = Workspace(isolated=True)


def _linted(text: str, path: str = "draft.txt", encoding=types.PositionEncodingKind.Utf16) -> Linted:
    source = from_string(text, path=path)
    found = _WORKSPACE.lint(source)
    linted = Linted(1, source, text, Positions(source, text, encoding))
    linted.findings = [(d, None) for d in found]
    return linted


@pytest.mark.parametrize("encoding, character", [
    (types.PositionEncodingKind.Utf16, 12),
    (types.PositionEncodingKind.Utf32, 11),
    (types.PositionEncodingKind.Utf8, 14),
])
def test_positions_count_the_negotiated_units(encoding, character):
    linted = _linted("Headline\n\n\U0001F600 At least 57 people were killed in the strike.\n", encoding=encoding)
    [(d, _)] = linted.findings
    pos = linted.positions.position(d.line, d.column)
    assert (pos.line, pos.character) == (2, character)


def test_positions_count_a_byte_order_mark_on_the_first_line():
    text = "\ufeffAt least 57 people were killed\n\nAt least 57 people were killed in the strike.\n"
    source = from_string(text, path="draft.txt")
    positions = Positions(source, text, types.PositionEncodingKind.Utf16)
    assert positions.position(1, 10).character == 10
    assert positions.position(3, 10).character == 9


def test_crlf_drafts_get_crlf_suppressions_with_the_lines_indentation():
    linted = _linted("Talks collapse\r\n\r\n  The union claimed the talks failed.\r\n")
    [(d, _)] = linted.findings
    edit = suppress_edit(linted, d)
    assert edit.new_text == "  [attrlint-ignore-next-line loaded-verb]\r\n"
    assert (edit.range.start.line, edit.range.start.character) == (2, 0)


def test_markdown_suppression_is_an_html_comment():
    linted = _linted("# Talks collapse\n\nThe union claimed the talks failed.\n", path="draft.md")
    [(d, _)] = linted.findings
    assert suppress_edit(linted, d).new_text == "<!-- attrlint-ignore-next-line loaded-verb -->\n"


def test_suppression_joins_a_directive_already_above_the_line():
    text = ("Talks collapse\n\n[attrlint-ignore-next-line vague-source]\n"
            "Observers said the union claimed the talks failed.\n")
    linted = _linted(text)
    [d] = [d for d, _ in linted.findings if d.rule == "loaded-verb"]
    edit = suppress_edit(linted, d)
    assert edit.new_text == " loaded-verb"
    line = text.split("\n")[2]
    assert (edit.range.start.line, edit.range.start.character) == (2, line.index("]"))


def test_suppressing_a_headline_finding_keeps_the_headline():
    text = ("Airstrikes killed 472 civilians\n\n"
            "Airstrikes killed 472 civilians over the past month, a monitor said.\n")
    linted = _linted(text)
    [(d, _)] = linted.findings
    assert (d.rule, d.line) == ("headline-hedge-mismatch", 1)
    edit = suppress_edit(linted, d)
    assert (edit.range.start.line, edit.new_text) == (0, "[attrlint-ignore-next-line headline-hedge-mismatch]\n")
    # With the marker inserted, the headline is still the headline and the finding is gone.
    assert _linted(edit.new_text + text).findings == []


def test_no_suppression_inside_markdown_front_matter():
    text = ("---\ntitle: Airstrikes killed 472 civilians\n---\n\n"
            "Airstrikes killed 472 civilians over the past month, a monitor said.\n")
    linted = _linted(text, path="draft.md")
    [(d, _)] = linted.findings
    assert d.line == 2
    assert suppress_edit(linted, d) is None
