"""The archive recipe: attrlint mapped over a dask.bag on a local cluster gives exactly what
`attrlint check --format json-lines` prints for the same files."""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import textwrap

import pytest

from attrlint.distributed import lint_partition, prepared_workspace
from attrlint.model.source import walk

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus")

# Written for these tests: figures with and without a source, a loaded verb, a vague source,
# a quotation with no speaker, and one clean story.
ARTICLES = {
    "flood.txt": """\
        Floods kill 12 in river valley

        Floodwater swept through three villages on Tuesday, and 12 people died, the regional
        civil defence office said.

        Some 4,000 homes were left without power overnight.

        Residents claimed the warning came too late. "We had ten minutes," one farmer told
        reporters.
        """,
    "budget.txt": """\
        Council approves budget

        The city council approved a $48 million budget on Monday after a three-hour debate.

        Critics say the plan cuts library hours. "This is a budget for the next election, not
        the next decade."

        Mayor Ana Ruiz insisted the cuts were temporary.
        """,
    "bake.txt": """\
        Bake sale raises funds for school roof

        Parents at Hill Street Primary held a bake sale on Saturday.

        The head teacher, Mark Owens, said the money would go towards repairing the roof.
        """,
}


def _sample(tmp_path) -> list[str]:
    """Up to 60 corpus files spread across its folders, else the articles above (repeated,
    so the cluster still has several partitions to share out)."""
    if os.path.isdir(CORPUS):
        paths = walk([os.path.abspath(CORPUS)])
        if len(paths) >= 60:
            step = len(paths) // 60
            return paths[::step][:60]
    out = []
    for copy in range(8):
        for name, text in ARTICLES.items():
            path = tmp_path / f"{copy}-{name}"
            path.write_text(textwrap.dedent(text), encoding="utf-8")
            out.append(str(path))
    return out


def _check_json_lines(paths: list[str], cwd) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "attrlint", "check", "--format", "json-lines", "--jobs", "1", *paths],
                          capture_output=True, text=True, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.splitlines()


def test_compiled_workspace_pickles_small_and_lints_the_same(tmp_path):
    paths = _sample(tmp_path)[:12]
    workspace = prepared_workspace(paths[:1])
    shipped = pickle.dumps(workspace)
    assert len(shipped) < 1_000_000  # cheap to send to every worker
    copy = pickle.loads(shipped)
    assert copy.kwargs() == workspace.kwargs()
    assert lint_partition(paths, copy) == lint_partition(paths, workspace)


def test_unreadable_file_is_an_error_line_not_a_failed_partition(tmp_path):
    good = tmp_path / "bake.txt"
    good.write_text(textwrap.dedent(ARTICLES["bake.txt"]), encoding="utf-8")
    lines = lint_partition([str(tmp_path / "missing.txt"), str(good)], prepared_workspace())
    assert len(lines) == 1 and '"error"' in lines[0] and "missing.txt" in lines[0]


@pytest.mark.slow  # starts a local dask cluster
def test_dask_bag_on_local_cluster_equals_attrlint_check(tmp_path):
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    from attrlint.distributed import lint_bag

    paths = _sample(tmp_path)
    expected = _check_json_lines(paths, cwd=tmp_path)
    assert expected  # the sample must give the comparison something to compare

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster, distributed.Client(cluster) as client:
        bag = lint_bag(paths, prepared_workspace(paths[:1]), npartitions=6)
        got = client.compute(bag).result()
        # Two worker processes: the workspace really crossed a process boundary to be used.
        assert len(client.scheduler_info()["workers"]) == 2
        out_dir = tmp_path / "findings"
        bag.to_textfiles(str(out_dir / "*.jsonl"), last_endline=True)

    assert got == expected
    written = []
    for name in sorted(os.listdir(out_dir), key=lambda n: int(n.split(".")[0])):
        written.extend((out_dir / name).read_text(encoding="utf-8").splitlines())
    assert written == expected
