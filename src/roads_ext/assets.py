"""What an HTML page loads: only what it uses, and no change to ``conf.py``'s values.

- roads_ext's own CSS and script, and sphinx-design's, are copied into ``_static`` by
  roads_ext rather than through ``html_static_path``: a configuration value changed by an
  extension makes the next build say "The configuration has changed" and read every page
  again.
- sphinx-design's 55 KB stylesheet, and furo's two (57 KB), are replaced by cut copies
  (``roads-design.css``, ``roads-furo.css``, ``roads-furo-extensions.css``): the rules
  whose classes all appear in the built site, in a page's HTML or in a script that may add
  them (written when the build ends, from every page in the output folder, so a page not
  rewritten still counts).
- A page without code loses the code-highlighting stylesheet (``pygments.css``); a page
  without tabs loses sphinx-design's tab script.
- A page with nothing for ``roads-times.js`` to do (no program time, zone note, table of
  important dates or phase data) does not load it.
- With furo, ``<html class="no-js">`` loses its class in the head, before the page is
  drawn: furo's script does it only once the page is read, so its theme button (hidden under
  ``.no-js``) would appear after the first paint and move the header's other button.
"""

from __future__ import annotations

import re
import shutil
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
DESIGN_JS = "design-tabs.js"
CUT_CSS = "roads-design.css"
#: the theme's stylesheets (in _static) and the names of their cut copies
THEME_CUTS = {"styles/furo.css": "roads-furo.css", "styles/furo-extensions.css": "roads-furo-extensions.css"}
_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
_SELECTOR_CLASS = re.compile(r"\.((?:[A-Za-z0-9_-]|\\.)+)")
_ATTRIBUTE = re.compile(r"\[[^\]]*\]")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_JS_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
TIMES_JS = "roads-times.js"
#: what roads-times.js works on: program times, the zone note, the important dates' table
_TIMES_TARGET = re.compile(r'class="(?:[^"]*\s)?roads-(?:time|zone-note|dates-table)(?:\s[^"]*)?"')
#: an old page's phase data (phases.py), in the head
_PHASE_DATA = 'id="roads-phase-data"'
#: in the head of a furo page: scripts run, so the theme button is shown from the first paint
JS_BEFORE_PAINT = '<script>document.documentElement.classList.remove("no-js")</script>'


def _design_static() -> Path | None:
    try:
        import sphinx_design
    except ImportError:  # pragma: no cover - a dependency
        return None
    return Path(sphinx_design.__file__).parent / "static"


def _builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    static_out = Path(app.outdir) / "_static"
    static_out.mkdir(parents=True, exist_ok=True)
    for source in STATIC.iterdir():
        if source.is_file():
            shutil.copyfile(source, static_out / source.name)
    app.add_css_file("roads.css")
    from .i18n import script_attributes

    # the clock and the script's sentences in the site's language, as data-roads-* attributes
    attributes: dict[str, Any] = script_attributes(app.config)
    app.add_js_file(TIMES_JS, loading_method="defer", **attributes)
    # sphinx-design added its folder (at its own builder-inited: its package's static/
    # from 0.7, _sphinx_design_static/ in the output before); roads_ext copies its files
    # instead, so that html_static_path stays as conf.py set it
    design = _design_static()
    for entry in list(app.config.html_static_path):
        folder = Path(entry)
        if folder == design or folder.name == "_sphinx_design_static":
            app.config.html_static_path.remove(entry)
            css = []
            for source in folder.iterdir():
                if source.is_file():
                    shutil.copyfile(source, static_out / source.name)
                    if source.suffix == ".css":
                        css.append(source)
            if len(css) == 1:
                app._roads_design_css = css[0]  # type: ignore[attr-defined]


def _uses(doctree: nodes.document | None) -> tuple[bool, bool]:
    """(has code, has tabs), in one walk of the page."""
    code = tabs = False
    if doctree is None:  # genindex, search: neither
        return code, tabs
    for node in doctree.findall(nodes.Element):
        if isinstance(node, (nodes.literal_block, nodes.doctest_block)):
            code = True
        elif "sd-tab-set" in node["classes"]:
            tabs = True
        if code and tabs:
            break
    return code, tabs


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Drop the code and tab assets a page does not use; sphinx-design's CSS, cut."""
    keep_code, keep_tabs = _uses(doctree)
    if app.config.html_theme == "furo":
        context["metatags"] = context.get("metatags", "") + "\n" + JS_BEFORE_PAINT
    if "css_files" in context:
        css = []
        for asset in context["css_files"]:
            name = getattr(asset, "filename", str(asset))
            if name.startswith("_static/pygments.css") and not keep_code:
                continue
            cut = _cuts(app).get(name.split("?")[0].removeprefix("_static/"))
            if cut is not None:
                asset = type(asset)(
                    f"_static/{cut}",
                    priority=getattr(asset, "priority", 500),
                    **getattr(asset, "attributes", {}),
                )
            css.append(asset)
        context["css_files"] = css
    if "script_files" in context:
        dropped = [] if keep_tabs else [f"_static/{DESIGN_JS}"]
        if not uses_times_script(context.get("body", ""), context.get("metatags", "")):
            dropped.append(f"_static/{TIMES_JS}")
        context["script_files"] = [
            asset
            for asset in context["script_files"]
            if not any(getattr(asset, "filename", str(asset)).startswith(name) for name in dropped)
        ]


def uses_times_script(body: str, metatags: str) -> bool:
    """Whether a page has anything for roads-times.js (its HTML, once written; the phase
    data is added to the head by phases.py, on html-page-context before this)."""
    return _PHASE_DATA in metatags or _TIMES_TARGET.search(body) is not None


def _cuts(app: Sphinx) -> dict[str, str]:
    """Stylesheets in _static to cut, and their cut copies' names."""
    cuts = dict(THEME_CUTS) if app.config.html_theme == "furo" else {}
    design_css = getattr(app, "_roads_design_css", None)
    if design_css is not None:
        cuts[design_css.name] = CUT_CSS
    return cuts


def _selector_classes(selector: str) -> set[str]:
    return {re.sub(r"\\(.)", r"\1", name) for name in _SELECTOR_CLASS.findall(_ATTRIBUTE.sub("", selector))}


_BRACES = re.compile(r"[{}]")


def _rules(css: str) -> list[tuple[str, str]]:
    """Top-level ``(prelude, body)`` pairs of a stylesheet (bodies of @-blocks kept whole)."""
    out, depth, start, prelude = [], 0, 0, ""
    for brace in _BRACES.finditer(css):  # only the braces, not every character
        index, char = brace.start(), brace.group()
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                out.append((prelude, css[start:index]))
                start = index + 1
    return out


def cut_stylesheet(css: str, used: set[str]) -> str:
    """The rules of ``css`` whose selectors name only classes in ``used``."""
    kept = []
    for prelude, body in _rules(_COMMENT.sub("", css)):
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            inner = cut_stylesheet(body, used)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [s for s in prelude.split(",") if _selector_classes(s) <= used]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(kept)


def classes_in(outdir: Path) -> set[str]:
    """Every class in the site's pages, and every word of its scripts (which may add one)."""
    used: set[str] = set()
    for page in outdir.rglob("*.html"):
        for value in _CLASS_ATTR.findall(page.read_text(encoding="utf-8", errors="replace")):
            used.update(value.split())
    for script in (outdir / "_static").rglob("*.js"):
        used.update(_JS_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    return used


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    cuts = {source: cut for source, cut in _cuts(app).items() if (static / source).is_file()}
    if not cuts:
        return
    used = classes_in(Path(app.outdir))
    versions = {}
    for source, cut in cuts.items():
        text = cut_stylesheet((static / source).read_text(encoding="utf-8"), used)
        target = static / cut
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        versions[cut] = f"{zlib.crc32(text.encode()):08x}"
    stamp_versions(Path(app.outdir), versions)


def stamp_versions(outdir: Path, versions: dict[str, str]) -> None:
    """Give each page's link to a cut stylesheet the ``?v=`` of its content now.

    The cut copies are written once every page is, so Sphinx, when it wrote a page, saw
    no file (a fresh build) or the previous build's (an incremental one); either way the
    checksum it wrote is replaced by the right one, and both builds give the same pages."""
    links = re.compile(r"(_static/(" + "|".join(map(re.escape, versions)) + r'))(\?v=[0-9a-f]*)?"')
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = links.sub(lambda m: f'{m.group(1)}?v={versions[m.group(2)]}"', text)
        if new != text:
            page.write_text(new, encoding="utf-8")


def setup_assets(app: Sphinx) -> None:
    # after sphinx-design's builder-inited (priority 500), which adds its folder
    app.connect("builder-inited", _builder_inited, priority=600)
    app.connect("html-page-context", _page_assets, priority=900)
    app.connect("build-finished", _build_finished)
