"""The ``sponsors`` directive: tiers of logos through the images module's logo profile.

Every logo here is made by the test (Pillow, or SVG text written here); the sponsors
are invented.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image, ImageDraw

from roads_ext.model.sponsors import detail_problem, parse_detail, split_details, tier_name
from roads_ext.services import images


def png_bytes(image: Image.Image, fmt: str = "PNG") -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def transparent_logo() -> bytes:
    """400x400, a filled circle on a transparent background."""
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((40, 40, 360, 360), fill=(200, 30, 30, 255))
    return png_bytes(image)


def wide_logo() -> bytes:
    """1000x200 (5:1), opaque."""
    image = Image.new("RGB", (1000, 200), (255, 255, 255))
    ImageDraw.Draw(image).rectangle((20, 20, 980, 180), fill=(20, 80, 160))
    return png_bytes(image)


def tall_logo() -> bytes:
    """200x600 (1:3), a JPEG."""
    return png_bytes(Image.new("RGB", (200, 600), (30, 140, 60)), "JPEG")


SVG_LOGO = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100">'
            '<rect width="300" height="100" fill="#0a5"/>'
            '<text x="20" y="65" font-size="48" fill="#fff">ACME</text></svg>')

LOGOS = {
    "img/circle.png": transparent_logo(),
    "img/wide.png": wide_logo(),
    "img/tall.jpg": tall_logo(),
    "img/acme.svg": SVG_LOGO,
}

MYST = """\
# Sponsors

:::{sponsors}
Platinum
- [Acme Research](https://acme.example) logo: img/acme.svg
- [Wide Corp](https://wide.example)
  - logo: img/wide.png

Tier: Gold
- [Tall Labs](https://tall.example) logo: img/tall.jpg
- [Circle Works](https://circle.example) logo: img/circle.png
- [No Logo Foundation](https://nologo.example)
:::
"""

RST = """\
Sponsors
========

.. sponsors::

   Platinum

   - `Acme Research <https://acme.example>`_ logo: img/acme.svg
   - `Wide Corp <https://wide.example>`_

     - logo: img/wide.png

   Tier: Gold

   - `Tall Labs <https://tall.example>`_ logo: img/tall.jpg
   - `Circle Works <https://circle.example>`_ logo: img/circle.png
   - `No Logo Foundation <https://nologo.example>`_
"""

NAMES = ["Acme Research", "Wide Corp", "Tall Labs", "Circle Works", "No Logo Foundation"]


def main(html: str):
    return BeautifulSoup(html, "html.parser").select_one("article") or BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize("suffix", [".md", ".rst"])
def test_tiers_of_logos_with_names_links_and_the_right_sizes(build_page, suffix):
    build = build_page(MYST if suffix == ".md" else RST, suffix=suffix, files=LOGOS)
    assert build.warning_lines() == []
    page = main(build.html)
    tiers = page.select(".roads-sponsor-tier")
    assert [(t.name, t.get_text()) for t in tiers] == [("h2", "Platinum"), ("h2", "Gold")]
    cards = page.select(".roads-sponsor-card")
    assert [c.select_one(".roads-sponsor-name").get_text() for c in cards] == NAMES
    # one link per sponsor, its name, stretched over the card
    links = [c.select("a") for c in cards]
    assert [[a["href"] for a in found] for found in links] == [
        ["https://acme.example"], ["https://wide.example"], ["https://tall.example"],
        ["https://circle.example"], ["https://nologo.example"]]
    assert all("sd-stretched-link" in found[0]["class"] for found in links)
    logos = {c.select_one(".roads-sponsor-name").get_text(): c.select_one("img") for c in cards}
    # the name is the logo's alt text
    assert all(img["alt"] == name for name, img in logos.items() if img is not None)
    # SVG: its own file in an <img>, never inlined
    svg = logos["Acme Research"]
    assert svg.parent.name != "picture" and svg["src"].endswith(".svg")
    assert (svg["width"], svg["height"]) == ("160", "53")
    assert "<svg" not in str(page) and "ACME" not in str(page)
    out = Path(build.app.outdir)
    assert (out / svg["src"]).read_text() == SVG_LOGO
    # rasters: contained in the 160x64 box whatever their shape, WebP and PNG at 1x and 2x
    sizes = {"Wide Corp": (160, 32), "Tall Labs": (21, 64), "Circle Works": (64, 64)}
    for name, (width, height) in sizes.items():
        img = logos[name]
        assert img.parent.name == "picture", name
        assert (img["width"], img["height"]) == (str(width), str(height)), name
        # lossless WebP first: no AVIF (Pillow's is never lossless, and larger on logos)
        assert [source["type"] for source in img.parent.find_all("source")] == ["image/webp"], name
        webp = img.parent.find("source")["srcset"].split(", ")
        fallback = img["srcset"].split(", ")
        for density, (webp_entry, png_entry) in enumerate(zip(webp, fallback, strict=True), 1):
            for entry, fmt in ((webp_entry, "WEBP"), (png_entry, "PNG")):
                url, shown = entry.split()
                assert shown == f"{density}x"
                with Image.open(out / url) as file:
                    assert file.format == fmt
                    # (rounded at each density: 200x600 is 21.3 px wide at 1x, 42.7 at 2x)
                    assert abs(file.width - width * density) <= 1, (name, url)
                    assert abs(file.height - height * density) <= 1, (name, url)
    # transparency kept: the circle's corners stay clear
    with Image.open(out / logos["Circle Works"]["src"]) as file:
        assert file.mode == "RGBA" and file.getpixel((0, 0))[3] == 0
    # no logo: the initials, decorative, in a box
    initials = cards[-1].select_one(".roads-avatar")
    assert initials.get_text() == "NF" and initials["aria-hidden"] == "true"
    assert "roads-initials-box" in initials["class"]
    # the originals are never published
    shipped = {path.name for path in out.rglob("*") if path.is_file()}
    assert not {"wide.png", "tall.jpg", "circle.png", "acme.svg"} & shipped
    assert not [name for name in shipped if name.endswith(".avif")]


def test_a_list_without_a_tier_line_is_one_untitled_group(build_page):
    build = build_page("# S\n\n:::{sponsors}\n:columns: 2\n- [Acme Research](https://acme.example)\n:::\n")
    assert build.warning_lines() == []
    page = main(build.html)
    assert page.select(".roads-sponsor-tier") == []
    assert "sd-row-cols-lg-2" in page.select_one("ul.roads-sponsors")["class"]
    assert page.select_one(".roads-sponsor-name a").get_text() == "Acme Research"


HOSTILE_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
               '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>')
BAD = """\
# Sponsors

:::{sponsors}
Gold
- [Missing Co](https://missing.example) logo: img/nothere.png
- [Outside Co](https://outside.example) logo: ../../outside.png
- [Url Co](https://url.example) logo: https://cdn.example/logo.png
- [Plain Http](http://plain.example)
- [Typo Co](https://typo.example)
  - lgo: img/wide.png
- [Hostile Co](https://hostile.example) logo: img/hostile.svg
- [Broken Co](https://broken.example) logo: img/broken.svg
- [Not An Image](https://notimage.example) logo: img/text.png
- [Good Co](https://good.example) logo: img/wide.png

Silver

Bronze
- [Last Co](https://last.example)
:::

After the sponsors.
"""


def test_bad_input_is_a_located_warning_and_the_rest_renders(build_page):
    files = {"img/wide.png": wide_logo(), "img/hostile.svg": HOSTILE_SVG,
             "img/broken.svg": "<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>",
             "img/text.png": b"not an image"}
    build = build_page(BAD, files=files)
    warnings = build.warning_lines()
    expected = [
        r"index.md:5: WARNING: sponsors: logo 'img/nothere.png' does not exist; the initials are shown instead \[roads.sponsor\]",
        r"index.md:6: WARNING: sponsors: logo '../../outside.png' lies outside the project; .* \[roads.sponsor\]",
        r"index.md:7: WARNING: sponsors: logo 'https://cdn.example/logo.png' must be a file in the project, not a URL; .* \[roads.sponsor\]",
        r"index.md:8: WARNING: sponsors: Plain Http: link 'http://plain.example' is not an https:// address; "
        r"write the sponsor's https:// address. The name is shown unlinked \[roads.link\]",
        r"index.md:10: WARNING: sponsors: Typo Co: unknown detail 'lgo' \(did you mean 'logo'\?\); .* \[roads.sponsor\]",
        r"index.md:11: WARNING: sponsors: logo 'img/hostile.svg' holds '<script', which could run code; .* \[roads.sponsor\]",
        r"index.md:12: WARNING: sponsors: logo 'img/broken.svg' is not well-formed SVG .* \[roads.sponsor\]",
        r"index.md:13: WARNING: sponsors: logo 'img/text.png' is not an image Pillow can read; .* \[roads.sponsor\]",
        r"index.md:16: WARNING: sponsors: tier 'Silver' has no sponsors: list them below it as '- \[Name\]\(https://...\)' \[roads.sponsor\]",
    ]
    assert len(warnings) == len(expected), "\n".join(warnings)
    for pattern, line in zip(expected, warnings, strict=True):
        assert re.search(pattern, line), (pattern, line)
    page = main(build.html)
    names = [p.get_text() for p in page.select(".roads-sponsor-name")]
    assert names == ["Missing Co", "Outside Co", "Url Co", "Plain Http", "Typo Co", "Hostile Co",
                     "Broken Co", "Not An Image", "Good Co", "Last Co"]
    assert [t.get_text() for t in page.select(".roads-sponsor-tier")] == ["Gold", "Bronze"]
    # only the good logo is shown; the others have their initials
    assert [img["alt"] for img in page.select(".roads-sponsor-card img")] == ["Good Co"]
    assert len(page.select(".roads-sponsor-card .roads-avatar")) == 9
    assert page.find("a", string="Plain Http") is None
    assert "After the sponsors." in page.get_text()
    assert "alert(" not in build.html
    out = Path(build.app.outdir)
    assert not [path for path in out.rglob("*.svg") if "hostile" in path.name or "broken" in path.name]


def test_bad_input_under_restructuredtext_is_located_too(build_page):
    source = """\
Sponsors
========

.. sponsors::

   Gold

   - `Missing Co <https://missing.example>`_ logo: img/nothere.png
   - `Typo Co <https://typo.example>`_

     - logo img/x.png
"""
    build = build_page(source, suffix=".rst")
    warnings = build.warning_lines()
    assert len(warnings) == 2, warnings
    assert re.search(r"index.rst:8: WARNING: sponsors: logo 'img/nothere.png' does not exist; .*\[roads.sponsor\]",
                     warnings[0]), warnings
    assert re.search(r"index.rst:11: WARNING: sponsors: detail 'logo img/x.png' is not 'key: value': "
                     r"write it as 'logo: img/name.svg'; it is left out \[roads.sponsor\]", warnings[1]), warnings
    assert [p.get_text() for p in main(build.html).select(".roads-sponsor-name")] == ["Missing Co", "Typo Co"]


def test_an_empty_directive_and_other_content_are_reported(build_page):
    build = build_page("# S\n\n:::{sponsors}\n:::\n\n:::{sponsors}\n| a |\n|---|\n| b |\n:::\n")
    warnings = build.warning_lines()
    assert len(warnings) == 3, warnings
    assert re.search(r"index.md:3: WARNING: sponsors: is empty: .* \[roads.empty\]", warnings[0])
    assert re.search(r"index.md:7: WARNING: sponsors: only tiers and lists of sponsors belong inside; "
                     r"this table is shown below the sponsors \[roads.content\]", warnings[1])
    assert re.search(r"index.md:6: WARNING: sponsors: has no sponsors: write them as a list \[roads.empty\]",
                     warnings[2])
    assert main(build.html).find("table") is not None


EPUB_CONF = 'project = "Test"\nversion = "1"\ncopyright = "2023, test"\nauthor = "test"\n'


@pytest.mark.parametrize("suffix", [".md", ".rst"])
@pytest.mark.parametrize("buildername", ["text", "latex", "epub", "dirhtml", "singlehtml"])
def test_other_builders_show_every_name_without_warnings(build_page, buildername, suffix):
    build = build_page(MYST if suffix == ".md" else RST, suffix=suffix, buildername=buildername,
                       conf=EPUB_CONF, files=LOGOS)
    assert build.warning_lines() == []
    out = Path(build.app.outdir)
    if buildername == "text":
        text = (out / "index.txt").read_text()
        assert "[image" not in text  # the name is written beside the logo already
    elif buildername == "latex":
        text = next(out.glob("*.tex")).read_text()
        # LaTeX reads no SVG: that logo is left out; the rasters are their 2x PNGs
        graphics = re.findall(r"\\sphinxincludegraphics[^{]*\{\{([^}]*)\}\.(\w+)\}", text)
        assert sorted(ext for _, ext in graphics) == ["png", "png", "png"], graphics
        assert not list(out.glob("*.svg"))
    elif buildername == "epub":
        text = "".join(p.read_text() for p in out.rglob("index.xhtml"))
        assert len(list(out.rglob("*.svg"))) == 1  # an e-book reads SVG
    else:
        text = (out / "index.html").read_text()
        soup = BeautifulSoup(text, "html.parser")
        for img in soup.select(".roads-sponsor-card img"):
            assert (out / img["src"]).is_file(), img["src"]
        assert len(soup.select(".roads-sponsor-card img")) == 4
    for name in NAMES:
        assert name in text, (buildername, name)


# --- the model --------------------------------------------------------------------------


def test_details_after_a_name_and_tier_lines():
    assert split_details(" logo: img/acme.svg") == ("", [("logo", "img/acme.svg")])
    assert split_details("Acme Research logo: img/a b.png") == ("Acme Research", [("logo", "img/a b.png")])
    assert split_details("Acme: Research Labs") == ("Acme: Research Labs", [])
    assert split_details(" logo: a.png colour: red") == ("", [("logo", "a.png"), ("colour", "red")])
    assert parse_detail("logo: img/x.png") == ("logo", "img/x.png")
    with pytest.raises(ValueError):
        parse_detail("logo img/x.png")
    assert tier_name("Tier: Gold") == "Gold" and tier_name("Gold sponsors:") == "Gold sponsors"
    assert "did you mean 'logo'" in detail_problem("logos", "x")
    assert detail_problem("logo", "") == "detail 'logo' has no value: write 'logo: img/name.svg'"
    assert detail_problem("logo", "x.png") is None


@pytest.mark.parametrize(("svg", "size"), [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"/>', (300, 100)),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="50px" height="20"/>', (50, 20)),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="600" viewBox="0, 0, 300, 100"/>', (600, 200)),
    ('<svg viewBox="0 0 10 40"><use href="#a"/></svg>', (10, 40)),
    ('<svg viewBox="0 0 10 40"><rect fill="url(#g)"/><text>Big data: more</text></svg>', (10, 40)),
])
def test_svg_sizes(svg, size):
    assert images.svg_size(svg.encode()) == size


@pytest.mark.parametrize(("svg", "problem"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"/>', "neither a viewBox nor a width and height"),
    ('<html><body/></html>', "root element is not <svg>"),
    ('<svg viewBox="0 0 1 1"><rect onclick="x()"/></svg>', "could run code"),
    ('<svg viewBox="0 0 1 1"><foreignObject/></svg>', "could run code"),
    ('<svg viewBox="0 0 1 1"><a href="javascript:x()"/></svg>', "could run code"),
    ('<svg viewBox="0 0 1 1"><image href="https://tracker.example/p.png"/></svg>', "must hold all it shows"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg viewBox="0 0 1 1">&a;</svg>', "could run code"),
    ('<svg viewBox="0 0 1 1">', "not well-formed"),
    ('<svg viewBox="0 0 1 1"><rect style="fill: url(https://t.example/x)"/></svg>', "must hold all it shows"),
    ('<svg viewBox="0 0 1 1"><style>@import "https://t.example/a.css";</style></svg>', "could run code"),
    # what a browser decodes before it reads: character references, other encodings
    ('<svg viewBox="0 0 1 1"><style>rect{fill:url&#40;https://t.example/p.svg#g)}</style></svg>',
     "links to 'https://t.example/p.svg#g'"),
    ('<svg viewBox="0 0 1 1"><style>&#64;import "https://t.example/a.css";</style></svg>', "could run code"),
    ('<svg viewBox="0 0 1 1"><a><set attributeName="href" to="&#106;avascript:x()"/></a></svg>', "could run code"),
    ('<svg viewBox="0 0 1 1"><a><set attributeName="xlink:href" to="java&#x09;script:x()"/></a></svg>',
     "changes a link as it plays"),
    ('<!DOCTYPE svg SYSTEM "https://t.example/x.dtd"><svg viewBox="0 0 1 1"/>',
     "names the outside file 'https://t.example/x.dtd'"),
    # sizes no picture can have
    ('<svg viewBox="0 0 1e999 1"/>', "neither a viewBox nor a width and height"),
    (f'<svg width="{"9" * 400}" height="1"/>', "neither a viewBox nor a width and height"),
    ('<svg width="1e300" height="1e-300"/>', "a shape that cannot be drawn"),
])
def test_unsafe_or_malformed_svg_is_refused(svg, problem):
    with pytest.raises(images.ImageError, match=re.escape(problem)):
        images.svg_size(svg.encode())


@pytest.mark.parametrize("encoded", [
    '<?xml version="1.0" encoding="UTF-16"?><svg viewBox="0 0 1 1"><script>x()</script></svg>'.encode("utf-16"),
    '<?xml version="1.0" encoding="UTF-16"?><svg viewBox="0 0 1 1" onload="x()"/>'.encode("utf-16-le"),
    '<?xml version="1.0" encoding="iso-8859-1"?><svg viewBox="0 0 1 1"><text>café</text></svg>'.encode("latin-1"),
], ids=["utf-16-with-bom", "utf-16-without", "latin-1"])
def test_an_svg_not_in_utf8_is_refused_whatever_it_holds(encoded):
    """The checks read decoded text: in UTF-16 a script's bytes never match, so a file in
    any encoding but UTF-8 (or plain ASCII) is refused before anything else."""
    with pytest.raises(images.ImageError, match=r"is not UTF-8 text|says it is written in"):
        images.svg_size(encoded)


def test_an_svg_in_ascii_or_with_the_w3c_doctype_is_a_logo():
    drawn = ('<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
             '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg width="1e2" height="50"/>')
    assert images.svg_size(drawn.encode()) == (100, 50)
    assert images.svg_size(b"\xef\xbb\xbf" + b'<svg viewBox="0 0 2 1"/>') == (2, 1)


def test_items_that_cannot_be_read_are_left_out_with_a_warning(build_page):
    build = build_page("""\
        # Sponsors

        :::{sponsors}
        :columns: 9
        Gold
        - logo: img/x.png
        - [Acme Research](https://acme.example) (since 2020)
        - [Globex Labs](https://globex.example)
          Founded long ago.
        - [Initech](https://initech.example) logo:
        :::
        """)
    warnings = build.warning_lines()
    expected = [
        r"index.md:4: WARNING: sponsors: option 'columns': '9' must be from 1 to 6; it is ignored \[roads.option\]",
        r"index.md:6: WARNING: sponsors: 'logo: img/x.png' has no sponsor's name before its details; "
        r"this item is left out \[roads.sponsor\]",
        r"index.md:7: WARNING: sponsors: '\(since 2020\)' after the link to 'Acme Research' is not a detail: "
        r"write details as 'logo: img/name.svg'; it is left out \[roads.sponsor\]",
        r"index.md:8: WARNING: sponsors: 'Founded long ago.' after the link to 'Globex Labs' is not a detail: .*",
        r"index.md:10: WARNING: sponsors: Initech: detail 'logo' has no value: write 'logo: img/name.svg'; "
        r"it is left out \[roads.sponsor\]",
    ]
    assert len(warnings) == len(expected), "\n".join(warnings)
    for pattern, line in zip(expected, warnings, strict=True):
        assert re.search(pattern, line), (pattern, line)
    page = main(build.html)
    assert [p.get_text() for p in page.select(".roads-sponsor-name")] == ["Acme Research", "Globex Labs", "Initech"]
    assert "sd-row-cols-lg-3" in page.select_one("ul.roads-sponsors")["class"]  # the default kept


def test_a_sponsor_link_markdown_would_not_make_is_said_and_the_name_kept(build_page):
    """In MyST a relative or protocol-relative link is a cross-reference, and one with
    another scheme stays text: each is a roads.link warning, the name shown unlinked."""
    build = build_page("""\
        # Sponsors

        :::{sponsors}
        - [Rel Corp](corp.html)
        - [Proto Corp](//evil.example)
        - [Script Corp](javascript:alert(1))
        - [Data Corp](data:text/html,x)
        :::
        """)
    assert [line.split("WARNING: ")[1] for line in build.warning_lines()] == [
        f"sponsors: {name}: link {url!r} is not an https:// address; write the sponsor's https:// address. "
        "The name is shown unlinked [roads.link]"
        for name, url in (("Rel Corp", "corp.html"), ("Proto Corp", "//evil.example"),
                          ("Script Corp", "javascript:alert(1)"), ("Data Corp", "data:text/html,x"))]
    assert [line.split(":")[1] for line in build.warning_lines()] == ["4", "5", "6", "7"]
    soup = BeautifulSoup(build.html, "html.parser")
    assert [p.get_text() for p in soup.select(".roads-sponsor-name")] == [
        "Rel Corp", "Proto Corp", "Script Corp", "Data Corp"]
    assert soup.select(".roads-sponsor-card a") == []


def test_a_detail_given_twice_is_said_at_its_line(build_page):
    build = build_page("""\
        # Sponsors

        :::{sponsors}
        - [Acme](https://acme.example) logo: img/a.png logo: img/b.png
        - [Globex](https://globex.example)
          - logo: img/a.png
          - logo: img/b.png
        :::
        """, files={"img/a.png": wide_logo(), "img/b.png": wide_logo()})
    warnings = [line.split("index.md:")[1] for line in build.warning_lines()]
    assert warnings == [
        f"{line}: WARNING: sponsors: {name}: detail 'logo' is given twice: the last value, 'img/b.png', is kept "
        "and 'img/a.png' is ignored; give each detail once [roads.sponsor]"
        for line, name in ((4, "Acme"), (7, "Globex"))]
