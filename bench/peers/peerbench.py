#!/usr/bin/env python3
"""Times Stagecraft against dockerfilelint and dockerfile-utils on one corpus, in one run.

Called by run.sh, which installs the peers, publishes the AOT binary and decides the Stagecraft command line.
Standard library only. See README.md for what is measured and why.

Timing: each measured command is one subprocess.run() with stdout and stderr sent to /dev/null. Wall time is
time.perf_counter_ns() around it; CPU time is the growth of getrusage(RUSAGE_CHILDREN) user+sys over it, which
covers every thread of the child (Node's helper threads included). Every measurement is repeated --runs times
after an untimed warm-up pass that also checks each tool's output and exit codes; medians are reported.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

DEVNULL = subprocess.DEVNULL

# ----------------------------------------------------------------------------------------------- corpus


def corpus_files(folder: str) -> tuple[str, list[str], str]:
    """Returns (cwd, files relative to cwd, how they were chosen). Only Dockerfiles, sorted."""
    folder = os.path.abspath(folder)
    # The shared corpus: MANIFEST.tsv beside the folder (or in it) says which files are Dockerfiles.
    for manifest in (os.path.join(folder, "MANIFEST.tsv"), os.path.join(os.path.dirname(folder), "MANIFEST.tsv")):
        if not os.path.isfile(manifest):
            continue
        base = os.path.dirname(manifest)
        with open(manifest, encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n").split("\t")
            if "file" not in header or "kind" not in header:
                continue
            i_file, i_kind = header.index("file"), header.index("kind")
            files = []
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) > max(i_file, i_kind) and cols[i_kind] == "dockerfile":
                    full = os.path.join(base, cols[i_file])
                    if os.path.abspath(full).startswith(folder + os.sep) or base == folder:
                        files.append(cols[i_file])
        if files:
            missing = [f for f in files if not os.path.isfile(os.path.join(base, f))]
            if missing:
                sys.exit(f"peerbench: {len(missing)} files listed in {manifest} are missing, e.g. {missing[0]}")
            return base, sorted(files), f"{manifest} (kind=dockerfile)"
    # Any other folder: files that are named like Dockerfiles.
    pattern = re.compile(r"^(Dockerfile([._-].*)?|.*[._-]Dockerfile|.*\.dockerfile|Containerfile)$", re.I)
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d not in ("node_modules", ".git", "bin", "obj"))
        for name in filenames:
            if pattern.match(name) and not name.lower().endswith(".dockerignore"):
                files.append(os.path.relpath(os.path.join(dirpath, name), folder))
    return folder, sorted(files), "file names (Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile)"


def evenly_spaced(items: list[str], n: int) -> list[str]:
    if n <= 0 or n >= len(items):
        return list(items)
    return [items[(i * len(items)) // n] for i in range(n)]


# ----------------------------------------------------------------------------------------------- tools


class Tool:
    def __init__(self, name: str, many, one, ok_codes, note: str = "", reference: bool = False):
        self.name = name
        self.many = many  # files -> argv for one process over all files, or None (one process per file)
        self.one = one  # file -> argv for one file
        self.ok_codes = ok_codes  # None: any exit code is a result (dockerfilelint exits with its issue count)
        self.note = note
        self.reference = reference  # timing references (spawn floor, node start-up), not compared


def run_once(argv: list[str], cwd: str) -> tuple[int, int, int]:
    """Returns (wall ns, cpu ns, exit code) for one process with its output thrown away."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter_ns()
    code = subprocess.run(argv, cwd=cwd, stdin=DEVNULL, stdout=DEVNULL, stderr=DEVNULL).returncode
    t1 = time.perf_counter_ns()
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1e9
    return t1 - t0, int(cpu), code


def run_capture(argv: list[str], cwd: str) -> subprocess.CompletedProcess:
    return subprocess.run(argv, cwd=cwd, stdin=DEVNULL, capture_output=True, text=True, errors="replace")


# ----------------------------------------------------------------------------------------------- stats


def ms(ns: float) -> float:
    return ns / 1e6


def summary(values_ns: list[float]) -> dict:
    return {
        "medianMs": round(ms(statistics.median(values_ns)), 3),
        "minMs": round(ms(min(values_ns)), 3),
        "maxMs": round(ms(max(values_ns)), 3),
        "samplesMs": [round(ms(v), 3) for v in values_ns],
    }


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b > 0 else None


def scheduling() -> str:
    """The scheduling policy the tools ran under: run.sh --realtime starts everything at SCHED_FIFO priority 50."""
    policy = os.sched_getscheduler(0)
    names = {os.SCHED_OTHER: "SCHED_OTHER", os.SCHED_FIFO: "SCHED_FIFO", os.SCHED_RR: "SCHED_RR"}
    name = names.get(policy, str(policy))
    return f"{name} {os.sched_getparam(0).sched_priority}" if policy in (os.SCHED_FIFO, os.SCHED_RR) else name


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def log(msg: str = "") -> None:
    print(msg, flush=True)


# ----------------------------------------------------------------------------------------------- main


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--stagecraft", required=True, help="path of the stagecraft binary")
    ap.add_argument("--stagecraft-args", required=True, help="arguments before the file names, e.g. 'lint --format gnu'")
    ap.add_argument("--stagecraft-multi", type=int, choices=(0, 1), required=True,
                    help="1 if the command takes many files in one process")
    ap.add_argument("--stagecraft-mode", required=True, help="label: lint, parse-stand-in or custom")
    ap.add_argument("--stagecraft-version", default="")
    ap.add_argument("--node", default="node")
    ap.add_argument("--modules", required=True, help="node_modules with dockerfilelint and dockerfile-utils")
    ap.add_argument("--here", required=True, help="bench/peers folder (for dockerfile-utils-all.js)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sample", default="50", help="files for the one-file-at-a-time part, or 'all'")
    ap.add_argument("--json", required=True)
    ap.add_argument("--skip-one", action="store_true", help="skip the one-file-at-a-time part")
    a = ap.parse_args()
    if a.runs < 1:
        sys.exit("peerbench: --runs must be at least 1")

    started = dt.datetime.now(dt.timezone.utc)
    load_start = loadavg()
    cwd, files, chosen = corpus_files(a.corpus)
    if not files:
        sys.exit(f"peerbench: no Dockerfiles found under {a.corpus}")
    total_bytes = sum(os.path.getsize(os.path.join(cwd, f)) for f in files)
    sample = evenly_spaced(files, len(files) if a.sample == "all" else int(a.sample))

    sc_prefix = [a.stagecraft] + shlex.split(a.stagecraft_args)
    dfl_bin = os.path.join(a.modules, "dockerfilelint", "bin", "dockerfilelint")
    du_bin = os.path.join(a.modules, "dockerfile-utils", "bin", "dockerfile-utils")
    du_all = os.path.join(a.here, "dockerfile-utils-all.js")
    versions = {}
    for pkg in ("dockerfilelint", "dockerfile-utils"):
        with open(os.path.join(a.modules, pkg, "package.json"), encoding="utf-8") as fh:
            versions[pkg] = json.load(fh)["version"]
    node_version = run_capture([a.node, "--version"], cwd).stdout.strip()

    stagecraft = Tool(
        "stagecraft",
        (lambda fs: sc_prefix + fs) if a.stagecraft_multi else None,
        lambda f: sc_prefix + [f],
        {0, 1},
        "" if a.stagecraft_multi else "one process per file (the command takes one file)",
    )
    dockerfilelint = Tool(
        "dockerfilelint",
        lambda fs: [a.node, dfl_bin] + fs,
        lambda f: [a.node, dfl_bin, f],
        None,
        "its CLI, all files as arguments",
    )
    dockerfile_utils = Tool(
        "dockerfile-utils",
        lambda fs: [a.node, du_all, "--modules", a.modules] + fs,
        lambda f: [a.node, du_bin, "lint", f],
        {0, 1},
        "(a) dockerfile-utils-all.js: validate() per file in one process; (b) its CLI `lint FILE`",
    )
    tools = [stagecraft, dockerfilelint, dockerfile_utils]
    references = [
        Tool("spawn floor (/bin/true)", None, lambda f: ["/bin/true", f], {0}, reference=True),
        Tool("node start-up (node -e 0)", None, lambda f: [a.node, "-e", "0"], {0}, reference=True),
        Tool("stagecraft --version", None, lambda f: [a.stagecraft, "--version"], {0}, reference=True),
    ]

    standin = a.stagecraft_mode == "parse-stand-in"
    log("=" * 100)
    log("Stagecraft vs. dockerfilelint and dockerfile-utils")
    log("=" * 100)
    if standin:
        log("")
        log("!" * 100)
        log(f"!!! STAND-IN: Stagecraft is run as `{' '.join(shlex.quote(x) for x in sc_prefix)} FILE`,")
        log("!!! NOT `stagecraft lint`. Its numbers measure parsing only, with no rules, and the 'whole corpus")
        log("!!! in one process' figure is one process PER FILE because that command takes one file.")
        log("!!! The targets below are NOT judged on real lint numbers. Rerun when `stagecraft lint` exists.")
        log("!" * 100)
    elif a.stagecraft_mode != "lint":
        log("")
        log(f"note: a custom Stagecraft command (STAGECRAFT_ARGS), not the default `lint --format gnu`"
            + ("" if a.stagecraft_multi else "; one process per file in (a) as well"))
    log("")
    log(f"corpus     {cwd}: {len(files)} Dockerfiles, {total_bytes:,} bytes (chosen by {chosen})")
    log(f"stagecraft {' '.join(shlex.quote(x) for x in sc_prefix)} FILE{'...' if a.stagecraft_multi else ''}"
        f"   [{a.stagecraft_mode}] {a.stagecraft_version}")
    log(f"peers      dockerfilelint {versions['dockerfilelint']}, dockerfile-utils {versions['dockerfile-utils']},"
        f" node {node_version}")
    log(f"runs       {a.runs} timed runs after 1 untimed warm-up/check run; medians reported")
    log(f"machine    {os.cpu_count()} cores, load average {load_start} at start, scheduling {scheduling()}")
    log("")

    # ------------------------------------------------------------------ warm-up and checks (untimed)
    log("warm-up and output check ...")
    checks: dict[str, dict] = {}
    expected_many: dict[str, object] = {}
    for t in tools:
        if t.many:
            p = run_capture(t.many(files), cwd)
            codes = p.returncode
        else:
            ps = [run_capture(t.one(f), cwd) for f in files]
            codes = [x.returncode for x in ps]
            p = subprocess.CompletedProcess(t.one("..."), 0, "".join(x.stdout for x in ps), "".join(x.stderr for x in ps))
        bad = [c for c in (codes if isinstance(codes, list) else [codes]) if t.ok_codes is not None and c not in t.ok_codes]
        if bad or (t.ok_codes is None and re.search(r"^\s+at .*\(.*:\d+:\d+\)$|Error:", p.stderr, re.M)):
            sys.stderr.write(p.stderr[-3000:])
            sys.exit(f"peerbench: {t.name} failed on the corpus (exit codes {sorted(set(bad)) or codes})")
        expected_many[t.name] = codes
        out = p.stdout
        if t.name == "stagecraft":
            if a.stagecraft_mode == "lint":
                findings = len(re.findall(r"^[^\n:]+:\d+:\d+ STG\d{3} ", out, re.M))
            else:
                findings = len(re.findall(r"^[^\n:]+:\d+:\d+ ", p.stderr, re.M))
        elif t.name == "dockerfilelint":
            # JSON only to count, not timed. To a file, not a pipe: dockerfilelint calls process.exit() right
            # after console.log, which cuts output to a pipe short at 64 KiB.
            with tempfile.TemporaryFile() as tmp:
                subprocess.run([a.node, dfl_bin, "-j"] + files, cwd=cwd, stdin=DEVNULL, stdout=tmp, stderr=DEVNULL)
                tmp.seek(0)
                try:
                    findings = json.load(tmp)["totalIssues"]
                except (ValueError, KeyError):
                    findings = None
        else:
            m = re.search(r"(\d+) diagnostics", p.stderr)
            findings = int(m.group(1)) if m else None
        checks[t.name] = {"findings": findings}
        log(f"  {t.name:<17} ok, {findings} findings on the corpus")
    expected_one: dict[tuple[str, str], int] = {}
    if not a.skip_one:
        for t in tools + references:
            for f in sample:
                code = run_capture(t.one(f), cwd).returncode
                if t.ok_codes is not None and code not in t.ok_codes:
                    sys.exit(f"peerbench: {t.name} failed on {f} (exit code {code})")
                expected_one[(t.name, f)] = code

    # ------------------------------------------------------------------ (a) whole corpus in one process
    log("")
    log(f"(a) whole corpus: {a.runs} runs ...")
    wall_a: dict[str, list[int]] = {t.name: [] for t in tools}
    cpu_a: dict[str, list[int]] = {t.name: [] for t in tools}
    for r in range(a.runs):
        for t in tools:  # interleaved, so drift in the machine's load hits every tool alike
            if t.many:
                w, c, code = run_once(t.many(files), cwd)
                if t.ok_codes is not None and code != expected_many[t.name]:
                    sys.exit(f"peerbench: {t.name} exit code {code} differs from the check run ({expected_many[t.name]})")
            else:
                w = c = 0
                for f in files:
                    w1, c1, code = run_once(t.one(f), cwd)
                    w, c = w + w1, c + c1
            wall_a[t.name].append(w)
            cpu_a[t.name].append(c)
        log(f"  run {r + 1}: " + ", ".join(f"{n} {ms(wall_a[n][-1]):.0f} ms" for n in wall_a))

    # ------------------------------------------------------------------ (b) one file at a time
    per_file: dict[str, dict[str, list[int]]] = {}
    per_file_cpu: dict[str, dict[str, list[int]]] = {}
    if not a.skip_one:
        log("")
        log(f"(b) one file at a time: {len(sample)} files x {a.runs} runs, a process per file ...")
        all_b = tools + references
        per_file = {t.name: {f: [] for f in sample} for t in all_b}
        per_file_cpu = {t.name: {f: [] for f in sample} for t in all_b}
        for r in range(a.runs):
            t_run = time.perf_counter_ns()
            for f in sample:
                for t in all_b:  # interleaved per file
                    w, c, code = run_once(t.one(f), cwd)
                    if t.ok_codes is not None and code != expected_one[(t.name, f)]:
                        sys.exit(f"peerbench: {t.name} on {f}: exit code {code} differs from the check run")
                    per_file[t.name][f].append(w)
                    per_file_cpu[t.name][f].append(c)
            log(f"  run {r + 1} done in {ms(time.perf_counter_ns() - t_run) / 1000:.1f} s")

    load_end = loadavg()

    # ------------------------------------------------------------------ results
    res_a = {}
    for t in tools:
        res_a[t.name] = {
            "command": t.note,
            "processes": 1 if t.many else len(files),
            "wall": summary(wall_a[t.name]),
            "cpu": summary(cpu_a[t.name]),
        }
    sc_a = statistics.median(wall_a["stagecraft"])
    sc_a_cpu = statistics.median(cpu_a["stagecraft"])
    peers = ["dockerfilelint", "dockerfile-utils"]
    for p in peers:
        res_a[p]["ratioToStagecraft"] = ratio(statistics.median(wall_a[p]), sc_a)
        res_a[p]["cpuRatioToStagecraft"] = ratio(statistics.median(cpu_a[p]), sc_a_cpu)
    faster_peer_a = min(peers, key=lambda p: statistics.median(wall_a[p]))
    ratio_a = res_a[faster_peer_a]["ratioToStagecraft"]
    faster_peer_a_cpu = min(peers, key=lambda p: statistics.median(cpu_a[p]))
    ratio_a_cpu = res_a[faster_peer_a_cpu]["cpuRatioToStagecraft"]

    res_b = {}
    if per_file:
        for name in per_file:
            # Each file's time is the median of its runs; then mean and median over the files.
            walls = [statistics.median(v) for v in per_file[name].values()]
            cpus = [statistics.median(v) for v in per_file_cpu[name].values()]
            res_b[name] = {
                "meanMs": round(ms(statistics.fmean(walls)), 3),
                "medianMs": round(ms(statistics.median(walls)), 3),
                "p90Ms": round(ms(sorted(walls)[math.ceil(0.9 * len(walls)) - 1]), 3),  # nearest rank
                "cpuMeanMs": round(ms(statistics.fmean(cpus)), 3),
                "cpuMedianMs": round(ms(statistics.median(cpus)), 3),
            }
        for p in peers:
            for k, src in (("ratioMean", "meanMs"), ("ratioMedian", "medianMs"), ("cpuRatioMean", "cpuMeanMs")):
                res_b[p][k] = ratio(res_b[p][src], res_b["stagecraft"][src])

    target_a = 20.0
    target_b = 5.0
    met_a = ratio_a is not None and ratio_a >= target_a
    met_b = bool(res_b) and res_b["stagecraft"]["meanMs"] <= target_b

    # ------------------------------------------------------------------ table
    log("")
    log(f"(a) whole corpus, {len(files)} files, one process per tool (median of {a.runs} runs)")
    log(f"  {'tool':<17} {'processes':>9} {'wall ms':>10} {'(min..max)':>19} {'CPU ms':>10} {'wall ratio':>10} {'CPU ratio':>10}")
    for t in tools:
        r = res_a[t.name]
        rat = "1" if t.name == "stagecraft" else f"{r['ratioToStagecraft']}x"
        crat = "1" if t.name == "stagecraft" else f"{r['cpuRatioToStagecraft']}x"
        mm = f"({r['wall']['minMs']:.0f}..{r['wall']['maxMs']:.0f})"
        log(f"  {t.name:<17} {r['processes']:>9} {r['wall']['medianMs']:>10.1f} {mm:>19} {r['cpu']['medianMs']:>10.1f} {rat:>10} {crat:>10}")
    log("  ratio = peer time / stagecraft time; above 1 means stagecraft is faster")
    if res_b:
        log("")
        log(f"(b) one file at a time, {len(sample)} files, a process per file (each file: median of {a.runs} runs)")
        log(f"  {'tool':<26} {'mean ms':>9} {'median ms':>10} {'p90 ms':>9} {'CPU mean':>9} {'ratio mean':>11} {'ratio median':>13}")
        for name, r in res_b.items():
            if name in peers:
                rm, rmed = f"{r['ratioMean']}x", f"{r['ratioMedian']}x"
            elif name == "stagecraft":
                rm = rmed = "1"
            else:
                rm = rmed = "-"
            log(f"  {name:<26} {r['meanMs']:>9.2f} {r['medianMs']:>10.2f} {r['p90Ms']:>9.2f} {r['cpuMeanMs']:>9.2f} {rm:>11} {rmed:>13}")
        log("  the last three rows are references, not compared: the cost of starting any process, a bare Node.js,")
        log("  and the stagecraft binary doing no work (its start-up floor)")

    log("")
    log("targets")
    verdict_a = "MET" if met_a else "NOT MET"
    verdict_b = "MET" if met_b else ("NOT MEASURED" if not res_b else "NOT MET")
    suffix = "   <-- STAND-IN numbers (parse, one process per file), not lint" if standin else ""
    log(f"  whole corpus >= {target_a:.0f}x faster than the faster peer ({faster_peer_a}): {ratio_a}x wall"
        f" ({ratio_a_cpu}x CPU vs {faster_peer_a_cpu}) -> {verdict_a}{suffix}")
    if res_b:
        log(f"  one file in a few ms (mean <= {target_b:.0f} ms): {res_b['stagecraft']['meanMs']:.2f} ms wall,"
            f" {res_b['stagecraft']['cpuMeanMs']:.2f} ms CPU -> {verdict_b}{suffix}")
    budget_a = statistics.median(wall_a[faster_peer_a]) / target_a
    log(f"  budget: to meet the first target in this run, stagecraft on the whole corpus must take at most"
        f" {ms(budget_a):.0f} ms wall ({faster_peer_a} {ms(statistics.median(wall_a[faster_peer_a])):.0f} ms / {target_a:.0f})")
    log(f"  load average {load_start} at start, {load_end} at end, on {os.cpu_count()} cores")
    if standin:
        log("")
        log("!!! STAND-IN run: `stagecraft lint` was not available; see the note at the top.")

    result = {
        "schema": "stagecraft-peerbench/1",
        "started": started.isoformat(timespec="seconds"),
        "finished": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": {
            "cores": os.cpu_count(),
            "platform": platform.platform(),
            "loadAverageStart": load_start,
            "loadAverageEnd": load_end,
            "scheduling": scheduling(),
        },
        "stagecraft": {
            "mode": a.stagecraft_mode,
            "standIn": standin,
            "command": sc_prefix,
            "manyFilesPerProcess": bool(a.stagecraft_multi),
            "version": a.stagecraft_version,
        },
        "peers": {"dockerfilelint": versions["dockerfilelint"], "dockerfile-utils": versions["dockerfile-utils"],
                  "node": node_version},
        "corpus": {"folder": cwd, "chosenBy": chosen, "files": len(files), "bytes": total_bytes,
                   "oneFileSample": len(sample)},
        "settings": {"runs": a.runs, "warmupRuns": 1, "timer": "perf_counter_ns + getrusage(RUSAGE_CHILDREN)",
                     "output": "/dev/null"},
        "checks": checks,
        "wholeCorpus": res_a,
        "oneFile": res_b,
        "targets": {
            "wholeCorpusRatio": {"target": target_a, "fasterPeer": faster_peer_a, "ratio": ratio_a,
                                 "budgetMs": round(ms(budget_a), 1),
                                 "cpuRatio": ratio_a_cpu, "met": met_a},
            "oneFileMeanMs": {"target": target_b,
                              "value": res_b["stagecraft"]["meanMs"] if res_b else None, "met": met_b},
        },
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.json)), exist_ok=True)
    with open(a.json, "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=2)
        fh.write("\n")
    log("")
    log(f"wrote {a.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
