"""Reading a page as the person sees it, for tests that assert on its words."""

import html
import re


def seen(response) -> str:
    """The page's main text as the person sees it: no tags, entities decoded, spaces collapsed.

    A fragment (the live check) has no <main>, and is read whole."""
    page = response.content.decode()
    main = re.search(r"<main\b[^>]*>(.*)</main>", page, re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", main.group(1) if main else page)
    return " ".join(html.unescape(text).split())
