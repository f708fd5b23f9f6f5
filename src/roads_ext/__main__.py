"""``python -m roads_ext new DIR [options]``: write a new workshop site (see quickstart)."""

from __future__ import annotations

import sys

from .cli.quickstart import main


def run(argv: list[str]) -> int:
    if not argv or argv[0] != "new":
        print(
            "usage: python -m roads_ext new DIR [--name NAME] [--date YYYY-MM-DD] "
            "[--timezone ZONE] [--conference NAME [--conference-url URL]]",
            file=sys.stderr,
        )
        return 2
    return main(argv[1:], prog="python -m roads_ext new")


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
