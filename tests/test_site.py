"""The ROADS site itself: every section of the workshop text, the way Read the
Docs builds it, and the builders other than HTML."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from sitebuild import build_site

ROOT = Path(__file__).resolve().parent.parent
#: Read the Docs' own schema of .readthedocs.yaml (public; a copy, to be refreshed by hand
#: from https://github.com/readthedocs/readthedocs.org's config-v2 schema when it changes)

PEOPLE = {
    "Jonathan Frankle": "http://www.jfrankle.com/",
    "Michael Mitzenmacher": "https://www.eecs.harvard.edu/~michaelm/",
    "Chen Luo": "http://chen-luo.com/",
    "Furong Huang": "http://furong-huang.com/",
    "Bilge Acun": "https://bilgeacun.github.io/",
    "Anshumali Shrivastava": "https://www.cs.rice.edu/~as143/",
    "Zhaozhuo Xu": "https://ottovonxu.github.io/",
    "Aditya Desai": "https://www.linkedin.com/in/aditya-desai-8078811a",
    "Vihan Lakshman": "https://vihan-lakshman.github.io/",
}
OPENREVIEW = "https://openreview.net/group?id=MLSys.org/2023/Workshop/ROADS"


def missing(what: str) -> None:
    """CI always has ../shared beside the clone; elsewhere the check is skipped."""
    if os.environ.get("CI"):
        pytest.fail(what)
    pytest.skip(what)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr
    return out


def page_text(site: Path, name: str) -> str:
    page = BeautifulSoup((site / name).read_text(), "html.parser")
    return " ".join(page.find("article").get_text().split())


def seed_sections() -> dict[str, str]:
    """The seed text's sections: heading -> its prose, with Markdown stripped."""
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        missing("the seed text (../shared/seeds) is not beside this checkout")
    text = seeds[0].read_text()
    sections = {}
    for block in re.split(r"^#+ ", text, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        sections[heading.strip()] = body
    return sections


def plain(markdown: str) -> list[str]:
    """The sentences of a Markdown block as a reader sees them."""
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    text = text.replace("**", "").replace("* ", "\n")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_the_site_builds_with_no_warning_and_has_every_seed_section(site):
    everything = " ".join(page_text(site, p.name) for p in site.glob("*.html") if p.name not in ("search.html", "genindex.html"))
    sections = seed_sections()
    assert set(sections) >= {"Workshop Summary", "Confirmed Speakers", "Organizing Committee",
                             "Call for Papers", "Scope", "Submission", "Contact"}
    for heading, body in sections.items():
        assert heading.replace("Research On", "Research On") in everything, heading
        for sentence in plain(body):
            if sentence.startswith(("---", "layout:")):
                continue
            # people lines are shown as cards and lists: name, affiliation and country
            match = re.match(r"^(.+?) \((.+)\)$", sentence)
            if match and heading in ("Confirmed Speakers", "Organizing Committee"):
                assert match.group(1) in everything
                continue
            if sentence.startswith("Contact the organizers:"):
                assert "zx22@rice.edu" in everything
                continue
            assert sentence in everything, f"{heading}: {sentence!r} is missing"


def test_landing_says_what_when_where_and_what_next(site):
    page = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    text = page_text(site, "index.html")
    assert "Research On Algorithms & Data Structures (ROADS) to Mega-AI Models Workshop" in text
    assert "MLSys 2023" in text and "Thursday, June 8, 2023" in text
    hrefs = [a["href"] for a in page.find("article").find_all("a", href=True)]
    assert OPENREVIEW in hrefs
    assert "speakers.html" in hrefs
    assert page.find("meta", attrs={"name": "description"})["content"].startswith("ROADS to Mega-AI Models")
    assert page.find("link", rel="icon")


def test_speakers_and_organizers_come_from_the_extension_with_homepages(site):
    speakers = BeautifulSoup((site / "speakers.html").read_text(), "html.parser")
    cards = speakers.find_all(class_="roads-speaker-card")
    assert len(cards) == 6
    for card in cards:
        link = card.find(class_="roads-person-name").a
        assert link["href"] == PEOPLE[link.text]
        assert card.find(class_="roads-avatar")  # no photos of real people
    organizers = BeautifulSoup((site / "organizers.html").read_text(), "html.parser")
    members = organizers.find("ul", class_="roads-committee").find_all("li", recursive=False)
    names = [m.find(class_="roads-person-name").get_text() for m in members]
    assert names == ["Zhaozhuo Xu", "Aditya Desai", "Vihan Lakshman", "Anshumali Shrivastava"]
    for member in members:
        assert member.find("a")["href"] == PEOPLE[member.find("a").text]
    # the speaker and organizer Anshumali Shrivastava is one person with one set of details
    assert members[-1].find(class_="roads-where").get_text() == "(Rice University/ThirdAI Corp, USA)"


def test_contact_is_a_mailto_link_and_there_is_a_404_page(site):
    contact = BeautifulSoup((site / "contact.html").read_text(), "html.parser")
    # docutils cloaks the address against harvesters; a mail program reads it back
    mailto = [unquote(a["href"]) for a in contact.find_all("a", href=True)]
    assert "mailto:zx22@rice.edu" in mailto
    assert "Page not found" in (site / "404.html").read_text()


@pytest.mark.parametrize("builder", ["text", "latex", "epub", "gettext", "dirhtml", "singlehtml"])
def test_other_builders_build_the_site_and_name_every_person(tmp_path, builder):
    out = tmp_path / builder
    result = build_site(out, builder=builder)
    assert result.returncode == 0, result.stderr
    output = " ".join(
        path.read_text(errors="ignore") for path in out.rglob("*")
        if path.is_file() and path.suffix in (".txt", ".tex", ".xhtml", ".pot", ".html")
    )
    for name in PEOPLE:
        assert name in output, f"{builder}: {name} is missing"
