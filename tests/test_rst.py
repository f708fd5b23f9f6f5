"""Every directive and role in reStructuredText gives the page MyST gives."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

MYST = """\
# Workshop

```{speaker-card} Ada Example
:affiliation: Uni A
:country: UK
:homepage: https://example.org/ada
:talk: Sparse training

Ada works on **sparse** networks.
```

```{speakers}
:columns: 2

* [Bo Sample](https://example.org/bo) (Uni B, France)
* Cy Placeholder (Uni C, Chile)
```

```{committee} Organizing committee
:name: organizers

* [Di Testcase](https://example.org/di) (Uni D, Denmark) — General chair
* Ada Example — Program chair
```

```{topic-grid}
:columns: 2

* :cpu: Efficient training
* :package: Model compression
* Data reduction
```

```{schedule} Thursday, June 8, 2023
:timezone: America/New_York
:location: Room 3
:event: Example Workshop
:name: program

- 8:30am-8:40am - Welcome (Workshop Organizers)
- 8:40am-9:20am - Keynote: Why sparse networks train well (Ada Example)
  - slides: https://example.org/slides.pdf
- 9:20am-10:00am - Panel (Bo Sample, Cy Placeholder; moderator: Di Testcase)
```

```{important-dates} Deadlines
- Paper submission: May 1, 2023 (AoE)
- Workshop: June 8, 2023
```

Keynote by {person}`Ada Example`; see the {ref}`program` and the {ref}`organizers`.
"""

RST = """\
Workshop
========

.. speaker-card:: Ada Example
   :affiliation: Uni A
   :country: UK
   :homepage: https://example.org/ada
   :talk: Sparse training

   Ada works on **sparse** networks.

.. speakers::
   :columns: 2

   * `Bo Sample <https://example.org/bo>`_ (Uni B, France)
   * Cy Placeholder (Uni C, Chile)

.. committee:: Organizing committee
   :name: organizers

   * `Di Testcase <https://example.org/di>`_ (Uni D, Denmark) — General chair
   * Ada Example — Program chair

.. topic-grid::
   :columns: 2

   * :cpu: Efficient training
   * :package: Model compression
   * Data reduction

.. schedule:: Thursday, June 8, 2023
   :timezone: America/New_York
   :location: Room 3
   :event: Example Workshop
   :name: program

   - 8:30am-8:40am - Welcome (Workshop Organizers)
   - 8:40am-9:20am - Keynote: Why sparse networks train well (Ada Example)
     - slides: https://example.org/slides.pdf
   - 9:20am-10:00am - Panel (Bo Sample, Cy Placeholder; moderator: Di Testcase)

.. important-dates:: Deadlines

   - Paper submission: May 1, 2023 (AoE)
   - Workshop: June 8, 2023

Keynote by :person:`Ada Example`; see the :ref:`program` and the :ref:`organizers`.
"""


def visible(html: str) -> dict[str, list]:
    """What a visitor sees of each roads_ext block, and where its links go."""
    whole = BeautifulSoup(html, "html.parser")
    page = whole.select_one("[role=main]")
    assert page is not None

    def texts(selector: str) -> list[str]:
        return [" ".join(node.get_text(" ", strip=True).split()) for node in page.select(selector)]

    return {
        "cards": texts(".roads-speaker-card"),
        "grids": [grid["class"] for grid in page.select("ul.roads-grid")],
        "committee": texts("ul.roads-committee > li"),
        "caption": texts(".roads-committee-caption"),
        "topics": texts(".roads-topic-card"),
        "icons": [len(card.select("svg.roads-topic-icon")) for card in page.select(".roads-topic-card")],
        "schedule": texts(".roads-schedule tr"),
        "dates": texts(".roads-dates tr"),
        "times": [time["datetime"] for time in page.select(".roads-schedule time")],
        "links": sorted(
            (a.get_text(" ", strip=True), a.get("href", ""))
            for a in page.select("a")
            if not a.get("href", "").startswith(("_static", "#person-", "_calendar"))
            or a.get_text(strip=True)
        ),
        "ids": sorted(node["id"] for node in page.select("[id]")),
        "json_ld": [script.string for script in whole.select("script[type='application/ld+json']")],
    }


def test_every_directive_and_role_reads_the_same_in_rst_as_in_myst(build_page, tmp_path):
    myst = build_page(MYST)
    assert myst.warning_lines() == []
    rst = build_page(RST, suffix=".rst")
    # a second app in one process registers Sphinx's nodes again: "already registered"
    assert [line for line in rst.warning_lines() if "[app.add_" not in line] == []
    shown_myst, shown_rst = visible(myst.html), visible(rst.html)
    # the page really holds every block (so that the comparison below means something)
    assert len(shown_myst["cards"]) == 3 and "Ada works on sparse networks." in shown_myst["cards"][0]
    assert shown_myst["committee"] == [
        "Di Testcase (Uni D, Denmark) — General chair",
        "Ada Example (Uni A, UK) — Program chair",
    ]
    assert shown_myst["topics"] == ["Efficient training", "Model compression", "Data reduction"]
    assert shown_myst["icons"] == [1, 1, 0]
    assert len(shown_myst["schedule"]) == 4 and len(shown_myst["dates"]) == 3
    assert len(shown_myst["json_ld"]) == 2  # the people, the event
    assert ("Example Workshop", "#program") in shown_myst["links"]
    assert ("Organizing committee", "#organizers") in shown_myst["links"]
    assert any(text == "Ada Example" and href == "#person-ada-example" for text, href in shown_myst["links"])
    for key in shown_myst:
        assert shown_rst[key] == shown_myst[key], key


def test_the_rst_icon_field_takes_no_field_list_with_it(build_page):
    rst = build_page(RST, suffix=".rst")
    page = BeautifulSoup(rst.html, "html.parser")
    assert not page.select(".roads-topic-card dl, .roads-topic-card .field-list")


def test_an_unknown_icon_in_rst_is_a_warning_quoting_the_topic(build_page):
    built = build_page("Page\n====\n\n.. topic-grid::\n\n   * :cpuu: Efficient training\n", suffix=".rst")
    lines = built.warning_lines()
    assert len(lines) == 1 and re.search(
        r"index\.rst:6: WARNING: topic-grid: unknown icon 'cpuu' \(did you mean 'cpu'\?\); the topic "
        r"'Efficient training' is shown without it .*\[roads\.icon\]$",
        lines[0],
    ), lines
    assert "Efficient training" in built.html
