"""Build speed of a workshop site written with roads_ext against the same site by hand.

    python3 dev.py bench [--sizes small,medium,large] [--repeats 3] [--no-parallel]
                         [--profile] [--breakdown] [--instructions] [--against CHECKOUT]
                         [--results DIR]

(``dev.py bench`` runs this file with the project's ``.venv`` Python.) For each
size it generates a synthetic workshop (``workshop.py``), writes it twice (roads_ext
directives; plain MyST with sphinx-design cards and lists), checks that both
builds show the same people, names, homepage links, affiliations and anchors,
then measures:

* fresh ``-j 1`` builds, ``--repeats`` times each, the two variants alternating:
  median wall and CPU seconds, the ratio roads_ext / hand-written, the growth
  from one size to the next, and peak memory (``ru_maxrss`` of the build process);
* an incremental rebuild after one speaker's affiliation changed: the files an
  organizer edits, the pages Sphinx re-reads and re-writes, and its time. For
  roads_ext it is checked that only the page declaring the person is re-read and
  only the pages showing them (and the toctree page Sphinx always adds) are
  re-written; a mismatch makes the command fail;
* ``-j 1`` against ``-j 2`` at the largest size asked for;
* for the sizes with papers (``papers-500``, ``papers-5000``, ``conference``): the rebuild
  after one paper's title changed (roads_ext must re-read only the papers page), and for
  every size the largest page of each variant (HTML bytes) with the ratio of each figure.

It prints a Markdown table and a line about the machine, and writes both, with
the raw numbers as JSON, to ``bench/results/`` (not committed). ``--profile``
also runs cProfile over one roads_ext build of the largest size and writes the
statistics there; ``--breakdown`` times every transform, directive and event
handler of one build of each variant (wall seconds, without a profiler's
overhead); ``--instructions`` counts the machine instructions of one fresh build
of each variant with valgrind, a ratio the machine's load does not move;
``--against CHECKOUT`` also times another checkout's roads_ext (an older commit, say)
on the same sources, in turn with the two variants. Nothing here passes or fails on
time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from papers import PAGE as PAPERS_PAGE  # noqa: E402
from papers import paper_problems  # noqa: E402
from program import program_part  # noqa: E402
from targets import target_lines  # noqa: E402
from visible import problems, same_links  # noqa: E402
from workshop import SIZES, VARIANTS, Workshop  # noqa: E402

RESULTS = HERE / "results"
CHILD = HERE / "_child.py"
#: the roads_ext variant built with the roads_ext of ``--against``
AGAINST = "against"
# Builds run as a user's Python runs them: with cached bytecode. Without this, a
# machine that sets PYTHONDONTWRITEBYTECODE recompiles roads_ext (installed
# editable, so pip made no .pyc files) on every build, about 60 ms, while the
# libraries both variants use were compiled once by pip.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
EDITED_AFFILIATION = "Institute of Edited Affiliations"


@dataclass
class Project:
    """One variant of one size on disk."""

    root: Path
    workshop: Workshop
    variant: str
    program: object

    @property
    def srcdir(self) -> Path:
        return self.root / "src"

    @property
    def outdir(self) -> Path:
        return self.root / "html"

    @property
    def doctreedir(self) -> Path:
        return self.root / "doctrees"

    def write(self, workshop: Workshop | None = None) -> list[str]:
        """Write the sources (of ``workshop``, by default this one); the files changed."""
        changed = []
        for name, text in (workshop or self.workshop).files(self.variant, self.program).items():
            path = self.srcdir / name
            if path.exists() and path.read_text(encoding="utf-8") == text:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(name)
        return changed

    def job(self, fresh: bool = True, jobs: int = 1, profile: Path | None = None,
            breakdown: bool = False) -> dict:
        if fresh:
            shutil.rmtree(self.outdir, ignore_errors=True)
            shutil.rmtree(self.doctreedir, ignore_errors=True)
        return {
            "srcdir": str(self.srcdir), "outdir": str(self.outdir), "doctreedir": str(self.doctreedir),
            "fresh": fresh, "jobs": jobs, "profile": str(profile) if profile else None,
            "breakdown": breakdown,
        }

    def build(self, fresh: bool = True, jobs: int = 1, profile: Path | None = None,
              breakdown: bool = False, roads_ext_from: Path | None = None) -> dict:
        """One build in its own process; ``roads_ext_from``: another checkout of roads_ext
        (its ``src`` put first on the build's ``PYTHONPATH``)."""
        job = self.job(fresh, jobs, profile, breakdown)
        done = subprocess.run([sys.executable, str(CHILD), json.dumps(job)], capture_output=True, text=True,
                              env=child_env(roads_ext_from))
        if done.returncode != 0:
            raise SystemExit(f"build of {self.srcdir} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def instructions(self, roads_ext_from: Path | None = None) -> dict:
        """A fresh build's own machine instructions, counted by valgrind: the same from
        one run to the next (to about 0.1%), where its time moves by 10% or more with
        whatever else the machine does. Python's start and exit are left out.
        ``roads_ext_from``: as for :meth:`build`."""
        counts = {}
        for part, keys in (("startup", {"startup_only": True}), ("whole", {"exit_at_once": True})):
            job = {**self.job(), **keys}
            done = subprocess.run(
                ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                 sys.executable, str(CHILD), json.dumps(job)],
                # one hash seed: sets and dicts of strings are walked in one order, so the count
                # repeats (with a random seed it moves by several percent from run to run)
                capture_output=True, text=True, env={**child_env(roads_ext_from), "PYTHONHASHSEED": "0"},
            )
            counts[part] = instruction_count(done.stderr)
            if done.returncode != 0 or counts[part] is None:
                raise SystemExit(f"counted build of {self.srcdir} failed:\n{done.stderr[-3000:]}")
            if part == "whole":
                counts["collections"] = json.loads(done.stdout.strip().splitlines()[-1])["collections"]
        return {"instructions": counts["whole"] - counts["startup"], "collections": counts["collections"]}


def child_env(roads_ext_from: Path | None) -> dict[str, str]:
    """A build's environment; with ``roads_ext_from``, that checkout's ``src`` comes first
    on its ``PYTHONPATH``, so the build imports that roads_ext."""
    env = dict(CHILD_ENV)
    if roads_ext_from is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            part for part in (str(roads_ext_from / "src"), env.get("PYTHONPATH", "")) if part
        )
    return env


def against_description(checkout: Path) -> str:
    """The other checkout, and its commit when it is a git checkout."""
    done = subprocess.run(["git", "-C", str(checkout), "log", "-1", "--format=%h %s"],
                          capture_output=True, text=True)
    commit = done.stdout.strip()[:60] if done.returncode == 0 else ""
    return f"`{checkout}`" + (f", commit {commit}" if commit else "")


def instruction_count(valgrind_output: str) -> int | None:
    """The ``I refs`` total of a cachegrind run (``==123== I refs:   4,124,312,871``)."""
    found = re.search(r"\bI\s+refs:\s+([\d,]+)", valgrind_output)
    return int(found.group(1).replace(",", "")) if found else None


@dataclass
class SizeResult:
    name: str
    people: int
    slots: int
    pages: int
    slots_written: int
    papers: int = 0
    authors: int = 0
    rooms: int = 1
    fresh: dict[str, list[dict]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    incremental: dict[str, list[dict]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    parallel: dict[str, list[dict]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    counted: dict[str, dict] = field(default_factory=dict)
    accounting: list[str] = field(default_factory=list)
    #: after one paper's title changed (sizes with papers)
    paper_edit: dict[str, list[dict]] = field(default_factory=lambda: {v: [] for v in VARIANTS})
    #: variant -> (the largest page's file, its bytes)
    largest: dict[str, tuple[str, int]] = field(default_factory=dict)

    def median(self, runs: str, variant: str, what: str = "wall") -> float:
        return statistics.median(run[what] for run in getattr(self, runs)[variant])

    def peak(self, variant: str) -> float:
        return max(run["maxrss_mb"] for run in self.fresh[variant])


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def prepare(name: str, workdir: Path, program) -> dict[str, Project]:
    workshop = Workshop.generate(SIZES[name])
    projects = {}
    for variant in VARIANTS:
        root = workdir / name / variant
        shutil.rmtree(root, ignore_errors=True)
        projects[variant] = Project(root, workshop, variant, program)
        projects[variant].write()
    return projects


def largest_page(outdir: Path) -> tuple[str, int]:
    """The largest HTML page of a build: its file and its bytes (uncompressed)."""
    sizes = [(path.stat().st_size, path.relative_to(outdir).as_posix()) for path in outdir.rglob("*.html")]
    size, name = max(sizes) if sizes else (0, "")
    return name, size


def check_same_content(projects: dict[str, Project]) -> list[str]:
    """Build both variants once and compare what they show; the problems found."""
    found = []
    for variant, project in projects.items():
        run = project.build()
        found += [f"{variant}: warning: {line}" for line in run["warnings"]]
        found += [f"{variant}: {problem}" for problem in problems(project.workshop, project.outdir)]
        if project.workshop.papers:
            found += [f"{variant}: {p}" for p in paper_problems(project.workshop.papers, project.outdir)]
    docnames = ["index"] + [track.docname for track in projects["roads"].workshop.tracks]
    found += same_links(projects["roads"].outdir, projects["hand"].outdir, docnames)
    return found


def edit_one_speaker(project: Project, key: str, affiliation: str) -> dict:
    """Change one person's affiliation as an organizer would, rebuild, and account for it."""
    edited = project.workshop.with_affiliation(key, affiliation)
    changed = project.write(edited)
    # a file written within the same clock tick as the last build must still count as newer
    later = time.time() + 1
    for name in changed:
        os.utime(project.srcdir / name, (later, later))
    run = project.build(fresh=False)
    run["edited_files"] = sorted(changed)
    return run


def incremental(project: Project, repeats: int, program_on: bool) -> tuple[list[dict], list[str]]:
    """Edit one speaker back and forth; for roads_ext, check what was re-read and re-written."""
    workshop = project.workshop
    key = workshop.most_shown_speaker(program_on)
    original = workshop.people[key].affiliation
    shown = workshop.shown_on(key, program_on)
    # Sphinx itself re-writes the page whose toctree lists a re-read page
    expected_written = shown | {"index"}
    project.build()
    runs, mismatches = [], []
    for number in range(repeats):
        affiliation = EDITED_AFFILIATION if number % 2 == 0 else original
        run = edit_one_speaker(project, key, affiliation)
        run["person"] = workshop.people[key].name
        run["shown_on"] = sorted(shown)
        runs.append(run)
        if project.variant == "roads":
            if run["read"] != [workshop.declared_on(key)]:
                mismatches.append(f"re-read {run['read']}, expected only {workshop.declared_on(key)}")
            if set(run["written"]) != expected_written:
                mismatches.append(f"re-written {run['written']}, expected {sorted(expected_written)}")
        if run["warnings"]:
            mismatches.append(f"{project.variant}: warnings {run['warnings'][:3]}")
    project.write(workshop)
    return runs, mismatches


def edit_one_paper(project: Project, repeats: int) -> tuple[list[dict], list[str]]:
    """Change the title of the middle paper back and forth, as an organizer would (in the
    CSV, or in the hand-written page), and rebuild; for roads_ext, check that only the
    papers page was re-read."""
    workshop = project.workshop
    number = len(workshop.papers) // 2
    original = workshop.papers[number].title
    project.build()
    runs, mismatches = [], []
    for count in range(repeats):
        title = f"{original} (revised)" if count % 2 == 0 else original
        changed = project.write(workshop.with_paper_title(number, title))
        later = time.time() + 1
        for changed_name in changed:
            os.utime(project.srcdir / changed_name, (later, later))
        run = project.build(fresh=False)
        run["edited_files"] = sorted(changed)
        runs.append(run)
        if project.variant == "roads" and run["read"] != [PAPERS_PAGE]:
            mismatches.append(f"after a paper's edit re-read {run['read']}, expected only {PAPERS_PAGE}")
        if run["warnings"]:
            mismatches.append(f"{project.variant}: warnings {run['warnings'][:3]}")
    project.write(workshop)
    return runs, mismatches


def measure(name: str, args, results_dir: Path, program, largest: bool) -> SizeResult:
    size = SIZES[name]
    projects = prepare(name, results_dir / "work", program)
    result = SizeResult(name, size.people, size.slots, size.pages,
                        slots_written=size.slots if program else 0, papers=size.papers,
                        authors=size.authors, rooms=size.rooms)
    say(f"[{name}] {size.people} people, {size.slots} slots, {size.pages} pages, {size.papers} papers: "
        "checking both variants")
    found = check_same_content(projects)
    if found:
        raise SystemExit(f"[{name}] the two variants do not show the same thing:\n" + "\n".join(found[:20]))
    for variant, project in projects.items():
        result.largest[variant] = largest_page(project.outdir)
    timed = (*VARIANTS, AGAINST) if args.against else VARIANTS
    for number in range(args.repeats):
        # alternate, so that a change of load on the machine hits all alike
        order = timed if number % 2 == 0 else timed[::-1]
        for variant in order:
            if variant == AGAINST:
                run = projects["roads"].build(roads_ext_from=args.against)
            else:
                run = projects[variant].build()
            result.fresh.setdefault(variant, []).append(run)
            say(f"[{name}] fresh {variant} -j 1: {run['wall']:.2f} s wall, {run['cpu']:.2f} s CPU, "
                f"{run['maxrss_mb']:.0f} MB")
    if args.instructions:
        for variant in timed:
            if variant == AGAINST:
                result.counted[variant] = projects["roads"].instructions(roads_ext_from=args.against)
            else:
                result.counted[variant] = projects[variant].instructions()
            say(f"[{name}] {variant}: {result.counted[variant]['instructions'] / 1e9:.3f} billion "
                f"instructions, collector passes {result.counted[variant]['collections']}")
    for variant in VARIANTS:
        runs, mismatches = incremental(projects[variant], args.repeats, program is not None)
        result.incremental[variant] = runs
        result.accounting += [f"[{name}] {variant}: {m}" for m in mismatches]
        say(f"[{name}] incremental {variant}: {statistics.median(r['wall'] for r in runs):.2f} s, "
            f"read {runs[0]['read']}, written {runs[0]['written']}")
    if size.papers:
        for variant in VARIANTS:
            runs, mismatches = edit_one_paper(projects[variant], args.repeats)
            result.paper_edit[variant] = runs
            result.accounting += [f"[{name}] {variant}: {m}" for m in mismatches]
            say(f"[{name}] after a paper's edit {variant}: {statistics.median(r['wall'] for r in runs):.2f} s, "
                f"read {runs[0]['read']}")
    if largest and not args.no_parallel:
        for number in range(args.repeats):
            for variant in VARIANTS if number % 2 == 0 else VARIANTS[::-1]:
                run = projects[variant].build(jobs=2)
                result.parallel[variant].append(run)
                say(f"[{name}] fresh {variant} -j 2: {run['wall']:.2f} s wall")
    if largest and args.breakdown:
        lines = []
        for variant in VARIANTS:
            run = projects[variant].build(breakdown=True)
            lines.append(f"## {variant}: {run['cpu']:.2f} s CPU, {run['wall']:.2f} s wall\n")
            lines += [f"{seconds:8.3f}  {what}" for what, seconds in list(run["breakdown"].items())[:40]]
            lines.append("")
            if variant == "roads":
                own = {what: s for what, s in run["breakdown"].items() if "roads_ext" in what}
                say(f"[{name}] roads_ext's own transforms, directives and handlers: "
                    f"{sum(own.values()):.2f} s of {run['wall']:.2f} s wall")
                for what, seconds in list(own.items())[:8]:
                    say(f"    {seconds:6.3f}  {what}")
        report = results_dir / f"breakdown-{name}.txt"
        report.write_text("\n".join(lines))
        say(f"[{name}] breakdown written to {report}")
    if largest and args.profile:
        stats_file = results_dir / f"profile-{name}-roads.pstats"
        projects["roads"].build(profile=stats_file)
        report = results_dir / f"profile-{name}-roads.txt"
        with report.open("w") as out:
            stats = pstats.Stats(str(stats_file), stream=out).sort_stats("cumulative")
            stats.print_stats("roads_ext", 40)
            stats.sort_stats("tottime").print_stats(40)
        say(f"[{name}] profile written to {stats_file} and {report}")
    return result


# --- the report --------------------------------------------------------------------


def machine_line() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = ", ".join(
        f"{package} {metadata.version(package)}"
        for package in ("sphinx", "docutils", "myst-parser", "sphinx-design", "furo", "roads_ext")
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; {versions}; load average {load}")


def comparable(before: SizeResult, after: SizeResult) -> bool:
    """Whether a growth from one size to the next means something: both with papers or
    both without, and as many rooms (people grow 500 to 5,000, or papers do)."""
    return (before.papers == 0) == (after.papers == 0) and before.rooms == after.rooms


def paper_tables(results: list[SizeResult], repeats: int) -> list[str]:
    """The rebuild after one paper's edit, and the largest page of each variant."""
    lines = []
    with_papers = [r for r in results if r.paper_edit["roads"]]
    if with_papers:
        lines += ["", f"Rebuild after one paper's title changed (median of {repeats}):", "",
                  "| size | papers | roads_ext: files edited / re-read / re-written / s "
                  "| hand-written: files edited / re-read / re-written / s | ratio |",
                  "| --- | ---: | --- | --- | ---: |"]
        for r in with_papers:
            cells = []
            for variant in VARIANTS:
                runs = r.paper_edit[variant]
                cells.append(f"{len(runs[0]['edited_files'])} / {len(runs[0]['read'])} / "
                             f"{len(runs[0]['written'])} / {statistics.median(x['wall'] for x in runs):.2f}")
            ratio = r.median("paper_edit", "roads") / r.median("paper_edit", "hand")
            lines.append(f"| {r.name} | {r.papers} | {cells[0]} | {cells[1]} | {ratio:.2f} |")
    lines += ["", "The largest page of each variant (HTML, uncompressed):", "",
              "| size | roads_ext | hand-written | ratio |", "| --- | --- | --- | ---: |"]
    for r in results:
        (roads_page, roads_bytes), (hand_page, hand_bytes) = r.largest["roads"], r.largest["hand"]
        lines.append(f"| {r.name} | {roads_page}, {roads_bytes / 1024:.0f} KB | {hand_page}, "
                     f"{hand_bytes / 1024:.0f} KB | {roads_bytes / max(hand_bytes, 1):.2f} |")
    return lines


def table(results: list[SizeResult], program_note: str, machine_before: str, machine_after: str,
          repeats: int, against_label: str = "") -> str:
    lines = [
        f"Fresh HTML builds (furo theme), `-j 1`, median of {repeats}. Wall seconds, and CPU seconds "
        "(user + system of the build process), which another job on the machine disturbs less.",
        "",
        "| size | people | program slots | pages | papers (authors) | roads_ext s (CPU) | hand-written s (CPU) "
        "| ratio (CPU) | growth roads_ext (CPU) | growth hand-written (CPU) "
        "| peak memory roads_ext / hand-written (ratio) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    previous = None
    for r in results:
        roads, hand = r.median("fresh", "roads"), r.median("fresh", "hand")
        roads_cpu, hand_cpu = r.median("fresh", "roads", "cpu"), r.median("fresh", "hand", "cpu")
        if previous and comparable(previous, r):
            growth = (f"{roads / previous.median('fresh', 'roads'):.1f}x "
                      f"({roads_cpu / previous.median('fresh', 'roads', 'cpu'):.1f}x)",
                      f"{hand / previous.median('fresh', 'hand'):.1f}x "
                      f"({hand_cpu / previous.median('fresh', 'hand', 'cpu'):.1f}x)")
        else:
            growth = ("–", "–")
        slots = f"{r.slots_written}" if r.slots_written else f"0 of {r.slots}"
        lines.append(
            f"| {r.name} | {r.people} | {slots} | {r.pages} | {r.papers} ({r.authors}) | "
            f"{roads:.2f} ({roads_cpu:.2f}) | "
            f"{hand:.2f} ({hand_cpu:.2f}) | {roads / hand:.2f} ({roads_cpu / hand_cpu:.2f}) | "
            f"{growth[0]} | {growth[1]} | {r.peak('roads'):.0f} MB / {r.peak('hand'):.0f} MB "
            f"({r.peak('roads') / r.peak('hand'):.2f}) |"
        )
        previous = r
    against = [r for r in results if r.fresh.get(AGAINST)]
    if against:
        lines += [
            "",
            f"The same sources built by another roads_ext ({against_label}), in turn with the two "
            f"above (median of {repeats}, wall seconds; its warnings, if any, are counted):",
            "",
            "| size | roads_ext here | roads_ext there | hand-written | ratio here | ratio there "
            "| warnings there |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in against:
            here, there, hand = (r.median("fresh", v) for v in ("roads", AGAINST, "hand"))
            warnings = max(len(run["warnings"]) for run in r.fresh[AGAINST])
            lines.append(f"| {r.name} | {here:.2f} | {there:.2f} | {hand:.2f} | {here / hand:.2f} | "
                         f"{there / hand:.2f} | {warnings} |")
    counted = [r for r in results if r.counted]
    if counted:
        lines += [
            "",
            "Instructions of one fresh build of each (valgrind; Python's start and exit left out), "
            "and the passes of Python's cyclic collector (young / middle / all objects): both the "
            "same from run to run. A pass over all objects costs more time than its instructions "
            "say (it reads the whole memory of the build).",
            "",
            "| size | roads_ext (billions) | hand-written (billions) | ratio | collector passes "
            "roads_ext | collector passes hand-written |",
            "| --- | ---: | ---: | ---: | --- | --- |",
        ]
        for r in counted:
            roads, hand = r.counted["roads"], r.counted["hand"]
            lines.append(
                f"| {r.name} | {roads['instructions'] / 1e9:.3f} | {hand['instructions'] / 1e9:.3f} | "
                f"{roads['instructions'] / hand['instructions']:.3f} | "
                f"{' / '.join(map(str, roads['collections']))} | {' / '.join(map(str, hand['collections']))} |"
            )
        for r in (r for r in counted if AGAINST in r.counted):
            other, roads = r.counted[AGAINST], r.counted["roads"]
            lines.append(
                f"\nSize {r.name}, the same sources built by the other roads_ext ({against_label}): "
                f"{other['instructions'] / 1e9:.3f} billion instructions; this checkout's is "
                f"{roads['instructions'] / other['instructions']:.3f} times that."
            )
    lines += [
        "",
        f"Incremental rebuild after one speaker's affiliation changed (median of {repeats}):",
        "",
        "| size | person | shown on pages | roads_ext: files edited / re-read / re-written / s "
        "| hand-written: files edited / re-read / re-written / s | ratio |",
        "| --- | --- | ---: | --- | --- | ---: |",
    ]
    for r in results:
        cells = []
        for variant in VARIANTS:
            runs = r.incremental[variant]
            first = runs[0]
            cells.append(f"{len(first['edited_files'])} / {len(first['read'])} / {len(first['written'])} / "
                         f"{statistics.median(run['wall'] for run in runs):.2f}")
        first = r.incremental["roads"][0]
        ratio = r.median("incremental", "roads") / r.median("incremental", "hand")
        lines.append(f"| {r.name} | {first['person']} | {len(first['shown_on'])} | {cells[0]} | {cells[1]} "
                     f"| {ratio:.2f} |")
    lines += paper_tables(results, repeats)
    parallel = [r for r in results if r.parallel["roads"]]
    if parallel:
        r = parallel[-1]
        lines += ["", f"`-j 1` against `-j 2` at size {r.name} (median of {repeats}):", "",
                  "| variant | -j 1 (s) | -j 2 (s) | speed-up |", "| --- | ---: | ---: | ---: |"]
        for variant, label in zip(VARIANTS, ("roads_ext", "hand-written")):
            one, two = r.median("fresh", variant), r.median("parallel", variant)
            lines.append(f"| {label} | {one:.2f} | {two:.2f} | {one / two:.2f}x |")
        lines.append(f"| ratio roads_ext / hand-written | {r.median('fresh', 'roads') / r.median('fresh', 'hand'):.2f} "
                     f"| {r.median('parallel', 'roads') / r.median('parallel', 'hand'):.2f} | |")
    lines += target_lines(results)
    lines += ["", f"Program: {program_note}", "",
              f"Machine: {machine_before}", f"(load average at the end: {machine_after.rsplit('load average ', 1)[-1]})"]
    accounting = [line for r in results for line in r.accounting]
    lines += ["", "Incremental accounting: " + ("as expected (roads_ext re-read only the page declaring "
              "the person and re-wrote only the pages showing them)" if not accounting
              else "MISMATCH\n" + "\n".join(accounting))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="small,medium,large",
                        help=f"comma-separated, from {', '.join(SIZES)} (default: small,medium,large; "
                        "conference: 5,000 papers in 4 rooms over 3 days; papers-500,papers-5000: the "
                        "growth with papers)")
    parser.add_argument("--repeats", type=int, default=3, help="builds of each kind (default: 3)")
    parser.add_argument("--no-parallel", action="store_true", help="skip -j 2 at the largest size")
    parser.add_argument("--results", type=Path, default=RESULTS,
                        help="folder for the report, the raw numbers and the built projects "
                        "(default: bench/results)")
    parser.add_argument("--profile", action="store_true",
                        help="also cProfile one roads_ext build of the largest size")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="also time the roads_ext of another checkout (a folder with "
                        "src/roads_ext, such as a git worktree of an older commit) on the same "
                        "sources, in turn with the two variants")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of one fresh build of each variant "
                        "with valgrind (apt-get install valgrind): a ratio that the machine's "
                        "load does not move")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time every transform, directive and event handler in one "
                        "build of each variant at the largest size")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown or args.repeats < 1:
        parser.error(f"unknown size {unknown}" if unknown else "--repeats must be 1 or more")
    if args.against is not None:
        args.against = args.against.resolve()
        if not (args.against / "src" / "roads_ext" / "__init__.py").is_file():
            parser.error(f"--against {args.against}: no src/roads_ext there")
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (apt-get install valgrind)")
    results_dir: Path = args.results
    results_dir.mkdir(parents=True, exist_ok=True)
    program, program_note = program_part()
    say(f"program: {program_note}")
    machine_before = machine_line()
    results = [measure(name, args, results_dir, program, largest=(name == sizes[-1])) for name in sizes]
    report = table(results, program_note, machine_before, machine_line(), args.repeats,
                   against_description(args.against) if args.against else "")
    print(report)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (results_dir / f"build-speed-{stamp}.md").write_text(report + "\n")
    (results_dir / f"build-speed-{stamp}.json").write_text(json.dumps(
        [r.__dict__ for r in results], indent=1, default=str))
    say(f"written to {results_dir}/build-speed-{stamp}.md and .json")
    return 1 if any(r.accounting for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
