"""The text of one element of a page, read as the browser tests read it (`inner_text()`)."""

from html.parser import HTMLParser

# Elements without an end tag: they neither open nor close a level.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _ElementText(HTMLParser):
    def __init__(self, matches):
        super().__init__(convert_charrefs=True)
        self.matches, self.depth, self.parts, self.found = matches, 0, [], False

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.depth:
            self.depth += 1
        elif not self.found and self.matches(tag, dict(attrs)):
            self.found, self.depth = True, 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def element_text(html: str, *, testid: str | None = None, tag: str | None = None) -> str:
    """The whitespace-collapsed text of the first element with this data-testid (or tag).

    Fails when no element matches, so a missing element never reads as empty text.
    """
    parser = _ElementText(
        lambda name, attrs: (
            (testid is None or attrs.get("data-testid") == testid) and (tag is None or name == tag)
        )
    )
    parser.feed(html)
    parser.close()
    assert parser.found, f"no element {tag or ''}[data-testid={testid!r}] in the page"
    return " ".join("".join(parser.parts).split())
