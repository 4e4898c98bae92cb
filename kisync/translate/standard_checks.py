"""The checks ``kisync lint`` always runs (registered on import, see :mod:`.checks`)."""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from ..model import PLACEHOLDER
from .checks import CheckContext, Subject, check, check_factory
from .preserved import Preserved, preserved, same_phone

# -- placeholders ------------------------------------------------------------------------


@check(
    "placeholders",
    severity="error",
    description="the same <a1>…</a1>, <b1>, <br1/>, <x1/> as the German text, properly nested",
)
def placeholders(subject: Subject) -> Iterator[str]:
    source = Counter(match.group() for match in PLACEHOLDER.finditer(subject.source))
    found = [match.group() for match in PLACEHOLDER.finditer(subject.translation)]
    translation = Counter(found)
    for token in sorted(source - translation, key=_token_order):
        yield f"{token} is missing; keep every numbered tag of the German text"
    for token in sorted(translation - source, key=_token_order):
        if token in source:
            yield f"{token} appears more often than in the German text"
        else:
            yield f"{token} is not in the German text; use only its tags ({_listing(source)})"
    if source == translation:
        yield from _nesting(found)


def _nesting(tokens: list[str]) -> Iterator[str]:
    """Paired tags must close in the reverse order they opened (moving them is fine)."""
    open_tags: list[str] = []
    for token in tokens:
        slash, name, number, atomic = PLACEHOLDER.fullmatch(token).groups()  # type: ignore[union-attr]
        tag = f"{name}{number}"
        if atomic:
            continue
        if not slash:
            open_tags.append(tag)
        elif not open_tags or open_tags[-1] != tag:
            where = f"inside <{open_tags[-1]}>…</{open_tags[-1]}>" if open_tags else "first"
            yield (
                f"</{tag}> closes {where} before <{tag}> is closed properly; "
                f"tags must not overlap: <a1><b1>…</b1></a1>, not <a1><b1>…</a1></b1>"
            )
            return
        else:
            open_tags.pop()


def _token_order(token: str) -> tuple[str, int, int]:
    slash, name, number, _ = PLACEHOLDER.fullmatch(token).groups()  # type: ignore[union-attr]
    return (name, int(number), bool(slash))


def _listing(tokens: Counter[str]) -> str:
    return ", ".join(sorted(tokens, key=_token_order)) or "none"


# -- what must stay the same: numbers, URLs, e-mail addresses, phone numbers ------------


def _both(subject: Subject) -> tuple[Preserved, Preserved]:
    return _preserved(subject.source), _preserved(subject.translation)


_preserved = lru_cache(maxsize=4096)(preserved)
"""Four checks look at the same two strings in a row."""


def _kept(
    what: str,
    source: dict[str, str],
    translation: dict[str, str],
    same: Callable[[str, str], bool] = str.__eq__,
) -> Iterator[str]:
    """Everything of the German text kept (compared by key), nothing added."""
    for key, text in source.items():
        if not any(same(key, other) for other in translation):
            yield f"the {what} {text} is missing or changed; copy it unchanged"
    for key, text in translation.items():
        if not any(same(key, other) for other in source):
            yield f"the {what} {text} is not in the German text; remove it"


@check("urls", severity="error", description="web addresses kept exactly, none added")
def urls(subject: Subject) -> Iterator[str]:
    source, translation = _both(subject)
    return _kept("web address", source.urls, translation.urls)


@check("emails", severity="error", description="e-mail addresses kept exactly, none added")
def emails(subject: Subject) -> Iterator[str]:
    source, translation = _both(subject)
    return _kept("e-mail address", source.emails, translation.emails)


@check(
    "phone-numbers",
    severity="error",
    description="phone numbers kept (any digits, spacing, +49 or 0), none added",
)
def phone_numbers(subject: Subject) -> Iterator[str]:
    source, translation = _both(subject)
    return _kept("phone number", source.phones, translation.phones, same_phone)


@check(
    "numbers",
    severity="error",
    description="every number of the German text kept (Arabic and Persian digits are fine)",
)
def numbers(subject: Subject) -> Iterator[str]:
    source, translation = _both(subject)
    for number in source.missing_numbers(translation):
        yield (
            f"the number {number} of the German text is missing or changed "
            "(digits such as ١٢ or ۱۲ are fine)"
        )


# -- markup, unchanged text, whitespace ----------------------------------------------------

_MARKUP = re.compile(
    r"<\s*/?\s*[A-Za-z][\w:-]*(?=[\s/>]|$)|<!--|<!\[CDATA\[|<![A-Za-z]|<\?|"
    r"\bjavascript\s*:|&(?:lt|gt|#0*60|#x0*3c);",
    re.IGNORECASE,
)


@check(
    "markup",
    severity="error",
    description="no HTML or script in a translation (raw tags such as <script, <a href, <b>)",
)
def markup(subject: Subject) -> Iterator[str]:
    text = PLACEHOLDER.sub(" ", subject.translation)
    allowed = {m.group().lower() for m in _MARKUP.finditer(PLACEHOLDER.sub(" ", subject.source))}
    for match in _MARKUP.finditer(text):
        if match.group().lower() not in allowed:
            yield (
                f"contains markup-like text {match.group()!r}; write plain text: links and "
                "formatting come from the numbered tags (<a1>…</a1>)"
            )
            return


@check_factory(
    "shortcodes",
    severity="error",
    description="WordPress portals: no shortcode ([video …], [gallery], [/caption]) the "
    "German text does not have",
)
def shortcodes(context: CheckContext) -> Callable[[Subject], Iterator[str]] | None:
    if not context.wordpress:
        return None
    from ..portal.wordpress import shortcodes_in

    def run(subject: Subject) -> Iterator[str]:
        allowed = set(shortcodes_in(subject.source))
        for tag in shortcodes_in(subject.translation):
            if tag not in allowed:
                yield (
                    f"contains the shortcode {tag[:60]!r}, which WordPress would run; write "
                    "the text without square brackets"
                )
                return

    return run


_NAME_LIKE = re.compile(r"^(?:\W*|.*\d.*|[^\W\d_]\W*|\W*[A-ZÄÖÜ0-9]{2,}\W*|\W*[a-z]+[A-Z]\w*\W*)$")


@check(
    "unchanged",
    severity="warning",
    description="a translation identical to the German text (names, numbers, codes excepted)",
    aliases=("same",),
)
def unchanged(subject: Subject) -> Iterator[str]:
    if subject.language is not None and subject.language.private_use:
        return  # easy German (de-x-ls): much of the German text may stay as it is
    if " ".join(subject.translation.split()) != " ".join(subject.source.split()):
        return
    text = PLACEHOLDER.sub(" ", subject.source)
    found = preserved(text)
    for value in (*found.urls.values(), *found.emails.values(), *found.phones.values()):
        text = text.replace(value, " ")
    if all(_NAME_LIKE.match(word) for word in text.split()):
        return
    yield (
        "the translation is the German text unchanged; translate it, or add the flag "
        "'#, ignore-unchanged' if it must stay German"
    )


@check(
    "whitespace",
    severity="warning",
    description="the same spaces and line breaks at the start and end as the German text",
)
def whitespace(subject: Subject) -> Iterator[str]:
    source, translation = subject.source, subject.translation
    for where, pick in (("starts", _leading), ("ends", _trailing)):
        expected, found = pick(source), pick(translation)
        if expected != found:
            yield (
                f"the German text {where} with {_describe(expected)}, "
                f"the translation with {_describe(found)}"
            )


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()) :]


def _describe(space: str) -> str:
    if not space:
        return "no space"
    names = {" ": "space", "\n": "line break", "\t": "tab", "\u00a0": "no-break space"}
    return " + ".join(names.get(char, f"U+{ord(char):04X}") for char in space)


# -- the catalog header ------------------------------------------------------------------

_PLURAL_FORMS = re.compile(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*")
_PLURAL_TRIES = range(1001)
"""The numbers a plural expression is tried on (msgfmt --check tries the same kind)."""


@check(
    "plural-forms",
    severity="error",
    scope="header",
    description="a Plural-Forms header with the language's number of forms and a valid expression",
)
def plural_forms(subject: Subject) -> Iterator[str]:
    value = _header_field(subject.translation, "Plural-Forms")
    if value is None:
        return
    language = subject.language
    fix = f"; use {language.plural_forms!r}" if language else ""
    match = _PLURAL_FORMS.fullmatch(value)
    if match is None:
        yield f"Plural-Forms {value!r} is not 'nplurals=N; plural=EXPRESSION;'{fix}"
        return
    nplurals, expression = int(match[1]), match[2]
    if language is not None and nplurals != language.nplurals:
        yield f"nplurals={nplurals}, but {language.code} has {language.nplurals} plural forms{fix}"
        return
    problem = _plural_problem(nplurals, expression)
    if problem:
        yield problem + fix


@cache
def _plural_problem(nplurals: int, expression: str) -> str | None:
    """Why ``expression`` is no plural formula for ``nplurals`` forms (cached: every
    catalog of a language has the same one)."""
    try:
        plural = gettext.c2py(expression)
        wrong = next((n for n in _PLURAL_TRIES if not 0 <= plural(n) < nplurals), None)
    except (ValueError, ArithmeticError, RecursionError):
        return f"the plural expression {expression!r} cannot be read"
    if wrong is None:
        return None
    return (
        f"the plural expression gives form {plural(wrong)} for n = {wrong}, but there "
        f"are only {nplurals} forms"
    )


def _header_field(header: str, name: str) -> str | None:
    for line in header.splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() == name.lower():
            return value.strip()
    return None
