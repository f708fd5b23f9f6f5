"""The README's authoring guide is built as a page: its examples must work."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

README = Path(__file__).resolve().parent.parent / "README.md"


def section(title: str) -> str:
    text = README.read_text()
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else None]


def readme_logos() -> dict[str, bytes | str]:
    """The logo files the sponsors example names, made here."""
    import io

    from PIL import Image

    png = io.BytesIO()
    Image.new("RGBA", (600, 200), (10, 90, 160, 255)).save(png, format="PNG")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10"><rect width="30" height="10"/></svg>'
    return {"img/acme.svg": svg, "img/globex.png": png.getvalue()}


def test_the_authoring_guide_builds_with_no_warning(build_page):
    guide = section("Authoring guide")
    assert guide.count("```{") >= 5
    # one level up, so that the page starts at a level-1 heading
    page_source = re.sub(r"^(#+) ", lambda m: m.group(1)[1:] + " ", guide, flags=re.M)
    (csv,) = re.findall(r"```text\n(title,authors,.*?)```", guide, re.S)  # the accepted-papers example's file
    built = build_page(page_source, files={**readme_logos(), "papers.csv": csv})
    assert built.warning_lines() == []
    page = BeautifulSoup(built.html, "html.parser")
    sponsors = [(card.select_one(".roads-sponsor-name").get_text(), card.select_one("img, .roads-avatar").name)
                for card in page.select(".roads-sponsor-card")]
    assert sponsors == [("Acme Research", "img"), ("Globex Labs", "img"), ("Initech Foundation", "span")]
    names = {n.get_text() for n in page.select(".roads-speaker-card .roads-person-name")}
    assert names == {"Ada Lovelace", "Grace Hopper", "Katherine Johnson"}
    assert len(page.select("ul.roads-committee > li")) == 4
    assert len(page.select("ul.roads-topics > li")) == 3
    assert page.find("a", title="Ada Lovelace, Analytical Engines Ltd, UK")
    papers = [li.select_one(".roads-paper-title strong").get_text() for li in page.select("li.roads-paper")]
    assert papers == ["Learned Bloom Filters Revisited", "Sketches for Sparse Training, at Scale"]
    assert page.select_one("#paper-sketches-for-sparse-training-at-scale .roads-paper-authors a").get_text() == \
        "Ada Lovelace"
    shown = [b.get_text(" ", strip=True) for b in page.select(".roads-phase") if "roads-phase-off" not in b["class"]]
    # the guide's own dates and programs are in 2023 and 2024: the build is after them
    assert shown == ["Held on Thursday, June 8, 2023, at Example Conference."]


def test_the_rst_example_builds_with_no_warning(build_page):
    (example,) = [block for block in re.findall(r"```rst\n(.*?)```", section("Authoring guide"), re.S)
                  if "speaker-card" in block]
    built = build_page("Page\n====\n\n" + example, suffix=".rst")
    assert built.warning_lines() == []
    page = BeautifulSoup(built.html, "html.parser")
    # every directive of the guide is in the example, and each shows
    assert set(re.findall(r"[.][.] ([a-z-]+)::", example)) == {
        "speaker-card", "speakers", "committee", "topic-grid", "schedule", "important-dates"}
    assert ":person:" in example and ":ref:" in example
    assert [n.get_text() for n in page.select(".roads-speaker-card .roads-person-name")] == [
        "Ada Lovelace", "Grace Hopper"]
    assert len(page.select("ul.roads-committee > li")) == 1
    assert len(page.select(".roads-topic-card svg.roads-topic-icon")) == 1
    assert len(page.select(".roads-schedule tbody tr")) == 2
    assert len(page.select(".roads-dates tbody tr")) == 1
    assert page.find("a", href="#person-ada-lovelace", string="Ada Lovelace")
    assert page.find("a", href="#program") and page.find("a", href="#organizers")
