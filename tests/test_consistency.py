"""Parallel and incremental builds give the same site as a fresh serial build."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import SNIPPET_CONF, strip_colors

PAGES = 12


def write_project(srcdir: Path, affiliation: str = "Analytical Engines Ltd") -> None:
    """A site of several pages that declare people and refer to each other's."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(SNIPPET_CONF)
    toctree = "\n".join(f"page{n}" for n in range(PAGES))
    (srcdir / "index.md").write_text(textwrap.dedent(f"""\
        # Site

        ```{{toctree}}
        speakers
        committee
        {toctree.replace(chr(10), chr(10) + "        ")}
        ```

        Keynote: {{person}}`Ada Lovelace`.
        """))
    (srcdir / "speakers.md").write_text(textwrap.dedent(f"""\
        # Speakers

        :::{{speaker-card}} Ada Lovelace
        :affiliation: {affiliation}
        :country: UK
        :homepage: https://example.org/ada
        :::
        """))
    (srcdir / "committee.md").write_text(textwrap.dedent("""\
        # Committee

        :::{committee}
        * Ada Lovelace — General chair
        * [Alan Turing](https://example.org/turing) (Manchester, UK)
        :::
        """))
    for n in range(PAGES):
        (srcdir / f"page{n}.md").write_text(textwrap.dedent(f"""\
            # Page {n}

            :::{{speakers}}
            * [Person {n}](https://example.org/{n}) (Org {n}, Country {n})
            :::

            See {{person}}`Person {(n + 1) % PAGES}` and {{person}}`Alan Turing`.
            """))


def html_pages(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): path.read_text()
        for path in sorted(outdir.rglob("*.html"))
    }


def build(make_app, srcdir: Path, parallel: int = 0, fresh: bool = True):
    if fresh:
        shutil.rmtree(srcdir / "_build", ignore_errors=True)
    app = make_app("html", srcdir=srcdir, parallel=parallel)
    app.build()
    app.cleanup()  # unregister its nodes, so that the next app starts clean
    warnings = strip_colors(app.warning.getvalue())
    assert "WARNING" not in warnings, warnings
    return app


def test_two_parallel_processes_give_the_same_html_as_one(make_app, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    write_project(serial)
    write_project(parallel)
    one = build(make_app, serial)
    two = build(make_app, parallel, parallel=2)
    assert two.parallel == 2 and two.is_parallel_allowed("read") and two.is_parallel_allowed("write")
    serial_pages, parallel_pages = html_pages(one.outdir), html_pages(two.outdir)
    assert len(serial_pages) >= PAGES + 3
    assert serial_pages == parallel_pages


def test_an_incremental_rebuild_after_an_edit_equals_a_fresh_build(make_app, tmp_path):
    edited, fresh = tmp_path / "edited", tmp_path / "fresh"
    write_project(edited)
    build(make_app, edited)
    before = html_pages(Path(edited / "_build" / "html"))
    assert "Analytical Engines Ltd" in before["committee.html"]

    # the speaker's details change on one page only
    write_project(edited, affiliation="Difference Engines Ltd")
    incremental = build(make_app, edited, fresh=False)
    write_project(fresh, affiliation="Difference Engines Ltd")
    clean = build(make_app, fresh)
    after = html_pages(incremental.outdir)
    assert after == html_pages(clean.outdir)
    # every page that shows or links her was rewritten with the new details
    assert "Difference Engines Ltd" in after["committee.html"]
    assert 'title="Ada Lovelace, Difference Engines Ltd, UK"' in after["index.html"]
    assert "Analytical Engines Ltd" not in "".join(after.values())


def test_removing_a_declaration_warns_where_the_person_is_still_named(make_app, tmp_path):
    srcdir = tmp_path / "site"
    write_project(srcdir)
    build(make_app, srcdir)
    (srcdir / "speakers.md").write_text("# Speakers\n\nNobody yet.\n")
    app = make_app("html", srcdir=srcdir)
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    assert "committee.md:4: WARNING: committee: 'Ada Lovelace' is written without" in warnings
    assert "index.md:20: WARNING: person: nobody called 'Ada Lovelace'" in warnings


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_conflict_is_reported_once_whatever_the_number_of_processes(make_app, tmp_path, parallel):
    srcdir = tmp_path / "site"
    write_project(srcdir)
    (srcdir / "page3.md").write_text(
        "# Page 3\n\n:::{committee}\n* Ada Lovelace (Somewhere Else, UK)\n:::\n"
    )
    app = make_app("html", srcdir=srcdir, parallel=parallel)
    app.build()
    warnings = strip_colors(app.warning.getvalue())
    assert warnings.count("[roads.duplicate]") == 1, warnings
    assert "page3.md:4: WARNING: person 'Ada Lovelace' is declared twice" in warnings
