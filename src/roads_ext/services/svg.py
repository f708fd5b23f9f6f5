"""An SVG logo checked as text, no Sphinx: its size, its encoding, and nothing in it that
runs or loads another file (scripts, event handlers, external references, animations).
Published as a file and shown with ``<img>``, never inlined (:mod:`roads_ext.services.images`)."""

from __future__ import annotations

import html
import math
import re

#: what a doctype may name: the W3C's own SVG DTDs, which no browser fetches
_W3C_SVG_DTD = re.compile(r"^https?://www\.w3\.org/Graphics/SVG/1\.[01]/DTD/svg[\w-]*\.dtd$")


#: an SVG logo larger than this is refused (a logo is a few kB)
SVG_MAX_BYTES = 1 << 20


class ImageError(Exception):
    """The file cannot be used as a picture (not an image, corrupt, too large, unsafe)."""


_SVG_DANGER = re.compile(
    r"<!ENTITY|<!DOCTYPE[^>]*\[|<\s*(?:[\w-]+:)?(?:script|foreignObject|iframe|embed|object|handler)\b"
    r"|\son[a-z]+\s*=|[\"'(=]\s*(?:javascript|vbscript|data)\s*:|@import",
    re.IGNORECASE,
)

#: a CSS ``url(...)`` that is not a reference inside the file (``url(#gradient)``)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)([^)'\"]*)", re.IGNORECASE)

#: the encoding an XML declaration names
_XML_ENCODING = re.compile(r"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']""")

#: a document type that names an outside file (``SYSTEM "..."`` or ``PUBLIC "..." "..."``)
_DOCTYPE_ID = re.compile(
    r"""<!DOCTYPE\s+\S+\s+(?:SYSTEM|PUBLIC\s+(["'])[^"']*\1)\s*(["'])([^"']*)\2""", re.IGNORECASE
)

#: elements that change another attribute of the drawing (``to="javascript:..."``)
_ANIMATIONS = frozenset({"set", "animate", "animateMotion", "animateTransform"})

_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*(px)?\s*$")


def svg_size(data: bytes) -> tuple[float, float]:
    """The intrinsic width and height of an SVG (for its aspect ratio).

    ImageError for a file that is not well-formed SVG in UTF-8, or that holds anything
    able to run code or fetch something when the file is opened on its own (scripts,
    event handlers, embedded documents, ``javascript:``/``data:`` links, entities,
    outside files): a logo has no need of them, and the site would serve the file from
    its own origin. The checks read the text as a browser does: decoded, its character
    references (``&#40;``) replaced.
    """
    from xml.etree import ElementTree

    if len(data) > SVG_MAX_BYTES:
        raise ImageError(f"is larger than {SVG_MAX_BYTES // 1024} kB, too large for a logo")
    text = _svg_text(data)
    # read as the browser reads it: with its character references (&#40;) replaced
    _refuse_dangerous(html.unescape(text))
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise ImageError(f"is not well-formed SVG ({error})") from None
    if root.tag not in ("svg", "{http://www.w3.org/2000/svg}svg"):
        raise ImageError("is not an SVG image (its root element is not <svg>)")
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        for attribute, value in element.attrib.items():
            name = attribute.rsplit("}", 1)[-1]
            if name == "href" and not value.lstrip().startswith("#"):
                raise ImageError(f"links to {value!r}; a logo must hold all it shows")
            if tag in _ANIMATIONS and name == "attributeName" and value.rsplit(":", 1)[-1] == "href":
                raise ImageError(
                    "changes a link as it plays, which could run code; export the logo again "
                    "as a plain SVG (or PNG)"
                )
    width, height = (_svg_length(root.get(side)) for side in ("width", "height"))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            box_width, box_height = float(box[2]), float(box[3])
        except ValueError:
            box_width = box_height = 0
        if not (math.isfinite(box_width) and math.isfinite(box_height)):
            box_width = box_height = 0
        if box_width > 0 and box_height > 0:
            if width and not height:
                return _finite_size(width, width * box_height / box_width)
            if height and not width:
                return _finite_size(height * box_width / box_height, height)
            if not (width and height):
                return _finite_size(box_width, box_height)
    if width and height:
        return _finite_size(width, height)
    raise ImageError(
        "has neither a viewBox nor a width and height, so its shape is unknown; "
        "give the <svg> element a viewBox"
    )


def _svg_text(data: bytes) -> str:
    """The SVG's text, which must be UTF-8 (or ASCII, or carry UTF-8's byte order mark):
    every drawing program writes it, and a file in another encoding would hide what it
    holds from these checks."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImageError("is not UTF-8 text; export the logo again as SVG in UTF-8 (or as PNG)") from None
    declared = _XML_ENCODING.match(text)
    # an ASCII file reads the same in any encoding a browser knows that keeps ASCII
    if (
        declared is not None
        and not data.isascii()
        and declared.group(1).strip().lower() not in ("utf-8", "utf8")
    ):
        raise ImageError(
            f"says it is written in {declared.group(1)!r}; export the logo again as SVG in UTF-8 (or as PNG)"
        )
    if "\x00" in text:
        raise ImageError("is not UTF-8 text; export the logo again as SVG in UTF-8 (or as PNG)")
    return text


def _refuse_dangerous(text: str) -> None:
    danger = _SVG_DANGER.search(text)
    if danger is not None:
        raise ImageError(
            f"holds {danger.group(0).strip()!r}, which could run code; export the logo again as a plain SVG (or PNG)"
        )
    outside = _CSS_URL.search(text)
    if outside is not None:
        raise ImageError(f"links to {outside.group(1)!r}; a logo must hold all it shows")
    doctype = _DOCTYPE_ID.search(text)
    if doctype is not None and not _W3C_SVG_DTD.match(doctype.group(3)):
        raise ImageError(f"names the outside file {doctype.group(3)!r}; a logo must hold all it shows")


def _finite_size(width: float, height: float) -> tuple[float, float]:
    """A size a picture can have: not infinite, and its sides not a billion times apart."""
    if not (math.isfinite(width) and math.isfinite(height)) or width <= 0 or height <= 0:
        raise ImageError(
            "has a size that cannot be drawn (infinite or zero); give the <svg> element a viewBox"
        )
    if max(width / height, height / width) > 1e9:
        raise ImageError(
            f"has a shape that cannot be drawn ({width:g} by {height:g}); give the <svg> element a viewBox"
        )
    return width, height


def _svg_length(value: str | None) -> float:
    match = _LENGTH.match(value or "")
    if match is None:
        return 0
    length = float(match.group(1))
    return length if length > 0 and math.isfinite(length) else 0
