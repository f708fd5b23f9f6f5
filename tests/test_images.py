"""The images module's slots, as cards use them: a bio's own picture, very long names.

Every picture is made by the test itself.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from roads_ext.services import images


def picture(size=(300, 300), colour=(40, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def card_of(build, anchor: str):
    return BeautifulSoup(build.html, "html.parser").find(id=anchor)


def test_a_bio_with_its_own_picture_keeps_the_avatar(build_page):
    build = build_page("""\
        # Speakers

        :::{speaker-card} Ada Lovelace
        :affiliation: Analytical Engines Ltd

        Her engine, drawn: ![A drawing of the engine](engine.png)
        :::
        """, files={"engine.png": picture()})
    assert build.warning_lines() == []
    card = card_of(build, "person-ada-lovelace")
    assert card.select_one(".roads-avatar").get_text() == "AL"
    bio_image = card.select_one(".roads-bio img")
    assert bio_image["alt"] == "A drawing of the engine"
    assert (Path(build.app.outdir) / bio_image["src"]).is_file()
    assert card.find("picture") is None


def test_a_bio_with_its_own_picture_keeps_the_photo(build_page):
    build = build_page("""\
        # Speakers

        :::{speaker-card} Ada Lovelace
        :photo: ada.png

        ![A drawing of the engine](engine.png)
        :::
        """, files={"ada.png": picture(colour=(200, 80, 40)), "engine.png": picture((640, 200))})
    assert build.warning_lines() == []
    card = card_of(build, "person-ada-lovelace")
    photo = card.select_one("picture img")
    assert photo["alt"] == "Photo of Ada Lovelace" and photo["src"].endswith("-96.jpg")
    # the bio's picture is the author's, shown as written, not made a photo
    bio_image = card.select_one(".roads-bio img")
    assert bio_image["alt"] == "A drawing of the engine" and bio_image["src"].endswith("engine.png")
    assert bio_image.find_parent("picture") is None
    assert card.select(".roads-avatar") == []


def test_a_name_alone_gets_the_initials_of_the_declared_name(build_page):
    build = build_page("""\
        # People

        :::{speaker-card} Ada King Lovelace
        :affiliation: Analytical Engines Ltd
        :::

        :::{speakers}
        * ada king lovelace
        :::
        """)
    assert build.warning_lines() == []
    avatars = BeautifulSoup(build.html, "html.parser").select(".roads-speaker-card .roads-avatar")
    assert [a.get_text() for a in avatars] == ["AL", "AL"]


def longest_names(*folders: Path) -> list[tuple[int, str]]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            found.append((len(path.name.encode()), str(path.relative_to(folder))[:80]))
    return sorted(found, reverse=True)[:3]


def test_file_names_stay_short_with_a_1000_character_name_and_a_photo(build_page):
    """Nothing a card, a logo or the social card publishes is named from an author's text
    at full length: every derived file name is its source's stem cut to 40 ASCII
    characters, a 20-character key and the size."""
    long_name = " ".join(["Bartholomew"] * 84)[:1000]
    assert len(long_name) == 1000
    stem = "portrait-of-" + "é" * 60 + "-" * 20 + "x" * 99  # 251 bytes of UTF-8, near the limit
    assert len((stem + ".png").encode()) == 255
    build = build_page(f"""\
        # Speakers

        :::{{speaker-card}} {long_name}
        :affiliation: {"University of Somewhere " * 40}
        :photo: {stem}.png
        :::

        :::{{sponsors}}
        {"Tier " * 200}
        - [{long_name}](https://sponsor.example) logo: {stem}.png
        :::
        """, files={f"{stem}.png": picture()}, conf=f"roads_social_card = {{'title': {long_name!r}}}\n")
    assert build.warning_lines() == []
    out, doctrees = Path(build.app.outdir), Path(build.app.doctreedir)
    worst = longest_names(out, doctrees)
    assert worst[0][0] <= 100, worst
    published = sorted(p.name for p in (out / "_images").iterdir())
    assert len(published) == 8  # a portrait's four files, a logo's four
    assert all(name.startswith("portrait-of-x") and len(name) <= 75 for name in published), published
    assert (out / "_static" / "roads-social-card.png").is_file()
    soup = BeautifulSoup(build.html, "html.parser")
    assert soup.select_one(".roads-speaker-card picture img")["alt"] == f"Photo of {long_name}"
    assert soup.select_one(".roads-sponsor-card picture img")["alt"] == long_name
    assert os.path.getsize(out / "index.html") > 0


def test_the_stem_of_a_derived_file_is_short_and_plain():
    assert images.safe_stem(Path("Photo of Ada (2023).JPG")) == "photo-of-ada-2023"
    assert images.safe_stem(Path("日本語.png")) == "image"
    assert images.safe_stem(Path("a" * 300 + ".png")) == "a" * images.STEM_LENGTH


VANISH_CONF = '''
import pathlib, shutil

def _vanish(app, env):
    """The pictures disappear once the pages are read, before they are written."""
    for name in ("ada.png", "logo.png"):
        pathlib.Path(app.srcdir, name).unlink()
    shutil.rmtree(pathlib.Path(app.doctreedir, "roads-images"))

def setup(app):
    app.connect("env-updated", _vanish)
'''


def test_a_picture_gone_before_the_page_is_written_is_a_located_warning(build_page):
    build = build_page("""\
        # Page

        :::{speaker-card} Ada Lovelace
        :photo: ada.png
        :::

        :::{sponsors}
        - [Acme Research](https://acme.example) logo: logo.png
        :::
        """, files={"ada.png": picture(), "logo.png": picture((500, 100))}, conf=VANISH_CONF)
    warnings = build.warning_lines()
    assert len(warnings) == 2, warnings
    assert warnings[0].endswith("index.md:3: WARNING: photo '/ada.png' cannot be read (No such file or "
                                "directory); an initials avatar is shown instead [roads.photo]"), warnings
    assert warnings[1].endswith("index.md:8: WARNING: logo '/logo.png' cannot be read (No such file or "
                                "directory); the initials are shown instead [roads.sponsor]"), warnings
    soup = BeautifulSoup(build.html, "html.parser")
    assert soup.select_one(".roads-speaker-card .roads-avatar").get_text() == "AL"
    assert soup.select_one(".roads-sponsor-card .roads-initials-box").get_text() == "AR"
    assert soup.select("article img") == []
