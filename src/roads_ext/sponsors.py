"""Sponsors: ``sponsors``, a grid of logos by tier.

::

    :::{sponsors}
    Gold
    - [Acme Research](https://acme.example) logo: img/acme.svg
    - [Globex](https://globex.example)
      - logo: img/globex.png

    Silver
    - [Initech](https://initech.example)
    :::

Each tier is a heading above sphinx-design's responsive grid of cards; each card
holds the sponsor's logo (an image slot of ``images``, profile ``LOGO``: any aspect
ratio contained in a box, SVG as an ``<img>`` file, the name as its alt text) or
their initials, and their name linked to their site, the link stretched over the
whole card. The logo stands on a light plate in light and dark mode alike, as logos
are drawn for a light background. Lines are read by ``model.sponsors``; every
mistake is a located ``roads.sponsor`` (links: ``roads.link``) warning and the
rest is shown. The sponsors keep no data between pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .core.directive import RoadsDirective
from .core.nodes import card, grid_item, grid_list, grid_wrapper
from .core.options import columns
from .core.pages import source_line, unique_id
from .diagnostics import RoadsWarning
from .model.pasted import MARKDOWN_LINK
from .model.sponsors import (
    Sponsor,
    SponsorLineError,
    Tier,
    detail_problem,
    https_problem,
    parse_detail,
    split_details,
    tier_name,
)
from .services import images

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: ``env.temp_data`` key: the tier headings of the page being read
TIER_HEADINGS = "roads_tier_headings"


class SponsorsDirective(RoadsDirective):
    """Tiers of sponsors: a tier's name on a line, then a list of sponsors."""

    warning_subtype = RoadsWarning.SPONSOR
    reads_item_links = True
    has_content = True
    known_options = {"columns": columns}

    def run_checked(self) -> list[nodes.Node]:
        if not self.content:
            self.warn(
                "is empty: write a tier's name and below it a list of "
                "'[Name](https://...) logo: img/name.svg' lines",
                RoadsWarning.EMPTY,
            )
            return []
        tiers, below = self.read_tiers()
        result: list[nodes.Node] = []
        # their heading level is known once the page's sections are (SetTierLevels)
        headings: list[nodes.rubric] = self.env.temp_data.setdefault(  # type: ignore[assignment]
            TIER_HEADINGS, []
        )
        for tier, line in tiers:
            if not tier.sponsors:
                self.warn(
                    f"tier {tier.name!r} has no sponsors: list them below it as '- [Name](https://...)'",
                    line=line,
                )
                continue
            if tier.name:
                heading = nodes.rubric(tier.name, tier.name, classes=["roads-sponsor-tier"])
                headings.append(heading)
                heading.source, heading.line = self.get_source_info()[0], line
                result.append(heading)
            grid = grid_list(self.checked_options.get("columns", 3), "roads-sponsors")
            grid.extend(grid_item(self.sponsor_card(sponsor)) for sponsor in tier.sponsors)
            result.append(grid_wrapper(grid))
        if not result:
            self.warn("has no sponsors: write them as a list", RoadsWarning.EMPTY)
        return result + below

    # --- reading ----------------------------------------------------------------------

    def read_tiers(self) -> tuple[list[tuple[Tier, int]], list[nodes.Node]]:
        """The tiers with their lines, and what is neither a tier nor a list."""
        tiers: list[tuple[Tier, int]] = []
        below: list[nodes.Node] = []
        for node in self.parse_body():
            line = source_line(node, self.lineno)
            if isinstance(node, nodes.paragraph):
                tiers.append((Tier(tier_name(node.astext())), line))
            elif isinstance(node, nodes.bullet_list | nodes.enumerated_list):
                if not tiers or tiers[-1][0].sponsors:  # a list with no tier line above it
                    tiers.append((Tier(tiers[-1][0].name if tiers else ""), line))
                tier = tiers[-1][0]
                for item in node.children:
                    if not isinstance(item, nodes.Element):
                        continue
                    sponsor = self.read_sponsor(item, source_line(item, line))
                    if sponsor is not None:
                        tier.sponsors.append(sponsor)
                if not tier.sponsors:  # every item was left out: said once each already
                    tiers.pop()
            elif isinstance(node, nodes.system_message | nodes.comment):
                below.append(node)
            else:
                self.warn(
                    f"only tiers and lists of sponsors belong inside; this {node.__class__.__name__} "
                    "is shown below the sponsors",
                    RoadsWarning.CONTENT,
                    line,
                )
                below.append(node)
        return tiers, below

    def read_sponsor(self, item: nodes.Element, line: int) -> Sponsor | None:
        """One list item: ``[Name](https://...)`` and its details; None after a warning."""
        first = item.children[0] if item.children else None
        if not isinstance(first, nodes.paragraph) or not first.astext().strip():
            self.warn(
                "an item must start with the sponsor's name, '[Name](https://...)'; this item is left out",
                line=line,
            )
            return None
        line = source_line(first, line)
        head = first.children[0] if first.children else None
        url = ""
        if isinstance(head, nodes.reference | addnodes.pending_xref) and head.astext().strip():
            name = " ".join(head.astext().split())
            # MyST makes a relative link ([Acme](acme.html)) a cross-reference to resolve
            url = head.get("refuri") or head.get("reftarget") or head.get("refid") or ""
            rest, pairs = split_details("".join(child.astext() for child in first.children[1:]))
            details = [(key, value, line) for key, value in pairs]
            if rest:
                self.warn(
                    f"{rest!r} after the link to {name!r} is not a detail: write details as "
                    "'logo: img/name.svg'; it is left out",
                    line=line,
                )
        else:
            written = first.astext()
            unmade = MARKDOWN_LINK.match(written.strip())  # a link Markdown would not make (javascript:)
            if unmade and not unmade.group("image"):
                url, written = unmade.group("url"), unmade.group("text") + written.strip()[unmade.end() :]
            name, pairs = split_details(written)
            details = [(key, value, line) for key, value in pairs]
        if not name:
            self.warn(
                f"{first.astext()!r} has no sponsor's name before its details; this item is left out",
                line=line,
            )
            return None
        for child in item.children[1:]:
            details.extend(self.read_detail_list(child, line))
        if url and (problem := https_problem(url)):
            self.warn(
                f"{name}: link {url!r} {problem}; write the sponsor's https:// address. "
                "The name is shown unlinked",
                RoadsWarning.LINK,
                line,
            )
            url = ""
        logo = ""
        given: dict[str, str] = {}
        for key, value, detail_line in details:
            problem = detail_problem(key, value)
            if problem:
                self.warn(f"{name}: {problem}; it is left out", line=detail_line or line)
                continue
            if key in given:
                self.warn(
                    f"{name}: detail {key!r} is given twice: the last value, {value!r}, is kept "
                    f"and {given[key]!r} is ignored; give each detail once",
                    line=detail_line or line,
                )
            given[key] = value
        if "logo" in given:
            logo = images.checked_image(self, given["logo"], images.LOGO, RoadsWarning.SPONSOR, line=line)
        return Sponsor(name, url, logo, line)

    def read_detail_list(self, node: nodes.Node, line: int) -> list[tuple[str, str, int]]:
        """The ``- key: value`` sub-items under a sponsor, each with its own line."""
        if not isinstance(node, nodes.bullet_list | nodes.enumerated_list):
            self.warn(
                f"only '- logo: img/name.svg' details belong under a sponsor; this "
                f"{node.__class__.__name__} is left out",
                line=source_line(node, line),
            )
            return []
        details = []
        for sub in node.children:
            text = sub.astext().strip()
            sub_line = source_line(sub, line)
            try:
                details.append((*parse_detail(text), sub_line))
            except SponsorLineError as error:
                self.warn(
                    f"detail {text!r} {error}: write it as 'logo: img/name.svg'; it is left out",
                    line=sub_line,
                )
        return details

    # --- the card ---------------------------------------------------------------------

    def sponsor_card(self, sponsor: Sponsor) -> nodes.container:
        outer, body = card("roads-sponsor-card")
        outer.source, outer.line = self.get_source_info()[0], sponsor.line or self.lineno
        document = self.state.document
        anchor = unique_id(document, nodes.make_id(f"sponsor-{sponsor.name}")[:80].rstrip("-"))
        outer["ids"].append(anchor)
        document.ids[anchor] = outer
        slot = images.image_slot(sponsor.logo, images.LOGO, sponsor.name, sponsor.name, RoadsWarning.SPONSOR)
        holder = nodes.container("", slot, is_div=True, classes=["roads-sponsor-logo"])
        if not sponsor.logo:
            holder["classes"].append("roads-sponsor-initials")
        body += holder
        caption = nodes.paragraph("", "", classes=["roads-sponsor-name"])
        if sponsor.url:
            # sphinx-design's stretched link: the whole card, logo too, follows it
            caption += nodes.reference(
                sponsor.name, sponsor.name, refuri=sponsor.url, classes=["sd-stretched-link"]
            )
        else:
            caption += nodes.Text(sponsor.name)
        body += caption
        return outer


class SetTierLevels(SphinxTransform):
    """A tier's name is a heading one level below the section it stands in."""

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        for heading in self.env.temp_data.pop(TIER_HEADINGS, None) or ():
            depth, node = 0, heading.parent
            while node is not None:
                depth += isinstance(node, nodes.section)
                node = node.parent
            heading["heading-level"] = min(depth + 1, 6)


def setup_sponsors(app: Sphinx) -> None:
    app.add_directive("sponsors", SponsorsDirective)
    app.add_transform(SetTierLevels)
