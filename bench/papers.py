"""The accepted papers of a synthetic conference, written twice with the same visible content.

``conference_papers(count, authors, names)`` makes ``count`` papers by ``authors``
distinct authors (:func:`author_names`: far from the site's own people's names, so that no author is
a declared person): four authors a paper, one in three hundred with an award, orals,
spotlights and posters, a poster session and board for each, keywords, and slides and code
on every other paper. It is written as

* ``roads``: ``papers.csv`` (the columns ``accepted-papers`` reads) and a page with
  ``accepted-papers papers.csv`` grouped by poster session, with its search box;
* ``hand``: the same page in plain MyST: a heading per session, a Markdown list of papers
  with the title linked, the badge's words, the authors, the material links and the board.

``paper_problems`` reads the papers back from a built page (the same reading for both) and
says where they differ from the data; roads_ext's BibTeX entries, schema.org data, search
box and its index are its own (their cost is in its time).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from bs4 import BeautifulSoup

KEYWORDS = ("sketching", "hashing", "sparsity", "compression", "retrieval", "inference",
            "streaming", "quantization", "pruning", "caching", "sampling", "indexing")
ADJECTIVES = ("Fast", "Sparse", "Scalable", "Robust", "Adaptive", "Provable", "Practical", "Learned")
AWARD_LABELS = {"best-paper": "Best paper", "honourable-mention": "Honourable mention"}
DECISION_LABELS = {"oral": "Oral", "spotlight": "Spotlight", "poster": "Poster"}
SESSIONS = 10
PAGE = "papers"


@dataclass(frozen=True)
class PaperData:
    key: str
    title: str
    authors: tuple[str, ...]
    decision: str
    award: str
    session: str
    board: str
    keywords: tuple[str, ...]
    slides: str = ""
    code: str = ""

    @property
    def anchor(self) -> str:
        return "paper-" + self.key.lower()

    @property
    def url(self) -> str:
        return f"https://papers.example.org/forum?id={self.key}"

    @property
    def pdf(self) -> str:
        return f"https://papers.example.org/pdf?id={self.key}"

    @property
    def badges(self) -> list[str]:
        return ([AWARD_LABELS[self.award]] if self.award else []) + [DECISION_LABELS[self.decision]]

    def links(self) -> set[str]:
        return {link for link in (self.url, self.pdf, self.slides, self.code) if link}


SYLLABLES = ("ka", "lo", "mi", "ren", "sa", "to", "vi", "zu", "ne", "ra", "bo", "li", "da", "fe",
             "go", "hu", "ja", "ke", "mo", "pe")


def author_names(first_names):
    """Distinct authors' names: a first name and a surname of three syllables, far from
    the site's own people's names (no author is taken for a misspelt speaker)."""
    for a in SYLLABLES:
        for b in SYLLABLES:
            for c in SYLLABLES:
                for first in first_names:
                    yield f"{first} {(a + b + c).capitalize()}"


def conference_papers(count: int, authors: int, names) -> list[PaperData]:
    """``count`` papers by ``authors`` distinct names from ``names`` (an iterator)."""
    pool = [name for _, name in zip(range(authors), names)]
    papers, boards = [], [0] * SESSIONS
    for number in range(count):
        topic = KEYWORDS[number % len(KEYWORDS)]
        session = number % SESSIONS
        boards[session] += 1
        decision = "oral" if number % 20 == 0 else "spotlight" if number % 10 == 5 else "poster"
        key = f"P{number + 1:05d}"
        papers.append(PaperData(
            key=key,
            title=f"{ADJECTIVES[number % len(ADJECTIVES)]} {topic} for large models, study {number + 1}",
            authors=tuple(pool[(4 * number + k) % len(pool)] for k in range(4)) if pool else (),
            decision=decision,
            award="best-paper" if number % 600 == 7 else "honourable-mention" if number % 300 == 11 else "",
            session=f"Poster session {session + 1}",
            board=str(boards[session]),
            keywords=(topic, KEYWORDS[(number // 3 + 5) % len(KEYWORDS)]),
            slides=f"https://slides.example.org/{key}.pdf" if number % 2 == 0 else "",
            code=f"https://code.example.org/{key}" if number % 2 == 0 else "",
        ))
    return papers


def edited(papers: list[PaperData], number: int, title: str) -> list[PaperData]:
    """The same papers after one paper's title was changed."""
    changed = list(papers)
    changed[number] = replace(changed[number], title=title)
    return changed


# --- writing ---------------------------------------------------------------------------


def roads_files(papers: list[PaperData]) -> dict[str, str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "authors", "url", "decision", "track", "pdf", "award", "session",
                     "board", "keywords", "slides", "code"])
    for p in papers:
        writer.writerow([p.key, p.title, "; ".join(p.authors), p.url, p.decision, "", p.pdf, p.award,
                         p.session, p.board, " | ".join(p.keywords), p.slides, p.code])
    page = ("# Accepted papers\n\n```{accepted-papers} papers.csv\n:group-by: session\n:search:\n"
            ":sort: file\n:bibtex: file\n```\n")
    return {"papers.csv": out.getvalue(), f"{PAGE}.md": page}


def hand_files(papers: list[PaperData]) -> dict[str, str]:
    sessions: dict[str, list[PaperData]] = {}
    for p in papers:
        sessions.setdefault(p.session, []).append(p)
    parts = ["# Accepted papers\n"]
    for session in sorted(sessions, key=lambda s: int(s.rsplit(" ", 1)[1])):
        members = sessions[session]
        parts.append(f"## {session} ({len(members)} papers)\n")
        for p in members:
            links = " · ".join(f"[{label}]({url})" for label, url in
                               (("PDF", p.pdf), ("Slides", p.slides), ("Code", p.code)) if url)
            authors = ", ".join(p.authors[:-1]) + f" and {p.authors[-1]}" if len(p.authors) > 1 else "".join(p.authors)
            parts.append(
                f"- [**{_md(p.title)}**]({p.url}){{#{p.anchor}}} {' '.join(p.badges)}\n\n"
                f"  {authors}\n\n  {links}\n\n  Poster session: {session} · Board {p.board}\n"
            )
    return {f"{PAGE}.md": "\n".join(parts)}


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


# --- reading back ----------------------------------------------------------------------


def read_papers(path: Path) -> dict[str, tuple[str, str, str, set[str]]]:
    """``{anchor: (title, title link, text, external links)}`` of every paper on a page: the
    element whose id starts with ``paper-`` and the list item around it."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    found = {}
    for element in article.find_all(id=lambda value: bool(value) and value.startswith("paper-")):
        entry = element if element.name == "li" else element.find_parent("li") or element
        links = [a for a in entry.find_all("a", href=True) if a["href"].startswith("https://")]
        first = links[0] if links else None
        text = " ".join(entry.get_text(" ").split())
        found[element["id"]] = (" ".join(first.get_text().split()) if first else "",
                                first["href"] if first else "", text, {a["href"] for a in links})
    return found


def paper_problems(papers: list[PaperData], outdir: Path) -> list[str]:
    """Where a built papers page does not show the papers as it should."""
    shown = read_papers(outdir / f"{PAGE}.html")
    for more in sorted(outdir.glob(f"{PAGE}-page-*.html")):  # a list in pages (:per-page:)
        shown.update(read_papers(more))
    problems = []
    if set(shown) != {p.anchor for p in papers}:
        missing = sorted({p.anchor for p in papers} - set(shown))[:5]
        problems.append(f"{PAGE}: {len(shown)} papers shown, {len(papers)} expected; missing {missing}")
    for p in papers:
        if p.anchor not in shown:
            continue
        title, link, text, links = shown[p.anchor]
        if (title, link) != (p.title, p.url):
            problems.append(f"{p.anchor}: title link {(title, link)!r}")
        if links != p.links():
            problems.append(f"{p.anchor}: links {sorted(links)}, expected {sorted(p.links())}")
        for words in (*p.authors, *p.badges, p.session, f"Board {p.board}"):
            if words not in text:
                problems.append(f"{p.anchor}: {words!r} not shown")
    return problems
