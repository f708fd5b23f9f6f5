"""``python3 dev.py pretalx EVENT`` and ``python3 dev.py indico URL``: write a conference
tool's export into the site, for ``schedule``'s ``:file:`` to read.

Run on the organizer's machine, never during a build:

- ``pretalx``: the event's schedule as frab JSON, from
  ``https://<host>/<event>/schedule/export/schedule.json`` (``EVENT`` is the event's
  address, ``https://pretalx.example.org/lakeconf-2026/``, or its slug on pretalx.com);
- ``indico``: Indico's export of an event and its contributions,
  ``https://<host>/export/event/<id>.json?detail=contributions`` (``URL`` is that address,
  or the event's page, ``https://indico.example.org/event/4242/``).

Both use Python's own ``urllib``: nothing is installed. A schedule that is not yet
public needs a token: ``PRETALX_TOKEN`` or ``INDICO_TOKEN`` in the environment is sent
as the tool asks (it is never printed). The file written keeps no e-mail address: every
field whose name says e-mail (Indico's speakers' ``email``) is left out of it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from ..model.imports import json_shape

PRETALX = "https://pretalx.com"
#: fetch(url, headers) -> the response's body; tests give a fake
Fetch = Callable[[str, dict[str, str]], bytes]


def fetch(url: str, headers: dict[str, str]) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": "application/json", **headers})
    with urllib.request.urlopen(request, timeout=60) as response:
        return bytes(response.read())


def pretalx_url(written: str) -> str:
    """The schedule export of a pretalx event: its address (any page of it) or its slug."""
    written = written.strip()
    if "://" not in written:
        slug = written.strip("/")
        return f"{PRETALX}/{slug}/schedule/export/schedule.json" if re.fullmatch(r"[\w.-]+", slug) else ""
    address = urlsplit(written)
    parts = [part for part in address.path.split("/") if part]
    if address.scheme not in ("http", "https") or not parts:
        return ""
    return urlunsplit((address.scheme, address.netloc, f"/{parts[0]}/schedule/export/schedule.json", "", ""))


def indico_url(written: str) -> str:
    """The export of an Indico event with its contributions: the export address itself
    (``detail=contributions`` added where missing), or the event's page."""
    address = urlsplit(written.strip())
    if address.scheme not in ("http", "https") or not address.netloc:
        return ""
    exported = re.search(r"/export/event/(\d+)\.json$", address.path)
    page = re.search(r"/event/(\d+)(?:/|$)", address.path)
    if exported:
        query = {key: values[0] for key, values in parse_qs(address.query).items()}
        query["detail"] = "contributions"
        return urlunsplit((address.scheme, address.netloc, address.path, urlencode(query), ""))
    if page:
        prefix = address.path[: page.start()]
        path = f"{prefix}/export/event/{page.group(1)}.json"
        return urlunsplit((address.scheme, address.netloc, path, "detail=contributions", ""))
    return ""


def without_emails(data: Any) -> Any:
    """``data`` without any field whose name says e-mail, at any depth."""
    if isinstance(data, dict):
        return {key: without_emails(value) for key, value in data.items() if "email" not in key.lower()}
    if isinstance(data, list):
        return [without_emails(value) for value in data]
    return data


def count_sessions(data: Any, shape: str) -> int:
    if shape == "indico":
        return sum(
            len(event.get("contributions") or []) for event in data["results"] if isinstance(event, dict)
        )
    days = data["schedule"]["conference"].get("days") or []
    return sum(
        len(events) for day in days if isinstance(day, dict) for events in (day.get("rooms") or {}).values()
    )


def export(tool: str, url: str, out: Path, fetcher: Fetch, environ: dict[str, str]) -> int:
    """Fetch ``url``, check it is the tool's export, write it to ``out``; the exit code."""
    token = environ.get("PRETALX_TOKEN" if tool == "pretalx" else "INDICO_TOKEN", "")
    headers = {"Authorization": f"Token {token}" if tool == "pretalx" else f"Bearer {token}"} if token else {}
    try:
        body = fetcher(url, headers)
    except urllib.error.HTTPError as error:
        hint = " (is the schedule public? set the token)" if error.code in (401, 403, 404) else ""
        print(f"{tool}: {url} answered {error.code} {error.reason}{hint}; nothing written", file=sys.stderr)
        return 1
    except (urllib.error.URLError, OSError) as error:
        print(f"{tool}: {url} cannot be reached ({error}); nothing written", file=sys.stderr)
        return 1
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        print(f"{tool}: {url} did not answer with JSON; nothing written", file=sys.stderr)
        return 1
    shape = json_shape(data)
    wanted = "frab" if tool == "pretalx" else "indico"
    if shape != wanted:
        what = (
            "a frab schedule ({'schedule': {'conference': ...}})"
            if wanted == "frab"
            else ("Indico's event export ({'results': [{'contributions': [...]}]})")
        )
        print(f"{tool}: {url} answered JSON that is not {what}; nothing written", file=sys.stderr)
        return 1
    data = without_emails(data)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(
        f"{tool}: {count_sessions(data, shape)} sessions written to {out}; show them with '```{{schedule}}' "
        f"and ':file: {out.name}'"
    )
    return 0


def main(argv: list[str] | None = None, fetcher: Fetch = fetch, environ: dict[str, str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    tool = argv.pop(0) if argv and argv[0] in ("pretalx", "indico") else ""
    if not tool:
        print("usage: python -m roads_ext.cli.tool_export pretalx|indico ...", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(prog=f"python3 dev.py {tool}", description=__doc__.split("\n\n")[0])
    if tool == "pretalx":
        parser.add_argument("event", help="the event's address (https://pretalx.example.org/EVENT/) or slug")
        default = "docs/schedule.json"
    else:
        parser.add_argument(
            "event", help="the export URL (https://HOST/export/event/ID.json) or the event's page"
        )
        default = "docs/indico.json"
    parser.add_argument("--out", default=default, type=Path, help=f"the file to write (default: {default})")
    options = parser.parse_args(argv)
    url = pretalx_url(options.event) if tool == "pretalx" else indico_url(options.event)
    if not url:
        example = "https://pretalx.example.org/EVENT/" if tool == "pretalx" else "https://HOST/event/ID/"
        print(
            f"{tool}: {options.event.strip()!r} is no event's address: give one like {example}; nothing written",
            file=sys.stderr,
        )
        return 2
    return export(tool, url, options.out, fetcher, dict(os.environ) if environ is None else environ)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
