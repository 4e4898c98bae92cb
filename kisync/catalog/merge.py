"""Segments → POT template → merged PO catalogs, with gettext's merge semantics.

The template of a page lists its German strings once each, in document order, with
``#:`` locations and ``#.`` notes for translators. Merging a template into a language's
catalog works like ``msgmerge --previous``: translations are kept; a string whose German
text changed comes back ``fuzzy`` with the old text in ``#|`` and the old translation;
a string that disappeared becomes obsolete (``#~``) so no translator's work is lost.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import polib
from rapidfuzz import fuzz

from ..languages import Language
from ..model import NO_BODY_TEXT, Segment

FUZZY_CUTOFF = 70.0
"""Similarity (0–100) above which a changed German string keeps its old translation as fuzzy."""

KIND_NOTES = {
    "p": "paragraph",
    "h1": "main heading (h1)",
    **{f"h{n}": f"heading (h{n})" for n in range(2, 7)},
    "li": "list item",
    "dt": "term in a definition list",
    "dd": "definition in a definition list",
    "th": "table header cell",
    "td": "table cell",
    "caption": "table caption",
    "figcaption": "image caption",
    "blockquote": "quotation",
    "label": "form field label",
    "button": "button",
    "summary": "title of a section that opens on click",
    "legend": "title of a group of form fields",
    "option": "choice in a drop-down list",
    "address": "address",
    "title": "page title (browser tab, search results)",
    "@alt": "image description for blind readers (alt text)",
    "@title": "tooltip shown on mouse-over (title)",
    "@aria-label": "label read out by screen readers (aria-label)",
    "@placeholder": "hint shown inside an empty form field",
    "@value": "button text",
    "meta description": "page summary shown by search engines",
    "og:title": "page title when shared on social media",
    "og:description": "page summary when shared on social media",
    "twitter:title": "page title when shared on social media",
    "twitter:description": "page summary when shared on social media",
}
HEADER_ORDER = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
    "X-Generator",
)


@dataclass(frozen=True)
class PageInfo:
    """What a catalog's header says about the page it belongs to."""

    key: str
    title: str = ""
    url: str = ""
    body_text: bool = True
    """False when the page's body had no text to translate (header :data:`NO_BODY_TEXT`)."""


@dataclass(frozen=True)
class MergeResult:
    catalog: polib.POFile
    new: int
    changed: int
    obsoleted: int


def now_stamp() -> str:
    """A PO header date (``2026-11-22 10:00+0000``)."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


# -- templates -------------------------------------------------------------------


def template_entries(segments: Iterable[Segment], location: str) -> list[polib.POEntry]:
    """One entry per distinct (context, text), in document order, duplicates merged."""
    entries: dict[tuple[str, str], polib.POEntry] = {}
    for segment in segments:
        key = (segment.context, segment.text)
        entry = entries.get(key)
        occurrence = (location, str(segment.line))
        if entry is None:  # the common case: a string's first occurrence on the page
            notes = "\n".join(dict.fromkeys(segment_notes(segment)))
            entry = polib.POEntry(
                msgid=segment.text, msgstr="", occurrences=[occurrence], comment=notes
            )
            if segment.context:
                entry.msgctxt = segment.context
            entries[key] = entry
            continue
        if occurrence not in entry.occurrences:
            entry.occurrences.append(occurrence)
        entry.comment = _merge_notes(entry.comment, segment_notes(segment))
    return list(entries.values())


def segment_notes(segment: Segment) -> list[str]:
    """The ``#.`` lines that tell translators what a string is."""
    kind = KIND_NOTES.get(segment.kind, f"text in <{segment.kind}>")
    if segment.wrapper:
        kind = f"{', '.join(segment.wrapper)} in {kind}"
    lines = [kind]
    for placeholder in segment.placeholders:
        tokens = "…".join(placeholder.tokens)
        lines.append(f"{tokens} = {placeholder.note}")
    return lines


def _merge_notes(existing: str, new_lines: list[str]) -> str:
    lines = existing.split("\n") if existing else []
    if lines and new_lines and lines[0] != new_lines[0]:
        kinds = lines[0].split("; ")
        if new_lines[0] not in kinds:
            lines[0] = f"{lines[0]}; {new_lines[0]}"
    elif not lines and new_lines:
        lines.append(new_lines[0])
    lines.extend(line for line in new_lines[1:] if line not in lines)
    return "\n".join(lines)


def source_hash(entries: Sequence[polib.POEntry]) -> str:
    """A fingerprint of a page's German text; changes exactly when a msgid changes."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"{entry.msgctxt or ''}\x04{entry.msgid}\x00".encode())
    return digest.hexdigest()[:16]


def _page_fields(page: PageInfo, digest: str) -> dict[str, str]:
    fields = {"X-Kisync-Page": page.key}
    if page.url:
        fields["X-Kisync-Source-URL"] = page.url
    fields["X-Kisync-Source-Hash"] = digest
    if not page.body_text:
        fields[NO_BODY_TEXT] = "yes"
    return fields


def build_template(page: PageInfo, entries: Sequence[polib.POEntry], created: str) -> polib.POFile:
    """The POT file of a page."""
    template = polib.POFile(wrapwidth=79)
    template.header = _header_comment(page, None)
    template.metadata = {
        "Project-Id-Version": f"kisync {page.key}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "kisync",
        **_page_fields(page, source_hash(entries)),
    }
    template.extend(entries)
    return template


def _header_comment(page: PageInfo, language: Language | None) -> str:
    title = f"“{page.title}”" if page.title else page.key
    lines = [f"German page {title}" + (f" – {page.url}" if page.url else "")]
    if language is not None:
        lines.append(f"{language.english_name} translation ({language.native_name}).")
    lines.append("Keep the numbered tags such as <a1>…</a1>, <b1>…</b1>, <br1/> and <x1/>: you may")
    lines.append("move them, but do not add, drop or change them. The #. notes explain them.")
    return "\n".join(lines)


# -- merging ---------------------------------------------------------------------


def merge(
    template: polib.POFile,
    existing: polib.POFile | None,
    language: Language,
    page: PageInfo,
) -> MergeResult:
    """Merge a page template into a language catalog (a new one if ``existing`` is None)."""
    catalog = polib.POFile(wrapwidth=79)
    catalog.header = existing.header if existing is not None else _header_comment(page, language)
    catalog.metadata = _catalog_header(template, existing, language)
    old_entries = list(existing) if existing is not None else []
    exact = {_key(entry): entry for entry in old_entries}
    used: set[int] = set()
    pending: list[int] = []
    merged: list[polib.POEntry] = []
    for index, new in enumerate(template):
        old = exact.get(_key(new))
        if old is not None and id(old) not in used:
            used.add(id(old))
            merged.append(_carry_over(new, old, fuzzy_from=None))
        else:
            merged.append(_copy(new))
            pending.append(index)
    changed = _fuzzy_matches(merged, pending, old_entries, used)
    catalog.extend(merged)
    obsoleted = 0
    for old in old_entries:
        if id(old) in used or not _has_translation(old):
            continue
        if not old.obsolete:
            obsoleted += 1
        catalog.append(_obsolete(old))
    return MergeResult(catalog, new=len(pending) - changed, changed=changed, obsoleted=obsoleted)


def similar_pairs(new: Sequence[str], old: Sequence[str]) -> list[tuple[int, int]]:
    """Pair each new string with the most similar old one (one to one, best pairs first)."""
    ranked = sorted(
        (-score, row, col)
        for row, text in enumerate(new)
        for col, candidate in enumerate(old)
        if (score := fuzz.ratio(text, candidate, score_cutoff=FUZZY_CUTOFF))
    )
    rows: set[int] = set()
    cols: set[int] = set()
    pairs = []
    for _, row, col in ranked:
        if row not in rows and col not in cols:
            rows.add(row)
            cols.add(col)
            pairs.append((row, col))
    return pairs


def _fuzzy_matches(
    merged: list[polib.POEntry],
    pending: list[int],
    old_entries: list[polib.POEntry],
    used: set[int],
) -> int:
    """Give each new string the most similar unused old translation, marked fuzzy."""
    candidates = [e for e in old_entries if id(e) not in used and _has_translation(e)]
    pairs = similar_pairs([merged[i].msgid for i in pending], [c.msgid for c in candidates])
    for row, col in pairs:
        old = candidates[col]
        used.add(id(old))
        merged[pending[row]] = _carry_over(merged[pending[row]], old, fuzzy_from=old)
    return len(pairs)


@dataclass(frozen=True)
class TemplateDiff:
    """How a page's German text changed since the last pull."""

    new: int = 0
    changed: int = 0
    removed: int = 0


def diff_templates(old: Sequence[str], new: Sequence[str]) -> TemplateDiff:
    """Compare the msgids of two templates: added, edited (similar) and removed strings."""
    old_set, new_set = set(old), set(new)
    added = [text for text in new if text not in old_set]
    gone = [text for text in old if text not in new_set]
    edited = len(similar_pairs(added, gone))
    return TemplateDiff(new=len(added) - edited, changed=edited, removed=len(gone) - edited)


def _carry_over(
    new: polib.POEntry, old: polib.POEntry, fuzzy_from: polib.POEntry | None
) -> polib.POEntry:
    entry = _copy(new)
    entry.msgstr = old.msgstr
    entry.msgstr_plural = dict(old.msgstr_plural)
    entry.tcomment = old.tcomment
    flags = list(old.flags) + [flag for flag in new.flags if flag not in old.flags]
    if fuzzy_from is not None:
        if "fuzzy" not in flags:
            flags.insert(0, "fuzzy")
        entry.previous_msgid = fuzzy_from.msgid
        entry.previous_msgctxt = fuzzy_from.msgctxt
    elif "fuzzy" in flags:
        entry.previous_msgid = old.previous_msgid
        entry.previous_msgctxt = old.previous_msgctxt
    entry.flags = flags
    return entry


def language_header(language: Language) -> dict[str, str]:
    """The header fields every kisync PO file for ``language`` has, from
    ``Last-Translator`` to ``X-Generator`` (gettext's order)."""
    return {
        "Last-Translator": "",
        "Language-Team": language.english_name,
        "Language": language.code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": language.plural_forms,
        "X-Generator": "kisync",
    }


def _catalog_header(
    template: polib.POFile, existing: polib.POFile | None, language: Language
) -> dict[str, str]:
    fields = {
        name: value
        for name, value in (existing.metadata.items() if existing is not None else ())
        if not name.startswith("X-Kisync-")  # from the template only: stale ones go
    }
    created = template.metadata["POT-Creation-Date"]
    defaults = {
        "Project-Id-Version": template.metadata["Project-Id-Version"],
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        **language_header(language),
    }
    forced = {
        "Project-Id-Version": defaults["Project-Id-Version"],
        "POT-Creation-Date": created,
        "Content-Type": "text/plain; charset=UTF-8",
        **{k: v for k, v in template.metadata.items() if k.startswith("X-Kisync-")},
    }
    for name, value in defaults.items():
        fields.setdefault(name, value)
    fields.update(forced)
    return _ordered(fields)


def _ordered(fields: dict[str, str]) -> dict[str, str]:
    known = [name for name in HEADER_ORDER if name in fields]
    rest = [name for name in fields if name not in HEADER_ORDER]
    return {name: fields[name] for name in known + rest}


def _key(entry: polib.POEntry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def _has_translation(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _copy(entry: polib.POEntry) -> polib.POEntry:
    """A copy whose lists can be changed independently (faster than POEntry(**fields))."""
    copy = polib.POEntry.__new__(polib.POEntry)
    copy.__dict__.update(entry.__dict__)
    copy.occurrences = list(entry.occurrences)
    copy.flags = list(entry.flags)
    copy.msgstr_plural = dict(entry.msgstr_plural)
    return copy


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    copy = _copy(entry)
    copy.occurrences = []
    copy.comment = ""
    copy.obsolete = True
    if "fuzzy" not in entry.flags:
        copy.previous_msgid = copy.previous_msgctxt = None
    return copy


HEADER_DATE = re.compile(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.M)


def template_date(text: str) -> str | None:
    """The POT-Creation-Date of a serialized template, without parsing the whole file."""
    match = HEADER_DATE.search(text)
    return match.group(1) if match else None
