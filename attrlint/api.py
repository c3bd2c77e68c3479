"""attrlint as a library: lint a text or files from Python and get plain records back.

    import attrlint

    result = attrlint.lint_text(draft, path="story.md")
    for d in result.diagnostics:
        print(d.line, d.column, d.rule, d.message)

    linter = attrlint.Linter(select=["figures", "quotes"], references=["wire/"])
    for text in drafts:                      # rules are compiled once, not per text
        result = linter.lint_text(text)

A `Linter` is what the command line runs, without the command line: the same rules, rule
files, configuration (`config`, or each file's own with `discover_config=True`) and
reference copy. Its only side effect is the compiled-rules cache in the user's cache folder
(`cache=False`, or ATTRLINT_NO_CACHE=1, does without it); it never writes to the files it
reads. A `Linter` is not safe to share between threads; build one per thread.

Errors: a bad rule or config file, an unknown rule id or an unreadable reference raises
`attrlint.AttrlintError`, whose message names the file (and line); `lint_paths` reports an
unreadable draft in its `Result.error` and goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

from attrlint.diagnostic import Diagnostic
from attrlint.engine.project import Workspace
from attrlint.errors import AttrlintError, InputError
from attrlint.model.source import Source, from_string, read_source, walk

if TYPE_CHECKING:
    from attrlint.analysis.facts import Facts
    from attrlint.model.article import Article

__all__ = ["Attribution", "Content", "Linter", "Result", "Span", "lint_paths", "lint_text"]

PathLike = Union[str, "os.PathLike[str]"]
FORMATS = ("text", "markdown", "html")
# The path a text is reported under when the caller gives none.
TEXT_PATH = "<text>"


@dataclass(frozen=True)
class Span:
    """A stretch of the text: `text[start:end]`, 0-based character offsets, end exclusive.

    Offsets count characters of the text as attrlint read it (line ends as "\\n", no
    byte-order mark), as `Diagnostic.start` and `end` do; for a text with "\\n" line ends they
    are offsets into the text itself. `kind` is the cue's or the source's kind (below)."""

    text: str
    start: int
    end: int
    kind: str = ""


@dataclass(frozen=True)
class Content:
    """What the source said or found: the reported clause, or the quotation (with its marks)."""

    text: str
    start: int
    end: int
    quoted: bool


@dataclass(frozen=True)
class Attribution:
    """A reporting cue joined to its source, as `attrlint sources` lists them.

    - `cue`: the cue ("said", "according to"); kinds include speech, belief, according-to,
      finding, credit;
    - `source`: the source's noun phrase, None when the cue has none ("reportedly"); kinds
      are named, described, vague, pronoun, document;
    - `content`: what is attributed, None when it cannot be told.

    `line` and `column` (1-based) are the cue's."""

    line: int
    column: int
    cue: Span
    source: Span | None
    content: Content | None


@dataclass
class Result:
    """What linting one text found.

    - `diagnostics`: the findings, in position order (`attrlint.diagnostic.Diagnostic`:
      path, rule, severity, message, start/end offsets, line/column, optional fix);
    - `attributions`: the attributions attrlint's analysis found in the headline and body,
      quoted words excepted (a cue inside a quotation is the speaker's, not the writer's);
    - `timeouts`: ids of rules skipped for this text because a pattern ran past the time
      limit; their findings are missing from `diagnostics`;
    - `note`: how the file was read, when worth telling (a Windows-1252 fallback);
    - `error`: why a file could not be read (`lint_paths` only); the rest is then empty.
    """

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    timeouts: list[str] = field(default_factory=list)
    note: str = ""
    error: str = ""
    # The attributions are worked out on first use: a CMS that wants only the findings
    # should not pay for the sources listing (a sixth of the time of a lint).
    _attributions: Any = field(default=None, repr=False, compare=False)  # a list, or the function that makes it

    @property
    def attributions(self) -> list[Attribution]:
        if callable(self._attributions):
            self._attributions = self._attributions()
        return self._attributions or []

    @property
    def ok(self) -> bool:
        """True when the text was read, every rule ran and nothing was found."""
        return not (self.diagnostics or self.timeouts or self.error)


class Linter:
    """A set of compiled rules, built once and used for many texts.

    Args:
        config: a config file (`.attrlint.yaml` or `pyproject.toml` with `[tool.attrlint]`)
            used for every text. None: no config file, unless `discover_config`.
        rules: extra rule files or folders of them, added to the shipped packs.
        select: run only these rule ids or packs (default: every enabled rule).
        ignore: skip these rule ids or packs.
        references: trusted copy (files or folders) that quote-drift compares quotations with.
        timeout: seconds one pattern match may take before its rule is skipped for that text
            (None: no limit).
        discover_config: find each file's config above it, as `attrlint check` does
            (`config` then wins for every file, as `--config` does).
        cache: keep compiled rules in the user's cache folder between runs.

    Raises `AttrlintError` (naming the file and line) when a rule file, the config or a rule id
    is bad: the rules are compiled here, not on the first text.
    """

    def __init__(
        self,
        *,
        config: PathLike | None = None,
        rules: Iterable[PathLike] = (),
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        references: Iterable[PathLike] | None = None,
        timeout: float | None = 5.0,
        discover_config: bool = False,
        cache: bool = True,
    ) -> None:
        if config is not None and not os.path.isfile(config):
            raise AttrlintError(f"{os.fspath(config)}: no such config file")
        self._workspace = Workspace(
            rules=[os.fspath(r) for r in rules],
            select=list(select) if select is not None else None,
            ignore=list(ignore) if ignore is not None else None,
            references=[os.fspath(r) for r in references or ()],
            config_file=os.fspath(config) if config is not None else None,
            isolated=config is None and not discover_config,
            time_limit=timeout,
            use_cache=cache,
        )
        self._workspace.linter_for(os.getcwd())  # compile now, so a bad rule file fails here

    def lint_text(self, text: str, *, path: PathLike | None = None, format: str | None = None) -> Result:
        """Lint a draft given as a string.

        `path` is the name findings are reported under (default "<text>"); it also picks the
        reader when `format` is not given (".md"/".markdown": Markdown, ".html"/".htm": HTML,
        else plain text) and, with a config, the config's per-path overrides. Nothing is read
        from that path. `format` is "text", "markdown" or "html"."""
        name = os.fspath(path) if path is not None else TEXT_PATH
        return self._lint(from_string(text, path=name, fmt=_check_format(format)))

    def lint_paths(self, paths: Iterable[PathLike], *, format: str | None = None) -> Iterator[Result]:
        """Lint files, and the drafts in folders (.txt, .md, .markdown, .html, .htm), in order.

        Yields one `Result` a file as it goes; a file that cannot be read yields a Result
        whose `error` says why, and the run goes on."""
        fmt = _check_format(format)
        for path in walk([os.fspath(p) for p in paths]):
            try:
                source = read_source(path, fmt)
            except InputError as exc:
                yield Result(path=path, error=str(exc))
                continue
            yield self._lint(source)

    def _lint(self, source: Source) -> Result:
        engine = self._workspace.linter_for(source.path if source.path != TEXT_PATH else "-")
        try:
            diagnostics, article, facts = engine.lint_article(source)
            timeouts = [rule for where, rule in engine.timeouts if where == source.path]
        finally:
            engine.timeouts.clear()  # the engine keeps them for the command line; here they are returned
        return Result(
            path=source.path,
            diagnostics=diagnostics,
            _attributions=lambda: _attributions(article, facts),
            timeouts=timeouts,
            note=source.note,
        )


def lint_text(
    text: str,
    *,
    path: PathLike | None = None,
    format: str | None = None,
    config: PathLike | None = None,
    references: Iterable[PathLike] | None = None,
) -> Result:
    """Lint one draft given as a string, with the shipped rules (and `config`, if given).

    A shortcut for `Linter(config=config, references=references).lint_text(text, ...)`; to
    lint many texts, build a `Linter` once instead. See `Linter.lint_text` for `path` and
    `format`."""
    return Linter(config=config, references=references).lint_text(text, path=path, format=format)


def lint_paths(
    paths: Iterable[PathLike],
    *,
    format: str | None = None,
    config: PathLike | None = None,
    references: Iterable[PathLike] | None = None,
    discover_config: bool = True,
) -> list[Result]:
    """Lint files and folders; one `Result` a file, in order.

    Like `attrlint check`, each file's config is found above it unless `config` names one
    (`discover_config=False`: none). An unreadable file gives a Result with `error` set."""
    linter = Linter(config=config, references=references, discover_config=discover_config)
    return list(linter.lint_paths(paths, format=format))


def _check_format(fmt: str | None) -> str | None:
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    return fmt


def _attributions(article: Article, facts: Facts) -> list[Attribution]:
    """The attribution model's records, exactly those `attrlint sources` writes."""
    from attrlint.report.sources import cited

    text = article.text
    out = []
    for c in cited(article, facts):
        cs, ce, cue_text, cue_kind = c.cue
        source = Span(text[c.source[0] : c.source[1]], c.source[0], c.source[1], c.source[3]) if c.source else None
        content = Content(text[c.content[0] : c.content[1]], *c.content) if c.content else None
        out.append(
            Attribution(line=c.line, column=c.column, cue=Span(cue_text, cs, ce, cue_kind), source=source, content=content)
        )
    return out
