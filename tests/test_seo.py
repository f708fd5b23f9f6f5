"""Search engines and sharing on the real site: descriptions, OpenGraph, sitemap,
robots.txt and canonical URLs, with and without Read the Docs' canonical URL."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from roads_ext.output import social
from sitebuild import ROOT, build_site

BASE = "https://roads.example.org/en/latest/"
PAGES = sorted(p.stem for p in (ROOT / "docs").glob("*.md"))


def front_matter_description(page: str) -> str:
    text = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    found = re.search(r'^\s+description:\s*"(.*)"\s*$', text, re.MULTILINE)
    assert found, f"{page}.md has no description in its front matter"
    return found.group(1)


@pytest.fixture(scope="module")
def local_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local") / "html"
    result = build_site(out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hosted") / "html"
    result = build_site(out, baseurl=BASE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_describes_itself_for_search_and_sharing(hosted_site, page):
    html = soup(hosted_site, page)
    description = front_matter_description(page)
    assert [m["content"] for m in html.select('meta[name="description"]')] == [description]
    og = {m["property"]: m["content"] for m in html.select("meta[property^='og:']")}
    assert og["og:description"] == description
    assert og["og:title"] == html.select_one("h1").get_text().strip("#¶ \n")
    assert og["og:url"] == f"{BASE}{page}.html"
    assert og["og:image"] == f"{BASE}_static/roads-social-card.png"
    assert og["og:image:alt"]
    assert html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
    assert html.select_one('link[rel="canonical"]')["href"] == f"{BASE}{page}.html"


def test_social_image_is_a_generated_card(hosted_site):
    with Image.open(hosted_site / "_static" / "roads-social-card.png") as card:
        assert card.format == "PNG" and card.size == (1200, 630)
    assert (hosted_site / "_static" / "roads-social-card.png").stat().st_size < 100_000


def test_sitemap_lists_the_content_pages(hosted_site):
    tree = ET.parse(hosted_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = sorted(loc.text for loc in tree.getroot().findall("s:url/s:loc", ns))
    assert locations == sorted(f"{BASE}{page}.html" for page in PAGES if page != "404")


def test_robots_txt_allows_all_and_names_the_sitemap(hosted_site, local_site):
    assert (hosted_site / "robots.txt").read_text().splitlines() == [
        "User-agent: *", "Allow: /", f"Sitemap: {BASE}sitemap.xml"]
    assert (local_site / "robots.txt").read_text().splitlines() == ["User-agent: *", "Allow: /"]


def test_local_build_without_canonical_url(local_site):
    """No warning (checked by the fixture), no canonical link, no sitemap."""
    assert not (local_site / "sitemap.xml").exists()
    html = soup(local_site, "index")
    assert html.select('link[rel="canonical"]') == []
    assert html.select_one('meta[name="description"]')["content"] == front_matter_description("index")


def test_rebuild_names_the_sitemap_once(tmp_path):
    out = tmp_path / "html"
    for _ in range(2):
        result = build_site(out, baseurl=BASE)
        assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    assert (out / "robots.txt").read_text().count("Sitemap:") == 1


def test_bad_social_card_entries_are_warned_about_and_the_card_still_drawn(build_page):
    conf = 'project = "Roads Workshop"\nroads_social_card = {"subtitel": "x", "title": 5}\n'
    built = build_page("# Home\n", conf=conf)
    lines = built.warning_lines()
    assert len(lines) == 2, lines
    assert all(line.endswith("[roads.social]") for line in lines), lines
    assert "unknown key 'subtitel' (did you mean 'subtitle'?)" in lines[0]
    assert "'title' must be non-empty text, not 5" in lines[1]
    assert built.app.config.roads_social_card == {"title": "Roads Workshop"}
    with Image.open(Path(built.app.outdir, "_static", "roads-social-card.png")) as card:
        assert card.size == (1200, 630)


def test_social_card_is_redrawn_when_what_it_is_made_from_changes(build_page, monkeypatch):
    def card(**overrides) -> tuple[bytes, str]:
        built = build_page("# Home\n", conf='roads_social_card = {"subtitle": "A workshop"}\n', **overrides)
        folder = Path(built.app.doctreedir, "roads-social")
        return (folder / "roads-social-card.png").read_bytes(), (folder / "card.sha256").read_text()

    first = card(project="Roads 2025")
    assert card(project="Roads 2025") == first
    # the project's name is the default title
    renamed = card(project="Roads 2026")
    assert renamed[0] != first[0]
    # another version of the drawing code
    monkeypatch.setattr(social, "code_digest", lambda: "other code")
    assert card(project="Roads 2026")[1] != renamed[1]


DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def test_social_card_colours_and_fonts_are_settings(build_page):
    if not DEJAVU.is_file():
        pytest.skip("fonts-dejavu-core is not installed (.ci/run installs it)")
    conf = ('roads_social_card = {"title": "Example Workshop", "background": "#204020", '
            '"accent": "rgb(250, 10, 10)", "color": "white", "muted": "#cccccc", '
            '"font": "fonts/card.ttf"}\n')
    built = build_page("# Home\n", conf=conf, files={"fonts/card.ttf": DEJAVU.read_bytes()})
    assert built.warning_lines() == []
    with Image.open(Path(built.app.outdir, "_static", "roads-social-card.png")) as card:
        rgb = card.convert("RGB")
        assert rgb.getpixel((600, 600)) == (32, 64, 32)  # the background
        assert rgb.getpixel((10, 300)) == (250, 10, 10)  # the accent bar
        drawn = rgb
        plain = social.render_card("Example Workshop", style={"background": "#204020", "accent": "rgb(250, 10, 10)"})
        assert drawn.tobytes() != plain.tobytes()  # the font file was used for the title


def test_bad_social_card_colours_and_fonts_are_warned_about(build_page, tmp_path):
    outside = tmp_path / "outside.ttf"
    outside.write_bytes(b"not a font")
    conf = (f'roads_social_card = {{"background": "bluish", "font": "missing.ttf", '
            f'"title_font": "notafont.ttf", "accent": "#00f"}}\n'
            f'roads_social_card["font"] = {str(outside)!r}\n')
    built = build_page("# Home\n", conf=conf, files={"notafont.ttf": "plain text"})
    lines = built.warning_lines()
    assert len(lines) == 3 and all(line.endswith("[roads.social]") for line in lines), lines
    text = "\n".join(lines)
    assert "'background' is 'bluish', not a colour; write a CSS colour such as '#0e2a47'" in text
    assert "is outside the project (give a path inside the folder of conf.py)" in text
    assert "'title_font' file 'notafont.ttf' is not a font file Pillow can read" in text
    assert built.app.config.roads_social_card["accent"] == "#00f"
    with Image.open(Path(built.app.outdir, "_static", "roads-social-card.png")) as card:
        assert card.convert("RGB").getpixel((10, 300)) == (0, 0, 255)
