"""The one change roads_ext makes to docutils: an option given twice.

An option given twice: MyST keeps the last value without a word, and docutils
rejects the whole directive ("duplicate option") before the directive runs, so
that the card or list is lost. For roads_ext's directives only (their
:class:`~roads_ext.core.options.LenientOptionSpec`), docutils keeps the last value
too, as MyST does, and the directive itself warns, naming the option and both values
(see ``SourceLines.repeated_options``). docutils looks the function up on its
``utils`` module at each call; every other option_spec goes to the original.
``tests/test_layers.py`` fails once docutils itself keeps the last value (then this
module can go).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils import utils as docutils_utils

from .options import LenientOptionSpec


def _keeping_the_last_option(original: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
    def extract_extension_options(field_list: nodes.field_list, options_spec: Any) -> dict[str, Any]:
        if not isinstance(options_spec, LenientOptionSpec):
            return original(field_list, options_spec)
        return {name: options_spec[name](value) for name, value in docutils_utils.extract_options(field_list)}

    extract_extension_options.roads_original = original  # type: ignore[attr-defined]
    return extract_extension_options


def keep_the_last_of_repeated_options() -> None:
    """Let docutils read a roads_ext directive whose option is given twice (once per process)."""
    current = docutils_utils.extract_extension_options
    if not hasattr(current, "roads_original"):
        docutils_utils.extract_extension_options = _keeping_the_last_option(current)
