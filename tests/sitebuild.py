"""Builds in a separate ``sphinx-build`` process, as an author runs them: the real site
(``docs/`` with the root ``conf.py``) the way dev.py does, or any other project. The one
helper every test and bench that runs sphinx-build uses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sphinx_build(source: Path, outdir: Path, *options: str, builder: str = "html",
                 strict: bool = True, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``sphinx-build -q -b builder`` (with ``-W --keep-going -n`` when ``strict``, as
    ``dev.py docs``), its doctrees beside ``outdir``; a separate process, since a second
    Sphinx app in the test process registers Sphinx's nodes again, with warnings."""
    command = [
        sys.executable, "-m", "sphinx", *(["-W", "--keep-going", "-n"] if strict else []), "-q",
        "-b", builder, "-d", str(outdir.parent / (outdir.name + ".doctrees")), *options,
        str(source), str(outdir),
    ]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def build_site(outdir: Path, baseurl: str | None = None, source: Path | None = None,
               builder: str = "html", conf_dir: Path | None = None,
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The site as ``dev.py docs`` builds it; ``baseurl`` as Read the Docs sets it;
    ``extra_env`` such as ``SOURCE_DATE_EPOCH`` for a build as of another moment."""
    env = {k: v for k, v in os.environ.items() if k != "READTHEDOCS_CANONICAL_URL"}
    env.update(extra_env or {})
    if baseurl:
        env["READTHEDOCS_CANONICAL_URL"] = baseurl
    return sphinx_build(source or ROOT / "docs", outdir, "-c", str(conf_dir or ROOT), builder=builder, env=env)


DEMO_PAGE = "photos-demo"
#: an orphan page of invented sponsors with generated logos (the site has none)
SPONSORS_PAGE = "sponsors-demo"
#: an orphan page of invented accepted papers (the ROADS site's are on OpenReview only)
PAPERS_DEMO_PAGE = "papers-demo"
PAPERS_ROOT = ROOT / "tests" / "roots" / "test-papers"
DEMO_SPEAKERS = ["Ada Example", "Bo Sample", "Cy Placeholder", "Di Testcase", "Ed Fixture"]


def generated_photo(seed: int, size: int = 2400) -> bytes:
    """A large made-up 'photo' (no person): blotches at the scale a card shows
    plus fine grain, so that it weighs several MB as PNG and its small renditions
    weigh about what a real portrait's do."""
    import io

    from PIL import Image, ImageChops

    def blotches(sigma: int, turn: int):
        coarse = Image.effect_noise((size // 16, size // 16), sigma).rotate(turn)
        return coarse.resize((size, size), Image.Resampling.BICUBIC)

    grain = Image.effect_noise((size, size), 24)
    gradient = Image.linear_gradient("L").resize((size, size)).rotate(45 * seed)
    channels = [
        ImageChops.add(blotches(60 + 10 * seed, 90 * k), ImageChops.add(gradient, grain, scale=2.0), scale=2.0)
        for k in range(3)
    ]
    out = io.BytesIO()
    Image.merge("RGB", channels).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def make_demo_source(dest: Path, photo_count: int = 5) -> Path:
    """The site's pages in ``dest`` plus an orphan page of speakers with large photos."""
    import shutil

    shutil.copytree(ROOT / "docs", dest, dirs_exist_ok=True)
    photos = dest / "_demo_photos"
    photos.mkdir(exist_ok=True)
    cards = []
    for index, name in enumerate(DEMO_SPEAKERS[:photo_count]):
        (photos / f"speaker-{index + 1}.png").write_bytes(generated_photo(index))
        cards.append(
            f"```{{speaker-card}} {name}\n:affiliation: Example University\n:country: Nowhere\n"
            f":photo: _demo_photos/speaker-{index + 1}.png\n:talk: A talk about test data\n```\n"
        )
    (dest / f"{DEMO_PAGE}.md").write_text(
        "---\norphan: true\nmyst:\n  html_meta:\n    description: \"Demo speakers with "
        "generated photos, for tests and benchmarks.\"\n---\n\n# Demo speakers\n\n"
        "Made-up speakers whose photos are generated patterns (no real person), to test and weigh pages with photos.\n\n"
        + "\n".join(cards),
        encoding="utf-8",
    )
    write_sponsors_demo(dest)
    make_papers_demo(dest)
    return dest


def write_sponsors_demo(dest: Path) -> None:
    """An orphan page of invented sponsors: a wide (5:1) and a tall logo with
    transparency, a JPEG, an SVG, and one without a logo."""
    from PIL import Image, ImageDraw

    logos = dest / "_demo_logos"
    logos.mkdir(exist_ok=True)
    wide = Image.new("RGBA", (1000, 200), (0, 0, 0, 0))
    ImageDraw.Draw(wide).rounded_rectangle((10, 30, 990, 170), 40, fill=(16, 72, 140, 255))
    ImageDraw.Draw(wide).ellipse((60, 60, 140, 140), fill=(255, 190, 0, 255))
    wide.save(logos / "wide.png")
    tall = Image.new("RGBA", (240, 720), (0, 0, 0, 0))
    ImageDraw.Draw(tall).polygon([(120, 10), (230, 710), (10, 710)], fill=(150, 20, 60, 255))
    tall.save(logos / "tall.png")
    Image.new("RGB", (600, 300), (20, 110, 70)).save(logos / "square.jpg", quality=85)
    (logos / "mark.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80">'
        '<rect x="4" y="4" width="232" height="72" rx="12" fill="#0b3d62"/>'
        '<circle cx="40" cy="40" r="22" fill="#ffb000"/>'
        '<rect x="76" y="30" width="140" height="20" rx="6" fill="#ffffff"/></svg>',
        encoding="utf-8",
    )
    (dest / f"{SPONSORS_PAGE}.md").write_text(
        "---\norphan: true\nmyst:\n  html_meta:\n    description: \"Demo sponsors with generated "
        "logos, for tests.\"\n---\n\n# Demo sponsors\n\n"
        "Made-up sponsors whose logos are generated shapes, to test the sponsors grid.\n\n"
        ":::{sponsors}\nPlatinum\n"
        "- [Wide Example Corporation](https://wide.example) logo: _demo_logos/wide.png\n"
        "- [Vector Example Lab](https://vector.example)\n  - logo: _demo_logos/mark.svg\n\n"
        "Gold\n"
        "- [Tall Example Institute](https://tall.example) logo: _demo_logos/tall.png\n"
        "- [Square Example Fund](https://square.example) logo: _demo_logos/square.jpg\n"
        "- [Logoless Example Society](https://logoless.example)\n"
        ":::\n",
        encoding="utf-8",
    )


def make_papers_demo(dest: Path) -> None:
    """An orphan page listing invented papers from an OpenReview export and a CSV."""
    import shutil

    folder = dest / "_demo_papers"
    folder.mkdir(exist_ok=True)
    shutil.copy(PAPERS_ROOT / "papers.json", folder / "papers.json")
    shutil.copy(PAPERS_ROOT / "papers.csv", folder / "papers.csv")
    (dest / f"{PAPERS_DEMO_PAGE}.md").write_text(
        "---\norphan: true\nmyst:\n  html_meta:\n    description: \"Demo list of invented accepted papers, "
        "for tests.\"\n---\n\n# Demo accepted papers\n\nInvented papers, to test and look at the list.\n\n"
        "## From OpenReview\n\n```{accepted-papers} _demo_papers/papers.json\n```\n\n"
        "## From a CSV\n\n```{accepted-papers} _demo_papers/papers.csv\n:name: csv-papers\n```\n\n"
        "## With materials, boards and awards\n\n```{accepted-papers} _demo_papers/papers-day.csv\n"
        ":name: day-papers\n```\n",
        encoding="utf-8",
    )
    (folder / "papers-day.csv").write_text(PAPERS_DAY_CSV, encoding="utf-8")


#: invented papers with materials (a YouTube video among them), poster boards and awards
PAPERS_DAY_CSV = """\
title,authors,url,decision,award,slides,video,code,poster,session,board
"Sketches & {Sparse} Tables, at 100% Scale",Ada Example and Bo Sample,https://example.org/p/1,oral,Best paper,\
https://example.org/p/1/slides.pdf,https://www.youtube.com/watch?v=example,https://github.com/example/sketches,,,
Hash Tables That Learn,Cy Placeholder,https://example.org/p/2,poster,Best poster,,,,https://example.org/p/2/poster.pdf,\
Morning posters,4
A Note on Caches,Di Testcase,https://example.org/p/3,poster,honourable mention,,,,,Morning posters,5
"""
