"""Search engines and sharing on the real site: descriptions, OpenGraph, sitemap,
robots.txt and canonical URLs, with and without Read the Docs' canonical URL."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

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
