"""``topic-grid``: a plain Markdown list of topics shown as a grid of short cards.

An item may begin with an octicon name between colons (``:zap: Faster training``).
The list stays a list (``<ul>``) laid out with sphinx-design's grid classes; the
icon is added for HTML only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx_design.icons import get_octicon, list_octicons

from .core.directive import RoadsDirective
from .core.nodes import card as sd_card
from .core.nodes import grid_item, grid_list, grid_wrapper
from .core.options import columns, text
from .core.pages import marked_nodes
from .diagnostics import RoadsWarning
from .model.problems import did_you_mean

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ICON_ATTR = "roads_icon"
#: ``:cpu: Fast training``, the icon's name in any case, a space after it or not
_ICON_PREFIX = re.compile(r"^:(?P<icon>[A-Za-z0-9][A-Za-z0-9-]*):\s*")


class TopicGridDirective(RoadsDirective):
    warning_subtype = RoadsWarning.TOPIC
    has_content = True
    known_options = {"columns": columns, "name": text}

    def run_checked(self) -> list[nodes.Node]:
        if not self.content:
            self.warn("is empty: write a Markdown list of topics inside it", RoadsWarning.EMPTY)
            return []
        topics = grid_list(self.checked_options.get("columns", 3), "roads-topics")
        self.set_source_info(topics)
        lists, trailing = self.parse_body_lists("topics", "the grid")
        for found in lists:
            for item in (child for child in found.children if isinstance(child, nodes.list_item)):
                if not item.children:  # "* " alone would be an empty card
                    self.warn(
                        "an empty item is left out", RoadsWarning.ITEM, item.line or found.line or self.lineno
                    )
                    continue
                topic = self.topic(item)
                if topic is not None:
                    topics += grid_item(topic)
        if not len(topics):
            self.warn("has no topics: write them as a Markdown list", RoadsWarning.EMPTY)
            return trailing
        wrapper = grid_wrapper(topics)
        self.label(wrapper, "Topics")
        return [wrapper, *trailing]

    def topic(self, item: nodes.list_item) -> nodes.container | None:
        """The card of one item (None, after a warning, for an item with no text)."""
        card, body = sd_card("roads-topic-card")
        icon = icon_field(item)
        body.extend(item.children)
        first_text = body.next_node(nodes.Text)
        if icon is None and first_text is not None:
            match = _ICON_PREFIX.match(str(first_text))
            if match:
                icon = match.group("icon").lower()
                remaining = str(first_text)[match.end() :]
                first_text.parent.replace(first_text, nodes.Text(remaining))
        if not body.astext().strip() and not any(body.findall(nodes.image)):
            self.warn(
                f"the item with the icon {icon!r} has no topic; it is left out"
                if icon
                else "an empty item is left out",
                RoadsWarning.ITEM,
                item.line or self.lineno,
            )
            return None
        if icon is None:
            return card
        if icon in _octicon_names():
            card[ICON_ATTR] = icon
        else:
            self.warn(
                f"unknown icon {icon!r}{did_you_mean(icon, _octicon_names())}; the topic "
                f"{body.astext().strip()!r} is shown without it (icons are sphinx-design's "
                "octicons)",
                RoadsWarning.ICON,
                item.line or self.lineno,
            )
        return card


def icon_field(item: nodes.list_item) -> str | None:
    """The icon of an item written ``:cpu: Fast training`` in reStructuredText, which
    reads it as a field list (so does MyST's ``fieldlist``): the field's name is the
    icon, and its body takes the field's place."""
    first = item.children[0] if item.children else None
    if not (isinstance(first, nodes.field_list) and len(first.children) == 1):
        return None
    name, body = first[0].children[:2]
    icon = name.astext().strip().lower()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", icon):
        return None
    first.replace_self(list(body.children))
    return icon


_OCTICONS: frozenset[str] | None = None


def _octicon_names() -> frozenset[str]:
    global _OCTICONS
    if _OCTICONS is None:
        _OCTICONS = frozenset(list_octicons())
    return _OCTICONS


class AddTopicIcons(SphinxPostTransform):
    """Draw each topic's octicon (HTML only; other builders show the text)."""

    default_priority = 30
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for card in marked_nodes(self.document, ICON_ATTR):
            icon = card[ICON_ATTR]
            if icon:
                svg = get_octicon(icon, height="1.5em", classes=["roads-topic-icon"])
                body = card.next_node(nodes.container)
                if body is not None:
                    body.insert(0, nodes.raw("", svg, format="html"))


def setup_topics(app: Sphinx) -> None:
    app.add_directive("topic-grid", TopicGridDirective)
    app.add_post_transform(AddTopicIcons)
