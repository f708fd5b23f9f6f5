"""What an HTML page loads: only what it uses, and no change to ``conf.py``'s values.

- roads_ext's own CSS and script, and sphinx-design's, are copied into ``_static`` by
  roads_ext rather than through ``html_static_path``: a configuration value changed by an
  extension makes the next build say "The configuration has changed" and read every page
  again.
- sphinx-design's 55 KB stylesheet, and furo's two (57 KB), are replaced by cut copies
  (``roads-design.css``, ``roads-furo.css``, ``roads-furo-extensions.css``): the rules
  whose classes and elements all appear in the built site, in a page's HTML or in a script
  that may add them, without the custom properties (``--name: value``) nothing reads
  (written when the build ends, from every page in the output folder, so a page not
  rewritten still counts).
- A page loads those cut copies and ``roads.css`` as one stylesheet, ``roads-styles.css``:
  one request instead of four, which on a phone's slow connection (a new connection and
  its slow start per file) was most of the time before the first paint.
- A page without code loses the code-highlighting stylesheet (``pygments.css``); a page
  without tabs loses sphinx-design's tab script.
- A page with nothing for ``roads-times.js`` to do (no time to show in the visitor's
  zone, no zone note) does not load it; a page that has loads it once drawn, by a loader
  in the page (the lines it fills have their height reserved: nothing moves).
- With furo, ``<html class="no-js">`` loses its class in the head, before the page is
  drawn: furo's script does it only once the page is read, so its theme button (hidden under
  ``.no-js``) would appear after the first paint and move the header's other button.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
import re
import shutil
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.build import cyclic_collector_paused, is_html_site
from ..core.marks import LIVE_PROGRAM_CLASS
from .css import (
    _BRACES,
    _COMMENT,
    _RELATIVE_URL,
    _STRING,
    _VAR_REFERENCE,
    Styles,
    _keep,
    _live_properties,
    _parsed,
    _prune,
    _render,
    minify,
    rebase_urls,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC = Path(__file__).resolve().parent.parent / "static"
DESIGN_JS = "design-tabs.js"
CUT_CSS = "roads-design.css"
#: the theme's stylesheets (in _static) and the names of their cut copies
THEME_CUTS = {"styles/furo.css": "roads-furo.css", "styles/furo-extensions.css": "roads-furo-extensions.css"}
OWN_CSS = "roads.css"
#: the cut copies and roads.css in one file, which a page loads instead of them
STYLES_BUNDLE = "roads-styles.css"
#: in the doctree folder: each page's words as the last build finished it, and with what
PAGES_CACHE = "roads-pages.pickle"
#: (no ``\b`` before it: a pattern that starts with a literal is searched for far faster,
#: and a ``data-class`` or ``subclass`` attribute would only keep a rule more)
_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_HTML_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_CUSTOM_PROPERTY = re.compile(r"--[A-Za-z0-9_-]+")
_JS_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
TIMES_JS = "roads-times.js"
LIVE_JS = "roads-live.js"
#: what roads-times.js works on: times (of a program or the important dates), the zone note
_TIMES_TARGET = re.compile(r'class="(?:[^"]*\s)?roads-(?:time|zone-note)(?:\s[^"]*)?"')
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
    from ..i18n import script_attributes

    # the clock and the script's sentences in the site's language, as data-roads-* attributes
    attributes: dict[str, Any] = script_attributes(app.config)
    app.add_js_file(TIMES_JS, loading_method="defer", **attributes)
    # the live links' script: only on a page whose program has live links (_page_assets)
    from ..i18n import live_script_attributes

    live_attributes: dict[str, Any] = live_script_attributes()
    app.add_js_file(LIVE_JS, loading_method="defer", **live_attributes)
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


def _uses(body: str) -> tuple[bool, bool]:
    """(has code, has tabs), read in the page's HTML (a search of the text, far cheaper
    than a walk of the doctree): every code block is a ``<pre>``, every tab set has its
    class. Pages without a body (genindex, search) have neither."""
    return "<pre" in body, "sd-tab-set" in body


def _page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Drop the code and tab assets a page does not use; sphinx-design's CSS, cut."""
    keep_code, keep_tabs = _uses(context.get("body", "") or "")
    if app.config.html_theme == "furo":
        context["metatags"] = context.get("metatags", "") + "\n" + JS_BEFORE_PAINT
    if "css_files" in context and is_html_site(app.builder):
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
        context["css_files"] = _bundled(app, css)
    if "script_files" in context:
        dropped = [] if keep_tabs else [f"_static/{DESIGN_JS}"]
        if not uses_times_script(context.get("body", "")):
            dropped.append(f"_static/{TIMES_JS}")
        if LIVE_PROGRAM_CLASS not in (context.get("body", "") or ""):
            dropped.append(f"_static/{LIVE_JS}")
        context["script_files"] = [
            asset
            for asset in context["script_files"]
            if not any(getattr(asset, "filename", str(asset)).startswith(name) for name in dropped)
        ]
        if is_html_site(app.builder):
            context["script_files"] = [
                _after_first_paint(app, context, asset) if _is_times_script(asset) else asset
                for asset in context["script_files"]
            ]


def _is_times_script(asset: Any) -> bool:
    return getattr(asset, "filename", str(asset)).split("?")[0] == f"_static/{TIMES_JS}"


#: loads the script named by its own data-src, with its data-roads-* settings, once the
#: page is loaded and drawn: on a phone's slow connection it no longer shares the
#: bandwidth with what the first paint needs
AFTER_PAINT_LOADER = (
    "(function(tag){addEventListener('load',function(){requestAnimationFrame(function(){"
    "setTimeout(function(){var s=document.createElement('script');"
    "Array.prototype.forEach.call(tag.attributes,function(a){"
    "if(a.name.indexOf('data-roads-')===0)s.setAttribute(a.name,a.value)});"
    "s.src=tag.getAttribute('data-src');document.body.appendChild(s)})})})})"
    "(document.currentScript)"
)


def _after_first_paint(app: Sphinx, context: dict, asset: Any) -> Any:
    """roads-times.js as a tag that loads it once the page is drawn."""
    source = Path(app.outdir, "_static", TIMES_JS)
    url = context["pathto"](f"_static/{TIMES_JS}", 1) + f"?v={_checksum(source)}"
    attributes = {
        key: value for key, value in getattr(asset, "attributes", {}).items() if key.startswith("data-roads-")
    }
    return type(asset)(
        "",
        priority=getattr(asset, "priority", 500),
        body=AFTER_PAINT_LOADER,
        **{"data-src": url},
        **attributes,
    )


@functools.lru_cache(maxsize=8)
def _file_checksum(path: Path, size: int, modified: int) -> str:
    return f"{zlib.crc32(path.read_bytes()):08x}"


def _checksum(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return ""
    return _file_checksum(path, stat.st_size, stat.st_mtime_ns)


def uses_times_script(body: str) -> bool:
    """Whether a page has anything for roads-times.js: a time for which to show the
    visitor's own, or the note that says so."""
    return _TIMES_TARGET.search(body) is not None


def _cuts(app: Sphinx) -> dict[str, str]:
    """Stylesheets in _static to cut, and their cut copies' names."""
    cuts = dict(THEME_CUTS) if app.config.html_theme == "furo" else {}
    design_css = getattr(app, "_roads_design_css", None)
    if design_css is not None:
        cuts[design_css.name] = CUT_CSS
    return cuts


def _bundle_order(app: Sphinx) -> list[str]:
    """What ``roads-styles.css`` holds (names in ``_static``), in the order a page lists
    them: from the theme's cut stylesheet (or the first roads_ext makes) on, the cut
    copies, roads.css and the site's own stylesheets (``html_css_files``) that follow
    them, up to the first that cannot go into one file (a remote one, one with other
    attributes, one ``_combinable`` refuses)."""
    cuts = _cuts(app)
    ours = {*cuts.values(), OWN_CSS}
    # every page's stylesheets, as Sphinx sorts them (its list, private but long-lived)
    assets = sorted(getattr(app.builder, "_css_files", []), key=lambda a: getattr(a, "priority", 500))
    order: list[str] = []
    for asset in assets:
        name = cuts.get(_static_name(asset), _static_name(asset))
        if not order and name not in ours:
            continue
        if name not in ours and not _site_stylesheet(app, asset):
            break
        if getattr(asset, "attributes", {}) != {"rel": "stylesheet", "type": "text/css"}:
            break
        order.append(name)
    return order if len(order) > 1 else []


def _static_name(asset: Any) -> str:
    return getattr(asset, "filename", str(asset)).split("?")[0].removeprefix("_static/")


def _site_stylesheet(app: Sphinx, asset: Any) -> bool:
    """Whether ``asset`` is one of the site's own stylesheets from html_static_path that
    can go into one file with the others."""
    filename = getattr(asset, "filename", str(asset))
    if not filename.startswith("_static/") or "://" in filename:
        return False
    source = _site_stylesheet_source(app, _static_name(asset))
    if source is None:
        return False
    stat = source.stat()
    return _combinable(source, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=32)
def _combinable(source: Path, size: int, modified: int) -> bool:
    """Whether a stylesheet can go into one file with others and be cut there (read once
    per version of the file, not for every page): no ``@import``, which only works at
    the top of a file, and braces the cutting reads as the browser does, none in a string
    and each closed. Any other is linked as written, for the browser to read."""
    text = _COMMENT.sub("", source.read_text(encoding="utf-8", errors="replace"))
    if "@import" in text or any("{" in found or "}" in found for found in _STRING.findall(text)):
        return False
    depth = 0
    for brace in _BRACES.findall(_STRING.sub("", text)):
        depth += 1 if brace == "{" else -1
        if depth < 0:
            return False
    return depth == 0


def _site_stylesheet_source(app: Sphinx, name: str) -> Path | None:
    """The file of html_static_path that ``_static/<name>`` is a copy of: read there, as
    the author last saved it (Sphinx 8.1 does not copy a changed one again)."""
    for folder in app.config.html_static_path:
        source = Path(app.confdir, folder, name)
        if source.is_file():
            return source
    return None


def _bundled(app: Sphinx, css: list[Any]) -> list[Any]:
    """``css`` with the run of stylesheets ``roads-styles.css`` holds replaced by it. A
    page that lists them otherwise (another order, another stylesheet between them) keeps
    them as they are: they are still written."""
    order = _bundle_order(app)
    # in the order of the page: Sphinx sorts them by priority (a stable sort) when it writes it
    css = sorted(css, key=lambda asset: getattr(asset, "priority", 500))
    names = [_static_name(asset) for asset in css]
    if not order or order[0] not in names:
        return css
    first = names.index(order[0])
    if names[first : first + len(order)] != order:
        return css
    run = css[first]
    bundle = type(run)(
        f"_static/{STYLES_BUNDLE}", priority=getattr(run, "priority", 500), **getattr(run, "attributes", {})
    )
    return [*css[:first], bundle, *css[first + len(order) :]]


class PageWords:
    """What one page uses: its classes, elements and the custom properties it names
    (an avatar's ``--roads-avatar-hue``), its own styles block left out."""

    def __init__(self, classes: set[str], tags: set[str], custom_properties: set[str]) -> None:
        self.classes, self.tags, self.custom_properties = classes, tags, custom_properties

    @classmethod
    def of(cls, text: str) -> PageWords:
        text = _INLINE_STYLES.sub("", text)
        classes = set(" ".join(_CLASS_ATTR.findall(text)).split())
        tags = {tag.lower() for tag in set(_HTML_TAG.findall(text))}
        # the page's own scripts may add classes too (phases.py's, in the head)
        if "<script>" in text:
            words = {word for script in _INLINE_SCRIPT.findall(text) for word in _JS_WORD.findall(script)}
            classes |= words
            tags |= {word.lower() for word in words}
        # named in a style attribute or a <style> of the page (furo's code colours)
        custom = (
            set(_CUSTOM_PROPERTY.findall(" ".join(_STYLE_ATTR.findall(text) + _STYLE_ELEMENT.findall(text))))
            if "--" in text
            else set()
        )
        return cls(classes, tags, custom)


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


#: a script written in the page
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
#: a style attribute, and a <style> element (two patterns, each starting with a literal:
#: one with an alternation or a ``\b`` first is ten times slower on a large page)
_STYLE_ATTR = re.compile(r'style="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL)


class SiteWords:
    """What the built site may use: the classes and elements of its pages, every word of
    its scripts (which may add one), and the custom properties named outside the
    stylesheets being cut."""

    def __init__(self, outdir: Path, cut_sources: set[str], known: dict[str, Any] | None = None) -> None:
        #: every page's words; ``known``: the last build's, by page, with the page's
        #: modification time and size then (a page not changed since is not read again)
        known = known or {}
        self.pages: dict[Path, PageWords] = {}
        self.texts: dict[Path, str] = {}  # the pages read
        for page in outdir.rglob("*.html"):
            before = known.get(page.relative_to(outdir).as_posix())
            if before is not None and tuple(before[0]) == _stamp(page):
                self.pages[page] = PageWords(*before[1:])
            else:
                self.texts[page] = page.read_text(encoding="utf-8")
                self.pages[page] = PageWords.of(self.texts[page])
        #: what the scripts may add to any page, and the properties read outside the cut sheets
        self.script_words: set[str] = set()
        self.elsewhere: set[str] = set()
        static = outdir / "_static"
        for script in static.rglob("*.js"):
            text = script.read_text(encoding="utf-8", errors="replace")
            self.script_words.update(_JS_WORD.findall(text))
            self.elsewhere.update(_CUSTOM_PROPERTY.findall(text))
        for sheet in static.rglob("*.css"):
            if sheet.relative_to(static).as_posix() not in cut_sources:  # site.css, pygments.css, ...
                text = sheet.read_text(encoding="utf-8", errors="replace")
                self.elsewhere.update(_VAR_REFERENCE.findall(text))
        self.script_tags = {word.lower() for word in self.script_words}
        self.classes = self.script_words.union(*(page.classes for page in self.pages.values()))
        self.tags = self.script_tags.union(*(page.tags for page in self.pages.values()))
        self.custom_properties = self.elsewhere.union(
            *(page.custom_properties for page in self.pages.values())
        )

    def page_styles(self, page: PageWords, styles: Styles) -> str:
        """``styles`` cut to what ``page`` uses (and its scripts may add)."""
        return styles.cut(
            page.classes | self.script_words,
            page.tags | self.script_tags,
            page.custom_properties | self.elsewhere,
        )


class ParsedSheets:
    """Stylesheets parsed by an earlier build, by their text's digest: most builds
    parse the same ones again (tens of milliseconds of a small site's build)."""

    def __init__(self, earlier: object) -> None:
        self.earlier: dict = earlier if isinstance(earlier, dict) else {}
        self.used: dict[bytes, Any] = {}

    def tree(self, text: str) -> Any:
        key = hashlib.blake2b(text.encode(), digest_size=16).digest()
        found = self.earlier.get(key)
        if not isinstance(found, tuple):
            found = _parsed(text)
        self.used[key] = found
        return found


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or not is_html_site(app.builder):
        return
    with cyclic_collector_paused():
        _finish_styles(app)


def _finish_styles(app: Sphinx) -> None:
    static = Path(app.outdir) / "_static"
    cuts = {source: cut for source, cut in _cuts(app).items() if (static / source).is_file()}
    if not cuts:
        return
    made = {*cuts.values(), STYLES_BUNDLE}
    cache_path = Path(app.doctreedir) / PAGES_CACHE
    try:
        cache = pickle.loads(cache_path.read_bytes())
    except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        cache = {}
    if not isinstance(cache, dict):
        cache = {}
    words = SiteWords(Path(app.outdir), {*cuts, *made, OWN_CSS}, cache.get("pages"))
    # each stylesheet parsed once, and kept parsed for the next build; cut, pruned and put
    # together as trees
    parsed = ParsedSheets(cache.get("parsed"))
    trees = {
        cut: _keep(parsed.tree((static / source).read_text(encoding="utf-8")), words.classes, words.tags)
        for source, cut in cuts.items()
    }
    own = static / OWN_CSS
    trees[OWN_CSS] = parsed.tree(minify(own.read_text(encoding="utf-8"))) if own.is_file() else ()
    # a property one stylesheet sets may be read by another: what is read, of them all
    live = _live_properties(tuple(node for tree in trees.values() for node in tree), words.custom_properties)
    trees = {name: _prune(tree, live) for name, tree in trees.items()}
    texts = {name: _render(tree) for name, tree in trees.items()}
    outputs = {cut: texts[cut] for cut in cuts.values()}
    order = _bundle_order(app)
    for name in order:  # the site's own stylesheets: as written, their url()s from _static/
        source = _site_stylesheet_source(app, name) if name not in texts else None
        if source is not None:
            texts[name] = rebase_urls(source.read_text(encoding="utf-8"), name)
            trees[name] = parsed.tree(texts[name])
    bundle = None
    if order and all(name in texts for name in order):
        outputs[STYLES_BUNDLE] = "\n".join(texts[name] for name in order)
        bundle = Styles(tuple(node for name in order for node in trees[name]))
    versions = {}
    for name, text in outputs.items():
        target = static / name
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        versions[name] = f"{zlib.crc32(text.encode()):08x}"
    inline = outputs.get(STYLES_BUNDLE) if app.config.roads_inline_styles else None
    if inline is not None and _RELATIVE_URL.search(inline):
        inline = None  # a url() relative to _static/ would be read relative to the page
    finished = [sorted(versions.items()), zlib.crc32((inline or "").encode())]
    skip = set() if cache.get("finished") != finished else set(words.pages) - set(words.texts)
    finish_pages(words, versions, bundle if inline is not None else None, skip)
    out = Path(app.outdir)
    pages = {
        path.relative_to(out).as_posix(): (_stamp(path), page.classes, page.tags, page.custom_properties)
        for path, page in words.pages.items()
    }
    with contextlib.suppress(OSError):  # read-only: the next build reads every page again
        cache_path.write_bytes(pickle.dumps({"finished": finished, "pages": pages, "parsed": parsed.used}))


_BUNDLE_LINK = re.compile(
    r"<link\b[^>]*\bhref=\"[^\"]*_static/" + re.escape(STYLES_BUNDLE) + r'(?:\?v=[0-9a-f]*)?"[^>]*>'
)
_INLINE_STYLES = re.compile(r'<style id="roads-styles">.*?</style>', re.DOTALL)


def _replacement(text: str, _match: re.Match[str]) -> str:
    return text


def finish_pages(words: SiteWords, versions: dict[str, str], inline: Styles | None, skip: set[Path]) -> None:
    """Give each page's link to a cut stylesheet the ``?v=`` of its content now, and,
    given ``inline`` (the site's ``roads-styles.css``, parsed), put in the page instead of
    its link the part of it that the page uses.

    The cut copies are written once every page is, so Sphinx, when it wrote a page, saw
    no file (a fresh build) or the previous build's (an incremental one); either way the
    checksum it wrote is replaced by the right one, and a page not rewritten gets the
    styles of this build: both builds give the same pages.

    Inline, the styles come with the page (24 to 31 KB, 6 to 7 KB gzipped, on this site)
    instead of one more request after it: on a phone's slow connection that request was
    most of the time before anything was drawn, and most visits are of one or two pages.

    ``skip``: pages not changed since the last build finished them with the same styles
    and versions (an incremental build does not read them)."""
    links = re.compile(r"(_static/(" + "|".join(map(re.escape, versions)) + r'))(\?v=[0-9a-f]*)?"')
    for path, page in words.pages.items():
        if path in skip:  # not changed since the last build finished it with the same styles
            continue
        text = words.texts.get(path)
        if text is None:
            text = path.read_text(encoding="utf-8")
        new = links.sub(lambda m: f'{m.group(1)}?v={versions[m.group(2)]}"', text)
        if inline is not None and (_INLINE_STYLES.search(new) or _BUNDLE_LINK.search(new)):
            # only "</style" could end the element early; "\/" is "/" in a CSS string
            styles = re.sub(r"</(?=style)", r"<\\/", words.page_styles(page, inline), flags=re.IGNORECASE)
            block = f'<style id="roads-styles">{styles}</style>'
            # a function, not the text: re.sub would read the backslashes in it
            new = _INLINE_STYLES.sub(functools.partial(_replacement, block), new)
            new = _BUNDLE_LINK.sub(functools.partial(_replacement, block), new, count=1)
        if new != text:
            path.write_text(new, encoding="utf-8")


def setup_assets(app: Sphinx) -> None:
    # after sphinx-design's builder-inited (priority 500), which adds its folder
    app.connect("builder-inited", _builder_inited, priority=600)
    app.connect("html-page-context", _page_assets, priority=900)
    app.connect("build-finished", _build_finished)
