"""attrlint's benchmark: whole-corpus speed and memory, side by side with proselint and textlint
(write-good), cold start, the language server's re-lint latency, and scaling with corpus size.

Run it with the project's interpreter, from the repository root:

    .venv/bin/python bench/bench.py                 # everything; about ten minutes on 2 cores
    .venv/bin/python bench/bench.py --runs 1 --scale-extra '' --skip-competitors   # a quick look

proselint (PyPI) and textlint with textlint-rule-write-good (npm) are installed on first use
into bench/.work/ (git-ignored), never into the project's environment. Every measured run is
a child process: wall time, CPU time (user + system, the child and its workers) and peak
resident memory come from os.wait4. On a busy machine wall times swell while CPU times do not,
so both are reported, with the load average.

The table is printed and written as JSON (bench/results/ by default) to compare over time.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WORK = os.path.join(HERE, ".work")

# Pinned so that runs months apart compare the same competitors; --proselint/--textlint change them.
PROSELINT = "proselint==0.16.0"
TEXTLINT = ["textlint@15.8.0", "textlint-rule-write-good@2.0.0"]

# The targets (issue 8).
# The speed issue's targets (issue 14): one process, all rules, against proselint 0.16 on the
# same files, with and without the sentence memo; textlint has no target and is shown for scale.
TARGETS = {
    "vs_proselint": 8.0,  # attrlint at least this many times faster, one process, all rules
    "vs_textlint": 1.0,
    "peak_mb": 60.0,
    "cold_ms": 100.0,
    "lsp_median_ms": 5.0,
    "jobs_speedup": 1.8,  # --jobs 2 against one job, on two cores
}


# -- measuring child processes -------------------------------------------------------------

def measure(cmd: list[str], cwd: str | None = None, env: dict | None = None, ok=(0, 1)) -> dict:
    """Run a command to the end; its wall time, CPU time and peak memory (its own and its
    workers': the kernel folds reaped children into a process's usage)."""
    # Bytecode is written and reused, as in any installed copy: a sandbox's
    # PYTHONDONTWRITEBYTECODE would make every run compile the package from source again.
    env = {k: v for k, v in (env if env is not None else os.environ).items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok:
        raise SystemExit(f"bench: {' '.join(cmd[:4])} ... exited {proc.returncode}:\n{err.decode(errors='replace')[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def repeat(cmd: list[str], runs: int, **kw) -> dict:
    """Medians over several runs (and every run, for the JSON)."""
    got = [measure(cmd, **kw) for _ in range(runs)]
    return {"wall": statistics.median(r["wall"] for r in got), "cpu": statistics.median(r["cpu"] for r in got),
            "peak_mb": max(r["peak_mb"] for r in got), "runs": got}


# -- installing the competitors ------------------------------------------------------------

def install_proselint(spec: str) -> list[str]:
    venv = os.path.join(WORK, "proselint-venv")
    exe = os.path.join(venv, "bin", "proselint")
    marker = os.path.join(venv, ".installed")
    if not (os.path.exists(exe) and _read(marker) == spec):
        print(f"bench: installing {spec} into {os.path.relpath(venv, REPO)}", file=sys.stderr)
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([_base_python(), "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "python"), "-m", "pip", "install", "-q", spec], check=True)
        _write(marker, spec)
    return [exe, "check"]


def install_textlint(specs: list[str]) -> tuple[list[str], str]:
    prefix = os.path.join(WORK, "textlint")
    marker = os.path.join(prefix, ".installed")
    bin_js = os.path.join(prefix, "node_modules", "textlint", "bin", "textlint.js")
    if not (os.path.exists(bin_js) and _read(marker) == " ".join(specs)):
        if not shutil.which("npm") or not shutil.which("node"):
            raise SystemExit("bench: textlint needs node and npm on PATH (or pass --skip-competitors)")
        print(f"bench: installing {' '.join(specs)} into {os.path.relpath(prefix, REPO)}", file=sys.stderr)
        shutil.rmtree(prefix, ignore_errors=True)
        os.makedirs(prefix)
        _write(os.path.join(prefix, "package.json"), '{"private": true}\n')
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", *specs], cwd=prefix, check=True)
        _write(marker, " ".join(specs))
    # node directly (npx adds its own start-up); the rule is found in this prefix's node_modules.
    return [shutil.which("node") or "node", bin_js, "--no-textlintrc", "--rule", "write-good"], prefix


def _base_python() -> str:
    # A venv made from inside the project's venv would still see nothing of it, but use the
    # base interpreter anyway so the competitor's environment owes the project nothing.
    return getattr(sys, "_base_executable", None) or sys.executable


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return ""


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# -- the corpus ------------------------------------------------------------------------------

# Parts of the shared corpus held out to evaluate the rules on copy no one has seen: no tool
# of ours reads them, the benchmark included.
HELD_OUT = ("fnc", "basil")


def corpus_files(corpus: str) -> list[str]:
    sys.path.insert(0, REPO)
    from attrlint.model.source import walk

    held_out = [os.path.join(corpus, part) for part in HELD_OUT]
    return [f for f in walk([corpus]) if not any(f.startswith(h + os.sep) for h in held_out)]


def attrlint_cmd() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "attrlint")
    return [script] if os.path.exists(script) else [sys.executable, "-m", "attrlint"]


# -- in-process measurements -----------------------------------------------------------------

COLD_BREAKDOWN = r"""
import json, sys, time
t0 = time.perf_counter()
import attrlint.cli
from attrlint import patterns
if hasattr(patterns, "preload"):
    patterns.preload()  # as `attrlint check` does: the modules' patterns from the rule cache
import attrlint.engine.lint, attrlint.engine.runner
t1 = time.perf_counter()
from attrlint.engine.project import Workspace
from attrlint.engine.runner import lint_path
ws = Workspace()
ws.linter_for(sys.argv[1])
t2 = time.perf_counter()
lint_path(ws, sys.argv[1])
t3 = time.perf_counter()
print(json.dumps({"import_ms": (t1 - t0) * 1000, "rules_ms": (t2 - t1) * 1000, "lint_ms": (t3 - t2) * 1000}))
"""


def cold_start(article: str, runs: int) -> dict:
    cmd = attrlint_cmd() + ["check", article]
    measure(cmd)  # writes the bytecode and the compiled-rule cache: the runs below are warm
    got = repeat(cmd, runs)
    bare = repeat([sys.executable, "-c", "pass"], runs)
    parts = []
    for _ in range(max(3, runs // 2)):
        done = subprocess.run([sys.executable, "-c", COLD_BREAKDOWN, article], capture_output=True, text=True,
                              check=True, cwd=REPO,
                              env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
        parts.append(json.loads(done.stdout))
    breakdown = {k: statistics.median(p[k] for p in parts) for k in parts[0]}
    breakdown["interpreter_ms"] = bare["wall"] * 1000
    return {"wall_ms": got["wall"] * 1000, "cpu_ms": got["cpu"] * 1000, "peak_mb": got["peak_mb"],
            "article": article, "breakdown_ms": breakdown}


def lsp_latency(files: list[str], iterations: int) -> dict:
    """What the language server does after a pause in typing: read the buffer into a Source,
    find the draft's linter (already built), lint. The article is the corpus one nearest
    1,000 words; each iteration types one more word into a different paragraph."""
    from attrlint.engine.project import Workspace
    from attrlint.model.source import from_string, read_source

    def words(path):
        return len(read_source(path).text.split())

    path = min(files, key=lambda p: abs(words(p) - 1000))
    text = read_source(path).text
    ws = Workspace()
    ws.lint(from_string(text, path=path))  # the draft was opened: rules compiled, linted once
    paragraphs = text.split("\n\n")
    times, cpu = [], []
    for i in range(iterations):
        k = 1 + i % max(1, len(paragraphs) - 1)  # never the headline
        paragraphs[k] = paragraphs[k] + " very"
        source = from_string("\n\n".join(paragraphs), path=path)
        t, c = time.perf_counter(), time.thread_time()
        ws.linter_for(source.path).lint(source)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    times.sort()
    cpu.sort()
    return {"article": path, "words": words(path), "iterations": iterations,
            "median_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
            "max_ms": times[-1], "cpu_median_ms": statistics.median(cpu), "cpu_p95_ms": cpu[int(0.95 * (len(cpu) - 1))]}


def profile_corpus(files: list[str], top: int = 15) -> dict:
    """cProfile of a whole-corpus run in this process: the top functions by own and by
    cumulative time (the profiler's overhead inflates both; the ranking is what matters)."""
    from attrlint.engine.project import Workspace
    from attrlint.engine.runner import lint_path

    ws = Workspace()
    ws.linter_for(files[0])
    prof = cProfile.Profile()
    prof.enable()
    for path in files:
        lint_path(ws, path, keep_source=False)
    prof.disable()
    stats = pstats.Stats(prof)
    total = stats.total_tt

    def rows(key):
        entries = sorted(stats.stats.items(), key=lambda kv: kv[1][2 if key == "own" else 3], reverse=True)
        out = []
        for (file, line, func), (cc, nc, tt, ct, _) in entries[:top]:
            where = os.path.relpath(file, REPO) if file.startswith(REPO) else file
            out.append({"function": f"{where}:{line}({func})", "calls": nc, "own_s": round(tt, 3), "cum_s": round(ct, 3)})
        return out

    return {"total_s": total, "by_own": rows("own"), "by_cumulative": rows("cum")}


# -- the report ------------------------------------------------------------------------------

def table(result: dict) -> str:
    r = result
    mb = r["corpus"]["mb"]
    n = r["corpus"]["files"]
    lines = [f"attrlint benchmark  {r['when']}  commit {r['commit']}  {r['machine']['cpus']} cores  "
             f"load {r['machine']['load_before']} -> {r['machine']['load_after']}",
             f"corpus: {n} files, {mb:.2f} MB, {r['corpus']['words']:,} words; medians of {r['runs']} runs", ""]
    hdr = f"{'run':34} {'wall s':>8} {'cpu s':>8} {'art/s':>8} {'MB/s':>7} {'peak MB':>8}"
    lines += [hdr, "-" * len(hdr)]
    for name, m in r["whole_corpus"].items():
        lines.append(f"{name:34} {m['wall']:8.2f} {m['cpu']:8.2f} {n / m['wall']:8.1f} {mb / m['wall']:7.3f} {m['peak_mb']:8.1f}")
    for name, m in r.get("competitors", {}).items():
        lines.append(f"{name:34} {m['wall']:8.2f} {m['cpu']:8.2f} {n / m['wall']:8.1f} {mb / m['wall']:7.3f} {m['peak_mb']:8.1f}")
    for label, m in r.get("scaling", {}).items():
        lines.append(f"{'attrlint --jobs 1, ' + label + ' (' + str(m['files']) + ')':34} {m['wall']:8.2f} {m['cpu']:8.2f} "
                     f"{m['files'] / m['wall']:8.1f} {m['mb'] / m['wall']:7.3f} {m['peak_mb']:8.1f}")
    lines += ["", f"{'measure':44} {'value':>10} {'target':>10}  met"]
    for row in r["checks"]:
        lines.append(f"{row['measure']:44} {row['value']:10.2f} {row['target']:>10}  {'yes' if row['met'] else 'NO'}")
    if "scaling" in r:
        per = ", ".join(f"{t} ({m['files']} files): {m['cpu_per_file_ms']:.1f}" for t, m in r["scaling"].items())
        lines.append(f"CPU ms per file over distinct articles (flat = linear growth): {per}")
    c = r["cold_start"]["breakdown_ms"]
    lines.append(f"cold start, where the time goes (ms): interpreter {c['interpreter_ms']:.0f}, imports {c['import_ms']:.0f}, "
                 f"compiling the rules {c['rules_ms']:.0f}, linting the article {c['lint_ms']:.0f}")
    if "profile" in r:
        for key, title in (("by_own", "own time"), ("by_cumulative", "cumulative time")):
            lines += ["", f"profile of a whole-corpus run, one process, top by {title} (cProfile, total {r['profile']['total_s']:.1f} s):",
                      f"{'own s':>7} {'cum s':>7} {'calls':>9}  function"]
            for row in r["profile"][key]:
                lines.append(f"{row['own_s']:7.2f} {row['cum_s']:7.2f} {row['calls']:9}  {row['function']}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "corpus"), help="folder of articles (default: ../shared/corpus)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each whole-corpus measurement; the median is reported (default 3)")
    ap.add_argument("--scale-extra", default=os.path.join(REPO, "..", "shared", "corpus", "polnear-train", "text"),
                    help="a folder of further distinct articles for the scaling row (default: polnear-train); '' for none")
    ap.add_argument("--cold-runs", type=int, default=10, help="runs of the cold start (default 10)")
    ap.add_argument("--lsp-iterations", type=int, default=200, help="re-lints for the language-server latency (default 200)")
    ap.add_argument("--skip-competitors", action="store_true", help="do not install or run proselint and textlint")
    ap.add_argument("--proselint", default=PROSELINT, help=f"pip requirement for proselint (default {PROSELINT})")
    ap.add_argument("--textlint", default=" ".join(TEXTLINT), help="npm packages for textlint and its rule")
    ap.add_argument("--profile", action="store_true", help="add a cProfile of a whole-corpus run (top 15 by own and cumulative time)")
    ap.add_argument("--json", metavar="FILE", help="where to write the results (default bench/results/<date>-<commit>.json)")
    args = ap.parse_args(argv)

    corpus = os.path.realpath(args.corpus)
    if not os.path.isdir(corpus):
        raise SystemExit(f"bench: no corpus at {corpus} (use --corpus)")
    os.makedirs(WORK, exist_ok=True)
    files = corpus_files(corpus)
    size = sum(os.path.getsize(p) for p in files)
    words = 0
    for p in files:
        with open(p, encoding="utf-8", errors="replace") as f:
            words += len(f.read().split())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    cpus = os.cpu_count() or 1
    result = {
        "when": datetime.datetime.now().isoformat(timespec="seconds"), "commit": commit or "unknown",
        "machine": {"cpus": cpus, "python": platform.python_version(), "platform": platform.platform(),
                    "load_before": round(os.getloadavg()[0], 2)},
        "corpus": {"path": corpus, "files": len(files), "mb": size / 1e6, "words": words},
        "runs": args.runs,
    }

    competitors = None
    if not args.skip_competitors:
        # Install before any timing, so an install never overlaps a measurement.
        competitors = {"proselint": install_proselint(args.proselint), "textlint": install_textlint(args.textlint.split())}

    # attrlint: every shipped rule, text output (what a person runs), one process then all cores.
    base = attrlint_cmd() + ["check", "--isolated"]
    whole = {}
    whole["attrlint --jobs 1"] = repeat(base + ["--jobs", "1", *files], args.runs)
    # New copy: the sentence memo off, so no sentence's analysis is reused from another file.
    whole["attrlint --jobs 1, memo off"] = repeat(base + ["--jobs", "1", *files], args.runs,
                                                  env=dict(os.environ, ATTRLINT_NO_MEMO="1"))
    if cpus > 1:
        whole[f"attrlint --jobs {cpus}"] = repeat(base + ["--jobs", str(cpus), *files], args.runs)
    result["whole_corpus"] = whole

    if competitors:
        (prose_cmd, (text_cmd, text_cwd)) = competitors["proselint"], competitors["textlint"]
        # proselint 0.16 keeps no cache between runs; a private HOME makes sure of it.
        env = dict(os.environ, HOME=os.path.join(WORK, "home"), XDG_CACHE_HOME=os.path.join(WORK, "home", ".cache"))
        os.makedirs(env["HOME"], exist_ok=True)
        result["competitors"] = {
            f"proselint ({args.proselint})": repeat(prose_cmd + files, args.runs, env=env),
            "textlint + write-good": repeat(text_cmd + files, args.runs, cwd=text_cwd),
        }

    result["cold_start"] = cold_start(sorted(files, key=os.path.getsize)[len(files) // 2], args.cold_runs)
    result["lsp"] = lsp_latency(files, args.lsp_iterations)

    # Scaling over distinct articles (the corpus, then the corpus and the extra folder): the
    # memo cannot help, so CPU per file staying flat shows the linter itself is linear.
    if args.scale_extra and os.path.isdir(args.scale_extra):
        extra = corpus_files(os.path.realpath(args.scale_extra))
        more = [p for p in extra if p not in set(files)]
        inner = [p for p in files if p not in set(extra)]
        result["scaling"] = {}
        # When the extra folder lies inside the corpus (polnear-train does), the rows are the
        # corpus without it and the whole corpus, so the two batches still differ.
        batches = ((("corpus without extra", inner), ("corpus", files)) if len(inner) < len(files)
                   else (("corpus", files), ("corpus + extra", files + more)))
        for label, batch in batches:
            m = whole["attrlint --jobs 1"] if batch is files else repeat(base + ["--jobs", "1", *batch], 1)
            mb = sum(os.path.getsize(p) for p in batch) / 1e6
            result["scaling"][label] = {"wall": m["wall"], "cpu": m["cpu"], "peak_mb": m["peak_mb"],
                                        "files": len(batch), "mb": mb, "cpu_per_file_ms": m["cpu"] / len(batch) * 1000}

    if args.profile:
        result["profile"] = profile_corpus(files)

    one = whole["attrlint --jobs 1"]
    checks = [{"measure": "peak memory, one process (MB)", "value": one["peak_mb"], "target": f"< {TARGETS['peak_mb']:g}",
               "met": one["peak_mb"] < TARGETS["peak_mb"]}]
    if "competitors" in result:
        cold_copy = whole["attrlint --jobs 1, memo off"]
        for (name, m), key in zip(result["competitors"].items(), ("vs_proselint", "vs_textlint")):
            short = name.split(" ")[0]
            for clock in ("wall", "cpu"):
                for label, mine in (("", one), (", memo off", cold_copy)):
                    ratio = m[clock] / mine[clock]
                    result.setdefault("ratios", {})[f"{short}/{clock}{label}"] = ratio
                    checks.append({"measure": f"{short} time / attrlint time ({clock}{label})", "value": ratio,
                                   "target": f">= {TARGETS[key]:g}", "met": ratio >= TARGETS[key]})
    cs = result["cold_start"]
    for clock in ("wall", "cpu"):
        checks.append({"measure": f"cold start, one article (ms, {clock})", "value": cs[f"{clock}_ms"],
                       "target": f"< {TARGETS['cold_ms']:g}", "met": cs[f"{clock}_ms"] < TARGETS["cold_ms"]})
    checks.append({"measure": f"LSP re-lint, {result['lsp']['words']} words, median (ms)", "value": result["lsp"]["median_ms"],
                   "target": f"< {TARGETS['lsp_median_ms']:g}", "met": result["lsp"]["median_ms"] < TARGETS["lsp_median_ms"]})
    checks.append({"measure": "LSP re-lint, 95th percentile (ms)", "value": result["lsp"]["p95_ms"], "target": "-", "met": True})
    checks.append({"measure": "LSP re-lint, CPU time, median (ms)", "value": result["lsp"]["cpu_median_ms"],
                   "target": f"< {TARGETS['lsp_median_ms']:g}", "met": result["lsp"]["cpu_median_ms"] < TARGETS["lsp_median_ms"]})
    if cpus > 1:
        speedup = one["wall"] / whole[f"attrlint --jobs {cpus}"]["wall"]
        checks.append({"measure": f"--jobs {cpus} speed-up over --jobs 1 (wall)", "value": speedup,
                       "target": f">= {TARGETS['jobs_speedup']:g}" if cpus == 2 else "-",
                       "met": speedup >= TARGETS["jobs_speedup"] or cpus != 2})
    result["checks"] = checks
    result["machine"]["load_after"] = round(os.getloadavg()[0], 2)

    out = args.json or os.path.join(HERE, "results", f"{result['when'][:10]}-{result['commit']}.json")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(table(result))
    print(f"\nwritten to {os.path.relpath(out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
