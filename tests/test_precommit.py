"""The README's recipes, run as a newsroom would copy them.

pre-commit: the README's snippet, with its repository address replaced by a local clone of
this repository (tagged with the README's `rev`), is installed with the real `pre-commit`
in a repository of drafts; a commit of a bad draft is refused and a good one goes through.

CI: the README's workflow steps run in a shell, with the install pointed at the same clone.

Both test what is committed (a clone sees commits, not the working tree).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # builds a hook environment with pip

BAD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday.\n"
GOOD = "Fire sweeps market\n\nAt least 43 people were killed in the fire on Saturday, police said.\n"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
TAG = f"v{VERSION}"
ENV = {"GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "desk@example.test",
       "GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "desk@example.test"}


def readme_block(section: str, lang: str) -> str:
    """The first ```lang block under the README heading `## section`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(rf"```{lang}\n(.*?)```", part, re.S)
    assert found, f"no {lang} block under '## {section}' in README.md"
    return found.group(1)


def git(repo, *args, env=None):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A clone of this repository with the release tag the README names, at HEAD."""
    if git(ROOT, "rev-parse", "HEAD").returncode != 0:
        pytest.skip("this checkout is not a git repository")
    target = tmp_path_factory.mktemp("attrlint-clone") / "attrlint"
    done = git(ROOT, "clone", "-q", "--no-local", str(ROOT), str(target))
    assert done.returncode == 0, done.stderr
    # The tag is made on main when a release is merged; here it marks the commit under test.
    assert git(target, "tag", "-f", TAG, "HEAD", env={**os.environ, **ENV}).returncode == 0
    return target


def test_readme_snippets_name_the_release_tag():
    assert re.search(rf"^\s*rev: {re.escape(TAG)}\b", readme_block("pre-commit", "yaml"), re.M)
    assert f"@{TAG}" in readme_block("In CI", "yaml")


@pytest.fixture(scope="module")
def precommit():
    exe = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    if not Path(exe).exists():
        pytest.skip("pre-commit is not installed (pip install '.[test]')")
    return exe


def test_readme_precommit_snippet_refuses_a_bad_draft_and_passes_a_good_one(tmp_path, precommit, clone):
    env = {**os.environ, **ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    repo = tmp_path / "drafts"
    repo.mkdir()
    assert git(repo, "init", "-q", env=env).returncode == 0
    snippet = readme_block("pre-commit", "yaml")
    config, n = re.subn(r"(^\s*-\s*repo:\s*)\S+", rf"\g<1>{clone}", snippet, count=1, flags=re.M)
    assert n == 1
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    install = subprocess.run([precommit, "install"], cwd=repo, capture_output=True, text=True, env=env)
    assert install.returncode == 0, install.stdout + install.stderr
    git(repo, "add", ".pre-commit-config.yaml", env=env)
    assert git(repo, "commit", "-q", "-m", "config", env=env).returncode == 0

    (repo / "fire.txt").write_text(BAD, encoding="utf-8")
    git(repo, "add", "fire.txt", env=env)
    refused = git(repo, "commit", "-m", "bad draft", env=env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "attrlint" in output and "Failed" in output
    assert "fire.txt:3:10: warning unattributed-number '43'" in output
    assert (repo / "fire.txt").read_text(encoding="utf-8") == BAD  # the hook never edits a draft
    assert "bad draft" not in git(repo, "log", "--oneline", env=env).stdout

    (repo / "fire.txt").write_text(GOOD, encoding="utf-8")
    git(repo, "add", "fire.txt", env=env)
    accepted = git(repo, "commit", "-m", "good draft", env=env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "good draft" in git(repo, "log", "--oneline", env=env).stdout


def test_readme_ci_steps_install_from_the_repository_and_report(tmp_path, clone):
    steps = [m.group(1).strip() for m in re.finditer(r"^\s*-\s*run:\s*(.+)$", readme_block("In CI", "yaml"), re.M)]
    assert steps[0].startswith("pip install ") and "git+" in steps[0]
    install, *checks = steps
    install = re.sub(r"git\+\S+?@", f"git+file://{clone}@", install)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    env = {**os.environ, "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(venv)}
    work = tmp_path / "work"
    (work / "drafts").mkdir(parents=True)
    (work / "drafts" / "fire.txt").write_text(BAD, encoding="utf-8")
    (work / "drafts" / "calm.txt").write_text(GOOD, encoding="utf-8")

    def sh(command):
        return subprocess.run(command, shell=True, cwd=work, env=env, capture_output=True, text=True, timeout=600)

    done = sh(install)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert shutil.which("attrlint", path=env["PATH"]) == str(venv / "bin" / "attrlint")
    github, sarif = checks
    annotated = sh(github)
    assert annotated.returncode == 1
    assert annotated.stdout.startswith("::warning file=drafts/fire.txt,line=3")
    scanned = sh(sarif)
    assert scanned.returncode == 0, scanned.stderr
    log = json.loads((work / "attrlint.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
