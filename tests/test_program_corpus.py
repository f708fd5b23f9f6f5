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


def S(start, end, kind, title, speakers=(), room="", session="", day=WORKSHOP):  # noqa: N802
    return (day, start, end, kind, title, list(speakers), room, session)


EXPECTED: dict[str, list[tuple]] = {
    "01-list-labels-backtick-titles.md": [
        S("08:30", "08:40", "opening", "Welcome and Opening Remarks", ["Workshop Organizers"]),
        S("08:40", "09:30", "keynote", "Keynote #1", ["Marta Kowalczyk (Uppsala)"]),
        S("09:30", "09:55", "invited", "Folding Attention: Cheaper Long Contexts by Reuse", ["Tobias Lindqvist"]),
        S("09:55", "10:20", "invited", "Sketching Gradients at Scale", ["Priya Raghunathan"]),
        S("10:20", "10:40", "break", "Coffee Break and Socialize"),
        S("10:40", "11:30", "keynote", "Keynote #2", ["Osei Mensah (Kumasi Labs)"]),
        S("11:30", "12:30", "lunch", "Lunch Break"),
        S("12:30", "13:10", "keynote", "Keynote #3", ["Ines Carvalho (Lisbon Tech)"]),
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
        S("14:10", "14:50", "keynote", "Keynote", ["Wen-Hsiang (Vincent) Liu (Formosa University)"]),
        S("14:50", "15:30", "invited", "Energy-Aware Scheduling of Training Jobs", ["Meiling (Mia) Sun"]),
        S("15:30", "15:45", "break", "Break"),
        S("15:45", "16:45", "panel", "Panel Session", [
            "Aylin Demir (Anatolia AI)", "Jakub Novotny (Vltava University)", "Meiling (Mia) Sun (Pearl Labs)"]),
        S("16:45", "17:30", "panel", "Panel Discussion", ["Demir", "Novotny", "Liu"]),
    ],
    "13-rooms-orals-numbered-keynotes.md": [
        S("09:00", "09:40", "keynote", "Keynote #3", ["Gabriela Costa (Atlantic University)"]),
        S("09:40", "10:00", "contributed", "Oral Talk 1"),
        S("10:00", "10:20", "contributed", "Oral Talk 2"),
        S("10:20", "10:50", "poster", "Poster Session I", room="Hall C"),
        S("10:50", "11:30", "invited", "Closing the Loop on Data Selection", ["Ruth Abebe"]),
        S("11:30", "12:30", "lunch", "Lunch", room="Ballroom A"),
        S("12:30", "13:10", "keynote", "Keynote #4", ["Felix Wagner (Alpine Institute)"]),
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
}


def shown(speaker: Speaker) -> str:
    role = f"{speaker.role}: " if speaker.role else ""
    return role + speaker.name + (f" ({speaker.affiliation})" if speaker.affiliation else "")


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
        (june8, "08:40", "09:40", "keynote", "Keynote #1", ["Michael Mitzenmacher (Harvard)"], "", ""),
        (june8, "09:40", "10:05", "invited", "Cuttlefish: Low-Rank Model Training without All the Tuning",
         ["Hongyi Wang"], "", ""),
        (june8, "10:05", "10:30", "invited", ("Pre-train and Search: Efficient Embedding Table Sharding with "
                                             "Pre-trained Neural Cost Models"), ["Daochen Zha"], "", ""),
        (june8, "10:30", "10:50", "break", "Coffee Break and Socialize", [], "", ""),
        (june8, "10:50", "11:30", "keynote", "Keynote #2", ["Bilge Acun (Meta)"], "", ""),
        (june8, "11:30", "11:55", "invited", "MegaBlocks: Efficient Sparse Training with Mixture-of-Experts",
         ["Trevor Gale"], "", ""),
        (june8, "11:55", "12:20", "invited", ("RSC: Accelerating Graph Neural Networks Training via Randomized "
                                             "Sparse Computations"), ["Daochen Zha"], "", ""),
        (june8, "12:20", "13:20", "lunch", "Lunch Break", [], "", ""),
        (june8, "13:20", "14:00", "keynote", "Keynote #3", ["Jonathan Frankle (Harvard)"], "", ""),
        (june8, "14:00", "14:30", "keynote", "Keynote #4", ["Furong Huang (UMD)"], "", ""),
        (june8, "14:30", "15:10", "keynote", "Keynote #5", ["Chen Luo (Amazon)"], "", ""),
        (june8, "15:10", "15:30", "break", "Coffee Break and Socialize", [], "", ""),
        (june8, "15:30", "16:30", "panel", "Panel Discussion",
         ["Mitzenmacher", "Frankle", "Acun", "Luo", "Shrivastava"], "", ""),
        (june8, "16:30", None, "social", "Social", [], "", ""),
    ]
