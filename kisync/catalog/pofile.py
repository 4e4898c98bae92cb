"""Read and write gettext PO files exactly the way GNU gettext formats them.

kisync keeps polib's data model (:class:`polib.POFile`, :class:`polib.POEntry`) but not its
writer: polib wraps long strings differently from GNU ``msgcat`` and ``msgmerge``, so every
round trip through a translator's tools (Poedit, Lokalize, Weblate, ``msgmerge``) would
cause diff noise. :func:`dumps` writes what GNU gettext 0.21 writes (``msgcat`` with its
default width of 79 columns), byte for byte; :func:`read` refuses files that polib would
silently misread, so that no translation is lost or garbled. Where lines break is up to
:mod:`kisync.catalog.linebreak`.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import polib

from ..errors import CatalogError
from .linebreak import (
    break_pieces,
    gets_broken,
    line_starts,
    simple_lines_pattern,
    simple_text,
    text_width,
)

__all__ = ["PAGE_WIDTH", "dumps", "loads", "read"]

PAGE_WIDTH = 79
"""GNU gettext's default page width (``msgcat --width``)."""

# -- writing ---------------------------------------------------------------------------

_NEEDS_ESCAPE = re.compile(r'[\\"\a\b\f\n\r\t\v]')
_CONTROL = re.compile("[\a\b\f\r\v]")
_CONTROL_ESCAPES = str.maketrans({"\a": "\\a", "\b": "\\b", "\f": "\\f", "\r": "\\r", "\v": "\\v"})
_PORTION = re.compile(r"[^\n]*\n|[^\n]+")

# gettext writes the flags it knows in this order and drops "wrap", "possible-…" and
# "impossible-…", which are its defaults.
_FORMATS = (  # noqa: SIM905
    "c objc python python-brace java java-printf csharp javascript scheme lisp elisp "
    "librep ruby sh awk lua object-pascal smalltalk qt qt-plural kde kde-kuit boost tcl "
    "perl perl-brace php gcc-internal gfc-internal ycp"
).split()
_FORMAT_RANK = {name: rank for rank, name in enumerate(_FORMATS, start=1)}
_DROPPED_FLAGS = {"", "wrap"} | {
    f"{kind}-{name}-format" for kind in ("possible", "impossible") for name in _FORMATS
}


def dumps(po: polib.POFile, *, width: int = PAGE_WIDTH) -> str:
    """Serialize ``po`` exactly as GNU ``msgcat`` (gettext 0.21) would write it.

    The header entry comes from ``po.header`` (its comment), ``po.metadata`` (in insertion
    order) and ``po.metadata_is_fuzzy``. Like gettext, this writes obsolete entries after
    all others, leaves out obsolete entries without a translation, drops ``fuzzy`` from
    untranslated entries, puts flags in gettext's order and removes duplicate and ``./``
    prefixed references. Flags gettext does not know are kept, after the known ones.
    """
    blocks = []
    header = _header_entry(po)
    if header is not None:
        blocks.append(_entry_text(header, width))
    blocks.extend(_cached_entry_text(entry, width) for entry in po if not entry.obsolete)
    blocks.extend(
        _cached_entry_text(entry, width) for entry in po if entry.obsolete and _msgstr_head(entry)
    )
    return "\n".join(blocks)


_ENTRY_CACHE_SIZE = 5_000
_ENTRY_FIELDS = operator.attrgetter(  # with occurrences, flags, msgstr_plural: all it reads
    "msgid",
    "msgstr",
    "msgctxt",
    "msgid_plural",
    "obsolete",
    "tcomment",
    "comment",
    "previous_msgctxt",
    "previous_msgid",
    "previous_msgid_plural",
)
_entry_cache: dict[tuple[object, ...], str] = {}


def _cached_entry_text(entry: polib.POEntry, width: int) -> str:
    """:func:`_entry_text`, remembered by content.

    ``pull`` writes each new entry into the template and, unchanged, into every
    language's catalog: with six languages this turns seven renderings into one.
    """
    key = (
        width,
        _ENTRY_FIELDS(entry),
        tuple(entry.occurrences),
        tuple(entry.flags),
        tuple(entry.msgstr_plural.items()) if entry.msgstr_plural else (),
    )
    text = _entry_cache.get(key)
    if text is None:
        if len(_entry_cache) >= _ENTRY_CACHE_SIZE:
            _entry_cache.clear()
        text = _entry_cache[key] = _entry_text(entry, width)
    return text


def _header_entry(po: polib.POFile) -> polib.POEntry | None:
    metadata = "".join(f"{name}: {value}\n" for name, value in po.metadata.items())
    fuzzy = po.metadata_is_fuzzy
    flags = list(fuzzy) if isinstance(fuzzy, list) else (["fuzzy"] if fuzzy else [])
    if not (metadata or po.header or flags):
        return None
    return polib.POEntry(msgid="", msgstr=metadata, tcomment=po.header or "", flags=flags)


def _msgstr_head(entry: polib.POEntry) -> str:
    """The translation gettext looks at to decide "translated": msgstr or msgstr[0]."""
    if entry.msgid_plural:
        plurals = entry.msgstr_plural
        return plurals.get(0, plurals.get("0", "")) if plurals else ""
    return entry.msgstr


def _entry_text(entry: polib.POEntry, width: int) -> str:
    lines: list[str] = []
    if entry.tcomment:
        lines += _comment_lines("#", entry.tcomment)
    if entry.comment:
        lines += _comment_lines("#.", entry.comment)
    if entry.occurrences:
        lines += _reference_lines(entry.occurrences, width)
    wrap = True
    if entry.flags:
        flags = _canonical_flags(entry.flags, translated=bool(_msgstr_head(entry)))
        if flags:
            lines.append("#, " + ", ".join(flags))
            wrap = "no-wrap" not in flags
    prefix = "#~ " if entry.obsolete else ""
    if entry.previous_msgid is not None:  # gettext has no previous context without it
        previous = "#~| " if entry.obsolete else "#| "
        for name, value in (
            ("msgctxt", entry.previous_msgctxt),
            ("msgid", entry.previous_msgid),
            ("msgid_plural", entry.previous_msgid_plural),
        ):
            if value is not None:
                lines += _string_lines(previous, name, value, width, wrap)
    if entry.msgctxt is not None:
        lines += _string_lines(prefix, "msgctxt", entry.msgctxt, width, wrap)
    lines += _string_lines(prefix, "msgid", entry.msgid, width, wrap)
    if entry.msgid_plural:
        for name, value in _plural_translations(entry):
            lines += _string_lines(prefix, name, value, width, wrap)
    else:
        lines += _string_lines(prefix, "msgstr", entry.msgstr, width, wrap)
    lines.append("")
    return "\n".join(lines)


def _plural_translations(entry: polib.POEntry) -> Iterator[tuple[str, str]]:
    yield "msgid_plural", entry.msgid_plural
    plurals = {int(index): value for index, value in entry.msgstr_plural.items()}
    for index in sorted(plurals) if plurals else (0, 1):  # a template has two empty forms
        yield f"msgstr[{index}]", plurals.get(index, "")


def _comment_lines(mark: str, text: str) -> list[str]:
    if "\n" not in text:
        return [f"{mark} {text}"]
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def _reference_lines(occurrences: Iterable[tuple[str, object]], width: int) -> list[str]:
    """``#:`` lines: gettext drops ``./``, skips exact repeats and fills lines up to
    ``width`` -- counting bytes, not columns, unlike for strings."""
    references: dict[str, None] = {}  # in order, without repeats
    for file_name, line_number in occurrences:
        while file_name.startswith("./"):
            file_name = file_name[2:]
        references[file_name if line_number in (None, "") else f"{file_name}:{line_number}"] = None
    if len(references) == 1:  # the first reference goes on the first line, however long
        return [f"#: {reference}" for reference in references]
    lines = []
    current, size = "#:", 2
    for reference in references:
        length = 1 + len(reference.encode("utf-8"))
        if size > 2 and size + length > width:
            lines.append(current)
            current, size = "#:", 2
        current += " " + reference
        size += length
    if references:
        lines.append(current)
    return lines


def _canonical_flags(flags: list[str], *, translated: bool) -> list[str]:
    """Flags in gettext's order; ``fuzzy`` only on a translated entry."""
    if not flags:
        return flags
    if flags == ["fuzzy"]:
        return flags if translated else []
    known: dict[int, str] = {}
    unknown: list[str] = []
    for raw in flags:
        flag = raw.strip()
        rank = _flag_rank(flag)
        if rank is not None:
            known[rank] = _normal_range(flag) if rank == 100 else flag
        elif flag not in _DROPPED_FLAGS and flag not in unknown:
            unknown.append(flag)
    if not translated:
        known.pop(0, None)
    return [known[rank] for rank in sorted(known)] + unknown


def _flag_rank(flag: str) -> int | None:
    """Position of a flag gettext knows; a format's yes and no share one (the last wins)."""
    if flag == "fuzzy":
        return 0
    if flag.startswith("range:"):
        return 100
    if flag == "no-wrap":
        return 101
    if flag.endswith("-format"):
        name = flag[: -len("-format")]
        return _FORMAT_RANK.get(name[3:] if name.startswith("no-") else name)
    return None


def _normal_range(flag: str) -> str:
    return "range: " + flag[len("range:") :].strip()


def _escape(text: str) -> str:
    """Escape as gettext does: backslash, quote and the C control escapes."""
    first = _NEEDS_ESCAPE.search(text)
    if first is None:
        return text
    if first.start() == len(text) - 1 and text[-1] == "\n":  # only a final newline (headers)
        return text[:-1] + "\\n"
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = text.replace("\t", "\\t")
    return text.translate(_CONTROL_ESCAPES) if _CONTROL.search(text) else text


def _string_lines(prefix: str, name: str, value: str, width: int, wrap: bool) -> Sequence[str]:
    """A keyword and its string, as gettext's ``wrap()`` in write-po.c writes them."""
    if not value:
        return (f'{prefix}{name} ""',)
    plain = simple_text().plain.fullmatch(value)
    if plain:  # the common case: nothing to escape, one column a character
        if not wrap or len(prefix) + len(name) + 3 + len(value) <= width:
            return (f'{prefix}{name} "{value}"',)
        if plain.end(1) == len(value):  # simple text: quick enough without the cache
            return _overflowing_lines(prefix, name, value, width, simple=True)
    elif "\n" not in value[:-1]:  # one line, when it fits
        escaped = _escape(value)
        if not wrap or len(prefix) + len(name) + 3 + text_width(escaped) <= width:
            return (f'{prefix}{name} "{escaped}"',)
    return _wrapped_lines(prefix, name, value, width, wrap)


@functools.lru_cache(maxsize=4096)
def _wrapped_lines(prefix: str, name: str, value: str, width: int, wrap: bool) -> tuple[str, ...]:
    """The lines of a string that overflows its keyword's line or holds newlines.

    Cached: kisync writes each msgid into a template and into every language's catalog.
    """
    if "\n" not in value[:-1]:  # one portion: _string_lines comes here only to wrap it
        return _overflowing_lines(prefix, name, _escape(value), width)
    line_width = width - len(prefix) - 2  # the page minus the prefix and two quotes
    lines = [f'{prefix}{name} ""']
    for portion in _PORTION.findall(value):
        escaped = _escape(portion)
        if not wrap or text_width(escaped) <= line_width:
            lines.append(f'{prefix}"{escaped}"')
        else:
            simple = line_width > 0 and simple_text().matches(escaped)
            lines += [f'{prefix}"{part}"' for part in _cut(escaped, line_width, simple=simple)]
    return tuple(lines)


def _overflowing_lines(
    prefix: str, name: str, escaped: str, width: int, *, simple: bool = False
) -> tuple[str, ...]:
    """A string without newlines (escaped) that overflows its keyword's line.

    It goes on lines of its own, cut to fit, unless it cannot be broken at all: then
    gettext leaves it on the keyword's line. ``simple``: it is known to match
    ``simple_text().text`` (:mod:`~kisync.catalog.linebreak`).
    """
    line_width = width - len(prefix) - 2  # the page minus the prefix and two quotes
    patterns = simple_text()
    pieces = None
    is_simple = line_width > 0 and patterns.matches(escaped, known=simple)
    if is_simple:
        breaks = patterns.breakable(escaped)
    else:
        pieces = break_pieces(escaped)
        breaks = gets_broken(escaped, pieces, line_width, len(name) + 1)
    if not breaks:
        return (f'{prefix}{name} "{escaped}"',)  # too long, but cannot be broken
    fits = (len(escaped) if is_simple else text_width(escaped)) <= line_width
    parts = [escaped] if fits else _cut(escaped, line_width, simple=is_simple, pieces=pieces)
    return (f'{prefix}{name} ""', *(f'{prefix}"{part}"' for part in parts))


def _cut(
    portion: str, width: int, *, simple: bool, pieces: list[list[int]] | None = None
) -> list[str]:
    """An escaped portion wider than ``width`` columns, cut into lines.

    ``simple``: it is simple text; ``pieces``: its break_pieces() if they are known.
    """
    if simple:
        return simple_lines_pattern(width).findall(portion)
    starts = [0, *line_starts(pieces or break_pieces(portion), width, 0)]
    ends = [*starts[1:], len(portion)]
    return [portion[start:end] for start, end in zip(starts, ends, strict=True)]


# -- reading ---------------------------------------------------------------------------

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?(?![\w\[])")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
# A well-formed line: an optional keyword, then a string with only the escapes polib decodes.
_GOOD_LINE = re.compile(
    r"(?:(msgctxt|msgid_plural|msgid|msgstr)(?:\[([0-9]+)\])?[ \t]+)?"
    r'"((?:[^"\\]|\\[ntrvbf\\"])*+)"'
)
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
_MAX_PLURAL_FORMS = 10  # polib reads one digit of msgstr[N]


class _Lines(list[str]):
    """Lines handed to polib's parser, which calls ``splitlines()`` on text it is given.

    ``str.splitlines`` also splits at U+2028, U+0085, form feeds and other characters
    that gettext writes raw inside strings. A list of lines avoids that, and polib's
    guess whether its argument names a file.
    """

    def splitlines(self) -> list[str]:  # type: ignore[override]
        return self


def read(path: Path | str) -> polib.POFile:
    """Read a PO or POT file, never modifying it.

    Raises :class:`CatalogError` (naming the file, the line where known, and the problem)
    when the file cannot be read, is binary, is not UTF-8 or is not valid PO syntax --
    including the mistakes polib lets through but that would garble or lose a translation:
    a string without its closing quote, stray text, ``msgstr`` without ``msgid``, a file
    cut off inside an entry, a message defined twice, ``msgstr[N]`` out of order, an entry
    only partly marked obsolete (``#~``), escape sequences polib does not decode.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CatalogError(path, f"cannot be read: {error.strerror or error}") from error
    return parse(data, path)


def parse(data: bytes, path: Path | str = "<bytes>") -> polib.POFile:
    """Parse the bytes of a PO file exactly like :func:`read` (``path`` names it in errors)."""
    return loads(_decode(data, Path(path)), path)


def loads(text: str, path: Path | str = "<string>") -> polib.POFile:
    """Parse PO text like :func:`read`; ``path`` names it in errors and in ``po.fpath``."""
    lines = text.split("\n")
    if lines[0].startswith("\ufeff"):  # a byte order mark
        lines[0] = lines[0][1:]
    _SyntaxCheck(Path(path)).run(lines)
    try:
        po = polib.pofile(_Lines(lines), encoding="utf-8")
    except Exception as error:  # polib raises OSError, ValueError, IndexError...
        raise _polib_error(path, error) from error
    po.fpath = str(path)
    return po


def _polib_error(path: Path | str, error: Exception) -> CatalogError:
    """polib says "Syntax error in po file (line N)[: detail]"; keep the line and detail."""
    message = str(error)
    match = _POLIB_LINE.search(message)
    if match is None:
        return CatalogError(path, f"cannot be parsed ({message})")
    detail = message[match.end() :].lstrip(": ")
    return CatalogError(path, f"syntax error{': ' + detail if detail else ''}", int(match[1]))


def _decode(data: bytes, path: Path) -> str:
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise CatalogError(path, "is a binary file, not a PO file (it contains NUL bytes)", line)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = f"is not UTF-8 (byte 0x{data[error.start]:02x}); save it as UTF-8"
        raise CatalogError(path, problem, line) from None


class _LineError(ValueError):
    """A problem to report at another line than the one being read."""

    def __init__(self, number: int, problem: str) -> None:
        super().__init__(problem)
        self.number = number
        self.problem = problem


class _SyntaxCheck:
    """A line-by-line check of the PO grammar, as strict as GNU msgfmt where it matters.

    ``state`` is the last keyword read: "" between entries, "#| msgctxt", "#| msgid",
    "#| msgid_plural" for the previous source, then "msgctxt", "msgid", "msgid_plural",
    "msgstr" or "msgstr[N]".
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.state = ""
        self.obsolete = False
        self.start = 0  # line of the entry's first keyword
        self.context: str | None = None  # msgctxt and msgid as written (escaped)
        self.msgid = ""
        self.msgid_line = 0
        self.plural = -1  # the last N of msgstr[N]
        self.seen: dict[tuple[str | None, str], int] = {}  # message -> line of its msgid

    def run(self, lines: list[str]) -> None:
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if line:
                try:
                    self.line(line, number)
                except _LineError as error:
                    raise CatalogError(self.path, error.problem, error.number) from None
                except ValueError as error:
                    raise CatalogError(self.path, str(error), number) from None
        if self.state not in ("", "msgstr") and not self.state.startswith("msgstr["):
            problem = "the file ends inside this entry (is it cut off?)"
            raise CatalogError(self.path, problem, self.start)

    def line(self, line: str, number: int) -> None:
        """Check one stripped, non-blank line."""
        body, obsolete, previous = line, False, False
        if line[0] == "#":
            obsolete = line.startswith("#~")  # "#~ msgid", "#~| msgid", "#~ " a string
            body = line[2:].lstrip() if obsolete else line
            previous = body.startswith("|") if obsolete else body.startswith("#|")
            if previous:
                body = body[1 if obsolete else 2 :].lstrip()
            elif body.startswith("#") or not body:
                self.comment()
                return
        match = _GOOD_LINE.fullmatch(body)
        if match is None:
            raise ValueError(_line_problem(body))
        keyword, index, text = match.groups()
        if keyword is None:
            self.continuation(text, previous, obsolete)
        elif previous:
            self.keyword("#| " + keyword, None, text, obsolete, number)
        else:
            self.keyword(keyword, index, text, obsolete, number)

    def comment(self) -> None:
        if self.state in ("msgctxt", "msgid", "msgid_plural"):
            raise ValueError(f"comment inside the entry of line {self.start} (no msgstr yet)")
        if self.state.startswith("#|"):
            raise ValueError("comment between the previous source (#|) and its msgid")
        self.state = ""

    def continuation(self, text: str, previous: bool, obsolete: bool) -> None:
        if not self.state or previous != self.state.startswith("#|"):
            raise ValueError("a string that continues no msgid, msgstr or msgctxt")
        self.same_obsolete(obsolete)
        if self.state == "msgctxt":
            self.context = (self.context or "") + text
        elif self.state == "msgid":
            self.msgid += text

    def keyword(
        self, keyword: str, index: str | None, text: str, obsolete: bool, number: int
    ) -> None:
        name = keyword if index is None else "msgstr[N]"
        state = "msgstr[N]" if self.state.startswith("msgstr[") else self.state
        if state not in _ALLOWED_AFTER[name]:
            raise ValueError(_misplaced(keyword if index is None else f"msgstr[{index}]", state))
        if state in _ENTRY_ENDS and name != "msgstr[N]":  # a new entry
            self.start, self.obsolete = number, obsolete
            self.context, self.msgid, self.plural = None, "", -1
        else:
            self.same_obsolete(obsolete)
        if keyword == "msgctxt":
            self.context = text
        elif keyword == "msgid":
            self.msgid, self.msgid_line = text, number
        elif state == "msgid":  # msgid_plural or msgstr: the message is complete
            self.remember()
        if index is not None:
            expected = self.plural + 1
            if int(index) != expected or expected >= _MAX_PLURAL_FORMS:
                raise ValueError(f"msgstr[{index}] where msgstr[{expected}] should come")
            self.plural = expected
        self.state = keyword if index is None else f"msgstr[{index}]"

    def same_obsolete(self, obsolete: bool) -> None:
        if obsolete != self.obsolete:
            raise ValueError(f"the entry of line {self.start} is only partly marked obsolete (#~)")

    def remember(self) -> None:
        context = None if self.context is None else polib.unescape(self.context)
        msgid = polib.unescape(self.msgid)
        if context is not None and not msgid:
            raise _LineError(self.msgid_line, "an entry with msgctxt needs a non-empty msgid")
        first = self.seen.setdefault((context, msgid), self.msgid_line)
        if first != self.msgid_line:
            problem = f"this message is already defined on line {first}"
            raise _LineError(self.msgid_line, problem)


def _line_problem(body: str) -> str:
    """Why a line that should hold a keyword and/or a string does not."""
    match = _KEYWORD.match(body)
    keyword = match.group(0) if match else None
    rest = body[match.end() :].lstrip() if match else body
    if not rest.startswith('"'):
        what = f"after {keyword}" if keyword else f"instead of {body[:30]!r}"
        return f"expected a keyword or a quoted string {what}"
    string = _STRING.match(rest)
    if string is None:
        return 'the string is not closed (a " is missing at the end)'
    if rest[string.end() :].strip():
        return f"unexpected text after the string: {rest[string.end() :][:30]!r}"
    if match and not body[match.end() : match.end() + 1].isspace():
        return f"expected a space after {keyword}"
    escape = re.search(r'\\[^ntrvbf\\"]', string.group(1))
    if escape:
        return f"unsupported escape sequence {escape.group(0)} (write the character itself)"
    return "syntax error"


_ENTRY_ENDS = {"", "msgstr", "msgstr[N]"}  # states between two entries
_ALLOWED_AFTER = {  # keyword -> the states it may follow
    "#| msgctxt": _ENTRY_ENDS,
    "#| msgid": {*_ENTRY_ENDS, "#| msgctxt"},
    "#| msgid_plural": {"#| msgid"},
    "msgctxt": {*_ENTRY_ENDS, "#| msgid", "#| msgid_plural"},
    "msgid": {*_ENTRY_ENDS, "#| msgid", "#| msgid_plural", "msgctxt"},
    "msgid_plural": {"msgid"},
    "msgstr": {"msgid"},
    "msgstr[N]": {"msgid_plural", "msgstr[N]"},
}


def _misplaced(keyword: str, state: str) -> str:
    if state in ("msgid", "msgid_plural") and keyword in ("msgctxt", "msgid"):
        return f"{keyword} where a msgstr should come (the entry above has none)"
    if keyword == "msgstr" and state == "msgid_plural":
        return "msgstr after msgid_plural: use msgstr[0], msgstr[1], ..."
    if keyword.startswith("msgstr[") and state in ("msgid", "msgstr"):
        return f"{keyword} without a msgid_plural before it"
    if keyword.startswith("msgstr") and state in _ENTRY_ENDS:
        return f"{keyword} without a msgid before it"
    return f"{keyword} cannot come after {state or 'the start of an entry'}"
