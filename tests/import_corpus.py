"""The blind corpus of conference tools' exports (``tests/imports_blind/``): files in the
shapes pretalx, frab, Indico, Mini-Conf, CMT and HotCRP publish, written from the tools'
public documentation by someone who had not read the importer, each beside
``NAME.expected.json``, what a careful person reads in it (``tests/imports_blind/README.md``).

    python tests/import_corpus.py tests/imports_blind        # every file's score
    python tests/import_corpus.py tests/imports_blind -v     # and what differs

A schedule's slot is right when its day, start, end, title, speakers and room are all as
expected; a paper when its title, authors, decision, keywords, session and PDF are (each
as far as the expected file gives it). An e-mail address of the file found anywhere in
what the importer kept is a failure of its own.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from roads_ext.model.dates import Zone, parse_zone
from roads_ext.model.imports import papers_import, schedule_import

SOURCES = (".json", ".xml", ".csv")


@dataclass
class Score:
    name: str
    kind: str
    right: int = 0
    total: int = 0
    emails_kept: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)


def cases(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    found = []
    for expected in sorted(folder.glob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        sources = [folder / f"{stem}{suffix}" for suffix in SOURCES if (folder / f"{stem}{suffix}").is_file()]
        if sources:
            found.append((sources[0], json.loads(expected.read_text(encoding="utf-8"))))
    return found


def _words(text: object) -> str:
    return " ".join(str(text or "").split()).casefold()


def score_schedule(source: Path, expected: dict[str, Any]) -> Score:
    result = Score(source.name, "schedule", total=len(expected.get("slots", [])))
    zone, _ = parse_zone(expected.get("zone") or "UTC")
    imported = schedule_import(source.read_text(encoding="utf-8"), source.suffix, None, None)
    if imported is None:
        result.differences.append("not read as a tool's export")
        return result
    if imported.zone is None:
        imported.place(zone or Zone("UTC"))
    got = {}
    for slot in imported.program.slots():
        shown = {
            "date": slot.date.isoformat(),
            "start": f"{slot.start:%H:%M}",
            "end": f"{slot.end:%H:%M}" if slot.end else None,
            "title": slot.title or slot.heading,
            "speakers": [speaker.name for speaker in slot.speakers],
            "room": slot.location,
        }
        got.setdefault((shown["date"], shown["start"], _words(shown["title"])), shown)
    for want in expected.get("slots", []):
        key = (want.get("date"), want.get("start"), _words(want.get("title")))
        found = got.pop(key, None)
        if found is None:
            result.differences.append(f"missing {key}")
            continue
        wrong = [
            f"{name}: {found[name]!r} for {want[name]!r}"
            for name in ("end", "speakers", "room")
            if name in want and (found[name] if name != "room" else _words(found[name])) != (
                want[name] if name != "room" else _words(want[name])
            )
        ]
        if wrong:
            result.differences.append(f"{key}: " + "; ".join(wrong))
        else:
            result.right += 1
    result.differences.extend(f"not expected {key}" for key in got)
    return result


def score_papers(source: Path, expected: dict[str, Any]) -> Score:
    text = source.read_text(encoding="utf-8")
    wanted = [paper for paper in expected.get("papers", []) if paper.get("decision") != "rejected"]
    result = Score(source.name, "papers", total=len(wanted))
    read = papers_import(text, source.suffix, None)
    accepted = [paper for paper in read.papers if paper.decision not in ("rejected", "withdrawn", "submitted")]
    by_title = {_words(paper.title): paper for paper in accepted}
    for want in wanted:
        paper = by_title.pop(_words(want.get("title")), None)
        if paper is None:
            result.differences.append(f"missing {want.get('title')!r}")
            continue
        found = {
            "authors": list(paper.authors),
            "decision": paper.decision,
            "keywords": list(paper.keywords),
            "session": paper.session,
            "pdf": paper.pdf,
        }
        wrong = [f"{name}: {found[name]!r} for {want[name]!r}" for name in found if name in want and found[name] != want[name]]
        if wrong:
            result.differences.append(f"{want.get('title')!r}: " + "; ".join(wrong))
        else:
            result.right += 1
    result.differences.extend(f"not expected {paper.title!r}" for paper in by_title.values())
    kept = repr(read.papers)
    result.emails_kept = [email for email in expected.get("emails", []) if email and email in kept]
    return result


def score(source: Path, expected: dict[str, Any]) -> Score:
    return (score_papers if expected.get("kind") == "papers" else score_schedule)(source, expected)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).parent / "imports_blind"
    verbose = "-v" in argv
    results = [score(source, expected) for source, expected in cases(folder)]
    for result in results:
        flag = f", e-mails kept: {result.emails_kept}" if result.emails_kept else ""
        print(f"   {result.name}: {result.right}/{result.total} {result.kind}{flag}")
        if verbose:
            for line in result.differences:
                print(f"      {line}")
    for kind in ("schedule", "papers"):
        chosen = [r for r in results if r.kind == kind]
        print(
            f"{kind}: {sum(r.right for r in chosen)} of {sum(r.total for r in chosen)} "
            f"{'slots' if kind == 'schedule' else 'papers'} read right in {len(chosen)} files"
        )
    kept = sum(len(r.emails_kept) for r in results)
    print(f"e-mail addresses kept: {kept}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
