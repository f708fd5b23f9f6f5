"""A workshop program, read from the lines an organizer pastes. Knows nothing of Sphinx.

Programs are read as they are published, in any of the forms workshop sites use::

    ## Schedule (Thursday, June 8)
    * 8:30am-8:40am - Welcome and Opening Remarks (Workshop Organizers)
    * 8:40am-9:40am - Keynote #1: Prof. Jane Doe (Harvard)
    * 9:40am-10:05am - Invited Talk: John Roe
    `A Title on the Line Below`
      - slides: https://example.org/slides.pdf

    | Time | Event |
    |---|---|
    | 9:00 - 9:40 | **Keynote: Title**<br>*Jane Doe (MIT)* |

    Start,End,Title,Speaker,Affiliation      (CSV, inline or from a file)

The reading goes in layers, each in its own module:

- :mod:`.lines`: every form (lists, pipe tables, tab-separated cells, CSV) to one shape;
- :mod:`.reader`: each line read once by the method for its kind (slot, detail, day,
  session, a slot without a time), a slot's parts gathered until it is complete;
- :mod:`.text`: a slot's text normalized once (HTML and Markdown to marks and links) and
  cut into pieces;
- :mod:`.roles`: the most plausible role for every piece (label, people, affiliation,
  title, room), from how it looks;
- :mod:`.kinds`: the kinds of slot, read from a label's words with tolerance for typos;
- :mod:`.clock`: times, am/pm, zones; :mod:`.details`: ``- key: value`` details, anchors,
  implied ends and slots without a time.
"""

from ..pasted import Speaker, split_speakers
from .data import Day, Link, PaperRef, Program, Slot
from .details import DETAIL_KEYS, slugify
from .kinds import KINDS, TALK_KINDS, kind_label, kind_of_words, read_kind, read_label
from .reader import ProgramReader, parse_program

__all__ = [
    "DETAIL_KEYS",
    "KINDS",
    "TALK_KINDS",
    "Day",
    "Link",
    "PaperRef",
    "Program",
    "ProgramReader",
    "Slot",
    "Speaker",
    "kind_label",
    "kind_of_words",
    "parse_program",
    "read_kind",
    "read_label",
    "slugify",
    "split_speakers",
]
