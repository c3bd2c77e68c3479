"""Linting an archive on a cluster: attrlint mapped over a `dask.bag` of files (or a Spark RDD).

There is no distribution layer here, only the two things a cluster needs:

- `lint_partition(paths, workspace)`: lint some files, return their findings as JSON lines
  (exactly the lines `attrlint check --format json-lines` prints for them, without the
  newline: dask's `to_textfiles` and Spark's `saveAsTextFile` add it). It is a plain
  module-level function, so it pickles by reference.
- a `Workspace` with its rules already compiled, which pickles as data (about 180 kB; it
  loads in a few milliseconds, where compiling the rules from YAML takes most of a second).
  It is shipped to each worker once, not once per partition.

The recipe (`pip install 'attrlint[dask]'`):

    from dask.distributed import Client
    from attrlint.distributed import lint_bag, prepared_workspace
    from attrlint.model.source import walk

    client = Client("scheduler:8786")           # or Client() for a local cluster
    paths = walk(["/archive/2016"])              # paths every worker can read
    lines = lint_bag(paths, prepared_workspace(paths[:1]), npartitions=64)
    lines.to_textfiles("findings/*.jsonl", last_endline=True)
    # or gather them: "".join(line + "\n" for line in lines.compute())

Spark does the same with `mapPartitions`:

    ws = sc.broadcast(prepared_workspace(paths[:1]))
    rdd = sc.parallelize(paths, 64).mapPartitions(lambda part: lint_partition(part, ws.value))
    rdd.saveAsTextFile("findings/")              # one JSON object a line

Workers should run one thread each (`threads_per_worker=1`, or Spark's one core per task):
linting is pure Python, so threads in one process only queue for the interpreter lock.
Several threads sharing one workspace are safe (a lock serialises them), just not faster.

A file that cannot be read, or a rule that ran out of time on a file, becomes a line
`{"path": ..., "error": ...}` (the command prints those on standard error instead), so one
bad draft does not fail a partition and nothing is lost silently.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable

from attrlint.engine.project import Workspace
from attrlint.engine.runner import lint_path

# A worker holds one unpickled workspace per shipped object; threads of one worker process
# share it, and a linter keeps per-file state (its timeouts), so one file at a time per process.
_LOCK = threading.Lock()


def prepared_workspace(sample_paths: Iterable[str] = (), **workspace_kwargs) -> Workspace:
    """A workspace with its rules compiled for the configuration of each sample path, ready
    to pickle: workers then reuse the compiled rules instead of reading the YAML again.

    `workspace_kwargs` are those of `Workspace` (rules, select, ignore, references, config_file,
    isolated, time_limit). Drafts under a configuration no sample covered still work: the
    worker compiles that configuration's rules on first use and keeps them."""
    workspace = Workspace(**workspace_kwargs)
    for path in list(sample_paths) or ["."]:
        workspace.linter_for(path)
    return workspace


def finding_lines(result) -> list[str]:
    """One file's results as JSON lines, findings in the order `attrlint check` prints them."""
    if result.error:
        return [_line({"path": result.path, "error": result.error})]
    out = [_line(d.as_dict()) for d in result.diagnostics]
    for rule in result.timed_out:
        out.append(
            _line(
                {
                    "path": result.path,
                    "rule": rule,
                    "error": f"a pattern of rule {rule} ran out of time; the rule was skipped for this file",
                }
            )
        )
    return out


def lint_partition(paths: Iterable[str], workspace: Workspace | None = None) -> list[str]:
    """Lint the files of one partition; their findings as JSON lines, in the order given."""
    if workspace is None:
        workspace = _default_workspace()
    out: list[str] = []
    with _LOCK:
        for path in paths:
            # lint_path turns a bad config file, an unreadable draft or an internal error into
            # an error line for that draft, so one bad draft does not fail the partition.
            out.extend(finding_lines(lint_path(workspace, path, keep_source=False)))
    return out


def lint_bag(
    paths: Iterable[str], workspace: Workspace | None = None, npartitions: int | None = None, partition_size: int | None = None
):
    """A `dask.bag` of JSON lines (no newline): the findings of every file in `paths`,
    in the order of `paths`. Nothing runs until it is computed or written out.

    The workspace travels as one task's result: the scheduler sends it to each worker once and
    every partition on that worker uses the same copy."""
    import dask
    import dask.bag as db

    paths = list(paths)
    if workspace is None:
        workspace = prepared_workspace(paths[:1])
    if npartitions is None and partition_size is None:
        npartitions = max(1, min(len(paths), 256, len(paths) // 8 or 1))
    bag = db.from_sequence(paths, npartitions=npartitions, partition_size=partition_size)
    shipped = dask.delayed(workspace, pure=True, traverse=False)
    return bag.map_partitions(lint_partition, shipped)


_DEFAULT: dict = {}


def _default_workspace() -> Workspace:
    # Without a shipped workspace (e.g. a Spark job that maps lint_partition directly), each
    # worker process compiles the shipped rules once and keeps them.
    ws = _DEFAULT.get("ws")
    if ws is None:
        ws = _DEFAULT["ws"] = Workspace()
    return ws


def _line(record: dict) -> str:
    # Byte for byte what `attrlint check --format json-lines` writes for a finding, less the newline.
    return json.dumps(record, ensure_ascii=False)
