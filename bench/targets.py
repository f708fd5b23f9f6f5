"""The build-speed targets, each beside what this run measured: the table the README keeps.

Each line is given only when the run measured what it needs: the conference's at size
``conference`` (its ``-j 2`` only when ``conference`` is the last size asked for, where
the bench runs ``-j 2``), the growths with both sizes of a pair. Wall seconds, medians;
CPU seconds in parentheses where the machine's load may have moved the wall ones.
"""

from __future__ import annotations

from typing import Any

#: (size, size): the growths the targets name, with the people and with the papers
GROWTHS = (("medium", "large", "500 to 5,000 people"), ("papers-500", "papers-5000", "500 to 5,000 papers"))


def _ratio(result: Any, runs: str, what: str = "wall") -> float:
    return result.median(runs, "roads", what) / result.median(runs, "hand", what)


def _verdict(met: bool) -> str:
    return "met" if met else "**not met**"


def target_lines(results: list[Any]) -> list[str]:
    """Markdown: the targets, what was measured, met or not."""
    by_name = {r.name: r for r in results}
    rows: list[tuple[str, str, str, bool]] = []
    conference = by_name.get("conference")
    if conference is not None:
        full, full_cpu = _ratio(conference, "fresh"), _ratio(conference, "fresh", "cpu")
        rows.append(("conference: full build", "at most 1.10x", f"{full:.2f}x ({full_cpu:.2f}x)", full <= 1.10))
        if conference.paper_edit["roads"]:
            edit = _ratio(conference, "paper_edit")
            rows.append(("conference: rebuild after one paper's edit", "at most 1.10x", f"{edit:.2f}x", edit <= 1.10))
        if conference.parallel["roads"]:
            gains = [conference.median("fresh", v) / conference.median("parallel", v) for v in ("roads", "hand")]
            rows.append(
                (
                    "conference: what `-j 2` gains",
                    "at least the hand-written site's",
                    f"{gains[0]:.2f}x (hand-written {gains[1]:.2f}x)",
                    gains[0] >= gains[1] - 0.005,
                )
            )
        largest = conference.largest
        if largest:
            rows.append(
                (
                    "conference: largest page",
                    "(reported)",
                    f"{largest['roads'][1] / 1024:.0f} KB (hand-written {largest['hand'][1] / 1024:.0f} KB)",
                    True,
                )
            )
    large = by_name.get("large")
    if large is not None:
        ratio, ratio_cpu = _ratio(large, "fresh"), _ratio(large, "fresh", "cpu")
        rows.append(("large workshop: full build", "at most 1.05x", f"{ratio:.2f}x ({ratio_cpu:.2f}x)", ratio <= 1.05))
    small = by_name.get("small")
    if small is not None:
        extra = small.median("fresh", "roads") - small.median("fresh", "hand")
        extra_cpu = small.median("fresh", "roads", "cpu") - small.median("fresh", "hand", "cpu")
        rows.append(
            (
                "small workshop: fixed cost",
                "at most 100 ms over hand-written",
                f"{extra * 1000:+.0f} ms ({extra_cpu * 1000:+.0f} ms CPU)",
                extra <= 0.100,
            )
        )
    for name in ("small", "medium", "large", "conference"):
        result = by_name.get(name)
        if result is not None and result.incremental["roads"]:
            edit = _ratio(result, "incremental")
            rows.append((f"{name}: rebuild after one speaker's edit", "at most 1.10x", f"{edit:.2f}x", edit <= 1.10))
    for first, second, label in GROWTHS:
        if first in by_name and second in by_name:
            before, after = by_name[first], by_name[second]
            roads = after.median("fresh", "roads") / before.median("fresh", "roads")
            hand = after.median("fresh", "hand") / before.median("fresh", "hand")
            rows.append(
                (
                    f"growth from {label}",
                    "no worse than hand-written",
                    f"{roads:.2f}x (hand-written {hand:.2f}x)",
                    roads <= hand + 0.005,
                )
            )
    if not rows:
        return []
    lines = ["", "The targets, against the hand-written site in the same run:", "",
             "| target | asked | measured (roads_ext / hand-written) | |", "| --- | --- | --- | --- |"]
    lines += [f"| {what} | {asked} | {measured} | {_verdict(met) if asked != '(reported)' else ''} |"
              for what, asked, measured, met in rows]
    return lines
