"""A directive's options, read leniently and checked by roads_ext itself.

docutils (rST) rejects the whole directive on an unknown or invalid option and
MyST drops it with a ``myst.*`` warning that names no alternative. Both call
``option_spec[name](value)``; :class:`LenientOptionSpec` answers every name with a
converter that records the raw value, and the directive checks them itself, so both
parsers give the same ``roads.option`` warning and keep the rest. The converters
(:func:`text`, :func:`columns`, :func:`choice`) are what directives declare.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.problems import did_you_mean


class RawOption:
    __slots__ = ("name", "value")

    def __init__(self, name: str, value: str | None) -> None:
        self.name = name
        self.value = value


class LenientOptionSpec(dict):
    """An ``option_spec`` that accepts any option name, to check it later.

    It holds the known options only because docutils and MyST parse no options
    at all for an empty ``option_spec``.
    """

    def __getitem__(self, name: str) -> Callable[[str | None], RawOption]:
        # every known option too, so that a bad value is reported by us
        return lambda value: RawOption(name, value)

    def __contains__(self, name: object) -> bool:
        return True


def text(value: str | None) -> str:
    """Any single line of text, whitespace collapsed."""
    return " ".join((value or "").split())


def columns(value: str | None) -> int:
    """A grid's number of columns on a wide screen: 1 to 6."""
    try:
        number = int((value or "").strip())
    except ValueError:
        raise ValueError("is not a whole number") from None
    if not 1 <= number <= 6:
        raise ValueError("must be from 1 to 6")
    return number


def choice(*choices: str) -> Callable[[str | None], str]:
    def convert(value: str | None) -> str:
        word = text(value).lower()
        if word not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}" + did_you_mean(word, choices))
        return word

    return convert
