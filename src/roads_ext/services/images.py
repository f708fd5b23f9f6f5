"""Everything that fills an image slot: a speaker's photo, a sponsor's logo, or initials.

A directive asks this module for a slot (:func:`image_slot`) with a *profile*:

- ``PORTRAIT``: a square crop shown 96 CSS px wide, as AVIF (where it is smaller than
  the WebP of the same size, and Pillow can write it), then WebP, at 1x and 2x, with a
  JPEG fallback (PNG when the picture has transparency): a speaker's photo; the 2x files,
  drawn at half size on a dense screen, at a lower quality (their flaws are half as big);
- ``LOGO``: the whole picture contained in a 160x64 CSS px box, any aspect ratio,
  never enlarged, transparency kept, as lossless WebP with a PNG fallback at 1x and
  2x (no AVIF: Pillow's is never lossless, and 2 to 10 times the lossless WebP on
  logos); an SVG logo is checked and published as its own file, shown with ``<img>``
  (never inlined into the page).

The file is checked when the page is read (:func:`checked_image`): a URL, a file
outside the project, a missing, unreadable or undecodable file, or an SVG that could
run code is a located warning of the caller's subtype (``roads.photo``,
``roads.sponsor``), and the slot shows the initials instead. The slot is a plain
docutils node carrying ``roads_image*`` attributes: an ``image`` node (so every
builder has something to show), or an empty ``inline`` standing for the initials.

At write time, found by those attributes (never by CSS classes):

- :class:`FillInitials` turns each initials slot into the decorative initials
  (HTML); :class:`DropInitials` removes it for other builders (the name is
  already there in words);
- :func:`publish_images` (on ``doctree-resolved``, before the builder collects the
  images it copies) gives each image its derived files: a ``<picture>`` on an HTML
  site; the 2x fallback file for latex, epub and the others. The original is never
  copied into the output.

Derived files are cached beside the doctrees under the SHA-256 of the original's
bytes and the profile, written atomically, so a rebuild reuses them and parallel
builds give the same bytes. Their names are the source's stem (ASCII, at most 40
characters), the key and the size: always far within any file system's limits,
however long a name or path an author writes.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..core.links import link_problem
from ..diagnostics import RoadsWarning
from .svg import ImageError, svg_size

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from ..core.directive import RoadsDirective

#: node attribute of an image slot: the file's path in the source folder ("/..."),
#: set once the file was checked
IMAGE_ATTR = "roads_image"
#: node attribute: the profile's name ("portrait", "logo")
PROFILE_ATTR = "roads_image_profile"
#: node attribute: the subtype of a warning about the file at write time ("photo")
SUBTYPE_ATTR = "roads_image_subtype"
#: node attribute of an image slot and of an initials slot: whose picture it is
#: (the initials come from it)
NAME_ATTR = "roads_image_name"
#: node attribute of an initials slot: its shape ("circle", "box")
INITIALS_ATTR = "roads_initials"
CACHE_FOLDER = "roads-images"
#: the longest stem a derived file's name keeps from the original's name
STEM_LENGTH = 40


@dataclass(frozen=True)
class Profile:
    """How one kind of slot shows its picture."""

    name: str
    #: the box the picture is shown in, in CSS pixels
    width: int
    height: int
    #: True: cropped to fill the box (a portrait); False: contained in it (a logo)
    crop: bool
    #: the class of the ``<picture>``/``<img>`` and of the initials
    css_class: str
    #: the shape of the initials shown without a picture
    initials_shape: str
    #: what the picture is called in warnings ("photo", "logo")
    what: str
    #: what is shown instead of a bad file, for warnings
    instead: str
    densities: tuple[int, ...] = (1, 2)
    #: SVG files accepted (published as they are)
    svg: bool = False
    #: changes whenever the rendering changes, so stale cache entries are not reused
    #: (4: AVIF renditions, and the manifest's "avif" list)
    version: str = "5"


PORTRAIT = Profile(
    "portrait",
    96,
    96,
    crop=True,
    css_class="roads-photo",
    initials_shape="circle",
    what="photo",
    instead="an initials avatar is shown instead",
)
LOGO = Profile(
    "logo",
    160,
    64,
    crop=False,
    css_class="roads-logo",
    initials_shape="box",
    what="logo",
    instead="the initials are shown instead",
    svg=True,
)
PROFILES = {profile.name: profile for profile in (PORTRAIT, LOGO)}

WEBP_QUALITY = 80
#: a photo's 2x WebP: each of its pixels is drawn half as big, so its artefacts are too;
#: on the bench's five noise photos 53 KB instead of 74 KB
WEBP_QUALITY_2X = 60
JPEG_QUALITY = 82
#: A photo's AVIF qualities. At 1x, the lowest whose error (mean absolute error and PSNR
#: against the resized original, over the bench's five noise photos) is no larger than the
#: WebP's; there AVIF gains nothing (16.3 KB against 15.8; its container alone weighs some
#: 200 bytes more than WebP's), so a 1x AVIF is rarely kept (see ``_served_avif``). At 2x,
#: lower, as the 2x WebP's: each pixel is drawn half as big on a dense screen, and so are
#: its artefacts. Quality 50 makes the five 34.9 KB instead of the WebP's 52.5 KB, with a
#: mean error of 15.8 against 14.7 (58, the WebP's error, made them 46.9 KB).
AVIF_QUALITY = 67
AVIF_QUALITY_2X = 50
#: libaom's speed (0 slowest, 10 fastest). Measured on those photos at 192 px, one thread:
#: speed 2 takes 1.6 s a photo for 48.4 KB (the five), 4 0.36 s for 47.1 KB, 6 0.04 s for
#: 46.9 KB, 8 0.02 s for 50.2 KB, 10 4 ms for 48.6 KB: 6 (Pillow's default) makes the
#: smallest files, and a slower speed only costs time.
AVIF_SPEED = 6
AVIF_OPTIONS: dict[str, Any] = {
    "format": "AVIF",
    "speed": AVIF_SPEED,
    # 4:2:0 (AV1's Main profile, which every AVIF decoder reads, and what WebP has):
    # 4:4:4 needs the High profile, which some hardware decoders (older iPhones' Safari)
    # refuse, and a browser that claims AVIF never falls back to the WebP
    "subsampling": "4:2:0",
    # one thread: the same bytes on every machine, and a 192 px photo gains nothing from more
    "max_threads": 1,
}
#: A picture with transparency: its alpha lossless (libaom's quantizer 0 for the alpha
#: image), as the WebP's is. At the photo's quality the alpha's edges moved by up to 21 of
#: 255, and its clear corners did not all stay clear. With it, a round cut-out of a bench
#: photo weighs 4.6 and 11.4 KB as AVIF against 3.6 and 10.3 KB as WebP: not kept.
AVIF_ALPHA_OPTIONS: dict[str, Any] = {"advanced": {"alpha:cq-level": "0"}}


@dataclass(frozen=True)
class Rendition:
    name: str  # file name in the cache and in the output's image folder
    mime: str
    density: int
    width: int  # pixels; CSS pixels are these divided by the density
    height: int


@dataclass(frozen=True)
class ImageSet:
    """Every file derived from one original for one profile."""

    webp: tuple[Rendition, ...]
    fallback: tuple[Rendition, ...]  # JPEG/PNG, or the one SVG
    #: the AVIF renditions smaller than the WebP of their size: none, the largest
    #: densities' (the 2x), or all; served first
    avif: tuple[Rendition, ...] = ()

    @property
    def renditions(self) -> tuple[Rendition, ...]:
        return self.avif + self.webp + self.fallback

    @property
    def is_svg(self) -> bool:
        return self.fallback[0].mime == "image/svg+xml"


# --- checking an author's path, when the page is read -------------------------------


def checked_image(
    directive: RoadsDirective,
    path: str,
    profile: Profile,
    subtype: RoadsWarning,
    line: int | None = None,
    option: str | None = None,
) -> str:
    """``path`` (relative to the page, or ``/``-rooted at the source folder) as
    ``/path`` in the source folder, after reading it as ``profile`` needs; or ""
    after a located ``roads.<subtype>`` warning.
    """
    if not path:
        return ""

    def refuse(problem: str) -> str:
        directive.warn(f"{profile.what} {path!r} {problem}; {profile.instead}", subtype, line, option)
        return ""

    if "://" in path or (link_problem(path) or "").startswith("uses "):
        return refuse("must be a file in the project, not a URL")
    resolved, problem = directive.project_file(path)
    if resolved is None:
        return refuse(problem)
    directive.env.note_dependency(str(resolved))
    try:
        # read now, so that a bad file is found at its line; the renditions
        # made here are cached for the HTML builder
        derive(resolved, cache_folder(directive.env), profile)
    except ImageError as error:
        return refuse(str(error))
    except OSError as error:  # unreadable (permissions, I/O): a warning, not a crash
        return refuse(f"cannot be read ({error.strerror or error})")
    return "/" + resolved.relative_to(Path(directive.env.srcdir).resolve()).as_posix()


def image_slot(path: str, profile: Profile, name: str, alt: str, subtype: RoadsWarning) -> nodes.Element:
    """The slot for ``name``'s picture: ``path`` (from :func:`checked_image`) as an
    image, or the initials when there is none. ``subtype`` is for a warning should
    the file go bad before the page is written."""
    if not path:
        return initials_slot(name, profile)
    return nodes.image(
        uri=path,
        alt=alt,
        classes=[profile.css_class],
        candidates={"*": path},
        **{IMAGE_ATTR: path, PROFILE_ATTR: profile.name, NAME_ATTR: name, SUBTYPE_ATTR: subtype},
    )


def initials_slot(name: str, profile: Profile = PORTRAIT) -> nodes.inline:
    """An empty node that becomes the initials at write time (HTML only)."""
    return nodes.inline("", "", **{INITIALS_ATTR: profile.initials_shape, NAME_ATTR: name})


def set_slot_name(holder: nodes.Element, name: str) -> None:
    """Give the slot inside ``holder`` the name as the site declares it."""
    for slot in holder.findall(nodes.Element):
        if NAME_ATTR in slot.attributes:
            slot[NAME_ATTR] = name


# --- the derived files ------------------------------------------------------------------


def content_key(source: Path, profile: Profile = PORTRAIT) -> str:
    """The key of ``source``'s renditions: its bytes and the profile."""
    resolved = source.resolve()
    stat = resolved.stat()
    return _content_key(resolved, stat.st_size, stat.st_mtime_ns, profile, _makes_avif(profile))


def avif_available() -> bool:
    """Whether the running Pillow writes AVIF (a Pillow built without libavif does not)."""
    from PIL import AvifImagePlugin, Image, features  # the plugin registers its writer

    return bool(features.check("avif")) and AvifImagePlugin.SUPPORTED and "AVIF" in Image.SAVE


def _makes_avif(profile: Profile) -> bool:
    """AVIF is tried for lossy renditions (a photo's), when Pillow writes it."""
    return profile.crop and avif_available()


# a picture is shown on many pages: hash it once per process while its size and
# modification time stay the same
@functools.lru_cache(maxsize=1024)
def _content_key(source: Path, st_size: int, st_mtime_ns: int, profile: Profile, avif: bool) -> str:
    digest = hashlib.sha256()
    # with or without AVIF, another set of files: a Pillow that gains AVIF makes them anew
    digest.update(f"roads-image:{json.dumps(asdict(profile), sort_keys=True)}:avif={avif}:".encode())
    with source.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:20]


def derive(source: Path, cache: Path, profile: Profile = PORTRAIT) -> ImageSet:
    """The renditions of ``source`` for ``profile``, from the cache when there.

    What was made is listed in a small manifest written last, so that a rebuild
    knows the files (and a logo's sizes) without decoding the original again.
    """
    stem = f"{safe_stem(source)}-{content_key(source, profile)}"
    manifest = cache / f"{stem}.json"
    cached = _read_manifest(manifest)
    if cached is not None and all((cache / r.name).is_file() for r in cached.renditions):
        return cached
    cache.mkdir(parents=True, exist_ok=True)
    if profile.svg and source.suffix.lower() == ".svg":
        image_set = _derive_svg(source, cache, stem, profile)
    else:
        image_set = _derive_raster(source, cache, stem, profile)
    payload = json.dumps({kind: [asdict(r) for r in getattr(image_set, kind)] for kind in _KINDS})
    _write_atomically(manifest, lambda stream: stream.write(payload.encode()))
    return image_set


_KINDS = ("webp", "fallback", "avif")


def _read_manifest(manifest: Path) -> ImageSet | None:
    """The manifest's set; None for a missing or unreadable one, or one of another
    shape (an older version's, without "avif"), which is then made again."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        return ImageSet(**{kind: tuple(Rendition(**r) for r in data[kind]) for kind in _KINDS})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _open(source: Path) -> PILImage:
    """The picture decoded, upright, in RGB or RGBA; ImageError when it cannot be."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    image: PILImage
    try:
        with warnings.catch_warnings():
            # a decompression bomb is refused, not only warned about
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as opened:
                opened.load()
                image = ImageOps.exif_transpose(opened)
    except UnidentifiedImageError:
        raise ImageError("is not an image Pillow can read") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError("has too many pixels to be a photo") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageError(f"cannot be decoded ({error})") from None
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    if has_alpha:
        image = image.convert("RGBA")
        if image.getchannel("A").getextrema()[0] == 255:
            image = image.convert("RGB")  # an alpha channel that is fully opaque
    else:
        image = image.convert("RGB")  # CMYK, greyscale, 16-bit, palette...
    return image


def _derive_raster(source: Path, cache: Path, stem: str, profile: Profile) -> ImageSet:
    from PIL import Image, ImageOps

    image = _open(source)
    alpha = image.mode == "RGBA"
    if profile.crop and not alpha:  # a photo
        fallback_mime, fallback_ext = "image/jpeg", "jpg"
    else:  # transparency, or a logo's flat colours and sharp edges
        fallback_mime, fallback_ext = "image/png", "png"
    avif_wanted = _makes_avif(profile)
    webp: list[Rendition] = []
    fallback: list[Rendition] = []
    # each density's AVIF smaller than its WebP, and its bytes (None: in the cache already)
    avif: list[tuple[Rendition, bytes | None]] = []
    for density in profile.densities:
        box = (profile.width * density, profile.height * density)
        if profile.crop:
            sized = ImageOps.fit(image, box, method=Image.Resampling.BICUBIC, centering=(0.5, 0.4))
        else:
            # contained in the box, never enlarged (an enlarged raster only blurs)
            scale = min(box[0] / image.width, box[1] / image.height, 1)
            size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            sized = image.resize(size, Image.Resampling.LANCZOS) if size != image.size else image
        pixels = f"{sized.width}x{sized.height}" if not profile.crop else str(sized.width)
        for mime, ext, made in (("image/webp", "webp", webp), (fallback_mime, fallback_ext, fallback)):
            rendition = Rendition(f"{stem}-{pixels}.{ext}", mime, density, sized.width, sized.height)
            made.append(rendition)
            target = cache / rendition.name
            if target.exists():
                continue
            if mime == "image/webp":
                options: dict[str, Any] = (
                    {
                        "format": "WEBP",
                        "quality": WEBP_QUALITY if density == 1 else WEBP_QUALITY_2X,
                        "method": 6,
                    }
                    if profile.crop
                    else {"format": "WEBP", "lossless": True, "quality": 100, "method": 6}
                )
            elif mime == "image/png":
                options = {"format": "PNG", "optimize": True}
            else:
                options = {"format": "JPEG", "quality": JPEG_QUALITY, "optimize": True, "progressive": True}
            _write_atomically(target, functools.partial(sized.save, **options))
        if avif_wanted:
            rendition = Rendition(f"{stem}-{pixels}.avif", "image/avif", density, sized.width, sized.height)
            if (cache / rendition.name).exists():  # made, and kept, before
                avif.append((rendition, None))
            else:
                encoded = _avif_bytes(sized, density)
                if encoded is not None and len(encoded) < (cache / webp[-1].name).stat().st_size:
                    avif.append((rendition, encoded))
    kept = _served_avif(avif, profile.densities)
    for rendition, encoded in kept:
        if encoded is not None:
            _write_atomically(cache / rendition.name, lambda stream, data=encoded: stream.write(data))
    return ImageSet(tuple(webp), tuple(fallback), tuple(rendition for rendition, _ in kept))


def _avif_bytes(sized: PILImage, density: int) -> bytes | None:
    """``sized`` as AVIF at the density's quality; None when the encoder fails (then the
    WebP is served, as with a Pillow without AVIF)."""
    out = io.BytesIO()
    quality = AVIF_QUALITY if density == 1 else AVIF_QUALITY_2X
    options: dict[str, Any] = {**AVIF_OPTIONS, **(AVIF_ALPHA_OPTIONS if sized.mode == "RGBA" else {})}
    try:
        sized.save(out, quality=quality, **options)
    except (OSError, ValueError):
        return None
    return out.getvalue()


def _served_avif(
    avif: list[tuple[Rendition, bytes | None]], densities: tuple[int, ...]
) -> list[tuple[Rendition, bytes | None]]:
    """The AVIF renditions worth serving: each one smaller than the WebP of its size
    (``avif`` holds only those), and kept only as the highest densities, which a
    ``<source media=...>`` can serve alone; a lone 1x AVIF would be shown blurred,
    enlarged, on a dense screen, so it is dropped."""
    made = {rendition.density for rendition, _ in avif}
    if not made:
        return []
    served = {density for density in densities if density >= min(made)}
    return avif if made == served else []


# --- SVG logos: published as files, shown with <img>, never inlined -----------------------


def _derive_svg(source: Path, cache: Path, stem: str, profile: Profile) -> ImageSet:
    """Check an SVG logo and publish it as it is, sized to fit the profile's box."""
    width, height = svg_size(source.read_bytes())
    scale = min(profile.width / width, profile.height / height)
    shown = (max(1, round(width * scale)), max(1, round(height * scale)))
    rendition = Rendition(f"{stem}.svg", "image/svg+xml", 1, *shown)
    target = cache / rendition.name
    if not target.exists():
        with source.open("rb") as original:
            _write_atomically(target, functools.partial(shutil.copyfileobj, original))
    return ImageSet((), (rendition,))


# --- files --------------------------------------------------------------------------------


def safe_stem(source: Path) -> str:
    """The start of a derived file's name: ASCII letters, digits, "-" and "_" only."""
    cleaned = re.sub(r"[^a-z0-9_]+", "-", source.stem.lower())
    return cleaned.strip("-")[:STEM_LENGTH].strip("-") or "image"


def _normal_file_mode() -> int:
    """The mode ``open()`` gives a new file: 0o666 less the umask. mkstemp's 0o600
    would keep a web server running as another user from reading the pictures."""
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


def cache_folder(env) -> Path:
    """Where derived files are kept: beside the doctrees, cleaned with them."""
    return Path(env.doctreedir) / CACHE_FOLDER


# --- the HTML ---------------------------------------------------------------------------------


# --- at write time --------------------------------------------------------------------------
