"""What a translation must keep as it is: URLs, e-mail addresses, phone numbers, numbers.

:func:`preserved` finds them in a string, after mapping every Unicode decimal digit to
ASCII (Arabic-Indic ``٠``–``٩`` and Persian ``۰``–``۹`` are the same numbers as
``0``–``9``) and removing placeholders (``<a1>`` holds no number). Each kind comes with
a comparison key that ignores harmless differences:

- URLs: scheme, a trailing slash and the case of the host do not matter
  (``https://www.BAMF.de/`` = ``www.bamf.de``);
- e-mail addresses: case does not matter;
- phone numbers (``+`` or ``0`` first, at least 7 digits, spaces, ``/``, ``-`` and
  brackets inside): only the digits count, and ``+49 2452 13-0`` = ``02452 13-0``;
- numbers: written with or without group separators (``1.000`` = ``1,000`` = ``1000``),
  or split differently (``12.03.2025`` = ``12/03/2025``); minutes and cents that are
  ``00`` may go (``9:00 Uhr`` = ``9 am``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import PLACEHOLDER

_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>\"'«»“”„‚‘’]+", re.IGNORECASE)
_URL_END = ".,;:!?'\"…)]}"
_PHONE = re.compile(r"(?<![\w+(./-])(?:\+|\(?0)[\d \u00a0\u202f/()\-–]{5,}\d(?![\w])")
_NUMBER = re.compile(r"\d+(?:[.,:'\u066b\u066c\u00a0\u202f]\d+)*")
_RUN = re.compile(r"([.,:'\u066b\u066c\u00a0\u202f]?)(\d+)")
MIN_PHONE_DIGITS = 7


def ascii_digits(text: str) -> str:
    """Every decimal digit (Arabic-Indic, Persian, Devanagari …) as its ASCII digit."""
    if text.isascii():
        return text
    return _DIGIT.sub(lambda match: str(unicodedata.digit(match.group())), text)


@dataclass(frozen=True)
class Preserved:
    """The things in one string that a translation must keep, by comparison key.

    Each dict maps a key to the text as written (the first time it occurs).
    """

    urls: dict[str, str]
    emails: dict[str, str]
    phones: dict[str, str]
    numbers: dict[str, str]
    """Numbers by value, separators removed (``1.000`` → ``1000``)."""
    number_runs: dict[str, frozenset[str]]
    """The digit runs of each number (``12.03.2025`` → 12, 3, 2025), ``00`` decimals left out."""

    def missing_numbers(self, translation: Preserved) -> list[str]:
        """Numbers of this (German) text that the translation lacks, as written here.

        A number counts as kept if the translation has the same value, or if its digit
        runs all occur in numbers of the translation that the German text does not have
        (``12.03.2025`` → ``12/03/2025``, ``9:00`` → ``9``).
        """
        missing = self.numbers.keys() - translation.numbers.keys()
        spare: set[str] = set()
        for key in translation.numbers.keys() - self.numbers.keys():
            spare |= translation.number_runs[key]
        kept = [key for key in missing if self.number_runs[key] <= spare]
        return [self.numbers[key] for key in sorted(missing - set(kept), key=_by_value)]


def preserved(text: str) -> Preserved:
    text = ascii_digits(PLACEHOLDER.sub(" ", text))
    emails, text = _take(_EMAIL, text, str.lower)
    urls, text = _take(_URL, text, _url_key, _url_text)
    phones, text = _take(_PHONE, text, _phone_key, str.strip, _long_enough)
    numbers: dict[str, str] = {}
    runs: dict[str, frozenset[str]] = {}
    for match in _NUMBER.finditer(text):
        key = _int_key(match.group())
        numbers.setdefault(key, match.group())
        runs[key] = runs.get(key, frozenset()) | frozenset(_runs(match.group()))
    return Preserved(urls, emails, phones, numbers, runs)


def _take(
    pattern: re.Pattern[str],
    text: str,
    key: Callable[[str], str],
    clean: Callable[[str], str] = str,
    accept: Callable[[str], bool] = bool,
) -> tuple[dict[str, str], str]:
    """Find, key and cut out (so that no number inside is counted twice) every match."""
    found: dict[str, str] = {}

    def cut(match: re.Match[str]) -> str:
        value = clean(match.group())
        if not accept(value):
            return match.group()
        found.setdefault(key(value), value)
        return " "

    return found, pattern.sub(cut, text)


def _url_text(url: str) -> str:
    """Without the punctuation after it; a closing bracket stays if the URL opened one."""
    while url and url[-1] in _URL_END:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _long_enough(phone: str) -> bool:
    return len(re.sub(r"\D", "", phone)) >= MIN_PHONE_DIGITS


def _url_key(url: str) -> str:
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.IGNORECASE)
    host, slash, rest = url.partition("/")
    return host.lower() + (slash + rest).rstrip("/")


def _phone_key(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if phone.lstrip().startswith("+"):
        return "+" + digits
    if digits.startswith("00"):
        return "+" + digits[2:]
    return digits


def _by_value(key: str) -> tuple[int, str]:
    return (len(key), key)


def _int_key(number: str) -> str:
    return re.sub(r"\D", "", number).lstrip("0") or "0"


def _runs(number: str) -> Iterable[str]:
    for separator, digits in _RUN.findall(number):
        if separator and digits == "00":
            continue  # minutes or cents: 9:00 → 9
        yield digits.lstrip("0") or "0"


def same_phone(a: str, b: str) -> bool:
    """Equal phone keys, or the same number written nationally and internationally."""
    if a == b:
        return True
    international, national = (a, b) if a.startswith("+") else (b, a)
    if not international.startswith("+") or national.startswith("+"):
        return False
    local = national.lstrip("0")
    return bool(local) and international.endswith(local) and len(international) - len(local) <= 4
