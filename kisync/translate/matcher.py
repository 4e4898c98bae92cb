"""Find glossary terms in German text, the way German actually writes them.

Plain word matching (what Weblate does) misses most occurrences in German: nouns are
inflected (*Integrationskurses*, *Duldungen*), glued into compounds
(*Integrationskursträger*, *Frauenintegrationskurs*), gendered (*Sprachmittler*innen*),
and multi-word terms inflect their adjectives (*der elektronischen Gesundheitskarte*).
This matcher handles those:

1. **A clean view of the text.** Placeholders (``<a1>``…``</a1>``, ``<br1/>``), soft
   hyphens and zero-width characters are removed, and so is the middle dot that
   easy-language texts put inside a word (*Bürger·service*, *An·meldung*; not a gender
   dot: *Bürger·innen*); every kind of space becomes a space; an offset table maps each
   character back to the original string.
2. **Words.** Letters and digits, with gender endings attached (``*innen``, ``:in``,
   ``_innen``, ``/-innen``, Binnen-I; ``*r``/``:r`` of a nominalised adjective:
   *Angehörige*r*). Hyphens separate words; ``Integrations- und
   Orientierungskurse`` is read as two full compounds, and so is ``Integrationsräte und
   -ausschüsse`` (the word cut in front takes the front of the word before).
3. **Word against term.** Lower-case, umlauts folded, gender endings and the feminine
   ``-in``/``-innen`` removed, the word must be one of the term's inflected forms (term,
   +s, +es, +e, +en, +n, +er, +se …, ``-um``/``-a`` → ``-en``, ``-ikum`` → ``-ika``;
   ``-er``/``-es``/``-em`` for a word in ``-e`` only without a fixed gender: *Angehöriger*
   but not *Apotheker*; adjective endings for the words before a noun; ``ae``/``oe``/``ue``
   read as umlauts), looked up in an index of those forms. A list of forms, not a
   stemmer: a stemmer conflates what must stay apart (Snowball stems *anhören* like
   *Anhörung*, *Ausweis* like *Ausweisung*, *Sprachmittlung* like *Sprachmittler*),
   misses what belongs together (*Kitas*), and stemming every form of a large glossary
   in pure Python took seconds.
4. **Compounds**, only for long terms: a word that starts with a term of at least five
   letters and goes on for at least three more (*Integrationskursträger*,
   *Flüchtlingsunterkunft*), or ends in an inflected term of at least seven letters
   after at least three letters (*Frauenintegrationskurs*, *Ausbildungsduldung*) — but
   not before a derivation (*Bescheid-enheit*, *Widerspruchs-losigkeit*). Short
   terms would be found inside unrelated words; a term marked *whole word* (TBX
   ``projectSubset`` ``wholeWord``: *Kreis*, not *Kreislauf*; *Rathaus*, not
   *Rathausgarten*) is never found inside a compound at all, hyphenated or not
   (*Rhein-Sieg-Kreis* is a name).
5. **Abbreviations** (``BAMF``, ``eGK``, ``KI``) match only as whole words, exactly as
   written (optionally with a plural/genitive ``s``). One of at least four letters also
   matches in another case unless written all in lower case (*BaMF*, *Bamf*, *Alg II*,
   *ASYLBLG*; but *Ki* is no *KI*, *bamf* is part of an address): no such abbreviation
   of the glossary is a German word in lower case. An abbreviation the text spells out
   as something else, in brackets right after it or before it in brackets (*AfA
   (Absetzung für Abnutzung)*, *Body-Mass-Index (BMI)*), is not matched anywhere in
   that text unless the spelled-out words are one of the concept's own terms; this holds
   for abbreviations of up to four capitals (a longer one, *MKJFGFI*, spelled out
   otherwise is a misspelt full name).
6. **Multi-word terms** match word by word, each word with rule 3 (function words such
   as *für* exactly), with spaces or hyphens between them, or the comma or slash the
   term has (*REAG/GARP*); the last word may also start a compound (*subsidiär
   Schutzberechtigte*).
7. **Longest match first**: overlapping candidates are resolved in favour of the longer
   span, then of the closer match (exact, inflected, compound), then of the longer term —
   so *Bundesamt für Migration und Flüchtlinge* is one match, not a match for
   *Flüchtlinge*, and *Asylbewerberleistungsgesetz* is not flagged as *Asylbewerber*.
   A look-alike compound that means something else (*Erstorientierungskurs* is not an
   *Orientierungskurs*) is excluded by giving it a concept of its own: its whole-word
   match beats the compound match.
8. **Not in addresses**: words inside e-mail addresses, web addresses and file names
   (``jobcenter.integration@jobcenter-ge.de``, ``www.einbuergerung.de``,
   ``Antrag_Kita.pdf``) are never matched.
9. **Part of speech**: German nouns are capitalised, so a single-word noun term never
   matches a lower-case word (the noun *Illegale* is not the adjective in *illegale
   Drogen*). A noun without fixed gender (TBX ``grammaticalGender`` ``other``: *der/die
   Geflüchtete*, *Illegale*) is a nominalised adjective; directly before another noun it
   is used as an adjective (*Illegale Beschäftigung ist verboten*) and does not match;
   within a sentence its capital says it is the noun (*der Integrationsbeauftragte Daniel
   P.*), except for a deprecated term.
   Its adjective in lower case does match before a noun naming people (*geflüchtete
   Menschen*, *neu zugewanderte Jugendliche*), unless the term is deprecated; before
   *Menschen* or *Personen*, which add nothing, the match covers that noun too.
10. **Another sense**: a few short terms have an everyday sense the words around them
   give away, and are not matched there (:mod:`.senses`): *Bescheid* without article
   or adjective in a clause with *geben*, *sagen* or *wissen* (*geben Sie uns Bescheid*:
   let us know); *Kreis der/des …* (*zum Kreis der Berechtigten*: a group, not a
   district); *Antrag der/des …-Fraktion* or *Anträge* in a clause with the
   *Tagesordnung* (a council motion, not an application); *Termin(e) der/des …* (*die
   Termine der Schadstoffsammlung*: a date, not an appointment; not after the name of an
   office: *die Termine des Gesundheitsamtes*); *Unterhalt* in a clause
   with *gesichert/sichern/bestreiten* or after *Leistungen zum* (livelihood, not
   maintenance payments); *Auflage* after an ordinal (*2. Auflage*, *die neue Auflage*)
   or in a text about *Exemplare* or an *ISBN* (an edition, not a condition);
   *Gestattung* in a text about serving drinks (*Gaststätte*, *Ausschank*, *alkoholische
   Getränke*: a permit under the restaurant act) or before *einer/eines/des* (*die
   Gestattung einer Ausbildungstätigkeit*), not the *Aufenthaltsgestattung*;
   *Pflegegeld* in a text about childminders or foster care (*Tagespflege*,
   *Tagesmutter*, *Pflegekind*, *Pflegeeltern*), not the long-term care allowance;
   *Duldung von* and a noun without article that names no people (*keine Duldung von
   Gewalt*: tolerating violence, not a suspension of deportation);
   *Zuweisung des/der/von …* when what is allocated is not people (*die Zuweisung des
   Lehrpersonals*, *von Lehrerstellen*), not the allocation of refugees. Participles of a
   concept are glossary data (adjective terms such as *geduldet*, *eingebürgert*,
   *zugewiesen*, *beglaubigt*); two have a sense check: *zugewiesen* only in a sentence
   about people (*die dem Landkreis zugewiesenen Asylbewerber*, *wenn Sie einer Stadt
   zugewiesen wurden*; not *der Kitaplatz wird Ihnen zugewiesen*),
   *eingebürgert*/*einbürgern* not reflexive without *lassen* (*der Begriff hat sich
   eingebürgert*: became customary). Also: *die Krippe in der Pfarrkirche* (a nativity
   scene), *im Widerspruch zum Plan* (a contradiction), *Sanktionen gegen Russland* in a
   text not about benefits, *Baumpatenschaft* in a sentence naming no people; and a word
   whose glossary sense is one of several (*Ausweisung*, *Rückführung*, *Umverteilung*,
   *Anhörung*, *Residenzpflicht*) only in a text that speaks of that sense's domain (*die
   Ausweisung neuer Baugebiete* is no expulsion, *Von der Anhörung kann abgesehen
   werden* in a building authority's text is no asylum interview; a bare *Gestattung* or
   *geduldet* also where the sentence names people), or not in a text that speaks of
   another domain (*die Ummeldung
   Ihres Fahrzeugs*, *Seiteneinsteiger* as teachers, *KI-gestützt*: artificial
   intelligence, not the Kommunales Integrationszentrum). Two multi-word terms have a
   check too (*die Chancen auf Bildung und Teilhabe*: education in general, not the
   benefit package). *Anmeldung* and *Abmeldung* are a home's only in a text about the
   registration office, or about a home or a move that registers nothing else (not *die
   Anmeldung beim Standesamt Ihres Wohnsitzes*, not a dog's *Anmeldung bei Zuzug*);
   *Fachkraft* is the immigrant skilled worker only in a text about coming from abroad
   (not *die Fachkraft für Abwassertechnik*). A truncated word (*An- und Abmeldung*) gets
   the check of the word it completes to. A check that reads the sentence or clause
   does not end it at the dot of *bzw.*, *z. B.*, *u. a.* or *Abs.*. The full list is in
   :mod:`.senses`.
11. **Hyphenated terms with an abbreviation** (*EU-Bürger*, *ICT-Karte*): only the
   abbreviation is exact; the other words inflect (*EU-Bürgern*, *EU-Bürger*innen*).
   No term matches in a hyphenated name after ``Nicht-`` or ``Nicht `` (*Nicht-EU-Bürger*,
   *Nicht EU-Ausländer* are neither EU citizens nor just foreigners).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import NamedTuple

from ..model import PLACEHOLDER
from .glossary import Concept, Glossary, Term, looks_like_abbreviation
from .senses import other_sense, other_sense_of_phrase
from .words import ADJECTIVE_ENDINGS, HYPHENS, Token, fold, hyphen_after, sentence, split_words

HOW_RANK = {"exact": 0, "inflected": 1, "compound": 2, "modifier": 3}
"""How closely a match follows the term; lower wins when spans tie. A term at the end of
a compound (its head: *Ausbildungs-duldung* is a Duldung) beats one at its start (a
``modifier``, reported as ``compound``)."""
_COMPOUND = ("compound", "modifier")

ANY_CASE_MIN = 4
"""An abbreviation with this many letters also matches in another case (*BaMF*)."""
FOREIGN_MAX = 4
"""An abbreviation with more capitals than this is taken as the glossary's even where
the words before it differ from its terms: nobody spells out *MKJFGFI* as something else
(a misspelt full name is the usual reason)."""
MODIFIER_MIN = 5
"""A term must have this many letters to be found at the start of a compound."""
HEAD_MIN = 7
"""… and this many to be found at the end of one."""

_INFLECTIONS = ("", "s", "es", "e", "en", "n", "er", "ern", "se", "sen", "nen")
_FUNCTION_WORDS = frozenset(
    {"für", "und", "oder", "ohne", "von", "vom", "der", "die", "das", "des", "dem", "den"}
    | {"zum", "zur", "mit", "in", "im", "am", "an", "auf", "bei", "nach", "aus", "zu", "über"}
)
_FIXED_GENDERS = frozenset({"masculine", "feminine", "neuter"})
_CONJUNCTIONS = frozenset({"und", "oder", "sowie", "bzw", "beziehungsweise", "bis", "als"})
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_GENDER = re.compile(r"(?:[*:_·/]-?|(?<=[a-zäöüß])(?=I))(?:[iI]nnen|[iI]n)$|(?<=e)[*:_·]r$")
_MEDIOPUNKT = frozenset("\u00b7\u2219\u22c5")
"""The middle dots easy-language texts put between the parts of a word."""
_GENDER_AFTER_DOT = re.compile(r"(?:[iI]nnen|[iI]n)(?![^\W_])")
_UMLAUTS = frozenset("äöü")
_QUOTES = "\"'„“”‚‘’«»"
_DERIVATION = re.compile(
    r"(?:e|en|er|s)?"
    r"(?:(?:lich|isch|ig|haft|bar|sam|los)(?:ig)?(?:keit|heit)?|chen|lein|heit|keit|ung)"
    r"(?:e[mnrs]?|er|st)?$"
)
"""What makes a word of a term's word rather than a compound, suffixes chained too
(*widersprüch-lichkeit*, *widerspruchs-losigkeit*)."""
_ADDRESS = re.compile(
    r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|(?:https?|ftp)://\S+|www\.\S+"  # URL
    r"|(?<![\w@.-])[\w-]+(?:\.[\w-]+)*\.(?-i:[a-z]{2,10})(?![\w-])(?:/\S*)?"  # domain
    r"|[\w.-]+\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|csv|jpe?g|png|gif|zip|html?)\b",
    re.IGNORECASE,
)
"""E-mail addresses, URLs, bare domains (``kreis-heinsberg.de/kita``) and file names."""
_GROUPS_OF_PEOPLE = (
    "mensch",
    "person",
    "familie",
    "kind",
    "jugendlich",
    "frau",
    "manner",
    "madchen",
    "eltern",
    "mutter",
    "vater",
    "schuler",
    "erwachsen",
    "studierend",
    "burger",
    "einwohner",
    "minderjahrig",
    "bevolkerung",
)
"""Stems of nouns naming people, after which a nominalised adjective is its adjective."""
_PLAIN_PEOPLE_NOUNS = frozenset({"Mensch", "Menschen", "Person", "Personen"})
"""Nouns that add nothing to a nominalised adjective before them (*geflüchtete Menschen*)."""
_FORMAL_PRONOUNS = frozenset({"Sie", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres", "Ihnen"})


@dataclass(frozen=True)
class Match:
    """A glossary term found in a text."""

    concept: Concept
    term: Term
    """The German glossary term that matched."""
    start: int
    end: int
    """Span in the original string (placeholders, soft hyphens included)."""
    text: str
    """``original[start:end]``."""
    how: str
    """``exact``, ``inflected`` or ``compound``."""


@dataclass(frozen=True)
class _Word:
    """One word of a glossary term, prepared for matching."""

    text: str
    base: str
    forms: frozenset[str]
    """Its inflected forms, folded; a word of the text must be one of them."""
    plain_forms: frozenset[str]
    """The same with ae/oe/ue for umlauts: the index words are looked up by."""
    exact_only: bool
    """Abbreviations and function words: no inflection, no compounds."""
    case_sensitive: bool
    any_case: bool = False
    """A long abbreviation: also in another case, unless written in lower case (rule 5)."""


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    term: Term
    words: tuple[_Word, ...]
    gaps: tuple[str, ...]


class _Candidate(NamedTuple):
    """A possible match, in clean-view coordinates."""

    start: int
    end: int
    entry: _Entry
    how: str

    @property
    def rank(self) -> tuple[int, int, int, int]:
        """Longest span first, then the closest match, then the longest term."""
        return (self.start - self.end, HOW_RANK[self.how], -len(self.entry.term.text), self.start)


class Matcher:
    """Finds the terms of a glossary's source language in text.

    >>> from kisync.translate import load_glossary, shipped_glossary_path
    >>> matcher = Matcher(load_glossary(shipped_glossary_path()))
    >>> [(m.term.text, m.text) for m in matcher.find("Die Integrationskursträger des BAMF")]
    [('Integrationskursträger', 'Integrationskursträger'), ('BAMF', 'BAMF')]
    """

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._single: dict[str, list[_Entry]] = defaultdict(list)
        self._abbreviations: dict[str, list[_Entry]] = defaultdict(list)
        self._abbreviations_any_case: dict[str, list[_Entry]] = defaultdict(list)
        self._prefixes: dict[str, list[_Entry]] = defaultdict(list)
        self._multi: list[_Entry] = []
        for concept in glossary:
            for term in concept.terms_in(glossary.source_language):
                self._add(concept, term)
        self._first_words: dict[str, list[_Entry]] = defaultdict(list)
        for entry in self._multi:
            for key in _index_keys(entry.words[0]):
                self._first_words[key].append(entry)
        self.word_matches = functools.lru_cache(maxsize=65536)(self._word_matches)
        self._find = functools.lru_cache(maxsize=16384)(self._find_all)

    def _add(self, concept: Concept, term: Term) -> None:
        clean, _ = clean_view(term.text)
        tokens = list(split_words(clean))
        if not tokens:
            return
        last = len(tokens) - 1
        any_case = sum(char.isalpha() for char in term.text) >= ANY_CASE_MIN
        words = tuple(
            _prepare_word(
                token.text,
                term.case_sensitive and (not last or looks_like_abbreviation(token.text)),
                adjective=index < last,
                any_case=any_case,
                fixed_gender=index == last and term.gender in _FIXED_GENDERS,
            )
            for index, token in enumerate(tokens)
        )
        gaps = tuple(token.gap_after for token in tokens[:-1])
        entry = _Entry(concept, term, words, gaps)
        if len(words) > 1:
            self._multi.append(entry)
            return
        word = words[0]
        if word.exact_only:
            self._abbreviations[word.text].append(entry)
            if word.any_case:
                self._abbreviations_any_case[word.text.casefold()].append(entry)
            return
        for key in word.plain_forms:
            self._single[key].append(entry)
        if not term.whole_word:
            self._prefixes[word.base[:4]].append(entry)

    # -- public API ------------------------------------------------------------------

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in order of position; longest match first."""
        return list(self._find(text))

    def _find_all(self, text: str) -> tuple[Match, ...]:
        clean, offsets = clean_view(text)
        tokens = list(split_words(_without_addresses(clean)))
        negated = _negated_starts(tokens)
        candidates = [c for c in self._candidates(tokens) if c.start not in negated]
        candidates = _without_foreign_abbreviations(candidates, tokens)
        chosen: list[_Candidate] = []
        for candidate in sorted(candidates, key=lambda c: c.rank):
            if all(candidate.end <= c.start or candidate.start >= c.end for c in chosen):
                chosen.append(candidate)
        matches = []
        for candidate in sorted(chosen):
            start, end = offsets[candidate.start], offsets[candidate.end - 1] + 1
            entry, how = candidate.entry, candidate.how
            how = "compound" if how in _COMPOUND else how
            matches.append(Match(entry.concept, entry.term, start, end, text[start:end], how))
        return tuple(matches)

    # -- candidates ------------------------------------------------------------------

    def _candidates(self, tokens: list[Token]) -> Iterator[_Candidate]:
        for index, token in enumerate(tokens):
            single = self.word_matches(token.text)
            for entry, how in () if single and other_sense(tokens, index) else single:
                if entry.term.whole_word and _in_hyphenated_word(tokens, index):
                    continue
                if _used_as(entry.term, tokens, index):
                    end = _with_people_noun(entry.term, tokens, index)
                    yield _Candidate(token.start, end, entry, how)
            yield from self._multi_at(tokens, index)
            if _truncated(token):
                yield from self._ellipsis(tokens, index)
            if _cut_in_front(tokens, index):
                yield from self._back_ellipsis(tokens, index)
        yield from self._hyphen_chains(tokens)

    def _word_matches(self, word: str) -> tuple[tuple[_Entry, str], ...]:
        """Single-word terms a word matches, with how (cached: words repeat a lot)."""
        found: dict[int, tuple[_Entry, str]] = {}

        def add(entry: _Entry, how: str) -> None:
            known = found.get(id(entry))
            if known is None or HOW_RANK[how] < HOW_RANK[known[1]]:
                found[id(entry)] = (entry, how)

        for entry in _with_plural_s(self._abbreviations, word):
            add(entry, "exact")
        if not found and not word.islower():
            for entry in _with_plural_s(self._abbreviations_any_case, word.casefold()):
                add(entry, "inflected")
        for form in _forms(word):
            for entry, how in self._compounds(form):
                add(entry, how)
            for entry in self._single.get(_without_digraphs(form), ()):
                add(entry, "exact" if form == entry.words[0].base else "inflected")
        feminine = None if found else _feminine(word)
        for entry in self._single.get(_without_digraphs(feminine), ()) if feminine else ():
            add(entry, "inflected")
        return tuple(found.values())

    def _compounds(self, form: str) -> Iterator[tuple[_Entry, str]]:
        """Terms at the start (``modifier``) or end (head, ``compound``) of a compound."""
        for entry in self._prefixes.get(form[:4], ()):
            base = entry.words[0].base
            modifier = len(base) >= MODIFIER_MIN and form.startswith(base)
            if modifier and _compound_rest(form[len(base) :], base):
                yield entry, "modifier"
        for position in range(3, len(form) - HEAD_MIN + 1):
            tail = form[position:]
            for entry in self._prefixes.get(tail[:4], ()):
                word = entry.words[0]
                if len(word.base) >= HEAD_MIN and _inflects(tail, word):
                    yield entry, "compound"

    def _multi_at(self, tokens: list[Token], index: int) -> Iterator[_Candidate]:
        first = tokens[index]
        candidates: dict[int, _Entry] = {}
        keys = {first.text, fold(first.text)}
        keys.update(_without_digraphs(form) for form in _forms(first.text))
        for key in keys:
            for entry in self._first_words.get(key, ()):
                candidates[id(entry)] = entry
        for entry in candidates.values():
            size = len(entry.words)
            if index + size > len(tokens):
                continue
            hows = []
            for offset, word in enumerate(entry.words):
                token = tokens[index + offset]
                gap = tokens[index + offset - 1].gap_after
                if offset and not _gap_fits(gap, entry.gaps[offset - 1]):
                    break
                last = offset == size - 1 and not entry.term.whole_word
                how = _word_fits(token.text, word, last=last)
                if how is None:
                    break
                hows.append(how)
            else:
                if other_sense_of_phrase(entry.term.text, tokens, index):
                    continue
                how = max(hows, key=HOW_RANK.__getitem__)
                yield _Candidate(first.start, tokens[index + size - 1].end, entry, how)

    def _ellipsis(self, tokens: list[Token], index: int) -> Iterator[_Candidate]:
        """``Integrations- und Orientierungskurse``: complete the truncated word; failing
        that, a compound of the term the full word ends in (*Auffrisch- oder
        Nachholimpfungen*: both are an Impfung)."""
        head = None
        for token in tokens[index + 1 : index + 5]:
            if fold(token.text) in _CONJUNCTIONS or _truncated(token):
                continue
            head = token
            break
        if head is None:
            return
        stub = fold(tokens[index].text)
        tail = fold(head.text)
        for compound in (False, True):
            for cut in range(1, len(tail) - 2):
                hits = self._completions(stub, tail[cut:], compound)
                if not compound and not _UMLAUTS & set(head.text.casefold()[cut:]):
                    hits = [entry for entry in hits if not _plural_er(stub + tail[cut:], entry)]
                if hits:
                    token = tokens[index]
                    if other_sense(_completed(tokens, index, stub + tail[cut:]), index):
                        return  # An- und Abmeldung von Kraftfahrzeugen: no home's Anmeldung
                    for entry in hits:
                        yield _Candidate(token.start, token.end + 1, entry, "inflected")
                    return

    def _back_ellipsis(self, tokens: list[Token], index: int) -> Iterator[_Candidate]:
        """``Integrationsräte und -ausschüsse``, ``Asylbewerberinnen und -bewerber``: the word
        after the hyphen takes the front of the word before (the longest front that makes
        a term)."""
        before = tokens[index - 1]
        if fold(before.text) in _CONJUNCTIONS and index >= 2:
            before = tokens[index - 2]
        front, ending = fold(before.text), fold(tokens[index].text)
        if len(ending) < MODIFIER_MIN - 1:
            return  # Drittstaatsangehörige/-n: an ending, not a word
        for cut in range(len(front) - 1, 2, -1):
            hits = self._completions(front[:cut], ending, compound=False)
            if hits:
                completed = _completed(tokens, index, front[:cut] + ending)
                if other_sense(completed, index):
                    return
                start = tokens[index].start - 1  # the hyphen
                for entry in hits:
                    yield _Candidate(start, tokens[index].end, entry, "inflected")
                return

    def _completions(self, stub: str, ending: str, compound: bool) -> list[_Entry]:
        """The terms ``stub + ending`` is: as a word, or (``compound``) as a compound
        whose head is the term ``ending`` is."""
        found = self.word_matches(stub + ending)
        if not compound:
            return [entry for entry, how in found if how not in _COMPOUND]
        heads = {id(entry) for entry, how in self.word_matches(ending) if how not in _COMPOUND}
        return [entry for entry, how in found if how == "compound" and id(entry) in heads]

    def _hyphen_chains(self, tokens: list[Token]) -> Iterator[_Candidate]:
        """``Integrationskurs-Träger`` as the single word ``Integrationskursträger``."""
        index = 0
        while index < len(tokens):
            end = index
            while end + 1 < len(tokens) and len(tokens[end].gap_after) == 1:
                if tokens[end].gap_after not in HYPHENS:
                    break
                end += 1
            if end > index:
                joined = "".join(token.text for token in tokens[index : end + 1])
                for entry, how in self.word_matches(joined):
                    if how not in _COMPOUND and _used_as(entry.term, tokens, index):
                        yield _Candidate(tokens[index].start, tokens[end].end, entry, how)
            index = end + 1


def _without_foreign_abbreviations(
    candidates: list[_Candidate], tokens: list[Token]
) -> list[_Candidate]:
    """Drop an abbreviation the text spells out as something else (rule 5).

    ``Künstliche Intelligenz (KI)`` and ``AfA (Absetzung für Abnutzung)`` define the
    abbreviation; unless the words in or before the bracket are one of the concept's own
    terms (``Kommunales Integrationszentrum (KI)``), it means something else everywhere
    in this text.
    """
    foreign: set[int] = set()
    for candidate in candidates:
        entry = candidate.entry
        if not entry.term.case_sensitive or id(entry) in foreign:
            continue
        index = next(i for i, token in enumerate(tokens) if token.start == candidate.start)
        letters = "".join(char for char in entry.term.text if char.isupper())
        if len(letters) > FOREIGN_MAX:
            continue
        expansion = _expansion(tokens, index, candidate.end, letters)
        if expansion and not any(
            other.entry.concept is entry.concept
            and other.start < expansion[1]
            and other.end > expansion[0]
            for other in candidates
        ):
            foreign.add(id(entry))
    return [candidate for candidate in candidates if id(candidate.entry) not in foreign]


def _expansion(tokens: list[Token], index: int, end: int, letters: str) -> tuple[int, int] | None:
    """The span of the words that spell out the abbreviation at ``index`` (their
    capitalised initials are its capitals), right before it when it stands in brackets,
    or in brackets right after it (or after the hyphenated word it starts)."""
    if not letters:
        return None
    reach = len(letters) + 3
    if index and tokens[index - 1].gap_after.rstrip().endswith("("):
        for size in range(len(letters), min(reach, index) + 1):
            words = tokens[index - size : index]
            if words[0].text[0].isupper() and _initials(words) == letters:
                return words[0].start, words[-1].end
    last = next(i for i in range(index, len(tokens)) if tokens[i].end == end)
    while last + 1 < len(tokens) and hyphen_after(tokens[last]):
        last += 1  # BuT-Gruppe (Bauen und Technik)
    if tokens[last].gap_after.strip() == "(":
        words = []
        for token in tokens[last + 1 : last + 1 + reach]:
            words.append(token)
            if ")" in token.gap_after:
                break
        else:
            return None
        if _initials(words) == letters:
            return words[0].start, words[-1].end
    return None


def _initials(words: list[Token]) -> str:
    """The first letters of the capitalised words: *Body-Mass-Index* → ``BMI``."""
    return "".join(word.text[0] for word in words if word.text[0].isupper())


def _negated_starts(tokens: list[Token]) -> set[int]:
    """Where the words of a hyphenated name after ``Nicht-`` or ``Nicht `` start:
    *Nicht-EU-Bürger*, *Nicht EU-Ausländer* are neither EU citizens nor just foreigners,
    a term found there would be the wrong hint."""
    negated: set[int] = set()
    for index, token in enumerate(tokens):
        hyphenated = hyphen_after(token)
        spaced = token.text == "Nicht" and token.gap_after == " "
        if token.text.casefold() != "nicht" or not (hyphenated or spaced):
            continue
        chain = _hyphen_chain(tokens, index + 1)
        if hyphenated or len(chain) > 1:
            negated.update(word.start for word in chain)
    return negated


def _hyphen_chain(tokens: list[Token], index: int) -> list[Token]:
    """The word at ``index`` and the words joined to it by hyphens (*EU-Ausländer*)."""
    chain = []
    for token in tokens[index:]:
        chain.append(token)
        if not hyphen_after(token):
            break
    return chain


def _in_hyphenated_word(tokens: list[Token], index: int) -> bool:
    """Whether the word at ``index`` is part of a hyphenated compound (*Rhein-Sieg-Kreis*,
    *Rathaus-Info*), where a whole-word term is not found (rule 4)."""
    joined_before = index > 0 and hyphen_after(tokens[index - 1])
    return joined_before or hyphen_after(tokens[index])


def _used_as(term: Term, tokens: list[Token], index: int) -> bool:
    """Whether the word at ``index`` is used with the term's part of speech (see rule 9)."""
    if term.part_of_speech != "noun" or term.case_sensitive or " " in term.text:
        return True
    token = tokens[index]
    if not token.text[0].isupper():
        return _describes_people(term, tokens, index)
    if term.gender != "other" or index + 1 >= len(tokens) or token.gap_after != " ":
        return True
    following = tokens[index + 1].text
    if not following[0].isupper() or following in _FORMAL_PRONOUNS:
        return True
    if term.status != "deprecated" and sentence(tokens, index)[0] is not token:
        return True  # capitalised within a sentence: the noun (der Beauftragte Daniel P.)
    return _describes_people(term, tokens, index)


def _describes_people(term: Term, tokens: list[Token], index: int) -> bool:
    """*geflüchtete Menschen*, *Geflüchteten Menschen …* at the start of a sentence, *die
    zugewanderte und einheimische Bevölkerung*: the adjective of a nominalised-adjective
    term before a noun naming people says what the term says. Not for a deprecated term:
    *illegale Beschäftigung* and *illegale Drogen* name no people, and a deprecated word
    is flagged only where it is the noun."""
    if term.gender != "other" or term.status == "deprecated":
        return False
    following = tokens[index + 1 : index + 4]
    if len(following) >= 3 and following[0].text in ("und", "oder") and following[1].text.islower():
        following = following[2:]  # zugewanderte und einheimische Einwohner
    if not following or tokens[index].gap_after != " " or not following[0].text[0].isupper():
        return False
    return any(stem in fold(following[0].text) for stem in _GROUPS_OF_PEOPLE)


def _with_people_noun(term: Term, tokens: list[Token], index: int) -> int:
    """Where the hint ends: *geflüchtete Menschen* and *zugewanderte Personen* say no more
    than *Geflüchtete* and *Zugewanderte*, so the hint for a nominalised-adjective term
    covers the noun after it (a translator renders the phrase as the term)."""
    token = tokens[index]
    if term.gender != "other" or term.part_of_speech != "noun" or index + 1 >= len(tokens):
        return token.end
    following = tokens[index + 1]
    if token.gap_after == " " and following.text in _PLAIN_PEOPLE_NOUNS:
        return following.end
    return token.end


# -- text preparation -----------------------------------------------------------------


def _without_addresses(clean: str) -> str:
    """The clean view with e-mail addresses, URLs and file names blanked out (NUL
    characters: no word, and no gap a multi-word term may span)."""
    return _ADDRESS.sub(lambda match: "\x00" * len(match.group()), clean)


def clean_view(text: str) -> tuple[str, list[int]]:
    """The text without placeholders and invisible characters, and for each of its
    characters the index in ``text`` it came from."""
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        _copy(text, position, match.start(), chars, offsets)
        if match.group(4):  # <br1/>, <x1/>: something stands there; a word ends
            chars.append(" ")
            offsets.append(match.start())
        position = match.end()
    _copy(text, position, len(text), chars, offsets)
    return "".join(chars), offsets


def _copy(text: str, start: int, end: int, chars: list[str], offsets: list[int]) -> None:
    for index in range(start, end):
        char = text[index]
        if char in _INVISIBLE or (char in _MEDIOPUNKT and _splits_a_word(text, index)):
            continue
        chars.append(" " if char.isspace() else char)
        offsets.append(index)


def _splits_a_word(text: str, index: int) -> bool:
    """Whether the middle dot at ``index`` only shows where a compound is put together, as
    easy-language texts do (*Bürger·service*, *An·meldung*), and is no gender mark
    (*Bürger·innen*)."""
    before, after = text[index - 1 : index], text[index + 1 : index + 2]
    if not (before.isalpha() and after.isalpha()):
        return False
    return not _GENDER_AFTER_DOT.match(text, index + 1)


def _cut_in_front(tokens: list[Token], index: int) -> bool:
    """Whether the word at ``index`` lost its front to a hyphen (*und -ausschüsse*,
    *Integrationsräte/-ausschüsse*)."""
    if index < 1:
        return False
    gap = tokens[index - 1].gap_after
    if gap == "/-":
        return True
    conjunction = fold(tokens[index - 1].text) in _CONJUNCTIONS
    return gap in {" -", ". -"} and conjunction and index >= 2  # und -, bzw. -


def _truncated(token: Token) -> bool:
    """A word cut off with a hyphen before a space or comma: ``Integrations- und …``."""
    gap = token.gap_after
    return len(gap) >= 2 and gap[0] in HYPHENS and gap[1] in " ,"


def _gap_fits(gap: str, term_gap: str) -> bool:
    """Between two words of a multi-word term: spaces, or hyphens (Hartz-IV); a comma
    where the term has one (Ministerium für Kinder, Jugend, Familie …), a slash too
    (*REAG/GARP*, *FreizügG / EU*); quotation marks around a name too (Test „Leben in
    Deutschland“)."""
    if ("," in gap) != ("," in term_gap) or ("/" in gap) != ("/" in term_gap):
        return False
    gap = gap.replace(",", "", 1)
    if "/" in gap:
        gap = gap.replace("/", "", 1) or " "
    if gap.strip(" " + HYPHENS + _QUOTES) or not gap.strip(_QUOTES):
        return False
    needs_hyphen = any(char in HYPHENS for char in term_gap)
    return not needs_hyphen or any(char in HYPHENS for char in gap)


# -- words ------------------------------------------------------------------------------


def _feminine(word: str) -> str | None:
    """A gender form read as its feminine, folded (*Integrationslots/innen* is
    *Integrationslotsinnen*: its masculine is *Integrationslotse*, not *-lots*)."""
    gender = _GENDER.search(word)
    ending = gender.group().lstrip("*:_·/-").lower() if gender else ""
    return fold(word[: gender.start()] + ending) if ending in ("in", "innen") else None


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, ...]:
    """The folded word, without gender marker, and without a feminine ``-in``/``-innen``."""
    base = fold(_GENDER.sub("", word)) if _GENDER.search(word) else fold(word)
    forms = [base]
    for ending in ("innen", "in"):
        stem = base[: -len(ending)]
        if base.endswith(ending) and len(stem) >= 4 and stem[-1] not in "aeiou":
            forms.append(stem)
            break
    return tuple(forms)


def _paradigm(base: str, adjective: bool, fixed_gender: bool = False) -> set[str]:
    """The inflected forms of a (folded) word: noun endings, Latin plurals, and for the
    words before the noun of a multi-word term the adjective endings.

    A noun in *-e* with a fixed gender (*die Apotheke*) has no *-er*/*-es*/*-em* forms:
    those belong to nominalised adjectives (*Angehöriger*) — and *Apotheker* is a
    pharmacist. Words in *-ikum* have their plural in *-ika* (*Praktika*; *Praktiken*
    are practices)."""
    forms = {base + ending for ending in _INFLECTIONS}
    if base.endswith("ikum"):
        forms.add(base[:-2] + "a")
    elif base.endswith(("um", "us")):
        forms.add(base[:-2] + "en")
    if base.endswith("a"):
        forms.add(base[:-1] + "en")
    if base.endswith("e"):
        endings = ("en",) if fixed_gender else ("en", "er", "es", "em")
        forms |= {base[:-1] + ending for ending in endings}
    if adjective:
        core = re.sub(r"(?:e[mnrs]?)$", "", base)
        forms |= {core + ending for ending in ADJECTIVE_ENDINGS}
    return forms


def _prepare_word(
    text: str,
    case_sensitive: bool,
    adjective: bool = False,
    any_case: bool = False,
    fixed_gender: bool = False,
) -> _Word:
    base = _forms(text)[0]
    function_word = base in _FUNCTION_WORDS and text.islower()
    exact_only = case_sensitive or function_word
    paradigm = _paradigm(base, adjective, fixed_gender)
    forms = frozenset() if exact_only else frozenset(paradigm)
    plain = frozenset(_without_digraphs(form) for form in forms)
    any_case = any_case and case_sensitive
    return _Word(text, base, forms, plain, exact_only, case_sensitive, any_case)


def _with_plural_s(index: dict[str, list[_Entry]], word: str) -> list[_Entry]:
    """The abbreviations ``word`` is, also with a plural/genitive ``s`` (*BAMFs*)."""
    return index.get(word) or index.get(word[:-1] if word.endswith("s") else "", [])


def _index_keys(word: _Word) -> set[str]:
    if word.any_case:
        return {word.text, fold(word.text)}
    if word.case_sensitive:
        return {word.text}
    return {word.base} if word.exact_only else set(word.plain_forms)


def _without_digraphs(word: str) -> str:
    return word.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _compound_rest(rest: str, base: str) -> bool:
    """Whether what follows a term in a word makes a compound (*-träger*), not just an
    inflection (*-en*) or a derivation (*kinderärzt-liche*, *schulpflicht-ig*,
    *Bescheid-enheit*: modesty, not a notice)."""
    return len(rest) >= (3 if len(base) >= HEAD_MIN else 4) and not _DERIVATION.match(rest)


def _word_fits(token: str, word: _Word, last: bool) -> str | None:
    """How one word of a multi-word term matches a token of the text (None: not)."""
    if word.case_sensitive:
        if token in (word.text, word.text + "s"):
            return "exact"
        other_case = word.any_case and not token.islower()
        return "inflected" if other_case and fold(token) in (word.base, word.base + "s") else None
    if word.exact_only:
        return "exact" if fold(token) == word.base else None
    for form in _forms(token):
        if _inflects(form, word):
            return "exact" if form == word.base else "inflected"
        compound = form.startswith(word.base) and _compound_rest(form[len(word.base) :], "")
        if last and len(word.base) >= 4 and compound:
            return "compound"
    return None


def _plural_er(word: str, entry: _Entry) -> bool:
    """Whether a completed word is the term plus *-er*/*-ern* (or *-erin*, *-erinnen*).
    That plural takes an umlaut (*Ämtern*), so :meth:`Matcher._ellipsis` drops such a
    completion where the full word has none: its head was cut inside (*Integrations- und
    Migrationsberaterin* is no *Integrationsrat* + *-erin*)."""
    base = entry.words[0].base
    return word.startswith(base) and word[len(base) :] in {"er", "ern", "erin", "erinnen"}


def _completed(tokens: list[Token], index: int, word: str) -> list[Token]:
    """The tokens with the truncated word at ``index`` written out (``An-`` → *anmeldung*)."""
    return [*tokens[:index], replace(tokens[index], text=word), *tokens[index + 1 :]]


def _inflects(form: str, word: _Word) -> bool:
    """The form is one of the word's inflected forms (``ae``/``oe``/``ue`` for umlauts,
    as German written without umlauts does: ``Auslaenderbehoerde``)."""
    return form in word.forms or _without_digraphs(form) in word.plain_forms
