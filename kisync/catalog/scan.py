"""Counting one PO catalog: strings and German source words, fast.

This is the fast path of :mod:`kisync.catalog.translations` (which entries of a page's
catalog count, and their state), on the raw bytes; it must count exactly what that
module counts on the parsed catalog. The rules are GNU ``msgfmt --statistics``'s, so the
string counts agree with it exactly:

- obsolete entries (``#~``) do not count;
- an entry whose ``msgstr`` (``msgstr[0]`` for plural entries) is empty is
  *untranslated*, fuzzy or not;
- otherwise a ``fuzzy`` entry is *fuzzy*, and any other entry is *translated*;
- the header (``msgid ""`` without ``msgctxt``) does not count, except that a header
  whose ``msgstr`` is empty is counted as untranslated, as msgfmt does.

One addition of kisync's own: a catalog whose header has ``X-Kisync-No-Body-Text`` (its
page's body had no text to translate) counts one more untranslated string, the text
kisync did not find, so that page is never complete.

Words are counted in the German source text (``msgid``, plus ``msgid_plural``): a word
is a run of characters between spaces that contains at least one letter or digit.
Placeholders are not words: paired ones (``<a1>``, ``</a1>``, ``<b1>`` …) vanish, as
inline markup does when the page is displayed; atomic ones (``<br1/>``, ``<x1/>``)
separate words. So ``Melden Sie sich bei der <a1>Ausländerbehörde</a1> an.`` is 7
words, ``E-Mail-Adresse`` is one, ``z. B.`` two, ``–`` none, ``02452 13-0`` two.

:func:`scan` reads gettext's own layout (what msgfmt, msgmerge, Poedit, Lokalize and
Weblate write) with one regular expression per entry, on bytes, and counts the words
of each distinct ``msgid`` once per process. Anything it does not recognise (another
charset, an unusual layout, a syntax error) makes it return ``None``; the caller then
reads the file with the full PO reader, which either counts it or reports the
problem with file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import NO_BODY_TEXT, PLACEHOLDER
from .review import translation_hash

__all__ = ["Counts", "count_words", "scan"]


@dataclass(frozen=True, slots=True)
class Counts:
    """What one catalog (or a sum of catalogs) holds.

    ``untranslated`` includes fuzzy entries whose translation is empty; ``fuzzy`` is
    entries with a translation that still needs review. Only ``translated`` is done.
    """

    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    words_total: int = 0
    words_translated: int = 0
    reviewed: int = 0
    """Translated entries with a valid review mark (:mod:`kisync.catalog.review`)."""

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.total + other.total,
            self.translated + other.translated,
            self.fuzzy + other.fuzzy,
            self.untranslated + other.untranslated,
            self.words_total + other.words_total,
            self.words_translated + other.words_translated,
            self.reviewed + other.reviewed,
        )

    @property
    def words_remaining(self) -> int:
        """German words still to translate (fuzzy and untranslated entries)."""
        return self.words_total - self.words_translated

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    @property
    def percent(self) -> float:
        """Translated strings in percent, one decimal, rounded half up.

        Never shows 100.0 for an incomplete catalog or 0.0 when something is
        translated (99.96 % is reported as 99.9). An empty catalog is 100 % done.
        """
        if self.total == 0:
            return 100.0
        tenths = (2000 * self.translated + self.total) // (2 * self.total)
        if self.translated < self.total:
            tenths = min(tenths, 999)
        if self.translated > 0:
            tenths = max(tenths, 1)
        return tenths / 10

    def meets(self, threshold: float, *, reviewed: bool = False) -> bool:
        """True when at least ``threshold`` percent of the strings are translated (with
        ``reviewed``: translated and reviewed), compared exactly."""
        done = self.reviewed if reviewed else self.translated
        return self.total == 0 or done * 100 >= threshold * self.total

    def as_tuple(self) -> tuple[int, ...]:
        return (
            self.total,
            self.translated,
            self.fuzzy,
            self.untranslated,
            self.words_total,
            self.words_translated,
            self.reviewed,
        )


# -- words ----------------------------------------------------------------------------

_WORD = re.compile(r"[^\s]*[^\W_][^\s]*")


def _placeholder_gap(match: re.Match[str]) -> str:
    return " " if match.group(4) else ""


def count_words(text: str) -> int:
    """German source words in a msgid (the rule is in the module docstring)."""
    if "<" in text:
        text = PLACEHOLDER.sub(_placeholder_gap, text)
    return len(_WORD.findall(text))


# -- the scanner --------------------------------------------------------------------------

_SPACE = rb"[ \t\n]*+"
_STRING = rb'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'
_STRINGS = _STRING + rb"(?:" + _SPACE + _STRING + rb")*+"
_ENTRY = re.compile(
    rb"(?P<pre>(?:[ \t\n]++|#[^\n]*+\n)*+)"  # comments, blank lines, obsolete entries
    rb"(?:msgctxt" + _SPACE + rb"(?P<ctx>" + _STRINGS + rb")" + _SPACE + rb")?"
    rb"msgid" + _SPACE + rb"(?P<id>" + _STRINGS + rb")" + _SPACE + rb""
    rb"(?:msgid_plural" + _SPACE + rb"(?P<plural>" + _STRINGS + rb")" + _SPACE + rb""
    rb"msgstr\[0\]" + _SPACE + rb"(?P<str0>" + _STRINGS + rb")"
    rb"(?:" + _SPACE + rb"msgstr\[[1-9][0-9]*+\]" + _SPACE + _STRINGS + rb")*+"
    rb"|msgstr" + _SPACE + rb"(?P<str>" + _STRINGS + rb"))"
)
_TRAILER = re.compile(rb"(?:[ \t\n]++|#[^\n]*+\n)*+\Z")
_EMPTY = re.compile(rb'""(?:[ \t\n]*+"")*+')
_PIECE = re.compile(rb'"([^"\\\n]*+(?:\\.[^"\\\n]*+)*+)"')
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9a-fA-F]+)|(.))")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_FLAG_SPLIT = re.compile(rb"[\s,]+")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_NO_BODY_TEXT = b'"' + NO_BODY_TEXT.encode() + b":"
"""The header field at the start of a header line (kisync and gettext write one a line)."""

_words_cache: dict[bytes, int] = {}


def unquote(raw: bytes) -> str:
    """The text of a PO string block (``"…"\\n"…"\\n``), escapes resolved."""
    if raw.count(b'"') == 2 and b"\\" not in raw:  # one string, no escapes: most msgids
        return raw[1:-1].decode("utf-8")
    text = b"".join(_PIECE.findall(raw)).decode("utf-8")
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def _unescape(match: re.Match[str]) -> str:
    octal, hexa, char = match.groups()
    if octal:
        return chr(int(octal, 8))
    if hexa:
        return chr(int(hexa, 16))
    return _ESCAPES.get(char, char)


def _words(raw: bytes) -> int:
    words = _words_cache.get(raw)
    if words is None:
        if len(_words_cache) > 500_000:
            _words_cache.clear()
        words = _words_cache[raw] = count_words(unquote(raw))
    return words


def _is_empty(raw: bytes) -> bool:
    return raw == b'""' or _EMPTY.fullmatch(raw) is not None


def _own_comments(pre: bytes) -> bytes:
    """Comments before an obsolete entry belong to that entry, so only the lines after
    the last ``#~`` line are the entry's own."""
    last_obsolete = pre.rfind(b"\n#~")
    if last_obsolete < 0 and pre.startswith(b"#~"):
        last_obsolete = 0
    if last_obsolete >= 0:
        pre = pre[pre.find(b"\n", last_obsolete + 1) + 1 :]
    return pre


def _is_fuzzy(pre: bytes) -> bool:
    """Whether the comment block before an entry flags it fuzzy."""
    if b"#," not in pre:
        return False
    for line in _own_comments(pre).split(b"\n"):
        if line.lstrip().startswith(b"#,") and b"fuzzy" in _FLAG_SPLIT.split(line.lstrip()[2:]):
            return True
    return False


_REVIEW_MARK = re.compile(rb"^# reviewed: \S+ .+ #([0-9a-f]{8})[ \t]*$", re.M)


def _is_reviewed(pre: bytes, msgstr: bytes) -> bool:
    """Whether a translated, non-fuzzy entry carries a review mark that matches its
    ``msgstr`` (see :mod:`kisync.catalog.review`)."""
    if b"# reviewed: " not in pre:
        return False
    mark = _REVIEW_MARK.search(_own_comments(pre))
    return mark is not None and mark.group(1).decode() == translation_hash([unquote(msgstr)])


_Entry = tuple[bytes, "bytes | None", bytes, "bytes | None", "bytes | None", "bytes | None"]
"""The raw parts of an entry: comments, msgctxt, msgid, msgid_plural, msgstr[0], msgstr."""


def _entries(data: bytes) -> tuple[list[_Entry], bool] | None:
    """The active entries of a catalog (header excluded) and whether its header says the
    page had no body text, or None if the layout is not recognised (not gettext's, not
    UTF-8)."""
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n")
    if data and not data.endswith(b"\n"):
        data += b"\n"
    entries = []
    no_body_text = False
    position = 0
    for match in _ENTRY.finditer(data):
        if match.start() != position:
            return None
        position = match.end()
        entry = match.groups()
        _, context, msgid, _, msgstr0, msgstr = entry
        if msgid[:2] == b'""' and context is None and _is_empty(msgid):
            value = msgstr if msgstr is not None else msgstr0
            if not _is_empty(value):  # the header
                if not _utf8_header(value):
                    return None
                no_body_text |= _NO_BODY_TEXT in value
                continue
        entries.append(entry)
    if _TRAILER.match(data, position) is None:
        return None
    return entries, no_body_text


def scan(data: bytes, *, words: bool = True) -> Counts | None:
    """Count a catalog's strings and words; ``None`` if the layout is not recognised.

    ``words=False`` leaves the word counts at 0, for callers that only need strings
    (about five times faster).
    """
    total = translated = fuzzy = words_total = words_translated = reviewed = 0
    known = _words_cache
    try:
        found = _entries(data)
        if found is None:
            return None
        entries, no_body_text = found
        total = int(no_body_text)
        for pre, _, msgid, plural, msgstr0, msgstr in entries:  # the hot loop of `stats`
            if msgstr is None:
                if b"# reviewed: " in pre:
                    return None  # a reviewed plural entry: its hash covers every form
                msgstr = msgstr0
            count = 0
            if words:
                count = known.get(msgid)
                if count is None:
                    count = _words(msgid)
                if plural is not None:
                    count += _words(plural)
            total += 1
            words_total += count
            if msgstr == b'""' or (msgstr[:2] == b'""' and _is_empty(msgstr)):
                continue
            if b"#," in pre and _is_fuzzy(pre):
                fuzzy += 1
            else:
                translated += 1
                words_translated += count
                reviewed += _is_reviewed(pre, msgstr)
    except UnicodeDecodeError:
        return None
    return Counts(
        total,
        translated,
        fuzzy,
        total - translated - fuzzy,
        words_total,
        words_translated,
        reviewed,
    )


def _utf8_header(msgstr: bytes) -> bool:
    charset = _CHARSET.search(msgstr)
    return charset is None or charset.group(1).lower() in (b"utf-8", b"utf8", b"charset")
