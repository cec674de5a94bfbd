"""The small Markdown subset of document sections, rendered to safe HTML.

What a municipal editor needs and nothing more: paragraphs (a blank line starts a
new one, a single line break stays a line break, as the plain text always showed),
headings (``## Rubrik``, ``### Underrubrik``), bullet lists (``- punkt`` or
``* punkt``), numbered lists (``1. punkt``), ``**fet**``, ``*kursiv*`` and links
``[text](https://…)`` to http, https and mailto addresses only.

Safety does not depend on the patterns: the whole text is escaped first, so no
character the user typed can open a tag or leave an attribute, and the only markup
in the result is the handful of tags written here. A link whose address is not
http(s) or mailto (``javascript:``, ``data:``, a relative path …) is not made a link;
it stays visible as the text that was typed.

Headings start at h3: the section's own heading is the page's h2, so ``##`` inside
it is one level below.
"""

import html
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")
BULLET = re.compile(r"^\s{0,3}[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+(.*)$")
# Applied to escaped text: the address can hold no quote, bracket or space.
LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
SAFE_URL = re.compile(r"^(?:https?://[^/?#\s]|mailto:[^\s])", re.IGNORECASE)
STRONG_EMPHASIS = re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*")
STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
EMPHASIS = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])")
HEADING_TAGS = {2: "h3", 3: "h4"}


def _emphasis(escaped: str) -> str:
    escaped = STRONG_EMPHASIS.sub(r"<strong><em>\1</em></strong>", escaped)
    return EMPHASIS.sub(r"<em>\1</em>", STRONG.sub(r"<strong>\1</strong>", escaped))


def _link(match: re.Match) -> str:
    text, address = match.group(1), match.group(2)
    if not SAFE_URL.match(html.unescape(address)):
        return match.group(0)
    return f'<a href="{address}">{_emphasis(text)}</a>'


def inline(text: str) -> str:
    """One line (or a few joined by <br>) of escaped text with links and emphasis."""
    escaped = escape(text)
    out, last = [], 0
    # Emphasis is applied around links and inside their text, never to an address.
    for match in LINK.finditer(escaped):
        out.append(_emphasis(escaped[last:match.start()]))
        out.append(_link(match))
        last = match.end()
    out.append(_emphasis(escaped[last:]))
    return "".join(out)


class _Blocks:
    """Collects the blocks of the text: paragraphs, headings and lists."""

    def __init__(self):
        self.html: list[str] = []
        self.paragraph: list[str] = []
        self.list_kind: str | None = None  # "ul" or "ol"
        self.items: list[list[str]] = []
        self.start = 1
        self.blank_in_list = False

    def close_paragraph(self):
        if self.paragraph:
            self.html.append("<p>" + "<br>".join(inline(line) for line in self.paragraph) + "</p>")
            self.paragraph = []

    def close_list(self):
        if self.list_kind:
            start = f' start="{self.start}"' if self.list_kind == "ol" and self.start != 1 else ""
            items = "".join(
                "<li>" + "<br>".join(inline(line) for line in lines) + "</li>" for lines in self.items
            )
            self.html.append(f"<{self.list_kind}{start}>{items}</{self.list_kind}>")
        self.list_kind, self.items, self.blank_in_list = None, [], False

    def close(self):
        self.close_paragraph()
        self.close_list()

    def item(self, kind: str, text: str, number: int = 1):
        self.close_paragraph()
        if self.list_kind != kind:
            self.close_list()
            self.list_kind, self.start = kind, number
        self.items.append([text])
        self.blank_in_list = False

    def may_number(self, number: int) -> bool:
        """A line such as "2025. Året då …" inside a paragraph is text: only "1."
        starts a numbered list there (as in CommonMark)."""
        return number == 1 or not self.paragraph

    def line(self, text: str):
        if self.list_kind and not self.blank_in_list:
            self.items[-1].append(text.strip())  # a continued list item
            return
        self.close_list()
        self.paragraph.append(text.strip())

    def blank(self):
        self.close_paragraph()
        if self.list_kind:
            # A blank line between two items keeps one list (and its numbering).
            self.blank_in_list = True


def render(text: str) -> SafeString:
    """The section's text as HTML; see the module's docstring for what is understood."""
    blocks = _Blocks()
    for raw in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not raw.strip():
            blocks.blank()
        elif heading := HEADING.match(raw):
            blocks.close()
            tag = HEADING_TAGS[len(heading.group(1))]
            blocks.html.append(f"<{tag}>{inline(heading.group(2))}</{tag}>")
        elif bullet := BULLET.match(raw):
            blocks.item("ul", bullet.group(1))
        elif (numbered := NUMBERED.match(raw)) and blocks.may_number(int(numbered.group(1))):
            blocks.item("ol", numbered.group(2), int(numbered.group(1)))
        else:
            blocks.line(raw)
    blocks.close()
    return mark_safe("\n".join(blocks.html))  # built from escaped text only
