"""A slot's text, normalized once: HTML and Markdown brought to their meaning, then cut
into pieces that the role reader (:mod:`.roles`) gives a role each.

Every part of a slot (the text after its time, a line below it, a table cell) becomes a
:class:`TextLine`: its text as a visitor reads it, the links it held, and its
:class:`Piece` s, cut at the places a person sees a boundary: separators outside
parentheses and quotes (`` - ``, `` — ``, `` · ``, `` | ``, ``: ``, ``, ``), a
parenthesis, and a span set off whole (``**bold**``, ``*italics*``, quotes,
backticks). A piece keeps how it was set off; pieces may be joined again by the reader
(``Cuttlefish: Low-Rank Training`` is one title, cut at its colon).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..pasted import MARKDOWN_LINK, _without_markers

#: a tag as pasted from a web page; quotes may be typographic where a text editor changed them
_TAG = re.compile(r"<\s*(?P<close>/?)\s*(?P<name>[A-Za-z][\w-]*)\b(?P<attributes>[^<>]*?)/?\s*>")
_HREF = re.compile(
    r"""\bhref\s*=\s*(?:["“”'‘’](?P<quoted>[^"“”'‘’]*)["“”'‘’]|(?P<bare>[^\s>]+))""", re.IGNORECASE
)
#: tags whose meaning Markdown has (links, emphasis, line breaks) or that only format
_BREAK_TAGS = {"br", "p", "div", "li", "tr", "hr"}
_BOLD_TAGS = {"b", "strong"}
_ITALIC_TAGS = {"i", "em", "cite"}
_CODE_TAGS = {"code", "tt", "kbd"}
_FORMAT_TAGS = {
    "span",
    "small",
    "big",
    "u",
    "font",
    "mark",
    "sup",
    "sub",
    "center",
    "ul",
    "ol",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "section",
    "header",
    "strike",
    "s",
    "del",
    "ins",
    "abbr",
    "time",
    "label",
    "nobr",
    "wbr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
}
#: what empty table cells hold when they are not left empty
EMPTY_MARKERS = frozenset(
    ("", "-", "--", "—", "–", "tbd", "tba", "tbc", "n/a", "na", "none", "…", "...", "/", "·", "x")
)


@dataclass(frozen=True)
class Piece:
    """One piece of a line: ``text`` as read, ``mark`` how it was set off whole
    (``quote``, ``code``, ``italic``, ``bold`` or nothing), ``paren`` written in parentheses;
    ``start``/``end`` its place in the line, to join pieces again as written."""

    text: str
    start: int
    end: int
    mark: str = ""
    paren: bool = False
    span: int = -1  # pieces cut from one span set off whole (bold, italics) share its number
    before: str = ""  # the separator written before it ("," ":" "-" "|"), "" for none or a space


@dataclass
class TextLine:
    """One part of a slot's text, read once."""

    written: str  # as pasted
    line: str  # markup removed but for the marks that set pieces off (kept in ``pieces``)
    pieces: list[Piece] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, URL)
    unread_tags: list[str] = field(default_factory=list)  # tags that are shown as text (<script>)
    column: str | None = None  # a table header's name for this cell
    below: bool = False  # a line below the slot's own, or a cell after its first

    def joined(self, first: int, last: int) -> str:
        """Pieces ``first`` to ``last`` as one text, with what was written between them."""
        if first == last:
            return self.pieces[first].text
        start = self.pieces[first].start
        end = self.pieces[last].end
        text = self.line[start:end]
        return clean_marks(text)

    @property
    def text(self) -> str:
        return self.joined(0, len(self.pieces) - 1) if self.pieces else ""


def html_to_markdown(text: str) -> tuple[str, list[str]]:
    """Pasted HTML as Markdown says it (``<a href>`` a link, ``<b>`` bold, ``<br>`` a new
    line, formatting tags left out, entities decoded) and the tags left as text."""
    unread: list[str] = []
    if "<" in text:

        def tag(match: re.Match) -> str:
            name = match.group("name").lower()
            closing = bool(match.group("close"))
            if name == "a":
                href = _HREF.search(match.group("attributes") or "")
                if closing or href is None:
                    return "\x01"  # </a>, and the <a/> some pages close a link with
                url = (
                    href.group("quoted")
                    if href and href.group("quoted") is not None
                    else href.group("bare")
                    if href
                    else ""
                )
                return "\x02" + html.unescape(url or "").strip() + "\x03"
            if name in _BREAK_TAGS:
                return "\n"
            if name in _BOLD_TAGS:
                return "**"
            if name in _ITALIC_TAGS:
                return "*"
            if name in _CODE_TAGS:
                return "`"
            if name in _FORMAT_TAGS:
                return ""
            unread.append(match.group(0))
            return match.group(0)

        text = _TAG.sub(tag, text)
        # an <a href="url">text</a> is the Markdown link [text](url)
        text = re.sub(
            r"\x02([^\x01\x02\x03]*)\x03([^\x01\x02]*)\x01",
            lambda m: f"[{m.group(2)}]({m.group(1)})" if m.group(1) else m.group(2),
            text,
        )
        text = text.replace("\x01", "").replace("\x02", "").replace("\x03", "")
    if "\\\\" in text:
        text = text.replace("\\\\", "\n")  # "\\\\": a line break in some page builders' tables
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\xa0", " ").replace("\u202f", " ").replace("\u2009", " ").replace("\u200b", "")
    return text, unread


_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
#: a span set off whole: bold, code, italics, quotes (a single quote only at a word's edge)
_MARK = re.compile(
    r"(?P<bold>\*\*(?=\S)(?P<b>.+?)(?<=\S)\*\*(?!\*)|(?<!\w)__(?=\S)(?P<b2>.+?)(?<=\S)__(?!\w))"
    r"|(?P<code>`(?P<c>[^`]+)`)"
    r"|(?P<italic>(?<![\w*])\*(?=\S)(?P<i>[^*]+?)(?<=\S)\*(?![\w*])|(?<![\w_])_(?=\S)(?P<i2>[^_]+?)(?<=\S)_(?![\w_]))"
    r"|(?P<quote>\"(?P<q>[^\"]+)\"|“(?P<q2>[^”]+)”|„(?P<q5>[^“”]+)[“”]|(?<!\w)'(?P<q3>[^']+?)'(?!\w)"
    r"|‘(?P<q4>[^’]+)’|«\s*(?P<q6>[^»]+?)\s*»)"
)
#: boundaries a person reads between the parts of a slot's line
_SEPARATOR = re.compile(
    r"\s+[-–—]+\s+|\s*—\s*|\s+·\s+|\s*\|\s*|\s*•\s*|:\s+|;\s+|,\s+|\s+/\s+|\s+~\s+|\s+(?:by|ft\.|feat\.)\s+"
    r"|(?<=[a-z]\)|\w\w)\.\s+(?=[A-Z])"
)


#: words whose period is no sentence's end
_ABBREVIATION = re.compile(
    r"\b(?:Prof|Dr|Mr|Mrs|Ms|Mx|Jr|Sr|St|vs|etc|al|Inc|Ltd|Co|No|Vol|Univ|Dept|Fig|approx)$"
)


def clean_marks(text: str) -> str:
    """``text`` as a visitor reads it: marks that set a span off left out (``**bold**``,
    ``*italics*``, backticks; quotes around the whole), spaces folded, emoji markers at the
    edges left out."""
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text) if ("**" in text or "__" in text) else text
    if "*" in text or "`" in text or "_" in text:
        text = re.sub(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])", r"\1", text)
        text = re.sub(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])", r"\1", text)
        text = text.replace("`", "")
    text = " ".join(text.split())
    inner = _whole_quote(text)
    if inner is not None:
        text = inner
    return _without_markers(text) if not text.isascii() else text


def _whole_quote(text: str) -> str | None:
    match = _MARK.fullmatch(text)
    if match and match.group("quote"):
        return next(
            g for g in (match.group(n) for n in ("q", "q2", "q3", "q4", "q5", "q6")) if g is not None
        ).strip()
    return None


def _mark_of(match: re.Match) -> tuple[str, str]:
    """``(mark, inner text)`` of a span set off whole; quotes inside italics or bold are quotes."""
    for mark, groups in (
        ("bold", ("b", "b2")),
        ("code", ("c",)),
        ("italic", ("i", "i2")),
        ("quote", ("q", "q2", "q3", "q4", "q5", "q6")),
    ):
        if match.group(mark):
            inner = next(match.group(g) for g in groups if match.group(g) is not None).strip()
            if mark in ("bold", "italic"):
                nested = _MARK.fullmatch(inner)
                if nested and (nested.group("quote") or nested.group("code")):
                    return _mark_of(nested)[0], _mark_of(nested)[1]
                if nested and nested.group("italic") and mark == "bold":
                    return "italic", _mark_of(nested)[1]
            return mark, inner
    return "", match.group(0)


def read_text(written: str, column: str | None = None, below: bool = False) -> list[TextLine]:
    """``written`` (one part of a slot) as :class:`TextLine` s, one per line it holds
    (``<br>`` starts a new one)."""
    markdown, unread = html_to_markdown(written)
    links = (
        [
            (match.group("text"), match.group("url").strip("<>"))
            for match in MARKDOWN_LINK.finditer(markdown)
            if not match.group("image")
        ]
        if "](" in markdown
        else []
    )
    if "](" in markdown:
        markdown = MARKDOWN_LINK.sub(lambda m: "" if m.group("image") else m.group("text"), markdown)
    result = []
    for number, part in enumerate(markdown.split("\n")):
        part = " ".join(part.split())
        if part.startswith("[") and part.endswith("]") and part.count("[") == 1:
            part = part[1:-1].strip()  # "[**Poster Session 1**]": a link whose address was left out
        if not part.isascii():
            part = _without_markers(part)
        if not part:
            continue
        # the lines of a title cell after its first hold anything (its speakers, a room)
        line_column = None if column == "title" and number > 0 else column
        line = TextLine(written, part, column=line_column, below=below or number > 0)
        # a cell that holds people, a room or a kind is one field, however it is punctuated
        line.pieces = (
            _pieces(part) if line_column not in _WHOLE_COLUMNS else [Piece(clean_marks(part), 0, len(part))]
        )
        line.links = [link for link in links if link[0] and link[0] in part]
        line.unread_tags = unread if number == 0 else []
        result.append(line)
    if result:
        # a link whose text spans lines is still the slot's
        found = {link for line in result for link in line.links}
        result[0].links.extend(link for link in links if link not in found)
    return result


_WHOLE_COLUMNS = ("speakers", "affiliation", "location", "kind")


def _pieces(line: str) -> list[Piece]:
    """Cut ``line`` at separators, parentheses and spans set off whole. It is long because
    one scan finds the spans that are never cut inside (marks, parentheses, brackets), and
    the text between them, and inside bold and italics, is cut at its separators."""
    pieces: list[Piece] = []
    # spans that are never cut inside: marks and parentheses (nested ones whole)
    protected: list[tuple[int, int, str, bool]] = []
    index = 0
    while index < len(line):
        ch = line[index]
        if ch == "(":
            depth, end = 0, index
            while end < len(line):
                depth += line[end] == "("
                depth -= line[end] == ")"
                if depth == 0:
                    break
                end += 1
            if depth == 0:
                protected.append((index, end + 1, "", True))
                index = end + 1
                continue
        if ch == "[":
            close = line.find("]", index)
            if close > index:  # "[pdf]", "[Chair: Jane Doe]": a bracket is a piece of its own
                protected.append((index, close + 1, "", True))
                index = close + 1
                continue
        match = _MARK.match(line, index) if ch in "*_`\"“„'‘«" else None
        if match:
            mark, _inner = _mark_of(match)
            protected.append((match.start(), match.end(), mark, False))
            index = match.end()
            continue
        index += 1

    def add(start: int, end: int, mark: str = "", paren: bool = False, span: int = -1) -> None:
        while start < end and line[start] in " ,;:.":
            start += 1
        while (end > start and line[end - 1] in " ,;:") or (
            end > start
            and line[end - 1] == "."
            and not paren
            and not re.search(r"\b[A-Z]\.$|\b(?:Dr|Prof|Jr|Sr|St|al|etc|Inc|Ltd|Co)\.$", line[start:end])
        ):
            end -= 1
        if start >= end:
            return
        raw = line[start:end]
        if paren:
            text = clean_marks(raw).strip()
            if text[:1] + text[-1:] in ("()", "[]"):
                text = text[1:-1].strip()
        else:
            text = clean_marks(raw)
        if text and text not in ("-", "–", "—", "|", "·"):
            previous = pieces[-1].end if pieces else 0
            before = " ".join(line[previous:start].strip(" *_`\"“”'‘’").split()).lower() if pieces else ""
            pieces.append(Piece(text, start, end, mark, paren, span, before))

    def plain(start: int, end: int, mark: str = "", span: int = -1) -> None:
        """Text between protected spans (or inside bold or italics): cut at its separators."""
        cursor = start
        for separator in _SEPARATOR.finditer(line, start, end):
            if separator.start() == separator.end():
                continue
            if separator.group().startswith(".") and _ABBREVIATION.search(line, 0, separator.start()):
                continue  # "Prof. Jane Doe": an abbreviation's period, not a sentence's
            add(cursor, separator.start(), mark, span=span)
            cursor = separator.end()
        add(cursor, end, mark, span=span)

    cursor = 0
    for number, (start, end, mark, paren) in enumerate(protected):
        plain(cursor, start)
        inner = line[start:end]
        if mark in ("bold", "italic") and _SEPARATOR.search(inner) and not _MARK.fullmatch(inner.strip("*_")):
            # **Keynote: Title**, *Ada Lovelace - Title*: a span set off whole is still cut where
            # its parts are; the reader may join them again
            width = 2 if inner.startswith(("**", "__")) else 1
            plain(start + width, end - width, mark, number)
        elif mark and re.fullmatch(r"(\*\*|__|\*|_)\s*\(.*\)\s*\1", inner):
            add(start, end, mark, True)  # "**(Jane Doe)**": a parenthesis, set off
        else:
            add(start, end, mark, paren)
        cursor = end
    plain(cursor, len(line))
    return pieces
