"""``python3 dev.py papers VENUE_ID``: write a venue's accepted papers to a JSON file.

Run on the organizer's machine, never during a build: it asks OpenReview's API v2 for the
notes whose ``content.venueid`` is the venue (the accepted papers; submissions under review,
withdrawn and rejected ones have other venue ids) and writes them as OpenReview returns
them, ``{"notes": [...]}``, keeping the fields the site shows. The site's build reads that
committed file with ``accepted-papers``.

``openreview-py`` is not a dependency of the site: ``dev.py`` installs it into ``.venv`` on
first use. A public venue's accepted papers need no account; set ``OPENREVIEW_USERNAME``
and ``OPENREVIEW_PASSWORD`` for a venue whose papers only a logged-in user may read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

API_V2 = "https://api2.openreview.net"
#: the content fields kept in the file: what the site shows, and the abstract
#: (``slides``, ``video``, ``poster`` and ``code`` where the venue's form has them: the papers'
#: materials; ``session`` and ``board``: where a poster hangs)
KEPT_FIELDS = (
    "title",
    "authors",
    "authorids",
    "venue",
    "venueid",
    "pdf",
    "abstract",
    "award",
    "track",
    "slides",
    "video",
    "poster",
    "code",
    "session",
    "board",
)
KEPT_KEYS = ("id", "forum", "number", "cdate", "pdate")


def note_json(note: Any) -> dict[str, Any]:
    """A note (openreview-py's ``Note`` or a dict) as API v2 JSON, with the kept fields."""
    data = note.to_json() if hasattr(note, "to_json") else dict(note)
    content = data.get("content") or {}
    kept = {key: data[key] for key in KEPT_KEYS if data.get(key) is not None}
    kept["content"] = {name: content[name] for name in KEPT_FIELDS if name in content}
    return kept


def export_venue(client: Any, venue_id: str) -> dict[str, Any]:
    """``{"notes": [...]}``: the venue's accepted papers, by number (stable across runs)."""
    notes = [note_json(note) for note in client.get_all_notes(content={"venueid": venue_id})]
    notes.sort(key=lambda note: (note.get("number") or 0, note.get("id", "")))
    return {"notes": notes}


def venue_id_of(written: str) -> str:
    """The venue id an organizer gave: the id itself (``Conf.org/2023/Workshop/NAME``,
    percent-encoded too), or the venue's OpenReview address pasted whole, whose ``id``
    parameter it is, decoded, wherever it stands in the query
    (``https://openreview.net/group?referrer=...&id=Conf.org%2F2023%2FWorkshop%2FNAME``).
    "" for an address with no ``id``."""
    written = written.strip()
    if "://" in written or written.lower().startswith(("openreview.net/", "www.openreview.net/")):
        address = urlsplit(written if "://" in written else f"https://{written}")
        ids = [value.strip() for value in parse_qs(address.query).get("id", []) if value.strip()]
        return ids[0] if ids else ""
    return unquote(written)


def write_export(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def make_client(environ: dict[str, str]) -> Any:
    import openreview

    username, password = environ.get("OPENREVIEW_USERNAME"), environ.get("OPENREVIEW_PASSWORD")
    if username and password:
        return openreview.api.OpenReviewClient(baseurl=API_V2, username=username, password=password)
    return openreview.api.OpenReviewClient(baseurl=API_V2)


def main(argv: list[str] | None = None, client_factory: Callable[[dict[str, str]], Any] = make_client) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py papers", description=__doc__.split("\n\n")[0])
    parser.add_argument("venue_id", help="the venue's id, as in https://openreview.net/group?id=VENUE_ID")
    parser.add_argument(
        "--out", default="docs/papers.json", type=Path, help="the file to write (default: docs/papers.json)"
    )
    options = parser.parse_args(argv)
    venue_id = venue_id_of(options.venue_id)
    if not venue_id:
        print(
            f"papers: {options.venue_id.strip()!r} has no venue id: give the id, or the venue's "
            "address as https://openreview.net/group?id=VENUE_ID; nothing written",
            file=sys.stderr,
        )
        return 2
    data = export_venue(client_factory(dict(os.environ)), venue_id)
    if not data["notes"]:
        print(
            f"papers: OpenReview returned no accepted paper for venue {venue_id!r} (are the "
            "decisions public yet? is the id right? see the handbook's papers guide); nothing written",
            file=sys.stderr,
        )
        return 1
    write_export(options.out, data)
    print(f"papers: {len(data['notes'])} papers of {venue_id} written to {options.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
