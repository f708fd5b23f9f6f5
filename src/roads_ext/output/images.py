"""The pictures each page shows: a slot's renditions copied into the output and written
as ``<picture>``/``<img>``, or the initials shown without a picture (HTML); the slots
and their renditions are :mod:`roads_ext.services.images`'."""

from __future__ import annotations

import functools
import html
import os
import shutil
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from ..core.build import is_html_site
from ..core.pages import marked_nodes, source_line
from ..core.report import warn
from ..diagnostics import RoadsWarning
from ..model.people import initials
from ..services.images import (
    IMAGE_ATTR,
    INITIALS_ATTR,
    NAME_ATTR,
    PORTRAIT,
    PROFILE_ATTR,
    PROFILES,
    SUBTYPE_ATTR,
    ImageSet,
    Rendition,
    _write_atomically,
    cache_folder,
    derive,
)
from ..services.svg import ImageError

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def copy_to_output(image_set: ImageSet, cache: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for rendition in image_set.renditions:
        target = out / rendition.name
        if not target.exists():
            with (cache / rendition.name).open("rb") as original:
                _write_atomically(target, functools.partial(shutil.copyfileobj, original))


def picture_html(image_set: ImageSet, base: str, alt: str, eager: bool, css_class: str) -> str:
    """``<picture>``: the AVIF source (if any), the WebP source, a fallback ``<img>``
    with its size and loading; an SVG as an ``<img>`` of its own file."""

    def srcset(renditions: tuple[Rendition, ...]) -> str:
        return ", ".join(f"{html.escape(base + r.name)} {r.density}x" for r in renditions)

    first = image_set.fallback[0]
    loading = "" if eager else ' loading="lazy"'
    size = f'width="{first.width // first.density}" height="{first.height // first.density}"'
    if image_set.is_svg:
        return (
            f'<img class="{css_class}" src="{html.escape(base + first.name)}" {size} '
            f'alt="{html.escape(alt)}"{loading} decoding="async">'
        )
    avif = ""
    if image_set.avif:
        avif = f'<source type="image/avif"{avif_media(image_set)} srcset="{srcset(image_set.avif)}">'
    return (
        f'<picture class="{css_class}">{avif}'
        f'<source type="image/webp" srcset="{srcset(image_set.webp)}">'
        f'<img class="{css_class}" src="{html.escape(base + first.name)}" '
        f'srcset="{srcset(image_set.fallback)}" {size} '
        f'alt="{html.escape(alt)}"{loading} decoding="async">'
        "</picture>"
    )


def avif_media(image_set: ImageSet) -> str:
    """The ``media`` attribute of an AVIF source that lacks the lower densities (its 1x
    AVIF was not smaller than the WebP): only screens dense enough for the lowest
    AVIF's density take it, halfway between that and the density below; others take
    the WebP source."""
    lowest = min(r.density for r in image_set.avif)
    below = [r.density for r in image_set.webp if r.density < lowest]
    if not below:
        return ""
    return f' media="(min-resolution: {(max(below) + lowest) / 2:g}dppx)"'


def initials_html(name: str, shape: str = "circle") -> str:
    """Decorative initials in a colour stable per name (the name is written beside them)."""
    hue = zlib.crc32(name.encode("utf-8")) % 360
    letters = html.escape(initials(name))
    classes = "roads-avatar" if shape == "circle" else f"roads-avatar roads-initials-{shape}"
    return f'<span class="{classes}" style="--roads-avatar-hue: {hue}" aria-hidden="true">{letters}</span>'


def _replace(slot: nodes.Element, markup: str) -> None:
    """Put raw HTML in the slot's place. ``replace_self`` gives the new node the old
    one's classes, and a raw node with classes is wrapped in a ``<div>``; the markup
    carries its own classes."""
    raw = nodes.raw("", markup, format="html")
    slot.replace_self(raw)
    raw["classes"] = []
    raw["ids"] = []


class FillInitials(SphinxPostTransform):
    """Each initials slot becomes the initials on an HTML page."""

    default_priority = 30  # after people.FillPeopleFromRegistry names the slots
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for slot in marked_nodes(self.document, INITIALS_ATTR):
            shape = slot.attributes.pop(INITIALS_ATTR)
            _replace(slot, initials_html(slot.get(NAME_ATTR, ""), shape))


class DropInitials(SphinxPostTransform):
    """Other builders leave the initials out: the name is written beside them."""

    default_priority = 31

    def run(self, **kwargs: Any) -> None:
        for slot in marked_nodes(self.document, INITIALS_ATTR):
            slot.parent.remove(slot)


def publish_images(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give each image slot its derived files, on ``doctree-resolved``.

    That is after the post-transforms and before the builder collects the images
    it copies, so the original is never copied. The HTML site gets a ``<picture>``
    (an SVG an ``<img>``); other builders (latex, epub...) get the 2x fallback
    JPEG/PNG, a format they all read, and an SVG where they read SVG; a builder
    that shows no images (text) or cannot show an SVG (latex) gets none.
    """
    builder = app.builder
    # the HTML site; an epub (format html too) keeps a plain image
    picture = is_html_site(builder)
    base = relative_uri(builder.get_target_uri(docname), builder.imagedir) + "/" if picture else ""
    cache = cache_folder(app.env)
    eager_left = None
    for image in marked_nodes(doctree, IMAGE_ATTR):
        profile = PROFILES.get(image.get(PROFILE_ATTR, ""), PORTRAIT)
        source = Path(app.env.srcdir, image[IMAGE_ATTR].lstrip("/"))
        try:
            image_set = derive(source, cache, profile)
        except (ImageError, OSError) as error:
            # changed or removed since it was read
            problem = (
                str(error)
                if isinstance(error, ImageError)
                else (f"cannot be read ({error.strerror or error})")
            )
            warn(
                f"{profile.what} {image[IMAGE_ATTR]!r} {problem}; {profile.instead}",
                RoadsWarning.of(image.get(SUBTYPE_ATTR, RoadsWarning.PHOTO)),
                (docname, source_line(image, 0) or None),
            )
            if app.builder.format == "html":
                _replace(image, initials_html(image.get(NAME_ATTR, ""), profile.initials_shape))
            else:
                image.parent.remove(image)
            continue
        if not picture:
            fallback = image_set.fallback[-1]
            if fallback.mime in builder.supported_image_types:
                use_file(app, image, docname, cache / fallback.name)
            else:  # text, or an SVG logo in a LaTeX document: the name is written beside it
                image.parent.remove(image)
            continue
        if eager_left is None:
            eager_left = first_row_size(image)
        eager = eager_left > 0
        eager_left -= 1
        copy_to_output(image_set, cache, Path(builder.outdir, builder.imagedir))
        markup = picture_html(image_set, base, image.get("alt", ""), eager, profile.css_class)
        _replace(image, markup)


def use_file(app: Sphinx, image: nodes.Element, docname: str, rendition: Path) -> None:
    """Point ``image`` at a derived file and register it, so the builder copies that."""
    relative = os.path.relpath(rendition, app.env.srcdir).replace(os.sep, "/")
    app.env.images.add_file(docname, relative)
    image["uri"] = relative
    image["candidates"] = {"*": relative}


def first_row_size(image: nodes.Element) -> int:
    """How many cards the grid holding ``image`` shows in its first row on a wide screen."""
    node = image.parent
    while node is not None:
        classes: list[str] = node.get("classes", []) if isinstance(node, nodes.Element) else []
        for cls in classes:
            if cls.startswith("sd-row-cols-lg-"):
                return int(cls.rsplit("-", 1)[1])
        node = node.parent
    return 1


def setup_images(app: Sphinx) -> None:
    app.add_post_transform(FillInitials)
    app.add_post_transform(DropInitials)
    app.connect("doctree-resolved", publish_images)
