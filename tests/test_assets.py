"""Pages load only what they use: no highlighting stylesheet without code, no tab script
without tabs, sphinx-design's stylesheet cut to the rules of the classes in the site."""

from __future__ import annotations

import gc
import zlib
from pathlib import Path

import pytest
import sphinx_design
from bs4 import BeautifulSoup

from roads_ext.core.build import cyclic_collector_paused
from roads_ext.output.assets import CUT_CSS
from roads_ext.output.css import Styles, _keep, _live_properties, _parsed, _prune, _render, _rules, minify

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


def cut_stylesheet(css: str, used: set[str], tags: set[str] | None = None) -> str:
    """The rules of ``css`` that name only classes in ``used`` (and elements in ``tags``)."""
    return _render(_keep(_parsed(css), used, tags))


def prune_custom_properties(css: str, read_elsewhere: set[str]) -> str:
    """``css`` without the custom properties nothing reads."""
    tree = _parsed(css)
    return _render(_prune(tree, _live_properties(tree, read_elsewhere)))


def page_styles(css: str, used: set[str], tags: set[str], read_elsewhere: set[str]) -> str:
    return Styles(_parsed(css)).cut(used, tags, read_elsewhere)


def assets(built, page: str = "index.html") -> tuple[list[str], list[str]]:
    html = BeautifulSoup(Path(built.app.outdir, page).read_text(), "html.parser")
    css = [link["href"].split("?")[0] for link in html.find_all("link", rel="stylesheet")]
    js = [script["src"].split("?")[0] for script in html.find_all("script", src=True)]
    return css, js


def inline_styles(built, page: str = "index.html") -> str:
    """The site's styles a page carries in its head ("" when it has none)."""
    app = getattr(built, "app", built)
    html = BeautifulSoup(Path(app.outdir, page).read_text(), "html.parser")
    block = html.head.find("style", id="roads-styles")
    return block.string if block is not None else ""


def test_a_page_without_code_or_tabs_loads_neither(build_page):
    built = build_page(CARDS, conf='extensions.append("sphinx_design")\n')
    css, js = assets(built)
    assert "_static/pygments.css" not in css
    assert not [src for src in js if "design-tabs" in src]
    assert "_static/sphinx-design.min.css" not in css and f"_static/{CUT_CSS}" not in css
    styles = inline_styles(built)
    assert ".sd-card{" in styles and ".sd-tab-set" not in styles and ".sd-dropdown" not in styles
    cut = Path(built.app.outdir, "_static", CUT_CSS).read_text()
    assert ".sd-card{" in cut and len(cut) < ORIGINAL.stat().st_size / 4
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
    assert ".sd-tab-set" in inline_styles(built)


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


PROGRAM = ("# Program\n\n```{schedule} Thursday, June 8, 2023\n:timezone: America/New_York\n"
           ":location: Room 3, Example Center\n\n- 8:30am-8:40am - Opening remarks\n```\n")


def test_a_page_of_important_dates_keeps_their_labels_in_step_in_its_head(build_page, monkeypatch):
    """The dates' Passed/Next labels (as an old page's phase) are put in step by the head's
    script, before the page is drawn: a date with a time still gets the visitor's own,
    from roads-times.js once drawn; a day alone needs no script."""
    from roads_ext.phases import FOLLOW_DATES

    source = ("Dates\n=====\n\n.. important-dates::\n\n   - Paper submission: May 1, 2023 (AoE)\n"
              "   - Talks: June 8, 2023, 9:00 AM (America/New_York)\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1672531200")  # built on 1 January 2023
    built = build_page(source, suffix=".rst")
    assert built.warning_lines() == []
    html = BeautifulSoup(Path(built.app.outdir, "index.html").read_text(), "html.parser")
    head = [script.string for script in html.head.find_all("script", src=False) if script.string]
    assert any(FOLLOW_DATES in script for script in head)
    # the head's script may make a row passed: the page keeps the rules for that state,
    # though no row had it when the page was built
    assert not html.select("tr.roads-date-passed")
    assert "tr.roads-date-passed .roads-state-passed" in inline_styles(built)
    assert html.select_one("script[data-src]")["data-src"].startswith("_static/roads-times.js?v=")
    built = build_page(source.split("   - Talks")[0], suffix=".rst")
    assert times_script(built) == [] and not Path(built.app.outdir, "index.html").read_text().count("data-src")


def test_a_page_with_only_program_times_loads_the_script_once_drawn(build_page):
    """The visitor's own times fill lines whose height is reserved: the script is loaded
    once the page is loaded and drawn, with the same settings, by a loader in the page."""
    from roads_ext.output.assets import AFTER_PAINT_LOADER

    built = build_page(PROGRAM)
    assert built.warning_lines() == []
    assert times_script(built) == []
    html = BeautifulSoup(Path(built.app.outdir, "index.html").read_text(), "html.parser")
    loader = html.select_one("script[data-src]")
    script = Path(built.app.outdir, "_static", "roads-times.js").read_bytes()
    assert loader["data-src"] == f"_static/roads-times.js?v={zlib.crc32(script):08x}"
    assert loader.string == AFTER_PAINT_LOADER
    assert loader["data-roads-your-time"] == "%(times)s your time"
    assert loader["data-roads-hour-cycle"] == "h12"
    assert not loader.has_attr("defer") and not loader.has_attr("src")


def test_uses_times_script_reads_classes_not_words():
    from roads_ext.output.assets import uses_times_script

    assert uses_times_script('<p class="roads-zone-note">')
    assert uses_times_script('<time class="x roads-time" datetime="2023-06-08T09:00">')
    assert not uses_times_script('<p class="roads-times-demo">roads-time</p>')
    # the important dates' labels are the head's (phases.py), not the script's
    assert not uses_times_script('<table class="roads-dates-table">')


# --- one stylesheet, in the page ----------------------------------------------------------

FURO_SITE = 'html_theme = "furo"\nhtml_static_path = ["_static"]\nhtml_css_files = ["site.css"]\n'
SITE_CSS = "/* the site's own */\nh1 {\n  letter-spacing: 0.01em;\n}\n.site-unused {\n  color: red;\n}\n"


def test_a_furo_page_carries_the_styles_it_uses_in_one_block_in_order(build_page):
    """furo's cut stylesheet, sphinx-design's, roads.css, furo's extensions and the site's
    own (html_css_files), in the order the page listed them, cut to what the page uses:
    one block, no request."""
    built = build_page(CARDS, conf=FURO_SITE, files={"_static/site.css": SITE_CSS})
    css, _ = assets(built)
    assert css == []
    styles = inline_styles(built)
    site = Path(built.app.outdir, "_static", "roads-styles.css").read_text()
    markers = [".sidebar-drawer{", ".sd-card{", ".roads-speaker-card .sd-card-body{display:flex;",
               "#furo-sidebar-ad-placement{", "h1{\n  letter-spacing: 0.01em;\n}"]
    positions = [styles.index(marker) for marker in markers]
    assert positions == sorted(positions)
    in_file = [site.index(marker) for marker in markers[:-1]]
    assert in_file == sorted(in_file) and site.endswith(SITE_CSS)  # the site's own, as written, last
    # the page's cut of the site's file: a rule for a class no page has is in neither,
    # the site's own rules stay in the file as written, and the page has less than the site
    assert ".site-unused" in site and ".site-unused" not in styles
    assert ".sd-tab-set" not in site and len(styles) < len(site)


def test_linked_when_roads_inline_styles_is_false(build_page):
    built = build_page(CARDS, conf=FURO_SITE + "roads_inline_styles = False\n",
                       files={"_static/site.css": SITE_CSS})
    css, _ = assets(built)
    assert css == ["_static/roads-styles.css"]
    assert inline_styles(built) == ""
    html = Path(built.app.outdir, "index.html").read_text()
    text = Path(built.app.outdir, "_static", "roads-styles.css").read_bytes()
    assert f'roads-styles.css?v={zlib.crc32(text):08x}"' in html


@pytest.mark.parametrize("site", [
    '@import url("fonts.css");\n' + SITE_CSS,  # works only at the top of a file
    SITE_CSS + ".site-unclosed { color: red;\n",  # the browser closes it at the end
    SITE_CSS + "}\n.site-after { color: red; }\n",  # one brace too many
    SITE_CSS + '.site-quote::before { content: "}"; }\n',  # a brace in a string
])
def test_a_site_stylesheet_the_cutting_cannot_read_safely_stays_a_file_of_its_own(build_page, site):
    """Such a stylesheet is linked after the block, as written, for the browser to read
    as it always did: cut in the block, a rule of it could be lost."""
    built = build_page(CARDS, conf=FURO_SITE, files={"_static/site.css": site})
    css, _ = assets(built)
    assert css == ["_static/site.css"]
    styles = inline_styles(built)
    assert ".roads-speaker-card" in styles and "letter-spacing: 0.01em" not in styles
    assert Path(built.app.outdir, "_static", "site.css").read_text() == site


def test_braces_in_a_comment_do_not_keep_a_stylesheet_out(build_page):
    site = "/* { an aside } } */\n" + SITE_CSS
    built = build_page(CARDS, conf=FURO_SITE, files={"_static/site.css": site})
    assert assets(built)[0] == []
    assert "h1{\n  letter-spacing: 0.01em;\n}" in inline_styles(built)


def test_a_relative_url_is_linked_not_inlined_and_still_found(build_page):
    """``url(../img/x.svg)`` in ``_static/css/site.css`` is read from ``_static/`` in the
    combined file (``img/x.svg``); in a page it would be read from the page's folder, so the
    combined file is linked."""
    conf = ('html_theme = "furo"\nhtml_static_path = ["_static"]\n'
            'html_css_files = ["css/site.css"]\n')
    site = ".site-lead { background: url(../img/x.svg) no-repeat; }\n"
    built = build_page(CARDS, conf=conf, files={"_static/css/site.css": site, "_static/img/x.svg": "<svg/>"})
    css, _ = assets(built)
    assert css == ["_static/roads-styles.css"]
    combined = Path(built.app.outdir, "_static", "roads-styles.css").read_text()
    assert "url(img/x.svg)" in combined and "../img" not in combined


def test_a_page_written_before_gets_the_styles_of_the_new_build(build_page, make_app, tmp_path):
    """A page Sphinx does not rewrite (a stylesheet of html_static_path changed, no page)
    still gets this build's styles, as a fresh build gives them."""
    files = {"other.md": "# Other\n\nText.\n", "_static/site.css": SITE_CSS}
    build_page(CARDS + "\n```{toctree}\nother\n```\n", conf=FURO_SITE, files=files)
    srcdir = tmp_path / "src"
    (srcdir / "_static" / "site.css").write_text(SITE_CSS.replace("0.01em", "0.02em"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    outdir = Path(app.outdir)
    written = [line for line in app._status.getvalue().splitlines() if "writing output" in line]
    assert not [line for line in written if "other" in line or "index" in line]  # not rewritten
    for page in ("index.html", "other.html"):
        assert "letter-spacing: 0.02em" in inline_styles(app, page)
        assert "0.01em" not in inline_styles(app, page)
    fresh = make_app("html", srcdir=srcdir, builddir=tmp_path / "fresh")
    fresh.build()
    for page in ("index.html", "other.html"):
        assert (outdir / page).read_text() == (Path(fresh.outdir) / page).read_text()


def test_an_epub_keeps_the_stylesheets_it_packs(build_page):
    """An epub is packed before the build ends, when the cut copies are written: it keeps
    sphinx-design's stylesheet as it is, and every stylesheet it links is in the book."""
    import zipfile

    built = build_page(CARDS, buildername="epub", conf='epub_copyright = "x"\nversion = "1"\n')
    book = zipfile.ZipFile(next(Path(built.app.outdir).glob("*.epub")))
    names = set(book.namelist())
    page = book.read("index.xhtml").decode()
    links = [link["href"] for link in BeautifulSoup(page, "html.parser").find_all("link", rel="stylesheet")]
    assert "_static/sphinx-design.min.css" in links
    assert all(href in names for href in links)
    assert 'id="roads-styles"' not in page


def test_cut_stylesheet_drops_rules_for_elements_the_site_has_not():
    css = "kbd:not(.compound){a:b}h4>.headerlink{c:d}h1,h5{e:f}.x:not(.unused) p{g:h}"
    assert cut_stylesheet(css, {"headerlink", "x"}, {"h1", "p"}) == "h1{e:f}.x:not(.unused) p{g:h}"
    # an element only a script adds counts (the caller adds the scripts' words)
    assert cut_stylesheet(css, {"compound"}, {"kbd"}) == "kbd:not(.compound){a:b}"


def test_custom_properties_nothing_reads_are_dropped():
    css = (
        "body{--a:1;--b:var(--c);--c:2px;--icon:url('data:image/svg+xml;charset=utf-8,<svg/>');"
        "--unread:red;color:var(--a)}"
        "@media not print{body[data-theme=dark]{--a:3;--unread:blue}}"
        ".x{width:var(--b)}"
    )
    assert prune_custom_properties(css, {"--icon"}) == (
        "body{--a:1;--b:var(--c);--c:2px;--icon:url('data:image/svg+xml;charset=utf-8,<svg/>');"
        "color:var(--a)}@media not print{body[data-theme=dark]{--a:3}}.x{width:var(--b)}"
    )
    # a rule left with nothing is dropped
    assert prune_custom_properties(".y{--z:1}.x{a:b}", set()) == ".x{a:b}"
    # what only an unread property reads is unread too
    assert prune_custom_properties(":root{--a:var(--b);--b:1}.x{c:d}", set()) == ".x{c:d}"


def test_minify_keeps_strings_and_spaces_that_matter():
    css = '/* note */\n.a > .b ,\n.c {\n  content: " · ";\n  width: calc(100% - 2rem);\n}\n'
    assert minify(css) == '.a>.b,.c{content:" · ";width:calc(100% - 2rem)}'


def test_an_edit_of_one_page_leaves_the_others_untouched(build_page, make_app, tmp_path):
    """The pages' words are kept between builds (a page not changed since is not read
    again): after one page's text changes, the others are not written again, and every
    page is as a fresh build makes it."""
    files = {"other.md": "# Other\n\nText.\n", "_static/site.css": SITE_CSS}
    build_page(CARDS + "\n```{toctree}\nother\n```\n", conf=FURO_SITE, files=files)
    srcdir = tmp_path / "src"
    outdir = srcdir / "_build" / "html"
    before = (outdir / "other.html").stat().st_mtime_ns
    (srcdir / "index.md").write_text(CARDS.replace("Ada Example", "Ada Example-Sample") + "\n```{toctree}\nother\n```\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert Path(app.outdir) == outdir
    assert (outdir / "other.html").stat().st_mtime_ns == before
    assert "Ada Example-Sample" in (outdir / "index.html").read_text()
    fresh = make_app("html", srcdir=srcdir, builddir=tmp_path / "fresh")
    fresh.build()
    for page in ("index.html", "other.html"):
        assert (outdir / page).read_text() == (Path(fresh.outdir) / page).read_text()


def test_a_page_cut_does_not_depend_on_words_the_stylesheet_does_not_name():
    """Pages share a cut when they differ only in words the stylesheet does not name:
    those words must not change it (nor a property it does not declare)."""
    css = (
        ":root{--unused:1;--gap:2px}.a{margin:var(--gap)}.b .c{color:red}"
        "@media (min-width:5px){.a{padding:0}.c{x:y}}p{--hue:1}"
    )
    plain = page_styles(css, {"a"}, {"p"}, set())
    assert plain == ":root{--gap:2px}.a{margin:var(--gap)}@media (min-width:5px){.a{padding:0}}"
    assert page_styles(css, {"a", "unrelated", "other"}, {"p", "div", "span"}, {"--elsewhere"}) == plain
    # a word it names changes it: the words are not ignored wholesale
    assert page_styles(css, {"a", "b", "c"}, {"p"}, set()) != plain
    assert "--hue:1" in page_styles(css, {"a"}, {"p"}, {"--hue"})


@pytest.mark.parametrize(
    ("css", "rules"),
    [
        (".a{x:y}", [(".a", "x:y")]),
        (" .a , .b { x:y } .c{}", [(".a , .b", " x:y "), (".c", "")]),
        ("@media print{.a{x:y}.b{z:w}}.c{v:u}", [("@media print", ".a{x:y}.b{z:w}"), (".c", "v:u")]),
        ("@supports (x:y){@media print{.a{b:c}}}", [("@supports (x:y)", "@media print{.a{b:c}}")]),
        # a block left open at the end is dropped (only well-formed sheets are combined)
        (".a{x:y}@media print{.b{z:w}", [(".a", "x:y")]),
    ],
)
def test_stylesheet_rules_are_read_with_their_blocks(css, rules):
    assert _rules(css) == rules


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_collector_is_paused_only_while_roads_ext_writes_its_files(enabled_before):
    (gc.enable if enabled_before else gc.disable)()
    try:
        with pytest.raises(RuntimeError), cyclic_collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a failure inside still restores it")
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()


def test_the_files_written_as_a_build_ends_are_made_with_the_collector_paused(build_page, monkeypatch):
    """The calendar files and the styles are made with Python's cyclic collector off (its
    full passes over the whole build cost more than the work), and it is on again after."""
    import roads_ext.output.assets
    import roads_ext.output.ics

    seen = {}

    def watching(name, function):
        def watched(*args, **kwargs):
            seen[name] = gc.isenabled()
            return function(*args, **kwargs)

        return watched

    monkeypatch.setattr(roads_ext.output.ics, "calendar_files", watching("calendar", roads_ext.output.ics.calendar_files))
    monkeypatch.setattr(roads_ext.output.assets, "_finish_styles", watching("styles", roads_ext.output.assets._finish_styles))
    assert gc.isenabled()
    built = build_page(PROGRAM)
    assert built.warning_lines() == []
    assert seen == {"calendar": False, "styles": False}
    assert gc.isenabled()
    assert list(Path(built.app.outdir, "_calendar").rglob("*.ics"))


def test_a_build_parses_no_stylesheet_an_earlier_build_parsed(build_page, make_app, tmp_path, monkeypatch):
    """The stylesheets' parse is kept for the next build, by their text: an edit of a page
    parses none again; an edited stylesheet is parsed again (and its new rules used)."""
    from roads_ext.output import assets as assets_module

    files = {"other.md": "# Other\n\nText.\n", "_static/site.css": SITE_CSS}
    build_page(CARDS + "\n```{toctree}\nother\n```\n", conf=FURO_SITE, files=files)
    srcdir = tmp_path / "src"
    parsed_now: list[str] = []
    real = assets_module._parsed

    def counted(text):
        parsed_now.append(text)
        return real(text)

    monkeypatch.setattr(assets_module, "_parsed", counted)
    (srcdir / "other.md").write_text("# Other\n\nText, edited.\n")
    make_app("html", srcdir=srcdir).build()
    assert parsed_now == []
    (srcdir / "_static" / "site.css").write_text(SITE_CSS.replace("0.01em", "0.03em"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert len(parsed_now) == 1 and "0.03em" in parsed_now[0]
    assert "letter-spacing: 0.03em" in inline_styles(app, "other.html")


def test_the_pickled_environment_loads_with_the_collector_paused(build_page, make_app, tmp_path, monkeypatch):
    """A rebuild loads the last build's environment with the cyclic collector off (its
    passes over the objects made so far cost more than the loading), and it is on again
    for the build."""
    import pickle

    import sphinx.application

    build_page(CARDS)
    seen = []
    real = pickle.load

    def watched(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(sphinx.application.pickle, "load", watched)
    gc.enable()
    app = make_app("html", srcdir=tmp_path / "src")
    assert seen == [False]
    assert gc.isenabled()
    app.build()
    assert gc.isenabled()
