"""What a visitor sees of the people on a built page, read back from the HTML.

The same reading applies to both variants: each element whose id starts with
``person-`` is one person shown; its entry is the card or list item around it,
its name is the entry's first external link (to the homepage), and the entry's
text must hold the affiliation and country. Links between pages are compared as
(text, href, title).
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from workshop import Workshop


def _entry(element):
    for candidate in [element, *element.parents]:
        if candidate.name == "li" or (candidate.name == "div" and "sd-card" in candidate.get("class", [])):
            return candidate
    return element


def read_page(path: Path) -> tuple[dict[str, tuple[str, str, str]], list[tuple[str, str, str]]]:
    """``({anchor: (name, homepage, text)}, [(text, href, title) of internal links])``."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    people = {}
    for element in article.find_all(id=lambda value: bool(value) and value.startswith("person-")):
        entry = _entry(element)
        link = entry.find("a", class_="external")
        text = " ".join(entry.get_text(" ").split())
        people[element["id"]] = (link.get_text() if link else "", link["href"] if link else "", text)
    # links within the site to a person or a slot (not the "¶" heading links)
    links = [
        (" ".join(a.get_text().split()), a["href"], a.get("title", ""))
        for a in article.find_all("a", class_="internal")
        if "#" in a.get("href", "") and "headerlink" not in a.get("class", [])
    ]
    return people, links


def program_rows(path: Path) -> list[str]:
    """The text of every row of the program tables, less roads_ext's calendar links and
    the line under each time that the visitor's own time fills (the venue's zone until then)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    for line in article.select(".roads-local-time"):
        line.decompose()
    return [
        " ".join(row.get_text(" ").replace("Add to calendar", "").split())
        for table in article.find_all("table") for row in table.find_all("tr")
    ]


def problems(workshop: Workshop, outdir: Path) -> list[str]:
    """Where the built site does not show the workshop's people as it should."""
    found = []
    for docname, expected in workshop.expected_people().items():
        people, _ = read_page(outdir / f"{docname}.html")
        if set(people) != set(expected):
            missing, extra = set(expected) - set(people), set(people) - set(expected)
            found.append(f"{docname}: anchors missing {sorted(missing)[:5]}, unexpected {sorted(extra)[:5]}")
        for anchor, (person, card) in expected.items():
            if anchor not in people:
                continue
            name, homepage, text = people[anchor]
            if (name, homepage) != (person.name, person.homepage):
                found.append(f"{docname}#{anchor}: name link {(name, homepage)!r}")
            for detail in (person.affiliation, person.country):
                if detail not in text:
                    found.append(f"{docname}#{anchor}: {detail!r} not shown")
            if card and person.talk not in text:
                found.append(f"{docname}#{anchor}: talk {person.talk!r} not shown")
    return found


def same_links(outdir_a: Path, outdir_b: Path, docnames) -> list[str]:
    """Pages whose links to people or slots, or whose program rows, differ between two builds."""
    found = []
    for docname in docnames:
        _, links_a = read_page(outdir_a / f"{docname}.html")
        _, links_b = read_page(outdir_b / f"{docname}.html")
        if links_a != links_b:
            differ = [(a, b) for a, b in zip(links_a, links_b) if a != b][:2]
            found.append(f"{docname}: links differ ({len(links_a)} and {len(links_b)}): {differ}")
        rows_a = program_rows(outdir_a / f"{docname}.html")
        rows_b = program_rows(outdir_b / f"{docname}.html")
        if rows_a != rows_b:
            differ = [(a, b) for a, b in zip(rows_a, rows_b) if a != b][:2]
            found.append(f"{docname}: program rows differ ({len(rows_a)} and {len(rows_b)}): {differ}")
    return found
