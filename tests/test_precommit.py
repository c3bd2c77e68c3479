"""pre-commit end to end: a repository of drafts installs the hook from this checkout with the
real `pre-commit`, and a commit of a bad draft is refused while a good one goes through."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # builds a hook environment with pip

BAD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"
GOOD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday, police said.\n"


def git(repo, *args, env=None):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def precommit():
    exe = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(exe).exists():
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    return exe


def test_hook_refuses_a_bad_draft_and_passes_a_good_one(tmp_path, precommit):
    head = git(ROOT, "rev-parse", "HEAD")
    if head.returncode != 0:
        pytest.skip("this checkout is not a git repository")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.test",
           "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.test"}
    repo = tmp_path / "drafts"
    repo.mkdir()
    assert git(repo, "init", "-q", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {ROOT}\n"
        f"    rev: {head.stdout.strip()}\n"
        "    hooks:\n"
        "      - id: attrlint\n"
        "        args: [--select, unattributed-number]\n",
        encoding="utf-8")
    install = subprocess.run([precommit, "install"], cwd=repo, capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stdout + install.stderr
    git(repo, "add", ".pre-commit-config.yaml", env=env)
    assert git(repo, "commit", "-q", "-m", "config", env=env).returncode == 0

    (repo / "fire.txt").write_text(BAD, encoding="utf-8")
    git(repo, "add", "fire.txt", env=env)
    refused = git(repo, "commit", "-m", "bad draft", env=env)
    assert refused.returncode != 0
    output = refused.stdout + refused.stderr
    assert "attrlint" in output and "Failed" in output
    assert "fire.txt:3:10: warning unattributed-number '43'" in output
    assert (repo / "fire.txt").read_text(encoding="utf-8") == BAD  # the hook never edits a draft
    assert "bad draft" not in git(repo, "log", "--oneline", env=env).stdout

    (repo / "fire.txt").write_text(GOOD, encoding="utf-8")
    git(repo, "add", "fire.txt", env=env)
    accepted = git(repo, "commit", "-m", "good draft", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "good draft" in git(repo, "log", "--oneline", env=env).stdout
