"""Sharing: a generated social card image and each page's description for OpenGraph.

``roads_social_card = {"title": ..., "subtitle": ..., "footer": ...}`` (plus optional
colours "background", "accent", "color", "muted" and fonts "font", "title_font") in
``conf.py`` draws a 1200x630 PNG with Pillow at build time (text only, no photo;
the title defaults to the project's name), ships it as ``_static/roads-social-card.png`` and makes it sphinxext-opengraph's
``ogp_image`` unless one is set. A page's ``html_meta`` description (MyST front
matter) becomes its ``og:description`` too, instead of the page's first words.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import io
import json
import re
import shutil
import sys
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import conf_py_location
from ..core.build import code_digest, is_html_site
from ..core.report import warn
from ..diagnostics import RoadsWarning
from ..model.problems import did_you_mean

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

CARD_NAME = "roads-social-card.png"
#: the texts a card shows, each optional
TEXT_FIELDS = ("title", "subtitle", "footer")
#: its colours (any CSS colour Pillow reads: "#0e2a47", "rgb(14, 42, 71)", "navy"), defaults
COLOUR_FIELDS = {"background": "#0e2a47", "accent": "#ffc400", "color": "#ffffff", "muted": "#c8d6e5"}
#: its fonts: a .ttf/.otf file inside the project, relative to conf.py (Pillow's own font
#: without one); "font" for all texts, "title_font" for the title alone
FONT_FIELDS = ("font", "title_font")
CARD_FIELDS = (*TEXT_FIELDS, *COLOUR_FIELDS, *FONT_FIELDS)
CARD_SIZE = (1200, 630)

_META_DESCRIPTION = re.compile(
    r'<meta\s+(?=[^>]*\bname="description")[^>]*\bcontent="([^"]*)"', re.IGNORECASE
)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def render_card(title: str, subtitle: str = "", footer: str = "", style: dict[str, str] | None = None):
    """The card as a Pillow image: title, subtitle and footer on a coloured field.

    ``style`` holds checked colours and font paths (see ``checked_card``)."""
    from PIL import Image, ImageColor, ImageDraw, ImageFont

    style = {**COLOUR_FIELDS, **(style or {})}
    colour = {key: ImageColor.getrgb(style[key]) for key in COLOUR_FIELDS}

    def font(size: int, *keys: str):
        for key in keys:
            if style.get(key):
                return ImageFont.truetype(style[key], size=size)
        return ImageFont.load_default(size=size)

    image = Image.new("RGB", CARD_SIZE, colour["background"])
    draw = ImageDraw.Draw(image)
    margin = 80
    draw.rectangle((0, 0, 24, CARD_SIZE[1]), fill=colour["accent"])
    y = margin
    title_font = font(64, "title_font", "font")
    for line in _wrap(draw, title, title_font, CARD_SIZE[0] - 2 * margin)[:4]:
        draw.text((margin, y), line, font=title_font, fill=colour["color"])
        y += 80
    if subtitle:
        y += 24
        sub_font = font(36, "font")
        for line in _wrap(draw, subtitle, sub_font, CARD_SIZE[0] - 2 * margin)[:3]:
            draw.text((margin, y), line, font=sub_font, fill=colour["muted"])
            y += 48
    if footer:
        foot_font = font(32, "font")
        draw.text((margin, CARD_SIZE[1] - margin - 32), footer, font=foot_font, fill=colour["accent"])
    return image


def _font_problem(value: str, confdir: Path) -> tuple[str | None, str]:
    """(absolute path, "") for a usable font file inside the project, else (None, why)."""
    from PIL import ImageFont

    path = (confdir / value).resolve()
    if not path.is_relative_to(confdir.resolve()):
        return None, "is outside the project (give a path inside the folder of conf.py)"
    if not path.is_file():
        return None, "does not exist (give a .ttf or .otf file, relative to conf.py)"
    try:
        ImageFont.truetype(str(path), size=12)
    except OSError:
        return None, "is not a font file Pillow can read (give a .ttf or .otf file)"
    return str(path), ""


def checked_card(card: dict, location: Any = None, confdir: Path | str = ".") -> dict[str, str]:
    """The card's known fields with usable values; a warning (at ``location``, the line of
    conf.py) for each other entry.

    Texts must be non-empty; colours, CSS colours Pillow reads; fonts, font files inside
    the project (stored as absolute paths)."""
    from PIL import ImageColor

    checked = {}
    for key, value in card.items():
        if key not in CARD_FIELDS:
            warn(
                f"roads_social_card: unknown key {key!r}{did_you_mean(str(key), CARD_FIELDS)}; it is ignored",
                RoadsWarning.SOCIAL,
                location,
            )
        elif not isinstance(value, str) or not value.strip():
            warn(
                f"roads_social_card: {key!r} must be non-empty text, not {value!r}; it is ignored",
                RoadsWarning.SOCIAL,
                location,
            )
        elif key in COLOUR_FIELDS:
            try:
                ImageColor.getrgb(value)
            except ValueError:
                warn(
                    f"roads_social_card: {key!r} is {value!r}, not a colour; write a CSS colour "
                    f"such as {COLOUR_FIELDS[key]!r}; the default is used",
                    RoadsWarning.SOCIAL,
                    location,
                )
            else:
                checked[key] = value
        elif key in FONT_FIELDS:
            path, problem = _font_problem(value, Path(confdir))
            if path is None:
                warn(
                    f"roads_social_card: the {key!r} file {value!r} {problem}; Pillow's own font is used",
                    RoadsWarning.SOCIAL,
                    location,
                )
            else:
                checked[key] = path
        else:
            checked[key] = value
    return checked


def _config_inited(app: Sphinx, config: Config) -> None:
    card = config.roads_social_card
    if not card or not isinstance(card, dict):  # no card (config.check_settings warned of a wrong type)
        config.roads_social_card = None
        return
    card = checked_card(card, conf_py_location(app, "roads_social_card"), app.confdir)
    card.setdefault("title", config.project)
    config.roads_social_card = card
    if "ogp_image" in config and not config.ogp_image:
        config.ogp_image = f"_static/{CARD_NAME}"
        config.ogp_image_alt = card["title"]


def _builder_inited(app: Sphinx) -> None:
    """Draw the card into a folder beside the doctrees and ship it as a static file."""
    card = app.config.roads_social_card
    if not card or not is_html_site(app.builder):
        return
    folder = Path(app.doctreedir) / "roads-social"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / CARD_NAME
    stamp = folder / "card.sha256"
    # the picture is made from the card's texts and by roads_ext's drawing code
    fonts = {
        key: hashlib.sha256(Path(card[key]).read_bytes()).hexdigest() for key in FONT_FIELDS if key in card
    }
    made_from = json.dumps([card, fonts, code_digest()], sort_keys=True)
    wanted = hashlib.sha256(made_from.encode()).hexdigest()
    if not (target.is_file() and stamp.is_file() and stamp.read_text() == wanted):
        style = {key: card[key] for key in (*COLOUR_FIELDS, *FONT_FIELDS) if key in card}
        render_card(card["title"], card.get("subtitle", ""), card.get("footer", ""), style).save(
            target, format="PNG", optimize=True
        )
        stamp.write_text(wanted)
    # copied, not added to html_static_path: a changed configuration value would make
    # the next build say "The configuration has changed" and read every page again
    static_out = Path(app.outdir) / "_static"
    static_out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(target, static_out / CARD_NAME)


def _page_description(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """The page's own meta description is its OpenGraph description too."""
    found = _META_DESCRIPTION.search(context.get("metatags", "") or "")
    if found is None:
        return
    # a copy: the dict is the environment's metadata of the page
    meta = dict(context.get("meta") or {})
    meta.setdefault("og:description", unescape(found.group(1)))
    context["meta"] = meta


def _import_opengraph_quietly() -> None:
    """sphinxext-opengraph prints "matplotlib is not installed, social cards will not be
    generated" when it is imported without matplotlib, on every build; roads_ext draws
    the card itself, so the line is only noise. Imported here first (roads_ext listed
    before it in ``extensions``), with its output swallowed; Sphinx then reuses the module."""
    if "sphinxext.opengraph" in sys.modules:
        return
    with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(ImportError):
        importlib.import_module("sphinxext.opengraph")


def setup_social(app: Sphinx) -> None:
    _import_opengraph_quietly()
    app.connect("config-inited", _config_inited, priority=900)
    app.connect("builder-inited", _builder_inited)
    # before sphinxext-opengraph (500) reads the page's fields
    app.connect("html-page-context", _page_description, priority=400)
