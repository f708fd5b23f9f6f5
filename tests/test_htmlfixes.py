"""furo copies a table's id onto the wrapper it adds: the id must be there once."""

from __future__ import annotations

from bs4 import BeautifulSoup


def test_a_captioned_table_keeps_one_id_under_furo(build_page):
    source = """\
        # Page

        ```{list-table} Dates
        :name: dates-table

        * - Workshop
          - June 8
        ```

        [to the table](#dates-table)
        """
    built = build_page(source, html_theme="furo")
    assert built.warning_lines() == []
    soup = BeautifulSoup(built.html, "html.parser")
    wrapper = soup.select_one("div.table-wrapper")
    assert wrapper is not None, "furo no longer wraps tables: this fix may go"
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    assert soup.select_one("table")["id"] == "dates-table"


def test_a_labelled_equation_keeps_one_id_under_furo(build_page):
    source = """\
        # Page

        ```{math}
        :label: energy

        E = mc^2
        ```

        See {eq}`energy`.
        """
    built = build_page(source, html_theme="furo")
    assert built.warning_lines() == []
    soup = BeautifulSoup(built.html, "html.parser")
    assert soup.select_one("div.math-wrapper") is not None, "furo no longer wraps math: this fix may go"
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids)), ids
    assert soup.select_one('a[href="#equation-energy"]') is not None
    assert len(soup.select("#equation-energy")) == 1
