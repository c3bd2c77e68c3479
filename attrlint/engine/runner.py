"""Running the linter over many files, in one process or several.

The unit of work is a path; a worker process builds its own `Workspace` once (rules compile
in a few hundred milliseconds) and returns plain, picklable results, so the same function
serves `--jobs` and a cluster map (`attrlint.distributed.lint_partition`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from attrlint.diagnostic import Diagnostic
from attrlint.errors import AttrlintError, InputError
from attrlint.model.source import Source, read_source

# Below this many files a pool costs more to start than it saves.
PARALLEL_THRESHOLD = 48
# A plain-text file longer than this (an archive export, a file of many stories) is linted in
# sections cut at paragraph breaks, so memory stays bounded whatever the file's size. The
# price: a source named in full in an earlier section does not introduce a short form in a
# later one, and only the first section has the headline.
SECTION_CHARS = 2_000_000


@dataclass
class FileResult:
    """What checking one file gave: its findings, or why it could not be read."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: Source | None = None
    error: str = ""  # why the file could not be read; empty when it was
    note: str = ""  # how it was read, when worth telling (an encoding fallback)
    timed_out: list[str] = field(default_factory=list)  # rules that ran out of time on this file
    article: object | None = None  # only in-process, for reports that show the copy
    facts: object | None = None
    has_body: bool = True  # False: only a headline (or nothing) was found, so no body rule had copy to read
    traceback: str = ""  # for an internal error: shown with --debug


def lint_path(
    workspace, path: str, display: str | None = None, keep_article: bool = False, keep_source: bool = True
) -> FileResult:
    """Read and lint one file. Whatever goes wrong with it becomes a result with `error` set, so
    the run goes on with the other files: an unreadable file, a bad config file met only by
    this file's folder, or a bug in attrlint (`traceback` then holds the details)."""
    try:
        return _lint_path(workspace, path, display, keep_article, keep_source)
    except InputError as exc:
        return FileResult(path=path, error=str(exc))
    except AttrlintError as exc:  # a bad config file met only by this file's folder
        return FileResult(path=display or path, error=f"config: {exc}")
    except Exception as exc:
        import traceback  # only on an internal error

        return FileResult(path=display or path, error=internal_error(display or path, exc), traceback=traceback.format_exc())


def internal_error(path: str, exc: BaseException) -> str:
    message = " ".join(str(exc).split())
    if len(message) > 300:
        message = message[:300] + "..."
    return f"{path}: internal error: {type(exc).__name__}: {message} (run with --debug for the traceback)"


def _lint_path(workspace, path: str, display: str | None, keep_article: bool, keep_source: bool) -> FileResult:
    source = read_source(path)
    if display:
        source.path = display
    linter = workspace.linter_for(source.path if path != "-" else "-")
    if len(source.text) > SECTION_CHARS and source.format == "text" and not keep_article:
        diagnostics, article, facts = _lint_in_sections(linter, source), None, None
    else:
        diagnostics, article, facts = linter.lint_article(source)
    timed_out = [rule for _, rule in linter.timeouts]
    linter.timeouts.clear()
    return FileResult(
        path=source.path,
        diagnostics=diagnostics,
        source=source if keep_source else None,
        note=source.note,
        timed_out=timed_out,
        article=article if keep_article else None,
        facts=facts if keep_article else None,
        has_body=article is None or any(p.sentences for p in article.paragraphs),
    )


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
    from attrlint.engine.project import Workspace

    _WORKER["workspace"] = Workspace(**workspace_kwargs)
    _WORKER["keep_source"] = keep_source


def _work(path: str) -> FileResult:
    return lint_path(_WORKER["workspace"], path, keep_source=_WORKER["keep_source"])


def default_jobs(n_files: int) -> int:
    return 1 if n_files < PARALLEL_THRESHOLD else worker_count(0, n_files)


def worker_count(jobs: int, n_files: int) -> int:
    """Processes to start for `--jobs N` (0: one per core): never more than there are files
    to share out or cores to run them, whatever was asked."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    wanted = cores if jobs == 0 else jobs
    return max(1, min(wanted, cores, n_files))


def run(
    paths: list[str],
    workspace,
    workspace_kwargs: dict,
    jobs: int,
    stdin_name: str | None = None,
    keep_article: bool = False,
    keep_source: bool = True,
) -> Iterator[FileResult]:
    """Results in the order of `paths`. Standard input and in-process reports run serially."""
    if jobs <= 1 or keep_article or "-" in paths or len(paths) < 2:
        for path in paths:
            yield lint_path(
                workspace, path, display=stdin_name if path == "-" else None, keep_article=keep_article, keep_source=keep_source
            )
        return
    import multiprocessing  # only for runs that use workers

    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    chunk = max(1, min(32, len(paths) // (jobs * 8)))
    yield from _pooled(ctx, jobs, list(paths), chunk, (workspace_kwargs, keep_source), workspace, stdin_name)


def _pooled(ctx, jobs: int, pending: list[str], chunk: int, initargs: tuple, workspace, stdin_name) -> Iterator[FileResult]:
    """Results from worker processes, in order. A worker that dies (killed, out of memory, a
    crash in native code) breaks the pool: the first unanswered file is then checked alone in
    a process of its own, so the failure is pinned on the file that caused it, and the rest go
    on in a new pool. (multiprocessing.Pool would wait for the lost result forever.)"""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    while pending:
        try:
            executor = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=initargs)
        except OSError:  # no processes to be had (a process limit, no memory): do the work here
            yield from run(pending, workspace, initargs[0], 1, stdin_name, False, initargs[1])
            return
        done = 0
        with executor:
            try:
                for result in executor.map(_work, pending, chunksize=chunk):
                    yield result
                    done += 1
                return
            except BrokenProcessPool:
                pass
        suspect = pending[done]
        with ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker, initargs=initargs) as alone:
            try:
                yield alone.submit(_work, suspect).result()
            except BrokenProcessPool:
                yield FileResult(
                    path=suspect,
                    error=f"{suspect}: internal error: the process checking it stopped "
                    "abruptly (killed, out of memory, or a crash in native code)",
                )
        pending = pending[done + 1 :]
