"""Sponsors as plain data: tiers, names, links and logos, read from the lines a
workshop page already has.

A tier is a line of its own (``Gold``, ``Gold sponsors:``, ``Tier: Gold``) above a
list; each item is ``[Name](https://...)`` (or a name alone), with its details
after it on the same line (``logo: img/acme.svg``) or as sub-items
(``- logo: img/acme.svg``), in the same spirit as a program slot's details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import did_you_mean

#: the details a sponsor may have
SPONSOR_DETAILS = ("logo",)

_TIER_PREFIX = re.compile(r"^\s*tier\s*:\s*", re.IGNORECASE)
#: where details start in a line: `` key:`` (a lower-case word and a colon)
_DETAIL_KEY = re.compile(r"(?:^|\s)([a-z][a-z0-9-]*)\s*:(?=\s|$)")


class SponsorLineError(ValueError):
    """A line that cannot be read as a sponsor or a detail."""


@dataclass(frozen=True)
class Sponsor:
    name: str
    url: str = ""
    logo: str = ""
    #: the source line the sponsor is written on (0: unknown)
    line: int = 0


@dataclass
class Tier:
    """A tier's name ("" for sponsors listed before any tier) and its sponsors."""

    name: str
    sponsors: list[Sponsor] = field(default_factory=list)


def tier_name(line: str) -> str:
    """``Tier: Gold`` and ``Gold:`` read as ``Gold``; whitespace collapsed."""
    name = _TIER_PREFIX.sub("", " ".join(line.split()))
    return name.rstrip(":").strip()


def split_details(words: str) -> tuple[str, list[tuple[str, str]]]:
    """``"Acme Research logo: img/acme.svg"`` -> ``("Acme Research", [("logo", "img/acme.svg")])``.

    Each detail runs to the next `` key:``; unknown keys are returned too, for the
    caller to name in a warning.
    """
    found = list(_DETAIL_KEY.finditer(words))
    if not found:
        return " ".join(words.split()), []
    head = " ".join(words[: found[0].start()].split())
    details = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(words)
        details.append((match.group(1), words[match.end() : end].strip()))
    return head, details


def parse_detail(line: str) -> tuple[str, str]:
    """A sub-item ``logo: img/acme.svg`` as ``("logo", "img/acme.svg")``."""
    head, details = split_details(" " + line)
    if head or len(details) != 1:
        raise SponsorLineError("is not 'key: value'")
    return details[0]


def detail_problem(key: str, value: str) -> str | None:
    """Why a detail cannot be used, or None."""
    if key not in SPONSOR_DETAILS:
        return (
            f"unknown detail {key!r}{did_you_mean(key, SPONSOR_DETAILS)}; "
            f"a sponsor's details are: {', '.join(SPONSOR_DETAILS)}"
        )
    if not value:
        return f"detail {key!r} has no value: write '{key}: img/name.svg'"
    return None


def https_problem(url: str) -> str | None:
    """Why a sponsor's link is refused, or None for an ``https://`` link."""
    if re.match(r"^https://[^/\s]+", url, re.IGNORECASE):
        return None
    return "is not an https:// address"
