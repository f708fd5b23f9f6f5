"""roads_ext as a library: the sdist and wheel build, and their metadata is complete and
renders (the check twine's ``check`` does, by hand: the fields, and the description
parsed as the Markdown it declares)."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import roads_ext

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # the sdist, then the wheel from the sdist, as `python -m build` and PyPI uploads do
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def wheel_metadata(dist: Path):
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(archive.read(metadata).decode()), names


def test_the_version_is_defined_once_and_the_files_are_named_with_it(dist):
    assert [p.name for p in dist.glob("*.whl")] == [f"roads_ext-{roads_ext.__version__}-py3-none-any.whl"]
    assert [p.name for p in dist.glob("*.tar.gz")] == [f"roads_ext-{roads_ext.__version__}.tar.gz"]
    assert 'dynamic = ["version"]' in (ROOT / "pyproject.toml").read_text()


def test_metadata_is_complete(dist):
    metadata, names = wheel_metadata(dist)
    assert metadata["Name"] == "roads_ext"
    assert metadata["Version"] == roads_ext.__version__
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert metadata["Requires-Python"] == ">=3.11"
    assert "sphinx" in metadata["Summary"].lower() and len(metadata["Summary"]) < 200
    assert metadata["Author"]
    assert "sphinx" in metadata["Keywords"]
    classifiers = metadata.get_all("Classifier")
    assert "Framework :: Sphinx :: Extension" in classifiers
    assert {"Programming Language :: Python :: 3.11", "Programming Language :: Python :: 3.12"} <= set(classifiers)
    assert any(r.startswith("sphinx>=") for r in metadata.get_all("Requires-Dist"))
    # the console script and the starter's templates are in the wheel
    assert "roads_ext/templates/quickstart/conf.py" in names
    assert "roads_ext/templates/quickstart/dot-readthedocs.yaml" in names
    assert "roads_ext/templates/quickstart/dot-gitignore" in names
    assert "roads_ext/templates/quickstart/requirements/docs.lock" in names
    assert "roads_ext/static/roads.css" in names


def test_description_is_the_package_description_and_renders(dist):
    from markdown_it import MarkdownIt

    metadata, _ = wheel_metadata(dist)
    assert metadata["Description-Content-Type"] == "text/markdown"
    description = metadata.get_payload()
    assert description.strip() == (ROOT / "PACKAGE.md").read_text().strip()
    html = MarkdownIt("commonmark").render(description)
    assert html.startswith("<h1>roads_ext</h1>")
    assert "<code>roads-quickstart" in html and "<pre><code" in html
    assert "<script" not in html


def test_sdist_has_what_a_rebuild_needs(dist):
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"LICENSE", "PACKAGE.md", "pyproject.toml", "src/roads_ext/__init__.py",
            "src/roads_ext/templates/quickstart/docs/program.md"} <= names


def test_the_console_script_is_declared():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"] == {"roads-quickstart": "roads_ext.cli.quickstart:main"}
