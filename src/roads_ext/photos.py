"""Speaker photos that cost nothing: right-sized WebP with a JPEG/PNG fallback.

A ``speaker-card``'s ``:photo:`` is read with Pillow when the page is read: a file
that is not an image, or a corrupt one, is a ``roads.photo`` warning and the card
keeps its initials avatar. For the HTML site the photo becomes a ``<picture>``
with WebP at 1x and 2x the card's display size (96 CSS px), a fallback JPEG (PNG
when the photo has transparency), ``width``/``height`` and lazy loading below
the first row. The original file is never copied into the output: for HTML the
image node is replaced before the builder collects the images it copies; other
builders (latex, epub...) get the 2x fallback file, a format every one of them reads.

Derived files are cached under the doctree folder by the SHA-256 of the
original's bytes and the rendering settings, written atomically, so a rebuild
reuses them and parallel builds give the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import html
import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.osutil import relative_uri

from .shared import is_html_site, marked_nodes, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: the card shows a photo this many CSS pixels wide and high (6rem in roads.css)
DISPLAY_SIZE = 96
#: pixel densities rendered
DENSITIES = (1, 2)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
#: changes whenever the rendering changes, so stale cache entries are not reused
RENDER_VERSION = "1"
#: node attribute: the photo's path in the source folder, set when it was checked
PHOTO_ATTR = "roads_photo_source"
#: node attribute: the name of the person in the photo
NAME_ATTR = "roads_photo_name"
CACHE_FOLDER = "roads-photos"


class PhotoError(Exception):
    """The file cannot be used as a photo (not an image, corrupt, too large)."""


@dataclass(frozen=True)
class Rendition:
    name: str  # file name in the cache and in the output's image folder
    mime: str
    density: int
    width: int
    height: int


@dataclass(frozen=True)
class PhotoSet:
    """Every file derived from one original."""

    webp: tuple[Rendition, ...]
    fallback: tuple[Rendition, ...]

    @property
    def renditions(self) -> tuple[Rendition, ...]:
        return self.webp + self.fallback


def content_key(source: Path, size: int = DISPLAY_SIZE) -> str:
    """The key of ``source``'s renditions: its bytes and the rendering settings."""
    resolved = source.resolve()
    stat = resolved.stat()
    return _content_key(resolved, stat.st_size, stat.st_mtime_ns, size)


# a photo is shown on many pages: hash it once per process while its size and
# modification time stay the same
@functools.lru_cache(maxsize=1024)
def _content_key(source: Path, st_size: int, st_mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256()
    digest.update(f"roads-photo:{RENDER_VERSION}:{size}:{DENSITIES}:".encode())
    with source.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:20]


def _open(source: Path):
    """The photo decoded, upright, in RGB or RGBA; PhotoError when it cannot be."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # a decompression bomb is refused, not only warned about
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
    except UnidentifiedImageError:
        raise PhotoError("is not an image Pillow can read") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError("has too many pixels to be a photo") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise PhotoError(f"cannot be decoded ({error})") from None
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        image = image.convert("RGBA")
        if image.getchannel("A").getextrema()[0] == 255:
            image = image.convert("RGB")  # an alpha channel that is fully opaque
    else:
        image = image.convert("RGB")  # CMYK, greyscale, 16-bit, palette...
    return image


def derive(source: Path, cache: Path, size: int = DISPLAY_SIZE) -> PhotoSet:
    """The WebP and fallback renditions of ``source``, from the cache when there."""
    key = content_key(source, size)
    stem = f"{_safe_stem(source)}-{key}"
    for alpha in (False, True):
        # which fallback was made is known from the cache alone
        cached = _plan(stem, size, alpha)
        if all((cache / r.name).is_file() for r in cached.renditions):
            return cached
    image = _open(source)
    photo_set = _plan(stem, size, alpha=image.mode == "RGBA")
    cache.mkdir(parents=True, exist_ok=True)
    from PIL import ImageOps

    for rendition in photo_set.renditions:
        target = cache / rendition.name
        if target.exists():
            continue
        pixels = rendition.width
        square = ImageOps.fit(image, (pixels, pixels), method=3, centering=(0.5, 0.4))
        if rendition.mime == "image/webp":
            options: dict[str, Any] = {"format": "WEBP", "quality": WEBP_QUALITY, "method": 6}
        elif rendition.mime == "image/png":
            options = {"format": "PNG", "optimize": True}
        else:
            options = {"format": "JPEG", "quality": JPEG_QUALITY, "optimize": True, "progressive": True}
        _write_atomically(target, functools.partial(square.save, **options))
    return photo_set


def _plan(stem: str, size: int, alpha: bool) -> PhotoSet:
    """The renditions of one photo: names, types and sizes."""
    fallback_mime, fallback_ext = ("image/png", "png") if alpha else ("image/jpeg", "jpg")
    webp = tuple(
        Rendition(f"{stem}-{size * d}.webp", "image/webp", d, size * d, size * d) for d in DENSITIES
    )
    fallback = tuple(
        Rendition(f"{stem}-{size * d}.{fallback_ext}", fallback_mime, d, size * d, size * d)
        for d in DENSITIES
    )
    return PhotoSet(webp, fallback)


def _safe_stem(source: Path) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in source.stem.lower())
    return cleaned.strip("-")[:40] or "photo"


def _normal_file_mode() -> int:
    """The mode ``open()`` gives a new file: 0o666 less the umask. mkstemp's 0o600
    would keep a web server running as another user from reading the photos."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _normal_file_mode()


def _write_atomically(target: Path, write) -> None:
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=target.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.chmod(temporary, _FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def picture_html(photo_set: PhotoSet, base: str, alt: str, eager: bool) -> str:
    """``<picture>``: WebP sources, a fallback ``<img>`` with its size and loading."""

    def srcset(renditions: tuple[Rendition, ...]) -> str:
        return ", ".join(f"{html.escape(base + r.name)} {r.density}x" for r in renditions)

    first = photo_set.fallback[0]
    loading = "" if eager else ' loading="lazy"'
    return (
        '<picture class="roads-photo">'
        f'<source type="image/webp" srcset="{srcset(photo_set.webp)}">'
        f'<img class="roads-photo" src="{html.escape(base + first.name)}" '
        f'srcset="{srcset(photo_set.fallback)}" width="{first.width}" height="{first.height}" '
        f'alt="{html.escape(alt)}"{loading} decoding="async">'
        "</picture>"
    )


def cache_folder(env) -> Path:
    """Where derived files are kept: beside the doctrees, cleaned with them."""
    return Path(env.doctreedir) / CACHE_FOLDER


def picture_photos(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give each speaker photo its derived files, on ``doctree-resolved``.

    That is after the post-transforms (the initials avatars are added where a
    card has no image) and before the builder collects the images it copies, so
    the original is never copied. The HTML site gets a ``<picture>``; other
    builders (latex, epub...) get the 2x fallback JPEG/PNG, a format they all read.
    """
    builder = app.builder
    # the HTML site; an epub (format html too) keeps a plain image
    picture = is_html_site(builder)
    base = relative_uri(builder.get_target_uri(docname), builder.imagedir) + "/" if picture else ""
    cache = cache_folder(app.env)
    eager_left = None
    for image in marked_nodes(doctree, PHOTO_ATTR):
        source = Path(app.env.srcdir, image[PHOTO_ATTR].lstrip("/"))
        try:
            photo_set = derive(source, cache)
        except (PhotoError, OSError) as error:
            # changed or removed since it was read
            warn(f"speaker-card: photo {image[PHOTO_ATTR]!r} {error}; "
                 "an initials avatar is shown instead", "photo", image)
            from .people import avatar_html

            if picture:
                image.replace_self(nodes.raw("", avatar_html(image.get(NAME_ATTR, "")), format="html"))
            else:
                image.parent.remove(image)
            continue
        if not picture:
            use_fallback(app, image, docname, cache / photo_set.fallback[-1].name)
            continue
        if eager_left is None:
            eager_left = first_row_size(image)
        eager = eager_left > 0
        eager_left -= 1
        copy_to_output(photo_set, cache, Path(builder.outdir, builder.imagedir))
        markup = picture_html(photo_set, base, image.get("alt", ""), eager)
        image.replace_self(nodes.raw("", markup, format="html"))


def use_fallback(app: Sphinx, image: nodes.image, docname: str, rendition: Path) -> None:
    """Point ``image`` at a derived file and register it, so the builder copies that."""
    relative = os.path.relpath(rendition, app.env.srcdir).replace(os.sep, "/")
    app.env.images.add_file(docname, relative)
    image["uri"] = relative
    image["candidates"] = {"*": relative}


def first_row_size(image: nodes.image) -> int:
    """How many cards the grid holding ``image`` shows in its first row on a wide screen."""
    node = image.parent
    while node is not None:
        for cls in node.get("classes", []) if isinstance(node, nodes.Element) else []:
            if cls.startswith("sd-row-cols-lg-"):
                return int(cls.rsplit("-", 1)[1])
        node = node.parent
    return 1


def copy_to_output(photo_set: PhotoSet, cache: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for rendition in photo_set.renditions:
        target = out / rendition.name
        if not target.exists():
            with (cache / rendition.name).open("rb") as original:
                _write_atomically(target, functools.partial(shutil.copyfileobj, original))


def setup_photos(app: Sphinx) -> None:
    app.connect("doctree-resolved", picture_photos)
