"""Everyday senses of a few glossary terms (rule 10 of :mod:`.matcher`).

Some short terms have an everyday sense the words around them give away: *geben Sie
uns Bescheid* (let us know), *im Kreis der Familie* (a group), *die Termine der
Schadstoffsammlung* (dates), *keine Duldung von Gewalt* (toleration). For such a word,
:func:`other_sense` says whether it is used in that sense here; the matcher then gives
no hint. Each check is a small function registered in ``_SENSE_CHECKS`` under the
folded word it tests; the words it looks for are in :mod:`.sense_words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from . import sense_words as vocab
from .words import (
    ADJECTIVE_ENDINGS,
    CLAUSE_END,
    HYPHENS,
    Token,
    clause,
    fold,
    hyphen_after,
    next_word,
    sentence,
)

SenseCheck = Callable[[list[Token], int], bool]
"""Whether the term word at an index of the tokens is used in its everyday sense."""

_TELLING_VERBS = frozenset(
    {"geben", "gebe", "gibst", "gibt", "gebt", "gib", "gab", "gaben", "gegeben"}
    | {"sagen", "sage", "sagst", "sagt", "sag", "sagte", "sagten", "gesagt"}
    | {"wissen", "weiss", "weisst", "wisst", "wusste", "wussten", "gewusst"}
)
_DETERMINERS = re.compile(
    r"d(?:er|ie|as|en|em|es)|(?:k?ein|mein|dein|sein|ihr|unser|eue?r|dies|jed|welch)"
    r"(?:e[mnrs]?)?|vom|im|zum|beim|am"
)
_ADJECTIVE_END = re.compile(r"[a-zäöüß]{3,}(?:en|em|es|er|e)")
_ADVERBS = frozenset({"vorher", "immer", "wieder", "fruher", "spater", "sicher", "besser"})


def other_sense(tokens: list[Token], index: int) -> bool:
    """Whether a term word is used in an everyday sense here (see rule 10)."""
    word = fold(tokens[index].text)
    check = _SENSE_CHECKS.get(word)
    if check is None:
        check = next((c for start, c in _COMPOUND_STARTS if word.startswith(start)), None)
    if check is None:
        check = next((c for ends, c in _COMPOUND_ENDS if word.endswith(ends)), None)
    return check is not None and check(tokens, index)


def other_sense_of_phrase(term: str, tokens: list[Token], index: int) -> bool:
    """Whether a multi-word term starting at ``index`` is used in another sense here."""
    check = _PHRASE_CHECKS.get(fold(term))
    return check is not None and check(tokens, index)


def _education_in_general(tokens: list[Token], index: int) -> bool:
    """*die Chancen auf Bildung und Teilhabe verbessern*, *das Recht auf Bildung und
    Teilhabe*: education and participation in general, not the benefit package."""
    before = [fold(token.text) for token in tokens[max(0, index - 2) : index]]
    if before and before[-1].startswith(vocab.EDUCATION_ADJECTIVES):
        return True  # kulturelle Bildung und Teilhabe
    return (
        len(before) == 2
        and before[1] in {"auf", "zu", "zur"}
        and (before[0].startswith(("chance", "recht", "zugang", "moglichkeit", "gerechtigkeit")))
    )


def _group_not_district(tokens: list[Token], index: int) -> bool:
    """*zum Kreis der Berechtigten*, *im Kreis der Familie*, *der Kreis derer, die …*, *ein
    bestimmter Kreis von Soldaten*, *im kleinen Kreis*, *im engsten Kreis*: a group; *sie
    sitzen im Kreis und erzählen*: a circle."""
    before = fold(tokens[index - 1].text) if index else ""
    following = next_word(tokens, index)
    if following in {"der", "des", "derer", "von"} or before.startswith(vocab.SMALL_GROUP):
        return True
    return before == "im" and _in_a_circle(tokens, index)


def _in_a_circle(tokens: list[Token], index: int) -> bool:
    """*Die Frauen treffen sich jeden Dienstag im Kreis und erzählen*, *die Stühle werden im
    Kreis aufgestellt*: no name follows, and the clause says people sit, stand or meet, or
    chairs are set in a circle."""
    ends = CLAUSE_END.search(tokens[index].gap_after) or index + 1 == len(tokens)
    following = next_word(tokens, index)
    joined = following in {"und", "oder", "herum"} or following.startswith(vocab.SET_IN_A_CIRCLE)
    if not ends and not joined:
        return False
    return _starts_a_word(clause(tokens, index), vocab.IN_A_CIRCLE)


def _world_class(tokens: list[Token], index: int) -> bool:
    """*ein Ensemble von internationaler Klasse*: world-class, not a class for newcomer
    pupils; the school's class has an article (*in der internationalen Klasse*)."""
    before = fold(tokens[index - 1].text) if index else ""
    return fold(tokens[index].text) == "internationaler" and not _DETERMINERS.fullmatch(before)


def _council_motion(tokens: list[Token], index: int) -> bool:
    """*Antrag der SPD-Fraktion*, *auf Antrag des Integrationsrates*; *die Tagesordnung
    und die vorliegenden Anträge*; any *Antrag* but *auf Antrag* and *Antrag auf …* in a
    text about a council meeting (*vertagte den Antrag*, *stellt folgenden Antrag, über den
    abgestimmt wird*): a council motion or a council body's request."""
    words = clause(tokens, index)
    later = [fold(token.text) for token in words if token.start > tokens[index].start]
    if next_word(tokens, index) in {"der", "des"} and any(
        following.endswith(vocab.COUNCIL_BODIES) for following in later[1:4]
    ):
        return True
    if any(fold(token.text).startswith("tagesordnung") for token in words):
        return True
    applies = next_word(tokens, index) == "auf" or (index and fold(tokens[index - 1].text) == "auf")
    council = _mentions(tokens, vocab.COUNCIL_MEETING) or any(
        t.text in vocab.PARTIES for t in tokens
    )
    return not applies and council


def _let_know(tokens: list[Token], index: int) -> bool:
    """*geben Sie uns Bescheid*: let us know (no article or adjective before it)."""
    before = fold(tokens[index - 1].text) if index else ""
    if index and not CLAUSE_END.search(tokens[index - 1].gap_after):
        lowered = tokens[index - 1].text
        if _DETERMINERS.fullmatch(before) or (
            lowered.islower() and _ADJECTIVE_END.fullmatch(lowered) and before not in _ADVERBS
        ):
            return False
    return _has_word(clause(tokens, index), _TELLING_VERBS)


def _date_of_something(tokens: list[Token], index: int) -> bool:
    """*die Termine der Schadstoffsammlung*, *der Termin des Festes*, *Termine für
    Schulungen mussten abgesagt werden* (but the *Ausstellung* of a document is no
    exhibition), *Termine werden rechtzeitig bekannt gegeben*,
    *die Termine sind wie folgt: 1. Februar …*, *Termin: buchbar von November bis März*
    beside a tour's *Teilnehmer*: a date, not an appointment, in a clause about events, a
    sentence announcing dates that says nothing of booking one, or the fields of an offer (but
    *die Termine des Gesundheitsamtes*, *Termine für die Beratung vereinbaren* are
    appointments)."""
    if tokens[index].gap_after.startswith(":") and _mentions(tokens, vocab.OFFERS):
        return True  # Termin: buchbar von November bis März; Teilnehmer: …, Preis: …
    words = [fold(token.text) for token in clause(tokens, index)]
    if any(paper in word for word in words for paper in vocab.ISSUED_PAPERS):
        words = [word for word in words if word != "ausstellung"]  # issuing a document
    booking = _books([fold(token.text) for token in sentence(tokens, index)])
    if (_site_visit(tokens, index) or _counted(tokens, index)) and not booking:
        return True
    if any(stem in word for word in words for stem in vocab.EVENTS) and not _books(words):
        return True
    if _says(tokens, index, vocab.ANNOUNCED) and not booking:
        return True
    if _says(tokens, index, (*vocab.COURT_DATES, *vocab.DUE_DATES)) and not booking:
        return True  # a court's date to announce a decision; the chimney sweep's due dates
    if _says(tokens, index, ("beschluss", "tagesordnung")) and not _says(
        tokens, index, vocab.BOOKED
    ):
        return True  # Termin 2025 - Beratung und Beschluss -: an item of a council agenda
    if next_word(tokens, index) not in {"der", "des"} or index + 2 >= len(tokens):
        return False
    owner = fold(tokens[index + 2].text)
    return not any(office in owner for office in vocab.OFFICES)


def _books(words: list[str]) -> bool:
    """Whether the (folded) words speak of booking an appointment or of an office."""
    return any(stem in word for word in words for stem in vocab.BOOKING) or any(
        vocab.OFFICE.search(word) for word in words
    )


def _counted(tokens: list[Token], index: int) -> bool:
    """*an sechs Terminen*, *beim vierten Termin*, *an 3 Terminen*, *Termine 2017*: dates
    of a series or of a year."""
    before = fold(tokens[index - 1].text) if index else ""
    following = tokens[index + 1].text if index + 1 < len(tokens) else ""
    year = len(following) == 4 and following.isdigit() and following.startswith(("19", "20"))
    return before in vocab.SERIES or before.isdigit() or year


def _site_visit(tokens: list[Token], index: int) -> bool:
    """*Vorort-Termin*, *Vor-Ort-Termin*: a site visit."""
    before = [token for token in tokens[max(0, index - 2) : index] if hyphen_after(token)]
    return bool(before) and fold(before[-1].text) in {"vorort", "ort"}


def _livelihood(tokens: list[Token], index: int) -> bool:
    """*sein Unterhalt ist gesichert*, *Leistungen zum Unterhalt*: livelihood
    (Lebensunterhalt), not maintenance payments."""
    before = [fold(token.text) for token in tokens[max(0, index - 2) : index]]
    if before[-1:] == ["zum"] and before[0].startswith("leistung"):
        return True
    return any(vocab.SECURED.fullmatch(fold(token.text)) for token in clause(tokens, index))


def _edition(tokens: list[Token], index: int) -> bool:
    """*2. Auflage*, *die neue Auflage*, *eine Auflage von 1000 Exemplaren*: an edition."""
    previous = tokens[index - 1] if index else None
    if previous and previous.text.isdigit() and previous.gap_after.strip() == ".":
        return True
    singular = fold(tokens[index].text) == "auflage"
    if singular and previous and fold(previous.text) in vocab.EDITION_WORDS:
        return True
    return _mentions(tokens, ("exemplar", "isbn"))


def _restaurant_permit(tokens: list[Token], index: int) -> bool:
    """*Gestattung* under the restaurant act (the text is about serving drinks), the
    permission of something (*die Gestattung einer Ausbildungstätigkeit*), or a permission
    no person holds in a text that says nothing of residence or asylum (*Anträge auf
    Gestattung sind … vor der Veranstaltung einzureichen*; but *Personen mit einer
    Gestattung erhalten Leistungen*)."""
    if next_word(tokens, index) in {"einer", "eines", "des", "der"}:
        return True  # die Gestattung der Erwerbstätigkeit
    if _mentions(tokens, vocab.RESTAURANT_ACT):
        return True
    return _of_nobody_outside_migration_law(tokens, index)


def _of_nobody_outside_migration_law(tokens: list[Token], index: int) -> bool:
    """A status word (*Gestattung*, *geduldet*) in a sentence that names no person, in a
    text that says nothing of residence or asylum (*Das Grillen wird geduldet*; but
    *Personen, die in Deutschland gestattet oder geduldet sind*)."""
    return not _mentions(tokens, vocab.MIGRATION_LAW) and not _names_people(tokens, index)


def _foster_or_childminder_allowance(tokens: list[Token], index: int) -> bool:
    """*Pflegegeld* for a childminder or foster parents (SGB VIII), not the care
    allowance of the long-term care insurance."""
    return _mentions(tokens, vocab.CHILDMINDING_OR_FOSTER_CARE)


def _allocation_of_things(tokens: list[Token], index: int) -> bool:
    """*die Zuweisung des Lehrpersonals*, *von Lehrerstellen*, *eines Kitaplatzes*, *Steuern,
    allgemeine Zuweisungen und Umlagen*, *die Zuweisung einer Dienstwohnung*, a doctor's
    *Zuweisung* of a patient to hospital: allocating staff, posts, places, flats, money or
    patients, not refugees to a municipality (but *die Zuweisung vom Bundesamt* names who
    allocates)."""
    if _says(tokens, index, (*vocab.BUDGET, *vocab.SERVICE_FLATS)):
        return True
    if _mentions(tokens, vocab.MEDICAL_REFERRALS) and not _mentions(tokens, vocab.MIGRATION_LAW):
        return True
    if next_word(tokens, index) not in vocab.GENITIVE_ARTICLES | {"von", "vom"}:
        return False
    nouns = [token for token in tokens[index + 2 : index + 4] if token.text[0].isupper()]
    if not nouns or CLAUSE_END.search(tokens[index + 1].gap_after):
        return False
    noun = fold(nouns[0].text)
    return not _is_people(noun) and not noun.endswith(vocab.ALLOCATING_BODIES)


def _not_people_allocated(tokens: list[Token], index: int) -> bool:
    """*Der Kitaplatz wird Ihnen zugewiesen*: the sentence is about no people, so this is
    not the allocation of refugees (*die dem Landkreis zugewiesenen Asylbewerber*, *wenn
    Sie einer Stadt zugewiesen wurden*: the reader in the plural passive)."""
    words = sentence(tokens, index)
    reader_allocated = any(t.text == "Sie" for t in words) and any(
        t.text in vocab.PLURAL_PASSIVE for t in words
    )
    return not reader_allocated and not _names_people(tokens, index)


def _became_customary(tokens: list[Token], index: int) -> bool:
    """*Der Begriff hat sich eingebürgert*: became customary (naturalisation is *sich
    einbürgern lassen*); *die Nilgans ist hier eingebürgert*: a species settled."""
    words = {fold(token.text) for token in clause(tokens, index)}
    return ("sich" in words and not words & vocab.LET) or _of_plants_or_animals(tokens, index)


def _professional_staff(tokens: list[Token], index: int) -> bool:
    """*Fachkräfte aus Kita und Schule*, *sozialpädagogische Fachkraft*, *Fachkraftstellen*,
    *die Fachkraft für Abwassertechnik*, *eine Fachkraft für Migration und Integration des
    Ministeriums*: staff, posts or an occupation's name, not the skilled workers of
    immigration law, who are hinted only in a text about coming from abroad (*Fachkräfte
    aus Drittstaaten*, *als Fachkraft für Lagerlogistik einreisen*)."""
    if fold(tokens[index].text).startswith("fachkraftstelle"):
        return True
    if not _mentions(tokens, vocab.LABOUR_MIGRATION):
        return True
    return _says(tokens, index, vocab.SERVICES) and not _says(tokens, index, vocab.MIGRATION)


def _obstruction(tokens: list[Token], index: int) -> bool:
    """*Behinderungen* in a text about road works (*Verkehrsbehinderungen*, *Sperrung*):
    obstruction, not disability, unless the sentence is about people (*Menschen mit
    Behinderung*)."""
    return _mentions(tokens, vocab.ROAD_WORKS) and not _says(tokens, index, vocab.DISABLED)


def _benefit_renewal(tokens: list[Token], index: int) -> bool:
    """*Weiterbewilligungsantrag (Folgeantrag) auf Bürgergeld*, *Der Zuschuss für das
    zweite Projektjahr muss mit einem Folgeantrag beantragt werden*: the renewal of a
    benefit or a grant, not the follow-up asylum application, which is hinted only in a
    text about the asylum procedure."""
    if not _mentions(tokens, vocab.ASYLUM_PROCEDURE):
        return True
    return _says(tokens, index, vocab.BENEFITS) and not _says(tokens, index, ("asyl", "bamf"))


def _public_hearing(tokens: list[Token], index: int) -> bool:
    """*die öffentliche Anhörung zum Bebauungsplan*, *die Anhörung der Verbände*, *die
    Anhörung zur Ordnungswidrigkeit*, *Von der Anhörung kann abgesehen werden* (in a
    building authority's text): a hearing of a council or parliament, a consultation, a
    court or an authority, not the asylum interview. The interview is hinted only in a
    text about the asylum procedure, and a public or council hearing only where the
    sentence (the text, for fines) speaks of asylum."""
    if not _mentions(tokens, vocab.ASYLUM_PROCEDURE):
        return True
    public = index > 0 and fold(tokens[index - 1].text).startswith("offentlich")
    council = _says(tokens, index, vocab.HEARINGS) or _of_office_holders(tokens, index)
    if (public or council) and not _says(tokens, index, vocab.ASYLUM):
        return True
    return _mentions(tokens, vocab.FINES) and not _mentions(tokens, vocab.ASYLUM)


def _of_office_holders(tokens: list[Token], index: int) -> bool:
    """*die Anhörung der Leiter der Feuerwehren*: bodies or office-holders consulted."""
    if next_word(tokens, index) not in {"der", "des"} or index + 2 >= len(tokens):
        return False
    return fold(tokens[index + 2].text).startswith(vocab.OFFICE_HOLDERS)


def _allocation_compound(tokens: list[Token], index: int) -> bool:
    """*Mittelzuweisung*, *Investitionszuweisungen*, *Personalzuweisung*: allocating
    money or posts. A compound of *Zuweisung* is the allocation of refugees only where
    its first part (*Wohnsitzzuweisung*, *Flüchtlingszuweisung*) or the sentence names
    people or their housing."""
    modifier = fold(tokens[index].text).rsplit("zuweisung", 1)[0]
    if modifier.startswith(vocab.FUNDS_OR_POSTS):
        return True
    if modifier.startswith(vocab.PEOPLE_OR_HOUSING) or any(
        stem in modifier for stem in vocab.PEOPLE
    ):
        return False
    return not _names_people(tokens, index)


def _hearing_compound(tokens: list[Token], index: int) -> bool:
    """*Bürgeranhörung*, *Sachverständigenanhörung*: a hearing of citizens or experts, not
    the asylum interview (*Asylanhörung*), unless the sentence speaks of asylum."""
    modifier = fold(tokens[index].text).rsplit("anhorung", 1)[0]
    return not modifier.startswith("asyl") and not _says(tokens, index, vocab.ASYLUM)


def _complaint(tokens: list[Token], index: int) -> bool:
    """*Klagen über den Zustand der Spielplätze*: complaints, not a lawsuit."""
    return next_word(tokens, index) == "uber"


def _change_of_school(tokens: list[Token], index: int) -> bool:
    """*eine Umschulung an eine andere Grundschule*: moving a pupil to another school,
    not vocational retraining, in a sentence about schools and not about work."""
    return _says(tokens, index, ("schule", "schuler", "klasse")) and not _says(
        tokens,
        index,
        ("beruf", "arbeit", "jobcenter", "agentur", "ausbildung", "bildungsgutschein"),
    )


def _hotel_guests(tokens: list[Token], index: int) -> bool:
    """*Meldeschein* in a text about overnight guests (*Übernachtungsgäste*, *Kurbeitrag*,
    *Touristinfo*): the hotel registration form, not the registration of a residence."""
    return _mentions(tokens, vocab.TOURISM)


def _care_for_the_elderly(tokens: list[Token], index: int) -> bool:
    """*Tagespflege … für die Pflegebedürftigen*: day care for the elderly (long-term care
    insurance), not childminding, in a text about care needs that names no children."""
    return _mentions(tokens, vocab.LONG_TERM_CARE) and not _mentions(tokens, ("kind", "kita"))


def _nativity_scene(tokens: list[Token], index: int) -> bool:
    """*Die Krippe in der Pfarrkirche*, *eine Krippe aus Neapel*, *Krippen und Figuren aus
    250 Jahren*: a nativity scene, not a crèche, in a text about Christmas, a church or an
    exhibition that says nothing about childcare."""
    if _mentions(tokens, vocab.CHILDCARE):
        return False
    return next_word(tokens, index) == "aus" or _mentions(tokens, vocab.CHRISTMAS)


def _contradiction(tokens: list[Token], index: int) -> bool:
    """*steht im Widerspruch zum Plan*, *ein Widerspruch zwischen …*: a contradiction,
    not an objection to a notice (*Widerspruch gegen den Bescheid*)."""
    before = fold(tokens[index - 1].text) if index else ""
    return before in {"im", "in"} or next_word(tokens, index) in {"zu", "zum", "zur", "zwischen"}


def _sanctions_not_benefits(tokens: list[Token], index: int) -> bool:
    """*Sanktionen gegen Russland*: the colloquial *Sanktion* names a cut of benefits
    only in a text about benefits, the Jobcenter or the integration course."""
    return not _mentions(tokens, (*vocab.BENEFITS, "leistung", "integrationskurs", "pflicht"))


def _sponsorship_of_things(tokens: list[Token], index: int) -> bool:
    """*Baumpatenschaft*, *die Patenschaft für das Schiff*: sponsoring a thing, not
    mentoring people, in a sentence that names no people."""
    return not _names_people(tokens, index)


def _outside(domain: tuple[str, ...]) -> SenseCheck:
    """A check for a term whose glossary sense belongs to one domain: the word is used
    in another sense where nothing in the text speaks of that domain (*die Ausweisung
    neuer Baugebiete*: designating building land, not expelling a foreigner)."""

    def check(tokens: list[Token], index: int) -> bool:
        words = [token for token in tokens if not fold(token.text).startswith(vocab.PLACES_TO_STAY)]
        return not _mentions(words, domain)

    return check


def _not_the_centre(tokens: list[Token], index: int) -> bool:
    """*KI* or *KIM* that is neither the Kommunales Integrationszentrum nor the
    Integrationsmanagement: artificial intelligence, or a company or party named in a text
    that says nothing of integration (*Unternehmen wie Protego, BMA, PTB und KIM*)."""
    if fold(tokens[index].text) == "ki" and _artificial_intelligence(tokens, index):
        return True
    around = sentence(tokens, index)
    listed = any(t.text in vocab.PARTIES for t in around) or _says(tokens, index, vocab.COMPANIES)
    return listed and not _mentions(tokens, vocab.INTEGRATION)


def _artificial_intelligence(tokens: list[Token], index: int) -> bool:
    """*KI-gestützte Chatbots*, *Lernen mit KI*, *Künstliche Intelligenz (KI)*: artificial
    intelligence, not the Kommunales Integrationszentrum, which is neuter (*das KI*, *im
    KI*), stands in a list (*Jobcenter und KI*) or in a name (*KI Heinsberg*); a *KI-…*
    compound is the centre's only in a text about integration (*das KI-Team berät
    Zugewanderte*, but *die KI-Richtlinie des Kreises*)."""
    if _mentions(tokens, vocab.AI):
        return True
    if hyphen_after(tokens[index]) and index + 1 < len(tokens):
        following = fold(tokens[index + 1].text)
        return following.startswith(vocab.AI_COMPOUNDS) or not _about_integration(tokens)
    if not index or CLAUSE_END.search(tokens[index - 1].gap_after):
        return False
    before = tokens[index - 1].text
    if fold(before) in vocab.FEMININE_OR_TOPIC:
        return True
    return before.islower() and not (_DETERMINERS.fullmatch(before) or before in vocab.CONJUNCTIONS)


def _about_integration(tokens: list[Token]) -> bool:
    """Whether the text speaks of integration or migration, or names *KIM*."""
    return _mentions(tokens, vocab.INTEGRATION) or any(token.text == "KIM" for token in tokens)


def _names_someone(word: str) -> bool:
    """A noun for people, also a relative or a title (*des Ehemanns*, *der Mutter*)."""
    folded = fold(word)
    return _is_people(word) or folded in vocab.TITLES or vocab.SOMEONE.search(folded) is not None


def _of_plants_or_animals(tokens: list[Token], index: int) -> bool:
    """*die Einbürgerung des Drüsigen Springkrauts*, *der Waschbär ist ein Zuwanderer
    aus Nordamerika*: a species settling in nature, not people, in a sentence about
    plants, animals or nature conservation."""
    return _says(tokens, index, vocab.NATURE)


def _names_people(tokens: list[Token], index: int) -> bool:
    """Whether a word of the sentence around ``index`` names people."""
    return any(_is_people(token.text) for token in sentence(tokens, index))


def _is_people(word: str) -> bool:
    noun = fold(word)
    return noun.endswith(("person", "personen")) or any(stem in noun for stem in vocab.PEOPLE)


def _toleration_of(tokens: list[Token], index: int) -> bool:
    """*keine Duldung von Gewalt*, *zur Duldung der Modernisierungsarbeiten verpflichtet*:
    tolerating something (*von* and a noun without article, or *der/des/einer/eines* and a
    noun naming no people), not the suspension of deportation (*eine Duldung von der
    Ausländerbehörde*, *die Duldung des Ehemanns*)."""
    if next_word(tokens, index) in vocab.GENITIVE_ARTICLES:
        return _of_a_thing(tokens, index)
    return _of_something(tokens, index)


def _of_something(tokens: list[Token], index: int) -> bool:
    """Whether *von* and a noun without article that names no people follow the word
    (*Duldung von Gewalt*, *Abschiebung von Verantwortung*; not *von Familien*)."""
    if next_word(tokens, index) != "von" or index + 2 >= len(tokens):
        return False
    following = tokens[index + 2].text
    folded = fold(following)
    return following[0].isupper() and not (
        _DETERMINERS.fullmatch(folded)
        or folded in vocab.TITLES
        or any(stem in folded for stem in vocab.PEOPLE)
        or folded.endswith(("ern", "innen"))
    )


def _of_a_thing(tokens: list[Token], index: int) -> bool:
    """Whether *der/des/einer/eines* and a noun naming no people follow the word (*die
    Duldung der Bauarbeiten*, *Duldung einer Wasserleitung*, *die Namensänderung der
    Schule*, *der Unterhalt der Grünanlagen*)."""
    noun = _genitive_noun(tokens, index)
    return noun is not None and not _names_someone(noun.text)


def _genitive_noun(tokens: list[Token], index: int) -> Token | None:
    """The noun after *der/des/einer/eines* that follows the word (*die Anmeldung einer
    neuen Wohnung*: *Wohnung*), or None."""
    if next_word(tokens, index) not in vocab.GENITIVE_ARTICLES:
        return None
    return next((token for token in tokens[index + 2 : index + 4] if token.text[0].isupper()), None)


def _of_a_thing_in_another_domain(tokens: list[Token], index: int) -> bool:
    """*die Abschiebung der Verantwortung*, *der Nachzug der Feuerwehr*, *das
    Aufnahmeprogramm der Universität*: something, not people, in a text that says
    nothing else of migration law. A plural in *-er*/*-en* may name a people (*die
    Abschiebung der Syrer*, *der Afghanen*): it counts as people, unless it is a burden
    (*der Kosten*, *der Lasten*)."""
    if _migration_law_elsewhere(tokens, index):
        return False
    if _of_something(tokens, index):
        return True  # die Abschiebung von Verantwortung auf die Städte
    if not _of_a_thing(tokens, index):
        return False
    plural = next_word(tokens, index) == "der" and fold(tokens[index + 2].text)
    if plural in vocab.BURDENS:
        return True  # die Abschiebung der Kosten vom Land auf die Kommunen
    return not (plural and plural.endswith(("er", "en")))


def _figurative_treasury(tokens: list[Token], index: int) -> bool:
    """*Die Bibliothek versteht sich als Hort des Wissens*, *ein Hort der Demokratie*: a
    treasury or refuge, not after-school care (*der Hort der Grundschule*)."""
    before = fold(tokens[index - 1].text) if index else ""
    return before in {"ein", "als", "einen", "einem"} and next_word(tokens, index) in {"des", "der"}


def _shifted_onto_someone(tokens: list[Token], index: int) -> bool:
    """*Die Kosten wurden auf die Mieter abgeschoben*: shifted onto someone, not deported,
    in a text that says nothing else of migration law."""
    onto = "auf" in {fold(token.text) for token in clause(tokens, index)}
    return onto and not _migration_law_elsewhere(tokens, index)


def _migration_law_elsewhere(tokens: list[Token], index: int) -> bool:
    """Whether a word of the text other than the term (*Abschiebung* is itself one)
    speaks of migration law."""
    return _mentions(tokens[:index] + tokens[index + 1 :], vocab.MIGRATION_LAW)


def _other_recognition(tokens: list[Token], index: int) -> bool:
    """*das Anerkennungsverfahren der Berufskrankheit*, *für Kriegsdienstverweigerer*, *als
    Träger der freien Jugendhilfe*, or the asylum procedure: not the recognition of
    foreign qualifications."""
    if _mentions(tokens, vocab.OTHER_RECOGNITIONS):
        return True
    return _mentions(tokens, ("asyl", "bamf")) and not _mentions(tokens, vocab.QUALIFICATIONS)


def _upkeep_or_livelihood(tokens: list[Token], index: int) -> bool:
    """*der Unterhalt der Straßen* (upkeep) or *sein Unterhalt ist gesichert* (livelihood):
    not maintenance payments."""
    return _of_a_thing(tokens, index) or _livelihood(tokens, index)


def _name_of_a_thing(tokens: list[Token], index: int) -> bool:
    """*die Namensänderung der Gemeinschaftsgrundschule*, *für eine Namensänderung ist ein
    Beschluss der Schulkonferenz erforderlich*: renaming a school or a street, not a
    person's change of name."""
    return _of_a_thing(tokens, index) or _says(tokens, index, vocab.RENAMING)


def _more_of_something(tokens: list[Token], index: int) -> bool:
    """*ein Mehrbedarf an Kitaplätzen*: more of something is needed, not the additional
    benefit for special needs."""
    return next_word(tokens, index) == "an"


def _elsewhere(other: tuple[str, ...], unless: tuple[str, ...] = ()) -> SenseCheck:
    """A check for a word with a sense in another domain: the text speaks of that domain
    (``other``) and not of the glossary's (``unless``), as the Ummeldung of a car."""

    def check(tokens: list[Token], index: int) -> bool:
        return _mentions(tokens, other) and not _mentions(tokens, unless)

    return check


def _not_a_registration(tokens: list[Token], index: int) -> bool:
    """*die Liege- beziehungsweise Aufenthaltsbescheinigung* of a hospital, or the
    foreigners office's *vorläufige Aufenthaltsbescheinigung*: an in-patient stay or a
    provisional residence document, not a registration of residence."""
    if index and fold(tokens[index - 1].text).startswith("vorlaufig"):
        return True
    before = tokens[max(0, index - 3) : index]
    if any(
        fold(word.text) == "liege" and word.gap_after.startswith(tuple(HYPHENS)) for word in before
    ):
        return True
    elsewhere = (*vocab.FOREIGNERS_OFFICE, *vocab.HOSPITAL_STAY)
    return _mentions(tokens, elsewhere) and not _mentions(tokens, vocab.REGISTERING_A_HOME)


def _not_of_a_home(tokens: list[Token], index: int) -> bool:
    """*die Anmeldung einer Eheschließung*, *Anmeldungen nimmt die
    Wohnungsvermittlungsstelle entgegen*, the *Anmeldung* to a course or a Kita: not the
    registration of a home, which is hinted only in a text about the registration office
    (*Anmeldung beim Bürgerbüro*), or about moving or a home (*die Anmeldung der neuen
    Wohnung*) that registers nothing else (*die Anmeldung beim Standesamt Ihres
    Wohnsitzes*, *die Grundschule, die der Wohnung am nächsten liegt*, a dog's *Zuzug*)."""
    if next_word(tokens, index) in vocab.GENITIVE_ARTICLES:
        noun = _genitive_noun(tokens, index)
        return noun is None or not fold(noun.text).endswith(vocab.HOMES)
    if _mentions(tokens, vocab.OFFICE_OR_PAPERS_OF_A_HOME):
        return False
    return not _names_a_home(tokens) or _registers_something_else(tokens)


def _names_a_home(tokens: list[Token]) -> bool:
    """A home (*Wohnung*, *Wohnsitz*) or a move (*Umzug*, *Zuzug*, *Auszug*) in the text."""
    words = [fold(token.text) for token in tokens]
    return _has_word(tokens, vocab.HOMES) or any(
        word.startswith(vocab.MOVES) and not word.startswith(vocab.NOT_MOVES) for word in words
    )


def _registers_something_else(tokens: list[Token]) -> bool:
    """A marriage, a dog, a car, a child at a school (see ``OTHER_REGISTRATIONS``)."""
    return _has_word(tokens, vocab.ANIMALS) or _mentions(tokens, vocab.OTHER_REGISTRATIONS)


def _registration_duty_of_something_else(tokens: list[Token], index: int) -> bool:
    """The *Anmeldepflicht* of a dog, a trade or a car, or one in a text that does not
    speak of registering a home."""
    return not _mentions(tokens, vocab.REGISTERING_A_HOME) or _registers_something_else(tokens)


def _change_of_something_else(tokens: list[Token], index: int) -> bool:
    """*die Ummeldung Ihres Fahrzeugs*, *Ummeldung zu Kursen der VHS*, a trade's or a
    waste bin's: not a change of address, unless the text is the registration office's."""
    other = _registers_something_else(tokens) or _mentions(tokens, vocab.VEHICLES_AND_BUSINESSES)
    return other and not _mentions(tokens, vocab.OFFICE_OR_PAPERS_OF_A_HOME)


def _not_of_qualifications(tokens: list[Token], index: int) -> bool:
    """*Dank und Anerkennung*, *die Anerkennung als Flüchtling*, *die Anerkennung von
    Studienleistungen*, a vhs's *Anerkennung* as an institution: appreciation, a protection
    status or another recognition, not the recognition of foreign qualifications, which is
    hinted only in a text about occupations, qualifications or certificates, not about
    asylum, and about nothing else recognised unless it says *ausländisch*."""
    if not _mentions(tokens, vocab.QUALIFICATIONS) or _mentions(tokens, vocab.ASYLUM):
        return True
    foreign = _mentions(tokens, vocab.FOREIGN_QUALIFICATIONS)
    return _mentions(tokens, vocab.OTHER_THINGS_RECOGNISED) and not foreign


def _always(tokens: list[Token], index: int) -> bool:
    """A word that only looks like a term: a compound (*Duldungspflicht*, the owner's duty
    to tolerate works on their land, has nothing to do with a *Duldung*) or a form the
    term never takes (*Unterhalten*: the verb, not the payments)."""
    return True


def _services(tokens: list[Token], index: int) -> bool:
    """*ihre Bürgerservices digital anbieten*: services; the office is *der Bürgerservice*,
    *des Bürgerservices*."""
    return not index or fold(tokens[index - 1].text) not in {"des", "eines"}


def _for_a_club(tokens: list[Token], index: int) -> bool:
    """*Der Schützenverein erhält für seine Vereinsräume einen Mietzuschuss der Gemeinde*:
    a grant to a club, not the housing benefit (also called *Mietzuschuss*)."""
    words = [fold(token.text) for token in tokens]
    return any(word.endswith(("verein", "vereine")) or word.startswith("vereins") for word in words)


def _return_from_elsewhere(tokens: list[Token], index: int) -> bool:
    """*Nach der Rückkehr aus der Elternzeit*, *Urlaubsrückkehrer*: a return from a holiday
    or to work, not a migrant's return, which is hinted only in a text about countries of
    origin, departure or asylum (*die freiwillige Rückkehr in das Herkunftsland*)."""
    if fold(tokens[index].text).startswith("ruckkehrberat"):
        return False  # Rückkehrberatung is a concept of its own
    return not _mentions(tokens, vocab.RETURN_OF_MIGRANTS)


def _distribution_of_something_else(tokens: list[Token], index: int) -> bool:
    """*die Verteilung der Lebensmittel an Geflüchtete*, *die Verteilung der Kosten*, *die
    Sitzverteilung*: not the distribution of asylum seekers, which is hinted only in a text
    about refugees and where they are sent (*die Verteilung auf die Kommunen*)."""
    if fold(tokens[index].text).startswith(("erstverteilung", "umverteilung", "verteilungsbesch")):
        return False  # concepts of their own, or a Bescheid
    if _starts_a_word(tokens, vocab.GOODS_AND_MONEY):
        return True
    return not (_mentions(tokens, vocab.REFUGEES) and _mentions(tokens, vocab.DISTRIBUTION_TARGETS))


def _not_refugees_distributed(tokens: list[Token], index: int) -> bool:
    """*Die Asylsuchenden werden auf die Kommunen verteilt* is the distribution of asylum
    seekers: a passive sentence that names refugees and where they are sent; *die verteilten
    Flüchtlinge*: the refugees right after it. *Flyer werden an alle Haushalte verteilt*, *die
    Flüchtlinge sind über das Stadtgebiet verteilt*, *eine verteilte Unterbringung*: not."""
    if fold(tokens[index].text) != "verteilt":  # die auf das Stadtgebiet verteilte Unterbringung
        following = fold(tokens[index + 1].text) if index + 1 < len(tokens) else ""
        return not following.startswith(vocab.REFUGEES)
    words = sentence(tokens, index)
    if not _has_word(words, vocab.PASSIVE_AUXILIARIES):
        return True
    if _starts_a_word(words, vocab.GOODS_AND_MONEY):
        return True
    return not (_mentions(words, vocab.REFUGEES) and _mentions(words, vocab.DISTRIBUTION_TARGETS))


def _life_in_germany_in_general(tokens: list[Token], index: int) -> bool:
    """*eine Aufenthaltserlaubnis zum Leben in Deutschland*: living here, not the test
    *„Leben in Deutschland“*, which a text names beside a test, an exam or the course."""
    return not _mentions(tokens, vocab.TESTS_OF_THE_COURSE)


def _protection_rating(tokens: list[Token], index: int) -> bool:
    """*Leuchten der Schutzart IP 44*: a device's protection rating, not a form of
    protection the BAMF grants."""
    if next_word(tokens, index).startswith("ip"):
        return True
    return _mentions(tokens, vocab.IP_RATINGS) and not _mentions(tokens, vocab.ASYLUM)


def _figurative_basic_law(tokens: list[Token], index: int) -> bool:
    """*Fairness ist das Grundgesetz unseres Vereins*, *das Grundgesetz des Fußballs*: a first
    principle, not the constitution (*das Grundgesetz der Bundesrepublik Deutschland*)."""
    following = next_word(tokens, index)
    if following in vocab.POSSESSIVES:
        return True
    if following not in {"des", "der"} or index + 2 >= len(tokens):
        return False
    return not fold(tokens[index + 2].text).startswith(("bundes", "deutsch", "brd"))


_inclusive_course = _elsewhere(vocab.SPORT_AND_DISABILITY, unless=vocab.LEARNING_GERMAN)


def _inclusive_or_animal_course(tokens: list[Token], index: int) -> bool:
    """*der Integrationskurs des Schwimmvereins für Kinder mit und ohne Behinderung*, *die
    Hundeschule bietet einen Integrationskurs für Welpen an*: inclusion or socialising
    puppies, not the integration course for immigrants."""
    return _about_animals(tokens, index) or _inclusive_course(tokens, index)


def _video_format(tokens: list[Token], index: int) -> bool:
    """*alte VHS-Kassetten*, *ein VHS-Rekorder*: the video format, not the Volkshochschule."""
    if not hyphen_after(tokens[index]) or index + 1 >= len(tokens):
        return False
    return fold(tokens[index + 1].text).startswith(vocab.VIDEO_TAPES)


def _about_animals(tokens: list[Token], index: int) -> bool:
    """*Das Tierheim sucht Pflegefamilien für Katzen*, *ein Asyl für Igel*: animals."""
    return _has_word(tokens, vocab.ANIMALS) or _mentions(tokens, vocab.ANIMAL_STEMS)


def _of_animals(tokens: list[Token], index: int) -> bool:
    """*Diese Lieferung wird für die Impfung der Schafe und Ziegen verwendet*, *Impfpflicht für
    Rinder, Schafe und Ziegen*: vaccinating animals, in a text that names animals, livestock or
    a vet and says nothing of vaccinating people (a Kita, a school, measles, a patient)."""
    animals = _has_word(tokens, vocab.ANIMALS) or _starts_a_word(tokens, vocab.LIVESTOCK)
    return animals and not _mentions(tokens, vocab.VACCINATING_PEOPLE)


def _says(tokens: list[Token], index: int, stems: tuple[str, ...]) -> bool:
    """Whether a word of the sentence around ``index`` contains one of the (folded) stems."""
    return any(stem in fold(token.text) for token in sentence(tokens, index) for stem in stems)


def _mentions(tokens: list[Token], stems: tuple[str, ...]) -> bool:
    """Whether a word of the text contains one of the (folded) stems."""
    return any(stem in fold(token.text) for token in tokens for stem in stems)


def _starts_a_word(tokens: list[Token], stems: tuple[str, ...]) -> bool:
    """Whether a word of the text begins with one of the (folded) stems (*Kosten*, not
    *Interessen*)."""
    return any(fold(token.text).startswith(stems) for token in tokens)


def _has_word(tokens: list[Token], words: Collection[str]) -> bool:
    """Whether one of the (folded) words is a word of the text."""
    return any(fold(token.text) in words for token in tokens)


def _adjective_forms(word: str) -> tuple[str, ...]:
    """A (folded) participle with its adjective endings."""
    return tuple(word + ending for ending in ADJECTIVE_ENDINGS)


_SENSE_CHECKS: dict[str, SenseCheck] = {
    **dict.fromkeys(("kreis", "kreise"), _group_not_district),
    **dict.fromkeys(("ki", "kim"), _not_the_centre),
    **dict.fromkeys(("antrag", "antrage", "antrages", "antrags", "antragen"), _council_motion),
    "bescheid": _let_know,
    **dict.fromkeys(("termin", "termine", "termins", "terminen"), _date_of_something),
    "unterhalt": _upkeep_or_livelihood,
    "visum": _elsewhere(vocab.BOOKKEEPING, unless=vocab.ENTRY),
    "bmi": _elsewhere(vocab.BODY_MEASURES, unless=("ministerium",)),
    "verfahrensberatung": _elsewhere(vocab.PERMITS, unless=vocab.ASYLUM),
    "ersatzbescheinigung": _elsewhere(vocab.WAGE_TAX, unless=("krankenkasse", "versichert")),
    **dict.fromkeys(("mietzuschuss", "mietzuschusses", "mietzuschusse"), _for_a_club),
    "unterhalten": _always,  # das Anpflanzen und Unterhalten von Bäumen: a verb
    "duldung": _toleration_of,
    **dict.fromkeys(("auflage", "auflagen"), _edition),
    **dict.fromkeys(("gestattung", "gestattungen"), _restaurant_permit),
    **dict.fromkeys(("zuweisung", "zuweisungen"), _allocation_of_things),
    **dict.fromkeys(_adjective_forms("zugewiesen"), _not_people_allocated),
    **dict.fromkeys(_adjective_forms("verteilt"), _not_refugees_distributed),
    **dict.fromkeys((*_adjective_forms("eingeburgert"), "einburgern"), _became_customary),
    **dict.fromkeys(
        ("fachkraft", "fachkrafte", "fachkraften", "fachkraftstelle", "fachkraftstellen"),
        _professional_staff,
    ),
    **dict.fromkeys(("behinderung", "behinderungen"), _obstruction),
    **dict.fromkeys(
        ("folgeantrag", "folgeantrage", "folgeantrags", "folgeantrages"), _benefit_renewal
    ),
    **dict.fromkeys(("anhorung", "anhorungen"), _public_hearing),
    **dict.fromkeys(("krippe", "krippen"), _nativity_scene),
    "tagespflege": _care_for_the_elderly,
    **dict.fromkeys(
        (
            *("einburgerung", "zuwanderer", "zuwanderern", "zuwanderers"),
            *("einwanderer", "einwanderern", "zuwanderung"),
        ),
        _of_plants_or_animals,
    ),
    **dict.fromkeys(
        ("abschiebung", "nachzug", "schutzform", "aufnahmeprogramm", "aufnahmevereinbarung"),
        _of_a_thing_in_another_domain,
    ),
    "abgeschoben": _shifted_onto_someone,
    **dict.fromkeys(("hort", "horts"), _figurative_treasury),
    **dict.fromkeys(
        ("teilnahmeberechtigung", "teilnahmeberechtigungen"),
        _elsewhere(vocab.PRIZE_DRAWS, unless=vocab.INTEGRATION_COURSES),
    ),
    **dict.fromkeys(
        ("orientierungskurs", "orientierungskurse", "orientierungskurses", "orientierungskursen"),
        _elsewhere((*vocab.UNIVERSITIES, *vocab.ORIENTEERING), unless=vocab.INTEGRATION_COURSES),
    ),
    "widerspruch": _contradiction,
    **dict.fromkeys(("klage", "klagen"), _complaint),
    **dict.fromkeys(("umschulung", "umschulungen"), _change_of_school),
    **dict.fromkeys(("sanktion", "sanktionen"), _sanctions_not_benefits),
    **dict.fromkeys(("duldungspflicht", "duldungspflichten"), _always),
    **dict.fromkeys(("namensanderung", "namensanderungen"), _name_of_a_thing),
    **dict.fromkeys(("mehrbedarf", "mehrbedarfe"), _more_of_something),
    **dict.fromkeys(
        ("anerkennungsverfahren", "anerkennungsverfahrens"),
        _other_recognition,
    ),
    **dict.fromkeys(
        ("meldebescheinigung", "meldebescheinigungen"),
        _elsewhere(vocab.SOCIAL_INSURANCE_REPORTS, unless=vocab.REGISTERING_A_HOME),
    ),
    **dict.fromkeys(
        ("bedarfsanzeige", "bedarfsanzeigen"), _elsewhere(vocab.ROADS, unless=vocab.CHILDCARE)
    ),
    "burgerservices": _services,
    "nebenkosten": _elsewhere(vocab.BUILDING_COSTS, unless=("miet", "wohn", "unterkunft", "heiz")),
    **dict.fromkeys(
        ("asyl", "pflegefamilie", "pflegefamilien", "pflegeeltern", "bleiberecht"), _about_animals
    ),
    "aufenthaltserlaubnis": _about_animals,
    "freizugigkeit": _elsewhere(vocab.CLOTHES_AND_MORALS, unless=vocab.FREE_MOVEMENT),
    **dict.fromkeys(("grundgesetz", "grundgesetzes"), _figurative_basic_law),
    "schutzart": _protection_rating,
    "hfk": _elsewhere(vocab.FOOTBALL, unless=vocab.MIGRATION_LAW),
    **dict.fromkeys(
        ("einstufungstest", "einstufungstests"),
        _elsewhere(vocab.MUSIC_AND_SPORT, unless=vocab.LEARNING_GERMAN),
    ),
    **dict.fromkeys(
        ("aufenthaltskarte", "aufenthaltskarten"),
        _elsewhere(vocab.ADMISSION_TICKETS, unless=vocab.EU_FAMILIES),
    ),
    **dict.fromkeys(
        ("migrationsberatung", "migrationsberatungen"),
        _elsewhere(vocab.DATA_MIGRATION, unless=(*vocab.NEWCOMERS, *vocab.ASYLUM, "auslander")),
    ),
    **dict.fromkeys(
        ("geldleistung", "geldleistungen", "sachleistung", "sachleistungen"),
        _elsewhere(vocab.CLUB_SUPPORT, unless=vocab.BENEFIT_CLAIMS),
    ),
    **dict.fromkeys(
        ("herkunftsland", "herkunftslandes", "herkunftslands", "herkunftslander"),
        _elsewhere(vocab.GOODS_OF_ORIGIN, unless=vocab.PEOPLE_OF_ORIGIN),
    ),
    **dict.fromkeys(("ummeldung", "ummeldungen"), _change_of_something_else),
    **dict.fromkeys(
        ("bezahlkarte", "bezahlkarten"), _elsewhere(vocab.CANTEEN, unless=vocab.MIGRATION_LAW)
    ),
    **dict.fromkeys(
        ("verpflichtungserklarung", "verpflichtungserklarungen"),
        _elsewhere(vocab.TENDERS_AND_STAFF, unless=vocab.VISITS),
    ),
    **dict.fromkeys(
        ("grundleistung", "grundleistungen"), _elsewhere((*vocab.ARCHITECTS, *vocab.FEES))
    ),
    **dict.fromkeys(
        ("meldepflicht", "meldepflichten"),
        _elsewhere(vocab.OTHER_DUTIES_TO_REPORT, unless=vocab.REGISTRATION_OFFICE),
    ),
    "vhs": _video_format,
    **dict.fromkeys(
        ("integrationskurs", "integrationskurse", "integrationskurses", "integrationskursen"),
        _inclusive_or_animal_course,
    ),
    **dict.fromkeys(
        ("aufenthaltsbescheinigung", "aufenthaltsbescheinigungen"), _not_a_registration
    ),
    **dict.fromkeys(("geduldet", *_adjective_forms("geduldet")), _of_nobody_outside_migration_law),
    **dict.fromkeys(("anmeldung", "anmeldungen", "abmeldung", "abmeldungen"), _not_of_a_home),
    **dict.fromkeys(("anerkennung", "anerkennungen"), _not_of_qualifications),
    **dict.fromkeys(
        (
            *("gemeinschaftsunterkunft", "gemeinschaftsunterkunfte", "gemeinschaftsunterkunften"),
            *("sammelunterkunft", "sammelunterkunfte", "sammelunterkunften"),
        ),
        _elsewhere(vocab.WORKERS_OR_TROOPS, unless=vocab.MIGRATION_LAW),
    ),
    **dict.fromkeys(
        ("wahlrecht", "wahlrechte", "wahlrechts", "wahlrechtes"),
        _elsewhere(vocab.CHOICE_OF_A_FUND_OR_OPTION, unless=vocab.ELECTIONS),
    ),
    **dict.fromkeys(
        ("erstuntersuchung", "erstuntersuchungen"),
        _elsewhere(vocab.YOUNG_WORKERS, unless=("asyl", "bamf", "fluchtling", "gefluchtet")),
    ),
    **dict.fromkeys(("impfung", "impfungen", "impfpflicht", "impfpflichten"), _of_animals),
    "kaution": _elsewhere(vocab.CRIMINAL_CUSTODY, unless=vocab.RENT),
    **dict.fromkeys(
        ("abmahnung", "abmahnungen"),
        _elsewhere(vocab.COPYRIGHT_AND_COMPETITION, unless=vocab.LANDLORD_OR_EMPLOYER),
    ),
    **dict.fromkeys(
        ("hausordnung", "hausordnungen"),
        _elsewhere(vocab.PUBLIC_BUILDINGS, unless=(*vocab.RENT, "nachbar", "hausverwalt")),
    ),
    **{
        word: _outside(domain)
        for words, domain in vocab.DOMAIN_OF_A_SENSE.items()
        for word in words
    },
}
"""Folded word → the test for its everyday sense (rule 10)."""
_PHRASE_CHECKS: dict[str, SenseCheck] = {
    "bildung und teilhabe": _education_in_general,
    "allgemeine meldepflicht": _hotel_guests,
    "internationale klasse": _world_class,
    "leben in deutschland": _life_in_germany_in_general,
    "vorubergehender schutz": _elsewhere(vocab.FENCES_AND_COVERS, unless=vocab.MIGRATION_LAW),
}
"""Folded multi-word term → the test for its other sense."""
_COMPOUND_STARTS: tuple[tuple[str, SenseCheck], ...] = (
    ("pflegegeld", _foster_or_childminder_allowance),
    ("meldeschein", _hotel_guests),
    ("gestattungs", _outside(vocab.MIGRATION_LAW)),  # Gestattungsantrag: a permit, of a restaurant
    ("versetzung", _outside(vocab.PUPILS)),
    ("betriebskosten", _outside(vocab.RENT)),
    ("karenzzeit", _outside((*vocab.BENEFITS, "vermogen", "wohnkost", "heizkost", "sgb"))),
    ("uberstell", _outside(vocab.DUBLIN)),
    ("seiteneinsteiger", _elsewhere(vocab.TEACHERS, unless=vocab.NEW_PUPILS)),
    ("integrationsklasse", _elsewhere(vocab.DISABILITY, unless=vocab.NEWCOMERS)),
    ("integrationsfachkr", _elsewhere(vocab.DISABILITY, unless=(*vocab.NEWCOMERS, "jobcenter"))),
    ("anmeldepflicht", _registration_duty_of_something_else),
    ("unterhaltspflicht", _elsewhere(vocab.WATERS_AND_ROADS, unless=vocab.RELATIVES)),
    ("antrag", _council_motion),  # Antragsteller, Antragstellung in a council's minutes
    ("anhorungs", _elsewhere(vocab.COURTS, unless=vocab.ASYLUM_PROCEDURE)),  # court hearing dates
    ("ruckkehr", _return_from_elsewhere),
    ("verteilung", _distribution_of_something_else),
)
"""Beginning of a folded word → the test for its compounds' everyday sense."""
_COMPOUND_ENDS: tuple[tuple[tuple[str, ...], SenseCheck], ...] = (
    (("patenschaft", "patenschaften"), _sponsorship_of_things),
    (("zuweisung", "zuweisungen"), _allocation_compound),
    (("anhorung", "anhorungen"), _hearing_compound),
    (
        ("ruckkehr", "ruckkehrer", "ruckkehrern", "ruckkehrende", "ruckkehrenden"),
        _return_from_elsewhere,
    ),
    (("verteilung", "verteilungen"), _distribution_of_something_else),
)
"""Endings of a folded word → the test for its compounds' everyday sense."""
