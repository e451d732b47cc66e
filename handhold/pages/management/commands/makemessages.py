"""`makemessages`, reading our Jinja2 templates with Jinja2's own parser.

Django's makemessages hands each template to xgettext as Python-like text made by its own
template lexer, which knows only Django's tags: it would miss `{% trans %}` blocks and every
string with a value or a plural in it. For a template in a `jinja2/` folder, the text is made
here instead: Jinja2's i18n extension finds every `_()`, `gettext()`, `ngettext()`,
`pgettext()` and `{% trans %}` (plural, context and values included), and each becomes the
same call in Python on the template's own line, so the catalogue points at the template. Every
other file is read as Django reads it.
"""

from pathlib import Path

from django.core.management.commands import makemessages

from handhold.config.templating import environment

_CALLS = {
    # Jinja2's name for what it found -> the call xgettext knows (Django's keywords).
    "_": "gettext",
    "gettext": "gettext",
    "ngettext": "ngettext",
    "pgettext": "pgettext",
    "npgettext": "npgettext",
}


def templatize_jinja2(source: str) -> str:
    """The template's translatable strings as Python calls, each on its line in the template."""
    lines: dict[int, list[str]] = {}
    for lineno, function, message in environment().extract_translations(source):
        found = message if isinstance(message, tuple) else (message,)
        # Only the strings: a value passed to `{% trans %}` or a plural's count is None here.
        strings = [repr(s) for s in found if isinstance(s, str)]
        if function not in _CALLS or not strings:
            continue  # a call with no string to translate, such as _(variable)
        if _CALLS[function] in ("ngettext", "npgettext"):
            strings.append("1")  # the count: any number, to xgettext
        lines.setdefault(lineno, []).append(f"{_CALLS[function]}({', '.join(strings)})")
    last = max(lines, default=0)
    return "\n".join("; ".join(lines.get(n, ())) for n in range(1, last + 1)) + "\n"


class BuildFile(makemessages.BuildFile):
    def preprocess(self):
        if not (self.is_templatized and "jinja2" in Path(self.path).parts):
            return super().preprocess()
        source = Path(self.path).read_text(encoding="utf-8")
        Path(self.work_path).write_text(templatize_jinja2(source), encoding="utf-8")


class Command(makemessages.Command):
    build_file_class = BuildFile
