"""``python -m roads_ext``: the command-line tools.

python -m roads_ext new DIR [options]         write a new workshop site (see quickstart)
python -m roads_ext program FILE [options]    print how a pasted program is read
python -m roads_ext pretalx EVENT [--out F]   write a pretalx event's schedule (frab JSON)
python -m roads_ext indico URL [--out F]      write an Indico event's export (JSON)
"""

from __future__ import annotations

import sys

USAGE = (
    "usage: python -m roads_ext new DIR [--name NAME] [--date YYYY-MM-DD] "
    "[--timezone ZONE] [--conference NAME [--conference-url URL]] [--wheel FILE | --from-index]\n"
    "       python -m roads_ext program FILE [--timezone ZONE] [--day DAY] [--year-of DAY] [--csv] [--json]\n"
    "       python -m roads_ext pretalx EVENT_URL_OR_SLUG [--out docs/schedule.json]\n"
    "       python -m roads_ext indico EXPORT_OR_EVENT_URL [--out docs/indico.json]"
)


def run(argv: list[str]) -> int:
    if argv and argv[0] == "new":
        from .cli.quickstart import main

        return main(argv[1:], prog="python -m roads_ext new")
    if argv and argv[0] == "program":
        from .cli.program import main as program

        return program(argv[1:])
    if argv and argv[0] in ("pretalx", "indico"):
        from .cli.tool_export import main as tool_export

        return tool_export(argv)
    print(USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
