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
               builder: str = "html") -> subprocess.CompletedProcess:
    """The site as ``dev.py docs`` builds it; ``baseurl`` as Read the Docs sets it."""
    env = {k: v for k, v in os.environ.items() if k != "READTHEDOCS_CANONICAL_URL"}
    if baseurl:
        env["READTHEDOCS_CANONICAL_URL"] = baseurl
    return sphinx_build(source or ROOT / "docs", outdir, "-c", str(ROOT), builder=builder, env=env)


DEMO_PAGE = "photos-demo"
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
    return dest
