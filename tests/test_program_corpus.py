"""Programs as workshops publish them, in every common form, read slot by slot.

Each file in ``tests/programs/`` is a program pasted as published (invented names and
titles, forms modelled on public workshop websites): lists with any bullet and separator,
Markdown pipe tables, tab-separated lines copied from a web page, CSV inline and as a
file, 12- and 24-hour times, titles on the line below, people with affiliations,
honorifics and nicknames, rooms, session headings. ``EXPECTED`` is what a careful reader
sees in each: every slot's day, times, title, kind, speakers (``role: Name (Affiliation)``),
room and session. Every program reads with no warning, in the model and in a Sphinx build.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from roads_ext.model.program import Slot, Speaker, parse_program
from test_program import EPOCH_BEFORE, events, read_ics, soup

PROGRAMS = Path(__file__).parent / "programs"
#: the site's ``roads_workshop_date``: the day of programs that name none, the year of those without one
WORKSHOP = dt.date(2023, 7, 11)
MON = dt.date(2023, 7, 10)


def S(start, end, kind, title, speakers=(), room="", session="", day=WORKSHOP):
    return (day, start, end, kind, title, list(speakers), room, session)


EXPECTED: dict[str, list[tuple]] = {
    "01-list-labels-backtick-titles.md": [
        S("08:30", "08:40", "opening", "Welcome and Opening Remarks", ["Workshop Organizers"]),
        S("08:40", "09:30", "keynote", "Keynote #1", ["Prof. Marta Kowalczyk (Uppsala)"]),
        S("09:30", "09:55", "invited", "Folding Attention: Cheaper Long Contexts by Reuse", ["Tobias Lindqvist"]),
        S("09:55", "10:20", "invited", "Sketching Gradients at Scale", ["Priya Raghunathan"]),
        S("10:20", "10:40", "break", "Coffee Break and Socialize"),
        S("10:40", "11:30", "keynote", "Keynote #2", ["Dr. Osei Mensah (Kumasi Labs)"]),
        S("11:30", "12:30", "lunch", "Lunch Break"),
        S("12:30", "13:10", "keynote", "Keynote #3", ["Prof. Ines Carvalho (Lisbon Tech)"]),
        S("13:10", "14:00", "panel", "Panel Discussion", ["Kowalczyk", "Mensah", "Carvalho"]),
        S("14:00", None, "social", "Social"),
    ],
    "02-pipe-table-br-bold-italic-emoji.md": [
        S("09:00", "09:10", "opening", "Opening Remarks"),
        S("09:10", "09:50", "keynote", "Memory Is the New Compute", ["Helena Brandt (Nordlicht AI)"]),
        S("09:50", "10:20", "invited", "Pruning Before You Train", ["Kwame Asante (University of Accra)"]),
        S("10:20", "10:40", "break", "Coffee Break"),
        S("10:40", "11:40", "contributed", "Contributed Talks", ["Paper authors"]),
        S("11:40", "12:00", "closing", "Closing Remarks"),
    ],
    "03-two-tables-speaker-column.md": [
        S("08:00", "08:15", "opening", "Introduction and Opening Remarks", ["Organizers"], session="Morning"),
        S("08:15", "09:00", "keynote", "Keynote Talk", ["Rafael Quintero (Universidad de Valparaíso)"],
          session="Morning"),
        S("09:00", "09:30", "invited", "Invited Talk #1", ["Leila Haddad (Cedar Research)"], session="Morning"),
        S("09:30", "10:00", "break", "Coffee Break", session="Morning"),
        S("10:00", "10:15", "contributed", "Oral Talk #1", ["Bruno Ferraz"], session="Morning"),
        S("10:15", "10:30", "contributed", "Oral Talk #2", ["Yuki Tanabe"], session="Morning"),
        S("13:30", "14:00", "invited", "Invited Talk #2", ["Amara Nwosu (Lagos Institute of Technology)"],
          session="Afternoon"),
        S("14:00", "15:00", "poster", "Poster Session", session="Afternoon"),
        S("15:00", "15:45", "panel", "Panel Discussion", ["Leila Haddad", "Rafael Quintero", "Amara Nwosu"],
          session="Afternoon"),
        S("15:45", "16:00", "closing", "Closing Remarks", session="Afternoon"),
    ],
    "04-tab-separated-web-table.txt": [
        S("09:00", "09:10", "opening", "Welcome", ["Workshop Chairs"]),
        S("09:10", "09:50", "keynote", "Learning to Forget Gracefully",
          ["Sigrid Aalto (Helsinki Institute of Learning)"]),
        S("09:50", "10:30", "contributed", "Spotlight Talks", ["Paper authors"]),
        S("10:30", "11:00", "break", "Coffee Break"),
        S("11:00", "11:40", "invited", "Small Models, Big Libraries", ["Diego Marín (Andes AI)"]),
        S("11:40", "12:00", "closing", "Closing Remarks", ["Workshop Chairs"]),
    ],
    "05-csv-inline.md": [
        S("09:00", "09:15", "opening", "Opening Remarks"),
        S("09:15", "10:00", "keynote", "Hashing Our Way to Trillion-Parameter Models",
          ["Nadia Petrova (Volga Research)"]),
        S("10:00", "10:30", "invited", "Quantized, Yet Accurate", ["Samuel Okafor"]),
        S("10:30", "11:00", "break", "Coffee Break"),
        S("11:00", "12:00", "poster", "Poster Session"),
    ],
    "06-csv-file.csv": [
        S("13:00", "13:10", "opening", "Welcome", ["Workshop Organizers"]),
        S("13:10", "13:50", "keynote", "Data Pruning for Foundation Models", ["Clara Jensen (Aarhus AI Lab)"],
          room="Room 201"),
        S("13:50", "14:20", "invited", "Where Did All the FLOPs Go?", ["Mateo Rossi"], room="Room 201"),
        S("14:20", "14:40", "break", "Break", room="Foyer"),
        S("14:40", "15:40", "panel", "Open Problems", ["Clara Jensen", "Mateo Rossi", "moderator: Hana Novak"],
          room="Room 201"),
    ],
    "07-twelve-hour-without-ampm.md": [
        S("09:00", "09:15", "opening", "Opening remarks"),
        S("09:15", "10:00", "keynote", "Tensor Sketches for Recommendation",
          ["Farah Siddiqui (Indus University)"]),
        S("10:00", "10:30", "break", "Coffee break"),
        S("10:30", "12:00", "contributed", "Contributed talks"),
        S("12:00", "13:30", "lunch", "Lunch"),
        S("13:30", "14:15", "invited", "Learned Bloom Filters in Production", ["Jonas Weber"]),
        S("14:15", "15:00", "poster", "Poster session"),
        S("15:00", "15:30", "break", "Coffee break"),
        S("15:30", "16:30", "panel", "Panel discussion", ["Farah Siddiqui", "Jonas Weber", "Lucía Ortega"]),
        S("16:30", "16:45", "closing", "Closing remarks"),
    ],
    "08-24-hour-double-dash-finish.md": [
        S("08:30", "09:00", "break", "Registration and breakfast"),
        S("09:00", "09:10", "opening", "Welcome"),
        S("09:10", "10:00", "keynote", "Retrieval Is All You Need",
          ["Anneke de Vries (Delft University of Technology)"]),
        S("10:00", "10:30", "break", "Break"),
        S("10:30", "12:00", "contributed", "Oral session", ["Paper authors"]),
        S("12:00", "13:30", "lunch", "Lunch"),
        S("13:30", "14:15", "invited", "Mixture of Experts Without Tears", ["Kofi Boateng"]),
        S("14:15", "15:30", "poster", "Poster session"),
        S("15:30", "17:00", "panel", "Panel discussion", ["Anneke de Vries", "Kofi Boateng",
                                                          "moderator: Elif Yilmaz"]),
        S("17:00", "17:50", "closing", "Closing and awards"),
    ],
    "09-ampm-colon-quoted-titles.md": [
        S("08:00", "08:10", "opening", "Opening Remarks"),
        S("08:10", "08:50", "keynote", "Scaling Laws for Sparse Models", ["Hiroshi Kanda (Kyoto University)"]),
        S("08:50", "09:20", "invited", "Low-Precision Training in Practice",
          ["Olivia Grant (Northbridge University)"]),
        S("09:20", "09:40", "break", "Coffee Break"),
        S("09:40", "10:10", "invited", "Compilers for Irregular Sparsity",
          ["Mehmet Aydın (Bosphorus Institute of Technology)"]),
        S("10:10", "10:50", "panel", "Panel Session", [
            "Hiroshi Kanda (Kyoto University)", "Olivia Grant (Northbridge University)",
            "Mehmet Aydın (Bosphorus Institute of Technology)"]),
        S("10:50", "11:00", "closing", "Closing Remarks"),
    ],
    "10-session-headings-quoted-title-first.md": [
        S("09:00", "09:30", "invited", "Closing the Gap Between Dense and Sparse Training",
          ["Lars Eriksen (Fjord AI)", "Sofia Marino (University of Turin)"], session="Session 1: Invited Talks"),
        S("09:30", "10:00", "invited", "Efficient Inference on Commodity CPUs", ["Ahmed Farouk (Nile Systems)"],
          session="Session 1: Invited Talks"),
        S("10:30", "10:45", "contributed", "Adaptive Token Dropping",
          ["Chen Wei (Pearl River University)", "Ana Souza (Rio Institute)"],
          session="Session 2: Oral Presentations"),
        S("10:45", "11:00", "contributed", "Compressed Optimizer States",
          ["Tomasz Zielinski (Vistula University)"], session="Session 2: Oral Presentations"),
        S("11:00", "12:00", "lunch", "Lunch", room="Ballroom A", session="Lunch"),
    ],
    "11-italic-title-pipe-separator-dot-times.md": [
        S("08:45", "09:00", "opening", "Welcome"),
        S("09:00", "09:40", "session", "Hashing for Fast Similarity Search",
          ["Rosa Jimenez (University of Salamanca)"]),
        S("09:40", "10:20", "session", "Streaming Algorithms Meet Deep Learning",
          ["Viktor Horvath (Danube University)"]),
        S("10:20", "10:45", "break", "Coffee break"),
        S("10:45", "11:25", "session", "Graph Sparsification for GNN Training",
          ["Maya Goldberg (Carmel Institute of Technology)"]),
        S("11:25", None, "lunch", "Lunch"),
    ],
    "12-panels-honorifics-nicknames.md": [
        S("14:00", "14:10", "opening", "Opening"),
        S("14:10", "14:50", "keynote", "Keynote", ["Prof. Wen-Hsiang (Vincent) Liu (Formosa University)"]),
        S("14:50", "15:30", "invited", "Energy-Aware Scheduling of Training Jobs", ["Dr. Meiling (Mia) Sun"]),
        S("15:30", "15:45", "break", "Break"),
        S("15:45", "16:45", "panel", "Panel Session", [
            "Dr. Aylin Demir (Anatolia AI)", "Prof. Jakub Novotny (Vltava University)", "Meiling (Mia) Sun (Pearl Labs)"]),
        S("16:45", "17:30", "panel", "Panel Discussion", ["Demir", "Novotny", "Liu"]),
    ],
    "13-rooms-orals-numbered-keynotes.md": [
        S("09:00", "09:40", "keynote", "Keynote #3", ["Prof. Gabriela Costa (Atlantic University)"]),
        S("09:40", "10:00", "contributed", "Oral Talk 1"),
        S("10:00", "10:20", "contributed", "Oral Talk 2"),
        S("10:20", "10:50", "poster", "Poster Session I", room="Hall C"),
        S("10:50", "11:30", "invited", "Closing the Loop on Data Selection", ["Ruth Abebe"]),
        S("11:30", "12:30", "lunch", "Lunch", room="Ballroom A"),
        S("12:30", "13:10", "keynote", "Keynote #4", ["Dr. Felix Wagner (Alpine Institute)"]),
        S("13:10", "13:30", "closing", "Closing Remarks"),
    ],
    "14-nbsp-endash-title-next-line-quotes.md": [
        S("10:00", "10:10", "opening", "Welcome and introduction"),
        S("10:10", "10:50", "keynote", "Why Data Structures Still Matter for Deep Learning", ["Isabel Moreno"]),
        S("10:50", "11:20", "invited", "Learned Indexes Under Distribution Shift", ["Nikolai Petrov"]),
        S("11:20", "11:40", "break", "Coffee break"),
        S("11:40", "12:20", "contributed", "Lightning talks", ["Paper authors"]),
        S("12:20", "12:30", "closing", "Concluding remarks"),
    ],
    "15-two-days-without-year.md": [
        S("09:00", "09:30", "opening", "Opening remarks", day=MON),
        S("09:30", "10:30", "keynote", "The Economics of Training Runs", ["Astrid Holm (Baltic University)"],
          day=MON),
        S("10:30", "11:00", "break", "Coffee break", day=MON),
        S("09:00", "10:00", "invited", "Sparse Attention Kernels", ["Ravi Menon"]),
        S("10:00", "11:00", "poster", "Poster session"),
        S("11:00", "11:15", "closing", "Closing remarks"),
    ],
    "16-plain-lines-emoji-pipes.md": [
        S("09:00", "09:10", "opening", "Welcome from the organizers"),
        S("09:10", "09:55", "keynote", "Keynote", ["Lena Fischer (Rhine Institute of Technology)"]),
        S("09:55", "10:25", "break", "Coffee break"),
        S("10:25", "11:05", "invited", "Invited talk", ["Marco Bellini (Po Valley University)"]),
        S("11:05", "12:05", "poster", "Poster session"),
        S("12:05", "12:15", "closing", "Closing remarks"),
    ],
    "17-session-chairs-italic-speakers.md": [
        S("09:00", "09:30", "session", "Memory-Efficient Fine-Tuning with Adapters", ["Daniel Kim"],
          session="Morning Session · Chair: Agnieszka Wrona"),
        S("09:30", "10:00", "session", "Faster Tokenizers for Multilingual Models",
          ["Fatima Zahra Benali (Atlas University)"], session="Morning Session · Chair: Agnieszka Wrona"),
        S("10:00", "10:20", "break", "Break", session="Morning Session · Chair: Agnieszka Wrona"),
        S("13:00", "13:30", "session", "Serving Sparse Models on the Edge", ["Ngozi Eze", "Peter Olsen"],
          session="Afternoon Session · Chair: Hugo Lambert"),
        S("13:30", "14:00", "closing", "Awards and Closing", session="Afternoon Session · Chair: Hugo Lambert"),
    ],
}


def shown(speaker: Speaker) -> str:
    role = f"{speaker.role}: " if speaker.role else ""
    return role + speaker.written + (f" ({speaker.affiliation})" if speaker.affiliation else "")


def as_read(slot: Slot) -> tuple:
    end = f"{slot.end:%H:%M}" if slot.end and not slot.end_implied else None
    if slot.end_implied:
        end = f"{slot.end:%H:%M}"
    return (slot.date, f"{slot.start:%H:%M}", end, slot.kind, slot.heading,
            [shown(s) for s in slot.speakers], slot.location, slot.session)


def read(name: str):
    path = PROGRAMS / name
    return parse_program(path.read_text(encoding="utf-8").splitlines(), workshop_date=WORKSHOP,
                         csv_text=path.suffix == ".csv")


def test_the_corpus_is_all_there():
    assert sorted(p.name for p in PROGRAMS.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 12


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_slot_of_every_program(name):
    program = read(name)
    assert program.problems == []
    assert [as_read(slot) for slot in program.slots()] == EXPECTED[name]


def test_the_published_roads_program_reads_without_a_rewrite():
    from conftest import ROOT

    text = (ROOT / "docs" / "program.md").read_text(encoding="utf-8")
    body = text.split("```{schedule}", 1)[1].split("\n```", 1)[0].split("\n\n", 1)[1]
    program = parse_program(body.splitlines(), workshop_date=dt.date(2023, 6, 8))
    assert program.problems == []
    june8 = dt.date(2023, 6, 8)
    assert [as_read(slot) for slot in program.slots()] == [
        (june8, "08:30", "08:40", "opening", "Welcome and Opening Remarks", ["Workshop Organizers"], "", ""),
        (june8, "08:40", "09:40", "keynote", "Keynote #1", ["Prof. Michael Mitzenmacher (Harvard)"], "", ""),
        (june8, "09:40", "10:05", "invited", "Cuttlefish: Low-Rank Model Training without All the Tuning",
         ["Hongyi Wang"], "", ""),
        (june8, "10:05", "10:30", "invited", ("Pre-train and Search: Efficient Embedding Table Sharding with "
                                             "Pre-trained Neural Cost Models"), ["Daochen Zha"], "", ""),
        (june8, "10:30", "10:50", "break", "Coffee Break and Socialize", [], "", ""),
        (june8, "10:50", "11:30", "keynote", "Keynote #2", ["Dr. Bilge Acun (Meta)"], "", ""),
        (june8, "11:30", "11:55", "invited", "MegaBlocks: Efficient Sparse Training with Mixture-of-Experts",
         ["Trevor Gale"], "", ""),
        (june8, "11:55", "12:20", "invited", ("RSC: Accelerating Graph Neural Networks Training via Randomized "
                                             "Sparse Computations"), ["Daochen Zha"], "", ""),
        (june8, "12:20", "13:20", "lunch", "Lunch Break", [], "", ""),
        (june8, "13:20", "14:00", "keynote", "Keynote #3", ["Prof. Jonathan Frankle (Harvard)"], "", ""),
        (june8, "14:00", "14:30", "keynote", "Keynote #4", ["Prof. Furong Huang (UMD)"], "", ""),
        (june8, "14:30", "15:10", "keynote", "Keynote #5", ["Dr. Chen Luo (Amazon)"], "", ""),
        (june8, "15:10", "15:30", "break", "Coffee Break and Socialize", [], "", ""),
        (june8, "15:30", "16:30", "panel", "Panel Discussion",
         ["Mitzenmacher", "Frankle", "Acun", "Luo", "Shrivastava"], "", ""),
        (june8, "16:30", None, "social", "Social", [], "", ""),
    ]


# --- built: every program of the corpus on a site, with no warning ----------------------------


def corpus_site() -> tuple[str, dict[str, str]]:
    """The corpus as a site: one page per program, the CSV file read with ``:file:``."""
    files: dict[str, str] = {}
    toc = []
    for number, name in enumerate(sorted(EXPECTED)):
        text = (PROGRAMS / name).read_text(encoding="utf-8")
        options = ":timezone: Europe/Paris\n:location: Hall 1, Example Congress Centre\n"
        if name.endswith(".csv"):
            files[f"programs/{name}"] = text
            body = f"```{{schedule}}\n{options}:file: programs/{name}\n```\n"
        else:
            body = f"````{{schedule}}\n{options}\n{text}````\n"
        files[f"p{number:02d}.md"] = f"# Program {number}\n\n{body}"
        toc.append(f"p{number:02d}")
    index = "# Corpus\n\n```{toctree}\n" + "\n".join(toc) + "\n```\n"
    return index, files


def test_the_corpus_builds_without_a_warning(build_page, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    index, files = corpus_site()
    built = build_page(index, files=files, conf='roads_workshop_date = "2023-07-11"\n')
    assert built.warning_lines() == []
    out = Path(built.app.outdir)
    for number, name in enumerate(sorted(EXPECTED)):
        page = soup((out / f"p{number:02d}.html").read_text(encoding="utf-8"))
        rows = page.select("table.roads-schedule-table tbody tr.roads-slot")
        assert [r.select_one(".roads-slot-title").get_text() for r in rows] == [s[4] for s in EXPECTED[name]], name
        # speakers as written, with the affiliation the program gives
        people = [r.select_one(".roads-slot-speakers") for r in rows]
        assert [p.get_text() if p else "" for p in people] == [", ".join(s[5]) for s in EXPECTED[name]], name
        sessions = [r.get_text(strip=True) for r in page.select("tr.roads-session-row")]
        assert sessions == list(dict.fromkeys(s[7] for s in EXPECTED[name] if s[7])), name
    # a guest is in the calendar files and in the Event data as written, with their affiliation
    calendar = read_ics(built.app, "_calendar/p09/schedule.ics")
    assert "Invited talk: Closing the Gap Between Dense and Sparse Training (Lars Eriksen, Sofia Marino)" in [
        str(e["SUMMARY"]) for e in events(calendar)]
    event = next(json.loads(s.string) for s in soup((out / "p09.html").read_text()).find_all(
        "script", type="application/ld+json") if '"Event"' in s.string)
    assert {"@type": "Person", "name": "Lars Eriksen",
            "affiliation": {"@type": "Organization", "name": "Fjord AI"}} in event["performer"]
    assert event["subEvent"][0]["performer"] == [{"@type": "Person", "name": "Lars Eriksen"},
                                                 {"@type": "Person", "name": "Sofia Marino"}]



# --- the ROADS site's program ------------------------------------------------------------------


def test_roads_program_page(make_app, tmp_path, monkeypatch):
    import shutil

    from conftest import ROOT
    from test_program import build_warnings

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_BEFORE)
    src = tmp_path / "site"
    shutil.copytree(ROOT / "docs", src)
    (src / "conf.py").write_text((ROOT / "conf.py").read_text().replace('"docs/', '"'))
    app = make_app("html", srcdir=src)
    app.build()
    assert build_warnings(app) == []
    out = Path(app.outdir)
    # the program is in the page byte for byte as facts.md gives it
    for facts in (ROOT.parent / "shared" / "facts.md", ROOT.parent.parent / "shared" / "facts.md"):
        if not facts.exists():
            continue
        published = facts.read_text().split("```\n## Schedule", 1)[1].split("```", 1)[0]
        assert "\n\n## Schedule" + published + "```\n" in (ROOT / "docs" / "program.md").read_text()
    page = soup((out / "program.html").read_text())
    assert page.select_one(".roads-zone-note").get_text() == (
        "Times are in America/New_York, UTC−04:00. "
        "Under each time: the venue’s zone, or your own time where it differs.")
    rows = page.select("tr.roads-slot")
    assert len(rows) == 15
    keynote = rows[1]
    assert keynote.select_one(".roads-slot-title").get_text() == "Keynote #1"
    link = keynote.select_one(".roads-slot-speakers a")
    assert (link.get_text(), link["href"]) == ("Prof. Michael Mitzenmacher", "speakers.html#person-michael-mitzenmacher")
    guests = [r.select_one(".roads-slot-speakers").get_text() for r in rows[2:4] + rows[6:8]]
    assert guests == ["Hongyi Wang", "Daochen Zha", "Trevor Gale", "Daochen Zha"]
    assert not any(r.select(".roads-slot-speakers a") for r in rows[2:4] + rows[6:8])  # guests: no link
    panel = rows[13]
    # the panelists by surname, as published, each linked to the one person it fits
    assert [(a.get_text(), a["href"]) for a in panel.select(".roads-slot-speakers a")] == [
        (surname, f"speakers.html#person-{key}") for surname, key in (
            ("Mitzenmacher", "michael-mitzenmacher"), ("Frankle", "jonathan-frankle"), ("Acun", "bilge-acun"),
            ("Luo", "chen-luo"), ("Shrivastava", "anshumali-shrivastava"))]
    assert rows[-1].select_one("time")["datetime"] == "2023-06-08T16:30:00-04:00"
    # the keynote speakers' cards show their talks
    cards = soup((out / "speakers.html").read_text())
    card = cards.find(id="person-jonathan-frankle")
    assert "Harvard University/Mosaic ML, USA" in card.get_text()
    assert card.select_one(".roads-card-slots").get_text() == (
        "In the program: Keynote #3, Thursday, June 8, 2023, 1:20\u202fPM EDT; "
        "Panel Discussion, Thursday, June 8, 2023, 3:30\u202fPM EDT")
    assert card.select_one(".roads-card-slots a")["href"] == "program.html#schedule-keynote-jonathan-frankle"
    # the home page's Event data carries the program
    home = soup((out / "index.html").read_text())
    event = next(json.loads(s.string) for s in home.find_all("script", type="application/ld+json")
                 if '"Event"' in s.string)
    assert event["location"]["name"] == "Miami, Florida, USA"
    assert event["superEvent"]["name"] == "MLSys 2023"
    assert (event["startDate"], event["endDate"]) == ("2023-06-08T08:30:00-04:00", "2023-06-08T16:30:00-04:00")
    names = [sub["name"] for sub in event["subEvent"]]
    assert "MegaBlocks: Efficient Sparse Training with Mixture-of-Experts" in names
    assert {"@type": "Person", "name": "Trevor Gale"} in event["performer"]
    assert home.find("a", href="program.html")
    found = events(read_ics(app, "_calendar/program/schedule.ics"))
    assert "Invited talk: Cuttlefish: Low-Rank Model Training without All the Tuning (Hongyi Wang)" in [
        str(e["SUMMARY"]) for e in found]
    assert all(str(e["LOCATION"]) == "Miami, Florida, USA" for e in found)


# --- what cannot be read: one warning each, saying what to write -------------------------------

PEOPLE = """\
---
orphan: true
---
# People

```{speaker-card} Ada Lovelace
:affiliation: Analytical Engines Ltd
```

```{speaker-card} Alan Turing
:affiliation: University of Manchester
```
"""

BAD_MYST = """\
# Bad

```{schedule}
:timezone: America/New_York
:location: Hall 1

## Schedule (Thursday, June 8)

* 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)
* 8:40am-9:40am - Keynote #1: Prof. Ada Lovelace (Analytical)
* 9:40am-10:05am - Invited Talk: Grace Guest
`A title on the line below`
```

```{schedule}
:timezone: UTC
:location: Hall 2

Thursday, June 8, 2023
- 9:00-10:00 Keynote: Sparse things (Ada Lovelace)
- around eleven: Coffee and chat
- 11:00-12:00 Invited talk: Closing words (Alan Turin)
| 12:00 - 13:00 | Lunch |
```
"""


def test_bad_program_lines_myst(build_page):
    from test_program import check_warnings

    built = build_page(BAD_MYST, files={"people.md": PEOPLE})
    check_warnings(built, [
        (7, "roads.date", ("schedule: 'Thursday, June 8' has no year: write the date with its year "
                           "('Thursday, June 8, 2023'), give it after the directive's name, or set "
                           "roads_workshop_date = \"2023-06-08\" in conf.py; the slots of this day are left out")),
        (21, "roads.time", ("schedule: 'around eleven: Coffee and chat' starts with neither a time nor a date: "
                            "a slot reads '8:30am-8:40am - Title (Speaker)', a day 'Thursday, June 8, 2023', "
                            "a session heading '### Session 1: Invited Talks'; this line is left out")),
        (22, "roads.person", ("schedule: 'Alan Turin' is declared nowhere on this site (did you mean "
                              "'Alan Turing'?)")),
    ])
    page = soup(built.html)
    assert [t.get_text() for t in page.select(".roads-slot-title")] == [
        "Sparse things", "Closing words", "Lunch"]
    assert page.select_one(".roads-slot-speakers a")["href"] == "people.html#person-ada-lovelace"


def test_the_year_from_the_workshop_date_setting(build_page):
    built = build_page(BAD_MYST, files={"people.md": PEOPLE}, conf='roads_workshop_date = "June 8, 2023"\n')
    lines = built.warning_lines()
    assert not [line for line in lines if "roads.date" in line]
    page = soup(built.html)
    titles = [t.get_text() for t in page.select(".roads-slot-title")]
    assert titles[:3] == ["Welcome and Opening Remarks", "Keynote #1", "A title on the line below"]
    # a guest: as written, no link and no warning; a declared person by surname form
    rows = page.select("tr.roads-slot")
    assert rows[2].select_one(".roads-slot-speakers").get_text() == "Grace Guest"
    assert rows[1].select_one(".roads-slot-speakers").get_text() == "Prof. Ada Lovelace (Analytical)"
    assert not [line for line in lines if "Grace Guest" in line]


def test_a_wrong_workshop_date_setting(build_page):
    built = build_page(BAD_MYST, files={"people.md": PEOPLE}, conf='roads_workshop_date = "June 31, 2023"\n')
    warnings = [line for line in built.warning_lines() if "roads_workshop_date = 'June" in line]
    assert len(warnings) == 1 and warnings[0].endswith(
        "conf.py:4: WARNING: roads_workshop_date = 'June 31, 2023' in conf.py: 'June 31, 2023' is not a "
        "date: June 2023 has 30 days; it is not used [roads.date]")
    # and, the setting not used, the day without a year is said once, as without it
    assert len([line for line in built.warning_lines() if "has no year" in line]) == 1


BAD_RST = """\
Bad
===

.. schedule::
   :timezone: Europe/Paris
   :location: Hall A

   Schedule (Thursday, June 8)

   | Time | Event |
   |---|---|
   | 9:00 - 10:00 | **Keynote: Rooms and Tables**<br>*Ada Lovelace* |
   | 10:00 - 10:30 | ☕ Coffee Break |
   | soon | Lunch |

.. schedule:: June 9, 2023
   :timezone: Europe/Paris
   :location: Hall A

   - 9:00-10:00 Panel Discussion (Lovelace, Turing, Guest)
   - 17:50 Finish
"""


def test_bad_program_lines_rst(build_page):
    from test_program import check_warnings

    built = build_page(BAD_RST, suffix=".rst", files={"people.md": PEOPLE})
    check_warnings(built, [
        (8, "roads.date", "schedule: 'Thursday, June 8' has no year"),
        (14, "roads.time", "schedule: '| soon | Lunch |' starts with neither a time nor a date"),
    ])
    page = soup(built.html)
    rows = page.select("tr.roads-slot")
    assert len(rows) == 1  # the first program's day has no year: its slots are left out, once said
    assert [(a.get_text(), a["href"]) for a in rows[0].select(".roads-slot-speakers a")] == [
        ("Lovelace", "people.html#person-ada-lovelace"), ("Turing", "people.html#person-alan-turing")]
    assert rows[0].select_one(".roads-slot-speakers").get_text() == "Lovelace, Turing, Guest"
    assert rows[0].find("time")  # "17:50 Finish" closed the day: the panel is the last slot
    assert page.select_one("tr.roads-slot .roads-when").get_text() == "9:00\u202fAM\u2009–\u200910:00\u202fAM CEST"


def test_a_program_file_must_be_inside_the_project(build_page, tmp_path):
    from test_program import check_warnings

    (tmp_path / "outside.csv").write_text("Time,Title\n9:00-10:00,Keynote\n")
    built = build_page("""\
        # Files

        ```{schedule} June 8, 2023
        :timezone: UTC
        :location: Hall A
        :file: ../outside.csv
        ```

        ```{schedule} June 8, 2023
        :timezone: UTC
        :location: Hall A
        :file: program.csv
        :name: from-file

        - 9:00-10:00 Not read
        ```
        """, files={"program.csv": "Time,Title,Speaker\n9:00-10:00,Keynote,Ada Lovelace\n25:00,Broken,\n"})
    lines = built.warning_lines()
    # a line of the file is reported at its own line in the file
    assert lines[-1].endswith("src/program.csv:3: WARNING: schedule: '25:00' is not a time: hours go up to 23 "
                              "(or write am/pm); this slot is left out [roads.time]")
    built.warnings = "\n".join(lines[:-1])
    check_warnings(built, [
        (6, "roads.option", "schedule: file '../outside.csv' is outside the project"),
        (12, "roads.option", "schedule: has both :file: and lines of its own: the lines are left out"),
    ])
    rows = soup(built.html).select("tr.roads-slot")
    assert [(r.select_one(".roads-slot-title").get_text(), r.select_one(".roads-slot-speakers").get_text())
            for r in rows] == [("Keynote", "Ada Lovelace")]
