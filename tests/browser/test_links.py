"""No broken internal link or anchor in the built site, checked offline over its HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from .browserkit import PAGES

pytestmark = pytest.mark.browser

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset", "iframe": "src"}


def ids_of(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {t["id"] for t in soup.select("[id]")} | {t["name"] for t in soup.select("a[name]")}
    return cache[path]


def internal_targets(html_file: Path, base: str) -> list[tuple[str, str]]:
    """(as written, absolute URL) of every link that stays on the site."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    page_url = urljoin(base, html_file.name)
    found = []
    for tag, attr in LINK_ATTRS.items():
        for element in soup.find_all(tag):
            value = element.get(attr)
            if not value:
                continue
            candidates = [part.split()[0] for part in value.split(",")] if attr == "srcset" else [value]
            for written in candidates:
                absolute = urljoin(page_url, written)
                if absolute.startswith(base):
                    found.append((written, absolute))
    # CSS url(...) in inline styles
    for written in re.findall(r"url\(['\"]?([^'\")]+)", html_file.read_text(encoding="utf-8")):
        if not written.startswith("data:"):
            absolute = urljoin(page_url, written)
            if absolute.startswith(base):
                found.append((written, absolute))
    return found


def broken_links(out: Path, base: str, page: str) -> list[str]:
    cache: dict[Path, set[str]] = {}
    problems = []
    for written, absolute in internal_targets(out / f"{page}.html", base):
        parsed = urlparse(absolute)
        relative = unquote(parsed.path[len(urlparse(base).path):])
        target = out / relative
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{written}: no file {relative}")
            continue
        if parsed.fragment and target.suffix == ".html" and unquote(parsed.fragment) not in ids_of(target, cache):
            problems.append(f"{written}: no anchor #{parsed.fragment} in {relative}")
    return problems


@pytest.mark.parametrize("page", PAGES)
def test_no_broken_internal_link_or_anchor(site, page):
    base, out = site
    assert internal_targets(out / f"{page}.html", base), "the page links nowhere: the checker saw nothing"
    assert broken_links(out, base, page) == []


def test_checker_finds_a_broken_anchor_and_file(tmp_path):
    (tmp_path / "a.html").write_text('<p id="here"><a href="b.html#nowhere">x</a> <a href="c.html">y</a>'
                                     ' <a href="a.html#here">z</a> <img src="_images/gone.webp"></p>')
    (tmp_path / "b.html").write_text('<p id="somewhere">b</p>')
    assert broken_links(tmp_path, "http://127.0.0.1:1/", "a") == [
        "b.html#nowhere: no anchor #nowhere in b.html",
        "c.html: no file c.html",
        "_images/gone.webp: no file _images/gone.webp",
    ]
