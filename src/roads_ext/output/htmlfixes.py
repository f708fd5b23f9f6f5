"""Small fixes to the HTML the theme produces, found by the Nu Html Checker.

furo wraps every table in ``<div class="table-wrapper">`` and every displayed
equation in ``<div class="math-wrapper">`` (a post-transform at priority 500)
and copies all the element's attributes onto the wrapper, ids too: a table with
an id (Sphinx gives one to every table that has a caption) or an equation with a
``:label:`` then has it twice on the page, which is invalid HTML and breaks
``#id`` links in some browsers. The id stays on the table or equation, where
links expect it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class UniqueWrapperIds(SphinxPostTransform):
    """Drop from a wrapper the ids that the element it wraps already has."""

    default_priority = 510  # after furo's wrapping (500)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if not ({"table-wrapper", "math-wrapper"} & set(wrapper["classes"])) or not wrapper["ids"]:
                continue
            inner = wrapper.children[0] if wrapper.children else None
            if isinstance(inner, nodes.Element):
                wrapper["ids"] = [i for i in wrapper["ids"] if i not in inner["ids"]]


def setup_htmlfixes(app: Sphinx) -> None:
    app.add_post_transform(UniqueWrapperIds)
