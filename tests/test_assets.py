"""Pages load only what they use: no highlighting stylesheet without code, no tab script
without tabs, sphinx-design's stylesheet cut to the rules of the classes in the site."""

from __future__ import annotations

from pathlib import Path

import pytest
import sphinx_design
from bs4 import BeautifulSoup

from roads_ext.assets import CUT_CSS, cut_stylesheet

CARDS = """\
# Home

```{speaker-card} Ada Example
:affiliation: Example University
```
"""
CODE = "\n```python\nprint('hello')\n```\n"
TABS = "\n::::{tab-set}\n:::{tab-item} One\nFirst\n:::\n:::{tab-item} Two\nSecond\n:::\n::::\n"
#: sphinx-design's whole stylesheet (style.min.css in its package before 0.7)
ORIGINAL = next(path for path in Path(sphinx_design.__file__).parent.rglob("*.min.css"))


def assets(built) -> tuple[list[str], list[str]]:
    html = BeautifulSoup(Path(built.app.outdir, "index.html").read_text(), "html.parser")
    css = [link["href"].split("?")[0] for link in html.find_all("link", rel="stylesheet")]
    js = [script["src"].split("?")[0] for script in html.find_all("script", src=True)]
    return css, js


def test_a_page_without_code_or_tabs_loads_neither(build_page):
    built = build_page(CARDS, conf='extensions.append("sphinx_design")\n')
    css, js = assets(built)
    assert "_static/pygments.css" not in css
    assert not [src for src in js if "design-tabs" in src]
    assert f"_static/{CUT_CSS}" in css and "_static/sphinx-design.min.css" not in css
    cut = Path(built.app.outdir, "_static", CUT_CSS).read_text()
    assert ".sd-card{" in cut and ".sd-tab-set" not in cut and ".sd-dropdown" not in cut
    assert len(cut) < ORIGINAL.stat().st_size / 4
    # html_static_path is as conf.py left it: the next build does not see a changed configuration
    assert not [p for p in built.app.config.html_static_path if "sphinx_design" in p or "roads_ext" in p]


def test_a_page_with_code_gets_the_highlighting_stylesheet(build_page):
    css, _ = assets(build_page(CARDS + CODE, conf='extensions.append("sphinx_design")\n'))
    assert "_static/pygments.css" in css


def test_a_page_with_tabs_gets_the_tab_script_and_styles(build_page):
    built = build_page(CARDS + TABS, conf='extensions.append("sphinx_design")\n')
    _, js = assets(built)
    assert "_static/design-tabs.js" in js
    assert Path(built.app.outdir, "_static", "design-tabs.js").is_file()
    assert ".sd-tab-set" in Path(built.app.outdir, "_static", CUT_CSS).read_text()


def test_cut_stylesheet_keeps_media_blocks_and_plain_rules():
    css = (":root{--sd-x:1}.sd-a{color:red}.sd-b,.sd-a:hover{color:blue}"
           "@media (min-width:576px){.sd-a{margin:0}.sd-b{margin:1px}}@media print{.sd-b{x:y}}")
    assert cut_stylesheet(css, {"sd-a"}) == (
        ":root{--sd-x:1}.sd-a{color:red}.sd-a:hover{color:blue}@media (min-width:576px){.sd-a{margin:0}}")


def test_a_furo_page_shows_its_theme_button_from_the_first_paint(build_page):
    """furo hides its theme button under ``<html class="no-js">`` and removes the class once
    the page is read: the button then appeared after the first paint and moved the header's
    other button (a layout shift). The class goes in the head, before anything is drawn."""
    built = build_page(CARDS, conf='html_theme = "furo"\n')
    html = BeautifulSoup(Path(built.app.outdir, "index.html").read_text(), "html.parser")
    assert "no-js" in html.html["class"]  # furo's template, as it is: without scripts, no button
    inline = [script.string for script in html.head.find_all("script", src=False) if script.string]
    assert 'document.documentElement.classList.remove("no-js")' in inline
    assert not [s for s in html.body.find_all("script", src=False) if s.string and "no-js" in s.string]


def test_another_theme_gets_no_such_script(build_page):
    built = build_page(CARDS, conf='html_theme = "alabaster"\n')
    assert "no-js" not in Path(built.app.outdir, "index.html").read_text()


def times_script(built) -> list[str]:
    return [src for src in assets(built)[1] if src.endswith("roads-times.js")]


def test_a_page_with_nothing_for_the_times_script_does_not_load_it(build_page):
    """roads-times.js fills the visitor's own times, the important dates' states and an old
    page's phase: a page of cards has none of them."""
    built = build_page(CARDS)
    assert times_script(built) == []
    assert Path(built.app.outdir, "_static", "roads-times.js").is_file()  # for the pages that do


@pytest.mark.parametrize(("source", "suffix"), [
    ("# Program\n\n```{schedule} Thursday, June 8, 2023\n:timezone: America/New_York\n"
     ":location: Room 3, Example Center\n\n"
     "- 8:30am-8:40am - Opening remarks\n```\n", ".md"),
    ("Dates\n=====\n\n.. important-dates::\n\n   - Paper submission: May 1, 2023 (AoE)\n", ".rst"),
])
def test_a_page_with_times_or_dates_loads_the_times_script(build_page, source, suffix):
    built = build_page(source, suffix=suffix)
    assert built.warning_lines() == []
    assert times_script(built) == ["_static/roads-times.js"]


def test_uses_times_script_reads_classes_not_words():
    from roads_ext.assets import uses_times_script

    assert uses_times_script('<p class="roads-zone-note">', "")
    assert uses_times_script('<time class="x roads-time" datetime="2023-06-08T09:00">', "")
    assert uses_times_script("", '<script type="application/json" id="roads-phase-data">{}</script>')
    assert not uses_times_script('<p class="roads-times-demo">roads-time</p>', "")
