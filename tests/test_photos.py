"""Speaker photos (the images module's portrait profile): any size or format in, small
AVIF (where it is smaller) + WebP + fallback out, never the original.

Every image here is made by the test itself: no photo of a person is committed.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from roads_ext.services import images
from sitebuild import generated_photo, sphinx_build


def big_png() -> bytes:
    """A 3000x3000 PNG of several MB (noise does not compress)."""
    noise = Image.effect_noise((3000, 3000), 64)
    gradient = Image.linear_gradient("L").resize((3000, 3000))
    image = Image.merge("RGB", (noise, gradient, noise.transpose(Image.Transpose.ROTATE_90)))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()


def cmyk_jpeg() -> bytes:
    image = Image.new("CMYK", (640, 480), (0, 200, 200, 20))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def transparent_png() -> bytes:
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    for x in range(100, 200):
        for y in range(50, 150):
            image.putpixel((x, y), (200, 30, 30, 255))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="module")
def pictures() -> dict[str, bytes]:
    return {"big.png": big_png(), "cmyk.jpg": cmyk_jpeg(), "clear.png": transparent_png()}


def card(name: str, photo: str) -> str:
    return f"```{{speaker-card}} {name}\n:affiliation: Test University\n:photo: {photo}\n```\n\n"


def built_images(build) -> dict[str, Path]:
    folder = Path(build.app.outdir, "_images")
    return {path.name: path for path in folder.iterdir()} if folder.exists() else {}


def test_big_png_becomes_small_webp_and_jpeg_in_a_picture(build_page, pictures):
    assert len(pictures["big.png"]) > 5_000_000  # the input really is large
    build = build_page(card("Ada Lovelace", "photos/big.png"), files={"photos/big.png": pictures["big.png"]})
    assert build.warning_lines() == []
    soup = BeautifulSoup(build.html, "html.parser")
    picture = soup.select_one(".roads-speaker-card picture")
    assert picture is not None
    # pure noise at every scale: its AVIF, made, is not smaller than the WebP, so not served
    assert [s["type"] for s in picture.find_all("source")] == ["image/webp"]
    source = picture.find("source")
    webp_1x, webp_2x = (entry.split() for entry in source["srcset"].split(", "))
    assert webp_1x[1] == "1x" and webp_2x[1] == "2x"
    img = picture.find("img")
    assert img["alt"] == "Photo of Ada Lovelace"
    assert (img["width"], img["height"]) == ("96", "96")
    assert img["src"].startswith("_images/") and img["src"].endswith("-96.jpg")
    assert "loading" not in img.attrs  # the first row is loaded at once
    files = built_images(build)
    # the original is never shipped, only the four renditions
    assert "big.png" not in files
    assert sorted(Path(name).suffix for name in files) == [".jpg", ".jpg", ".webp", ".webp"]
    for url, size in ((webp_1x[0], 96), (webp_2x[0], 192), (img["src"], 96)):
        with Image.open(Path(build.app.outdir, url)) as out:
            assert out.size == (size, size)
    assert sum(path.stat().st_size for path in files.values()) < 40_000
    assert not any(len(path.read_bytes()) == len(pictures["big.png"]) for path in files.values())
    # readable by a web server running as another user, as any file the build writes
    umask = os.umask(0o022)
    os.umask(umask)
    assert {path.stat().st_mode & 0o777 for path in files.values()} == {0o666 & ~umask}


def test_the_2x_webp_is_lighter_than_at_the_1x_quality(build_page, pictures):
    """The 2x WebP, drawn at half size on a dense screen, is saved at a lower quality."""
    from PIL import ImageOps

    build = build_page(card("Ada Lovelace", "photos/big.png"), files={"photos/big.png": pictures["big.png"]})
    source = BeautifulSoup(build.html, "html.parser").select_one(".roads-speaker-card picture source")
    url_2x = source["srcset"].split(", ")[1].split()[0]
    made = Path(build.app.outdir, url_2x).stat().st_size
    with Image.open(io.BytesIO(pictures["big.png"])) as original:
        same = ImageOps.fit(original, (192, 192), method=Image.Resampling.BICUBIC, centering=(0.5, 0.4))
    at_1x_quality = io.BytesIO()
    same.save(at_1x_quality, format="WEBP", quality=images.WEBP_QUALITY, method=6)
    assert images.WEBP_QUALITY_2X < images.WEBP_QUALITY
    assert made < 0.85 * len(at_1x_quality.getvalue())


def mean_abs_error(made: Path, reference: Image.Image) -> float:
    from PIL import ImageChops, ImageStat

    with Image.open(made) as out:
        difference = ImageChops.difference(reference, out.convert("RGB"))
    return sum(ImageStat.Stat(difference).mean) / 3


def portrait(photo: bytes, size: int) -> Image.Image:
    """The photo cropped and resized as the portrait profile does, before encoding."""
    from PIL import ImageOps

    with Image.open(io.BytesIO(photo)) as original:
        return ImageOps.fit(original.convert("RGB"), (size, size), method=Image.Resampling.BICUBIC,
                            centering=(0.5, 0.4))


def sources(build) -> list[dict[str, str]]:
    picture = BeautifulSoup(build.html, "html.parser").select_one(".roads-speaker-card picture")
    return [dict(source.attrs) for source in picture.find_all("source")]


@pytest.fixture(scope="module")
def noisy_photo() -> bytes:
    """A generated 'photo' (blotches and grain, the bench's kind) small enough that its
    AVIF is smaller than its WebP at both sizes."""
    return generated_photo(1, size=600)


def test_avif_comes_first_smaller_than_the_webp_and_hardly_worse(build_page, noisy_photo):
    build = build_page(card("Ada Lovelace", "photo.png"), files={"photo.png": noisy_photo})
    assert build.warning_lines() == []
    avif, webp = sources(build)
    assert (avif["type"], webp["type"]) == ("image/avif", "image/webp")
    assert "media" not in avif  # both sizes, for every screen
    avif_entries = [entry.split() for entry in avif["srcset"].split(", ")]
    webp_entries = [entry.split() for entry in webp["srcset"].split(", ")]
    assert [shown for _, shown in avif_entries] == ["1x", "2x"]
    out = Path(build.app.outdir)
    files = built_images(build)
    assert sorted(Path(name).suffix for name in files) == [".avif", ".avif", ".jpg", ".jpg", ".webp", ".webp"]
    for (avif_url, _), (webp_url, _), size in zip(avif_entries, webp_entries, (96, 192), strict=True):
        assert avif_url.startswith("_images/") and avif_url.endswith(f"-{size}.avif")
        assert Path(avif_url).name in files
        with Image.open(out / avif_url) as made:
            assert made.format == "AVIF" and made.size == (size, size) and made.mode == "RGB"
        assert (out / avif_url).stat().st_size < (out / webp_url).stat().st_size, size
        # at 1x no worse than the WebP (its error against the resized original is no
        # larger); at 2x, drawn at half size on a dense screen, at most a tenth worse
        reference = portrait(noisy_photo, size)
        allowed = 1.0 if size == 96 else 1.1
        assert mean_abs_error(out / avif_url, reference) <= allowed * mean_abs_error(out / webp_url, reference), size


def test_a_2x_only_avif_is_for_dense_screens(build_page):
    """One of the bench's large photos: at 96 px its AVIF is not smaller than the WebP
    (AVIF's container weighs some 300 bytes), at 192 px it is. The AVIF source then
    holds the 2x file alone, for screens of 1.5 dppx or more; others take the WebP."""
    build = build_page(card("Ada Lovelace", "photo.png"), files={"photo.png": generated_photo(3)})
    assert build.warning_lines() == []
    avif, webp = sources(build)
    assert avif["type"] == "image/avif" and avif["media"] == "(min-resolution: 1.5dppx)"
    url, shown = avif["srcset"].split()
    assert url.endswith("-192.avif") and shown == "2x"
    assert [entry.split()[1] for entry in webp["srcset"].split(", ")] == ["1x", "2x"]
    files = built_images(build)
    assert [name for name in files if name.endswith(".avif")] == [Path(url).name]
    webp_2x = Path(build.app.outdir, webp["srcset"].split(", ")[1].split()[0])
    assert Path(build.app.outdir, url).stat().st_size < webp_2x.stat().st_size


def test_without_avif_in_pillow_the_webp_is_served(build_page, noisy_photo, monkeypatch, tmp_path):
    """A Pillow built without libavif: no AVIF, the WebP first as before, no warning."""
    from PIL import features

    checked = features.check
    monkeypatch.setattr(features, "check", lambda feature: False if feature == "avif" else checked(feature))
    assert not images.avif_available()
    build = build_page(card("Ada Lovelace", "photo.png"), files={"photo.png": noisy_photo})
    assert build.warning_lines() == []
    assert [source["type"] for source in sources(build)] == ["image/webp"]
    assert sorted(Path(name).suffix for name in built_images(build)) == [".jpg", ".jpg", ".webp", ".webp"]
    # the cache keeps the two apart: a Pillow that gains AVIF makes the AVIF files
    source = tmp_path / "photo.png"
    source.write_bytes(noisy_photo)
    without = images.derive(source, tmp_path / "cache")
    monkeypatch.setattr(features, "check", checked)
    with_avif = images.derive(source, tmp_path / "cache")
    assert without.avif == () and [r.density for r in with_avif.avif] == [1, 2]
    assert {r.name for r in without.renditions}.isdisjoint(r.name for r in with_avif.renditions)


def test_an_avif_the_encoder_cannot_write_is_left_out(tmp_path, noisy_photo, monkeypatch):
    """An encoder that fails (a libavif without an AV1 encoder): WebP, as without AVIF."""
    from PIL import AvifImagePlugin

    def broken(*args, **kwargs):
        raise OSError("no AV1 encoder")

    monkeypatch.setattr(AvifImagePlugin._avif, "AvifEncoder", broken)
    source = tmp_path / "photo.png"
    source.write_bytes(noisy_photo)
    made = images.derive(source, tmp_path / "cache")
    assert made.avif == () and len(made.webp) == 2
    assert not list((tmp_path / "cache").glob("*.avif"))


def test_an_older_manifest_is_made_again(tmp_path, noisy_photo):
    """A cache written before the AVIF renditions (its manifest has no "avif" list) is
    never a crash: its set is made again."""
    import json

    source = tmp_path / "photo.png"
    source.write_bytes(noisy_photo)
    made = images.derive(source, tmp_path / "cache")
    manifest = next((tmp_path / "cache").glob("*.json"))
    data = json.loads(manifest.read_text())
    del data["avif"]
    manifest.write_text(json.dumps(data))
    assert images.derive(source, tmp_path / "cache") == made
    assert "avif" in json.loads(manifest.read_text())
    manifest.write_text('{"webp": [{"name": 3}], "fallback": [], "avif": []}')  # damaged
    assert images.derive(source, tmp_path / "cache") == made


def round_cut_out() -> bytes:
    """A generated photo cut out in a circle: clear corners, as a PNG."""
    from PIL import ImageDraw

    with Image.open(io.BytesIO(generated_photo(2, size=600))) as photo:
        cut_out = photo.convert("RGBA")
    mask = Image.new("L", cut_out.size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, *cut_out.size), fill=255)
    cut_out.putalpha(mask)
    data = io.BytesIO()
    cut_out.save(data, format="PNG")
    return data.getvalue()


def test_transparent_photo_keeps_its_alpha_in_the_avif(build_page, monkeypatch):
    """A round cut-out photo. At the shipped qualities its AVIF, alpha lossless as the
    WebP's, is larger than the WebP and left out as any other; at a low quality it is
    smaller, served, and its transparency is the original's to the bit."""
    monkeypatch.setattr(images, "AVIF_QUALITY", 30)
    monkeypatch.setattr(images, "AVIF_QUALITY_2X", 30)
    build = build_page(card("Ada Lovelace", "cut.png"), files={"cut.png": round_cut_out()})
    assert build.warning_lines() == []
    avif, webp = sources(build)
    assert avif["type"] == "image/avif" and "media" not in avif
    assert BeautifulSoup(build.html, "html.parser").select_one("picture img")["src"].endswith("-96.png")
    out = Path(build.app.outdir)
    for entry, webp_entry in zip(avif["srcset"].split(", "), webp["srcset"].split(", "), strict=True):
        url, webp_url = entry.split()[0], webp_entry.split()[0]
        assert (out / url).stat().st_size < (out / webp_url).stat().st_size
        png_url = url.replace(".avif", ".png")  # the lossless fallback of the same size
        with Image.open(out / url) as made, Image.open(out / png_url) as lossless:
            assert made.format == "AVIF" and made.mode == "RGBA"
            assert made.getpixel((0, 0))[3] == 0  # a clear corner
            assert made.getchannel("A").tobytes() == lossless.getchannel("A").tobytes()


def test_transparent_photo_at_the_shipped_qualities_has_no_avif(build_page):
    """The same cut-out at the shipped qualities: the lossless alpha makes its AVIF larger
    than the WebP at both sizes, so only the WebP is served."""
    build = build_page(card("Ada Lovelace", "cut.png"), files={"cut.png": round_cut_out()})
    assert build.warning_lines() == []
    assert [source["type"] for source in sources(build)] == ["image/webp"]
    assert not [name for name in built_images(build) if name.endswith(".avif")]


def test_cards_below_the_first_row_load_lazily(build_page, pictures):
    page = "".join(card(f"Person {n}", "photos/big.png") for n in "ABCDE")
    build = build_page(page, files={"photos/big.png": pictures["big.png"]})
    assert build.warning_lines() == []
    imgs = BeautifulSoup(build.html, "html.parser").select(".roads-speaker-card picture img")
    assert [img.get("loading") for img in imgs] == [None, None, None, "lazy", "lazy"]
    assert [img["alt"] for img in imgs] == [f"Photo of Person {n}" for n in "ABCDE"]
    # one set of files for one photo, however many cards show it
    assert len(built_images(build)) == 4


def test_cmyk_jpeg_is_converted_to_rgb(build_page, pictures):
    build = build_page(card("Ada Lovelace", "cmyk.jpg"), files={"cmyk.jpg": pictures["cmyk.jpg"]})
    assert build.warning_lines() == []
    files = built_images(build)
    assert "cmyk.jpg" not in files
    jpeg = next(path for name, path in files.items() if name.endswith("-192.jpg"))
    with Image.open(jpeg) as out:
        assert out.mode == "RGB" and out.size == (192, 192)


def test_transparent_png_keeps_its_transparency(build_page, pictures):
    build = build_page(card("Ada Lovelace", "clear.png"), files={"clear.png": pictures["clear.png"]})
    assert build.warning_lines() == []
    files = built_images(build)
    # a flat square on a clear ground: its AVIF is larger than the WebP (measured: 626
    # and 656 bytes against 340 and 374), so not served
    assert sorted(Path(name).suffix for name in files) == [".png", ".png", ".webp", ".webp"]
    assert [source["type"] for source in sources(build)] == ["image/webp"]
    assert "clear.png" not in files
    for name, path in files.items():
        with Image.open(path) as out:
            assert out.mode == "RGBA", name
            assert out.getpixel((0, 0))[3] == 0, name


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"this is not an image at all\n", "is not an image Pillow can read"),
        (transparent_png()[:200], "cannot be decoded"),
    ],
    ids=["not-an-image", "truncated"],
)
def test_bad_photo_warns_at_its_line_and_shows_the_avatar(build_page, content, problem):
    source = "# Speakers\n\n" + card("Ada Lovelace", "bad.png")
    build = build_page(source, files={"bad.png": content})
    lines = build.warning_lines()
    assert len(lines) == 1, lines
    assert re.search(r"index\.md:5: WARNING: speaker-card: photo 'bad.png' ", lines[0])
    assert problem in lines[0]
    assert "initials avatar is shown instead [roads.photo]" in lines[0]
    soup = BeautifulSoup(build.html, "html.parser")
    assert soup.select_one(".roads-speaker-card .roads-avatar").get_text() == "AL"
    assert soup.select(".roads-speaker-card img") == []
    assert "bad.png" not in built_images(build)


def test_bad_photo_warning_can_be_suppressed(build_page):
    build = build_page(card("Ada Lovelace", "bad.png"), files={"bad.png": b"nope"},
                       suppress_warnings=["roads.photo"])
    assert build.warning_lines() == []


def test_renditions_are_cached_by_content_and_deterministic(tmp_path, pictures):
    source = tmp_path / "in" / "photo.png"
    source.parent.mkdir()
    source.write_bytes(pictures["big.png"])
    first = images.derive(source, tmp_path / "cache-1")
    stamps = {r.name: (tmp_path / "cache-1" / r.name).stat().st_mtime_ns for r in first.renditions}
    again = images.derive(source, tmp_path / "cache-1")
    assert again == first
    assert stamps == {r.name: (tmp_path / "cache-1" / r.name).stat().st_mtime_ns for r in again.renditions}
    other = images.derive(source, tmp_path / "cache-2")
    assert other == first  # the names depend on the content, not on where they are cached
    for rendition in first.renditions:
        assert (tmp_path / "cache-1" / rendition.name).read_bytes() == (
            tmp_path / "cache-2" / rendition.name).read_bytes()
    # another photo under the same name gets other files
    source.write_bytes(pictures["clear.png"])
    changed = images.derive(source, tmp_path / "cache-1")
    assert {r.name for r in changed.renditions}.isdisjoint(r.name for r in first.renditions)


def test_a_photo_is_hashed_once_while_it_is_unchanged(tmp_path, pictures):
    """A photo shown on many pages is read for its key once, until it changes: the
    key's cache (functools' own counters) misses once per version of the file."""
    images._content_key.cache_clear()
    source = tmp_path / "photo.png"
    source.write_bytes(pictures["clear.png"])
    first = images.derive(source, tmp_path / "cache")
    assert images.derive(source, tmp_path / "cache") == first
    assert (images._content_key.cache_info().misses, images._content_key.cache_info().hits) == (1, 1)
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # touched
    assert images.derive(source, tmp_path / "cache") == first  # same bytes, same files
    assert images._content_key.cache_info().misses == 2
    source.write_bytes(pictures["cmyk.jpg"])  # replaced by another photo
    assert images.derive(source, tmp_path / "cache") != first
    assert images._content_key.cache_info().misses == 3


def test_decompression_bomb_is_refused(tmp_path):
    source = tmp_path / "bomb.png"
    Image.new("1", (20_000, 10_000)).save(source)  # 200 Mpx, a few kB on disk
    with pytest.raises(images.ImageError, match="too many pixels"):
        images.derive(source, tmp_path / "cache")


EPUB_CONF = 'project = "Test"\nversion = "1"\ncopyright = "2023, test"\nauthor = "test"\n'


@pytest.mark.parametrize("buildername", ["latex", "epub", "text", "singlehtml", "dirhtml"])
def test_other_builders_build_photos_without_warnings(build_page, pictures, buildername):
    page = "# Speakers\n\n" + card("Ada Lovelace", "big.png") + card("Bo Chen", "cmyk.jpg")
    build = build_page(page, buildername=buildername, conf=EPUB_CONF,
                       files={"big.png": pictures["big.png"], "cmyk.jpg": pictures["cmyk.jpg"]})
    assert build.warning_lines() == []
    if buildername in ("singlehtml", "dirhtml"):
        out = Path(build.app.outdir)
        page_html = (out / "index.html").read_text()
        assert page_html.count("<picture") == 2
        for img in BeautifulSoup(page_html, "html.parser").select("picture img"):
            assert (out / img["src"]).is_file()
        assert not list(out.rglob("big.png"))


def write_project(srcdir: Path, pictures: dict[str, bytes], noisy: bytes) -> None:
    """Four pages, each with a photo without AVIF (big.png), a transparent one
    (clear.png) and one with AVIF at both sizes (noisy.png)."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "roads_ext"]\nexclude_patterns = ["_build"]\n')
    toc = "\n".join(f"page{n}" for n in range(4))
    (srcdir / "index.md").write_text(f"# Home\n\n```{{toctree}}\n{toc}\n```\n")
    for n in range(4):
        (srcdir / f"page{n}.md").write_text(
            f"# Page {n}\n\n" + card(f"Person {n}", "big.png") + card(f"Other {n}", "clear.png")
            + card(f"Third {n}", "noisy.png"))
    (srcdir / "big.png").write_bytes(pictures["big.png"])
    (srcdir / "clear.png").write_bytes(pictures["clear.png"])
    (srcdir / "noisy.png").write_bytes(noisy)


def build(srcdir: Path, *options: str) -> Path:
    out = srcdir / "_build" / "html"
    result = sphinx_build(srcdir, out, *options, strict=False)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    return out


def output_of(outdir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and (p.suffix == ".html" or "_images" in p.parts)}


def test_parallel_build_gives_the_same_pages_and_files(tmp_path, pictures, noisy_photo):
    outputs = []
    for jobs in ("1", "2"):
        srcdir = tmp_path / f"j{jobs}"
        write_project(srcdir, pictures, noisy_photo)
        outputs.append(output_of(build(srcdir, "-j", jobs)))
    assert outputs[0].keys() == outputs[1].keys()
    assert [name for name in outputs[0] if outputs[0][name] != outputs[1][name]] == []
    # 4 files each for big.png and clear.png, 6 for noisy.png (its two AVIF too)
    assert sum(name.startswith("_images") for name in outputs[0]) == 14
    assert sum(name.endswith(".avif") for name in outputs[0]) == 2


def test_changed_photo_is_rebuilt_with_new_files(tmp_path, pictures, noisy_photo):
    srcdir = tmp_path / "src"
    write_project(srcdir, pictures, noisy_photo)
    build(srcdir)
    old = BeautifulSoup((srcdir / "_build/html/page0.html").read_text(), "html.parser").select_one("picture img")["src"]
    (srcdir / "big.png").write_bytes(cmyk_jpeg())  # a different photo under the same name
    build(srcdir)
    for n in range(4):
        html = (srcdir / f"_build/html/page{n}.html").read_text()
        new = BeautifulSoup(html, "html.parser").select_one("picture img")["src"]
        assert new != old and (srcdir / "_build/html" / new).is_file()


def webp_and_gif() -> dict[str, bytes]:
    made = {}
    for name, fmt in (("p.webp", "WEBP"), ("p.gif", "GIF")):
        out = io.BytesIO()
        Image.new("RGB", (400, 300), (10, 120, 200)).save(out, format=fmt)
        made[name] = out.getvalue()
    return made


@pytest.mark.parametrize("buildername", ["latex", "epub"])
def test_other_builders_get_the_fallback_not_the_original(build_page, pictures, buildername):
    """LaTeX cannot read WebP or GIF, and an e-book need not carry a 3000 px PNG."""
    page = "# Speakers\n\n" + card("Ada Lovelace", "p.webp") + card("Bo Chen", "p.gif") + card("Cy D", "big.png")
    build = build_page(page, buildername=buildername, conf=EPUB_CONF,
                       files={**webp_and_gif(), "big.png": pictures["big.png"]})
    assert build.warning_lines() == []
    out = Path(build.app.outdir)
    shipped = sorted(p.name for p in out.rglob("*") if p.suffix in (".webp", ".gif", ".png", ".jpg"))
    assert not {"p.webp", "p.gif", "big.png"} & set(shipped), shipped
    assert len([name for name in shipped if name.endswith(("-192.jpg", "-192.png"))]) == 3, shipped
    if buildername == "latex":
        tex = next(out.glob("*.tex")).read_text()
        assert len(re.findall(r"\\sphinxincludegraphics[^{]*\{\{[^}]*-192\}\.jpg\}", tex)) == 3, tex[-3000:]


def test_photo_under_restructuredtext(build_page, pictures):
    source = "Speakers\n========\n\n.. speaker-card:: Ada Lovelace\n   :photo: clear.png\n\n   Bio text.\n"
    build = build_page(source, suffix=".rst", files={"clear.png": pictures["clear.png"]})
    assert build.warning_lines() == []
    img = BeautifulSoup(build.html, "html.parser").select_one(".roads-speaker-card picture img")
    assert img["alt"] == "Photo of Ada Lovelace" and img["src"].endswith("-96.png")


def test_bad_photo_under_restructuredtext_warns_at_its_line(build_page):
    source = "Speakers\n========\n\n.. speaker-card:: Ada Lovelace\n   :affiliation: X\n   :photo: bad.png\n"
    build = build_page(source, suffix=".rst", files={"bad.png": b"GIF89a broken"})
    lines = build.warning_lines()
    assert len(lines) == 1 and "index.rst:6: WARNING: speaker-card: photo 'bad.png'" in lines[0], lines
    assert "roads-avatar" in build.html
