"""Running the linter over many files, in one process or several.

The unit of work is a path; a worker process builds its own `Workspace` once (rules compile
in a few hundred milliseconds) and returns plain, picklable results, so the same function
serves `--jobs` and a cluster map (`attrlint.distributed.lint_partition`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterator

from attrlint.diagnostic import Diagnostic
from attrlint.errors import AttrlintError, InputError
from attrlint.source import Source, read_source

# Below this many files a pool costs more to start than it saves.
PARALLEL_THRESHOLD = 48
# A plain-text file longer than this (an archive export, a file of many stories) is linted in
# sections cut at paragraph breaks, so memory stays bounded whatever the file's size. The
# price: a source named in full in an earlier section does not introduce a short form in a
# later one, and only the first section has the headline.
SECTION_CHARS = 2_000_000


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: Source | None = None
    error: str = ""  # why the file could not be read; empty when it was
    note: str = ""  # how it was read, when worth telling (an encoding fallback)
    timed_out: list[str] = field(default_factory=list)  # rules that ran out of time on this file
    article: object | None = None  # only in-process, for reports that show the copy
    facts: object | None = None
    has_body: bool = True  # False: only a headline (or nothing) was found, so no body rule had copy to read


def lint_path(workspace, path: str, display: str | None = None, keep_article: bool = False,
              keep_source: bool = True) -> FileResult:
    """Read and lint one file; an unreadable file becomes a result with `error` set."""
    try:
        source = read_source(path)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    if display:
        source.path = display
    linter = workspace.linter_for(source.path if path != "-" else "-")
    if len(source.text) > SECTION_CHARS and source.format == "text" and not keep_article:
        diagnostics, article, facts = _lint_in_sections(linter, source), None, None
    else:
        diagnostics, article, facts = linter.lint_article(source)
    timed_out = [rule for _, rule in linter.timeouts]
    linter.timeouts.clear()
    return FileResult(path=source.path, diagnostics=diagnostics, source=source if keep_source else None,
                      note=source.note, timed_out=timed_out, article=article if keep_article else None,
                      facts=facts if keep_article else None,
                      has_body=article is None or any(p.sentences for p in article.paragraphs))


def _lint_in_sections(linter, source: Source) -> list[Diagnostic]:
    text = source.text
    out: list[Diagnostic] = []
    start, line_offset = 0, 0
    while start < len(text):
        end = len(text)
        if end - start > SECTION_CHARS:
            cut = text.rfind("\n\n", start + SECTION_CHARS // 2, start + SECTION_CHARS)
            end = cut + 2 if cut >= 0 else start + SECTION_CHARS
            while end < len(text) and text[end - 1] != "\n":  # never cut inside a line
                end += 1
        section = Source(path=source.path, text=text[start:end], format=source.format, body_only=start > 0)
        for d in linter.lint(section):
            d.start += start
            d.end += start
            d.line += line_offset
            d.end_line += line_offset
            if d.fix:
                d.fix.start += start
                d.fix.end += start
                d.fix.line += line_offset
                d.fix.end_line += line_offset
            for r in d.related:
                if r.path == source.path:
                    r.line += line_offset
            out.append(d)
        line_offset += text.count("\n", start, end)
        start = end
    return out


_WORKER: dict = {}


def _init_worker(workspace_kwargs: dict, keep_source: bool) -> None:
    from attrlint.lint import Workspace

    _WORKER["workspace"] = Workspace(**workspace_kwargs)
    _WORKER["keep_source"] = keep_source


def _work(path: str) -> FileResult:
    try:
        return lint_path(_WORKER["workspace"], path, keep_source=_WORKER["keep_source"])
    except AttrlintError as exc:  # a bad config met only by this file's folder
        return FileResult(path=path, error=f"config: {exc}")


def default_jobs(n_files: int) -> int:
    return 1 if n_files < PARALLEL_THRESHOLD else (os.cpu_count() or 1)


def run(paths: list[str], workspace, workspace_kwargs: dict, jobs: int, stdin_name: str | None = None,
        keep_article: bool = False, keep_source: bool = True) -> Iterator[FileResult]:
    """Results in the order of `paths`. Standard input and in-process reports run serially."""
    if jobs <= 1 or keep_article or "-" in paths or len(paths) < 2:
        for path in paths:
            yield lint_path(workspace, path, display=stdin_name if path == "-" else None,
                            keep_article=keep_article, keep_source=keep_source)
        return
    import multiprocessing  # only for runs that use workers

    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(32, len(paths) // (jobs * 8)))
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(workspace_kwargs, keep_source)) as pool:
        yield from pool.imap(_work, paths, chunksize=chunk)
