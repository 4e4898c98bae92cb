"""The words the sense checks of :mod:`.senses` look for (rule 10 of :mod:`.matcher`).

A tuple holds folded stems (lower case, umlauts without dots, ``ß`` as ``ss``): a word of
the text counts if it contains one. A frozenset holds whole folded words, a regular
expression says what it matches. Adding a word here changes what a check sees; the checks
themselves, and which glossary words they test, are in :mod:`.senses`.
"""

from __future__ import annotations

import re

PEOPLE = (
    "fluchtling",
    "gefluchtet",
    "asyl",
    "aussiedler",
    "schutz",
    "auslander",
    "zugewandert",
    "zuwander",
    "migrant",
    "mensch",
    "familie",
    "bewerber",
    "antragsteller",
    "minderjahrig",
)
PLURAL_PASSIVE = frozenset({"werden", "wurden", "worden"})
PASSIVE_AUXILIARIES = frozenset({*PLURAL_PASSIVE, "wird", "wurde"})
LET = frozenset({"lassen", "lasse", "lasst", "liess", "liessen", "gelassen"})
SECURED = re.compile(
    r"(?:ge)?sicher(?:n|t|te|ten|ung|stellen|gestellt|zustellen)?|bestr(?:eiten|eitet|itten)"
)
EDITION_WORDS = frozenset(
    {"erste", "ersten", "zweite", "zweiten", "dritte", "dritten", "vierte", "vierten"}
    | {"neue", "neuen", "aktualisierte", "aktualisierten", "uberarbeitete", "uberarbeiteten"}
    | {"erweiterte", "erweiterten"}
)
OFFICES = ("amt", "behorde", "buro", "stelle", "center", "zentrum", "dienst", "verwaltung")
RESTAURANT_ACT = ("gaststatt", "ausschank", "alkohol", "getrank", "schankerlaubnis")
CHILDMINDING_OR_FOSTER_CARE = (
    "tagespflege",
    "tagesmutter",
    "tagesvater",
    "pflegekind",
    "pflegeeltern",
    "pflegefamilie",
    "vollzeitpflege",
)
TITLES = frozenset({"herrn", "frau", "personen", "kindern", "eltern"})
SERVICES = (
    "kita",
    "kindertages",
    "schule",
    "schulen",
    "ganztag",
    "jugendhilfe",
    "jugendamt",
    "padagog",
    "sozialarbeit",
    "erzieh",
    "lehrkraft",
    "lehrkrafte",
    "fortbildung",
    "berat",
    "gewalt",
)
COUNCIL_BODIES = (
    "fraktion",
    "fraktionen",
    "rat",
    "rates",
    "rats",
    "ausschuss",
    "ausschusses",
    "beirat",
    "beirates",
    "kreistag",
    "kreistages",
    "vertretung",
)
ISSUED_PAPERS = ("bescheinigung", "ausweis", "reisepass", "urkunde", "visum", "titel", "erlaubnis")
"""Documents whose *Ausstellung* is their issue, not an exhibition."""
EVENTS = (
    "elternabend",
    "informationsabend",
    "einschulung",
    "lesung",
    "fest",
    "abfuhr",
    "sammlung",
    "kalender",
    "schulung",
    "veranstaltung",
    "training",
    "seminar",
    "workshop",
    "konzert",
    "ausstellung",
    "fachaustausch",
    "abgesagt",
    "verschoben",
    "fertigstellung",
    "freigabe",
    "ubung",
    "dienstabend",
    "sitzung",
    "besprechung",
    "begehung",
    "baubeginn",
    "eroffnung",
    "inbetriebnahme",
    "interkulturell",
    "ikw",
)
SERIES = frozenset(
    {
        *("zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn", "zwolf"),
        *("zweiten", "dritten", "vierten", "funften", "sechsten", "abschliessenden"),
        "anderen",
    }
)
"""Words that count a series' dates before *Termin(en)*: *an sechs Terminen*, *beim vierten
Termin*, *zu anderen Terminen* (the sessions of a course, not appointments)."""
OFFERS = ("teilnehmer", "treffpunkt", "fuhrung", "rundgang")
"""Fields of a tour or course on offer, listed beside its *Termin:* (a date, not an appointment)."""
ANNOUNCED = (
    "bekannt",
    "mitgeteilt",
    "ausgehangt",
    "veroffentlicht",
    "abrufbar",
    "folgt",
    "vorbehalten",
    "festgesetzt",
    "abgedruckt",
    "abgesagt",
    "verschoben",
    "koordiniert",
    "abgegeben",
    "eingetragen",
)
COUNCIL_MEETING = (
    "gemeinderat",
    "stadtrat",
    "stadtrate",
    "kreistag",
    "sitzung",
    "tagesordnung",
    "abstimm",
    "abgestimmt",
    "enthaltung",
    "beschlussvorlage",
    "beschlossen",
    "fraktion",
    "wortmeldung",
    "vertagt",
    "abgesetzt",
    "ratsmitglied",
    "beschluss",
    "einstimmig",
    "gegenstimm",
    "fraktionsubergreif",
    "ratsherr",
    "ratsfrau",
    "kreistagsabgeordnet",
    "beigeordnet",
    "gemeindevertret",
    "fachausschuss",
    "verwaltungsausschuss",
    "hauptausschuss",
    "finanzausschuss",
    "bauausschuss",
    "sozialausschuss",
)
PARTIES = frozenset(
    {"SPD", "CDU", "CSU", "FDP", "AfD", "GRÜNE", "Grüne", "Grünen", "LINKE", "Linke", "Linken"}
)
SET_IN_A_CIRCLE = ("aufstell", "aufgestell", "angeordnet")
"""Verbs of chairs or tables set in a circle (*die Stühle werden im Kreis aufgestellt*)."""
IN_A_CIRCLE = (
    *("sitz", "sass", "steh", "stand", "treff", "tanz", "dreh", "setz", "stuhl"),
    *SET_IN_A_CIRCLE,
)
"""Words of people or chairs in a circle (*sie sitzen im Kreis*), not in a district."""
SMALL_GROUP = (
    *("klein", "eng", "privat", "familiar", "vertraut", "erweitert", "auserwahlt"),
    *("bestimmt", "gewiss", "weit", "gegrundet", "gebildet", "offen"),
)
BOOKED = ("vereinbar", "buch", "reservier")
BOOKING = (*BOOKED, "beratung", "sprechstunde", "behorde")
OFFICE = re.compile(r"(?<!ges)amt(?:e?s)?$")
"""An office (*beim Amt*, *des Jugendamtes*), not *insgesamt*."""
HEARINGS = (
    "bebauungsplan",
    "bauleitplan",
    "planfeststellung",
    "ausschuss",
    "landtag",
    "bundestag",
    "satzung",
    "stadtrat",
    "gemeinderat",
)
ASYLUM = ("asyl", "bamf", "fluchtling", "gefluchtet", "schutz")
PEOPLE_OR_HOUSING = ("wohn", "schul", "kita", "erst", "person", "quote")
FUNDS_OR_POSTS = ("mittel", "schlussel", "finanz", "landes", "stellen", "personal", "haushalts")
BENEFITS = (
    "burgergeld",
    "jobcenter",
    "weiterbewilligung",
    "bewilligungszeitraum",
    "wohngeld",
    "sozialhilfe",
    "grundsicherung",
    "kindergeld",
    "kinderzuschlag",
    "elterngeld",
    "bafog",
    "unterhaltsvorschuss",
)
ROAD_WORKS = (
    "bauarbeit",
    "baustelle",
    "baumassnahme",
    "sperrung",
    "gesperrt",
    "umleitung",
    "verkehr",
    "fahrbahn",
)
DISABLED = ("mensch", "person", "kind", "schwerbehindert", "inklusion", "barrierefrei")
MIGRATION = (
    "einwander",
    "zuwander",
    "ausland",
    "drittstaat",
    "aufenthalt",
    "visum",
    "einreise",
    "anerkennung",
    "migration",
    "arbeitsmarkt",
    "beschaftigung",
)
MIGRATION_LAW = (
    "ausland",
    "aufenthalt",
    "abschieb",
    "asyl",
    "fluchtling",
    "gefluchtet",
    "ausreise",
    "staatsangehorig",
    "visum",
    "einreise",
    "bamf",
    "migration",
    "duldung",
    "herkunft",
    "dublin",
    "zuwander",
    "schutzberecht",
    "subsidiar",
    "resettlement",
    "ruckkehr",
)
ASYLUM_PROCEDURE = (
    *MIGRATION_LAW,
    "bundesamt",
    "flucht",
    "erstaufnahme",
    "anker",
    "schutzsuch",
    "verfolg",
    "dolmetsch",
    "entscheider",
)
"""What a text about the asylum procedure names: without one of these words, an
*Anhörung* or a *Residenzpflicht* belongs to another procedure (a court, a building
authority, a mayor's duty to live in the town)."""
INFECTION_PROTECTION = (
    *("infektionsschutz", "ifsg", "masern", "impf", "hygiene", "gesundheitsamt", "medizin"),
    *("kita", "kinder", "schul", "erzieh"),
)
"""What a text about the Infection Protection Act's *Gemeinschaftseinrichtungen* (Kita,
school) names; *kommunale Gemeinschaftseinrichtungen* of NRW house refugees."""
DOMAIN_OF_A_SENSE = {
    ("gemeinschaftseinrichtung", "gemeinschaftseinrichtungen"): INFECTION_PROTECTION,
    ("residenzpflicht", "residenzpflichten"): ASYLUM_PROCEDURE,
    ("ausweisung", "ausweisungen"): (*MIGRATION_LAW, "straf", "verstoss", "gefahrdung"),
    ("ruckfuhrung", "ruckfuhrungen"): (*MIGRATION_LAW, "heimat"),
    ("umverteilung",): (*MIGRATION_LAW, "landesintern", "landerubergreif", "wohnsitz"),
    ("neuansiedlung", "neuansiedlungen"): MIGRATION_LAW,
    ("schutzstatus",): MIGRATION_LAW,
    ("erstorientierung",): ("kurs", "modul", "unterricht", "teilnehm"),
    ("potenzialanalyse", "potentialanalyse", "potenzialanalysen", "potentialanalysen"): (
        "schul",
        "beruf",
        "kaoa",
        "jugend",
        "ausbildung",
        "klasse",
    ),
    ("bereitschaftsdienst", "bereitschaftsdienstes", "bereitschaftsdienste"): (
        "arzt",
        "arztlich",
        "116117",
        "praxis",
        "apothek",
        "krank",
        "notfall",
        "medizin",
    ),
    ("erstausstattung", "erstausstattungen"): (
        "wohnung",
        "bekleid",
        "schwanger",
        "geburt",
        "baby",
        "jobcenter",
        "burgergeld",
        "sozial",
        "leistung",
        "hausrat",
    ),
}
"""Words whose glossary sense is one of several: the domain their text must speak of."""
BUDGET = ("steuer", "umlage", "haushalt", "ansatz", "euro", "finanz")
ALLOCATING_BODIES = ("amt", "amtes", "amts", "behorde", "ministerium", "ministeriums", "land")
SOMEONE = re.compile(
    r"(?:mann|frau|mutter|vater|kind|sohn|tochter|eltern(?:teil)?|herr|partner"
    r"|betroffen|jahrig|angehorig|beteiligt|berechtigt|burger|einwohner|bewohner|schuler"
    r"|inhaber|kunde|patient)(?:e|es|s|er|ern|n|en|in|innen)?$"
)
"""A person or a relative as the head of a (folded) noun: *Ehemanns*, *Kinder*,
*23-Jährigen*, *Betroffenen*; not *Kinderarbeit*."""
NATURE = (
    "pflanz",
    "fisch",
    "zugvog",
    "neophyt",
    "neozo",
    "invasiv",
    "waschbar",
    "naturschutz",
    "artenschutz",
    "springkraut",
    "wildtier",
    "tierart",
    "insekt",
    "nutria",
    "okosystem",
    "gans",
    "vogel",
    "saugetier",
    "wolfe",
)
"""Words of a sentence about species settling in nature (no place names: *Waldbröl*,
*Westerwald*, *Wolfsburg*, *Vogelsberg*)."""
FINES = ("ordnungswidrig", "bussgeld", "verwarn", "tatvorwurf", "verkehrsverstoss")
OFFICE_HOLDERS = (
    *("leiter", "trager", "verband", "verbande", "gemeinden", "kommunen", "personalrat"),
    *("feuerwehr", "beirat", "beirate", "ausschuss", "sachverstandig", "kammer"),
)
TOURISM = (
    "ubernachtung",
    "kurtaxe",
    "kurbeitrag",
    "gastebeitrag",
    "tourist",
    "hotel",
    "ferienwohnung",
    "beherberg",
    "urlaub",
    "mitreis",
    "gastgeber",
    "kurverwaltung",
)
LONG_TERM_CARE = (
    *("pflegebedurft", "senior", "pflegegrad", "pflegekasse", "demenz", "pflegend"),
    *("angehorig", "gaste", "betreutem", "betreutes"),
)
CHRISTMAS = (
    "weihnacht",
    "advent",
    "kirche",
    "krippenspiel",
    "jesus",
    "christ",
    "heilig",
    "belebt",
    "lebend",
    "ausstell",
    "figur",
    "sternsinger",
    "museum",
    "sammler",
    "geschnitzt",
    "hergestellt",
)
CHILDCARE = ("kita", "kind", "betreu", "eltern", "platz", "u3", "gruppe")
AI = ("kunstlich", "intelligenz", "chatbot", "chatgpt", "algorithm", "sprachmodell", "maschinell")
AI_COMPOUNDS = (
    "gestutzt",
    "basiert",
    "generiert",
    "tool",
    "anwendung",
    "system",
    "modell",
    "chatbot",
    "assistent",
    "software",
    "technolog",
    "kompetenz",
    "verordnung",
    "einsatz",
    "nutzung",
    "losung",
    "strategie",
    "bild",
    "text",
)
"""Second parts of *KI-…* compounds that mean artificial intelligence."""
COMPANIES = ("unternehm", "firma", "firmen", "fraktion", "partei", "aussteller", "sponsor")
INTEGRATION = (
    "integration",
    "zuwander",
    "zugewandert",
    "migra",
    "gefluchtet",
    "fluchtling",
    "asyl",
)
FEMININE_OR_TOPIC = frozenset({"eine", "einer", "keine", "thema", "themen"})
"""Words before *KI* that make it artificial intelligence (the centre is *ein KI*)."""
CONJUNCTIONS = frozenset({"und", "oder", "sowie", "bzw", "beziehungsweise"})
PLACES_TO_STAY = ("aufenthaltsqualitat", "aufenthaltsraum", "aufenthaltsbereich")
"""Words about a place to linger, not a foreigner's residence (*Aufenthaltsqualität*)."""
QUALIFICATIONS = (
    *("beruf", "abschluss", "qualifikation", "zeugnis", "gleichwertig"),
    *("anerkennungsstelle", "anerkennungsberatung", "anerkennungsantr", "handwerkskammer"),
)
"""Words of a text about recognising foreign qualifications."""
FOREIGN_QUALIFICATIONS = (
    *("auslandisch", "ausland", "anerkennungsgesetz", "bqfg", "gleichwertigkeit"),
    *("anerkennungsstelle", "anerkennungsberatung"),
)
"""… words only such a text has."""
OTHER_THINGS_RECOGNISED = (
    *("studienleistung", "leistungspunkt", "studiengang", "fachsemester", "zertifiziert"),
    *("bildungsurlaub", "bildungszeit", "weiterbildungsgesetz", "awbg", "gemeinnutzig"),
    *("schwerbehind", "dank", "wertschatzung", "ehrenamt", "engagement"),
)
"""Words of other recognitions: of credits, an institution, a disability, or thanks."""
GENITIVE_ARTICLES = frozenset({"der", "des", "einer", "eines"})
"""Articles of a genitive: *die Duldung der/einer …*."""
RENAMING = ("schulkonferenz", "schultrager", "umbenenn", "strasse", "schule")
ANIMALS = frozenset(
    {"tier", "tiere", "tieren", "hund", "hunde", "hunden", "hundes", "igel", "igeln"}
    | {"storch", "storche", "storchen", "vogel", "katzen", "pferde"}
)
ANIMAL_STEMS = ("tierheim", "tierschutz", "haustier", "katze", "kater", "welpe", "gnadenhof")
PUPILS = (
    *("klasse", "jahrgang", "schuljahr", "zeugnis", "schuler", "kind", "konferenz"),
    *("nachprufung", "wiederhol", "gefahrdet", "halbjahr", "noten"),
)
"""Words of a text about a pupil moving up (Versetzung)."""
TEACHERS = (
    *("lehrer", "lehrkraft", "lehramt", "schuldienst", "unterrichtsausfall"),
    *("referendariat", "studium", "eingestellt", "einstellung"),
)
NEW_PUPILS = (
    *("schuler", "kind", "jugendlich", "zugewandert", "zuwander", "deutschkenntnis"),
    *("erstberatung", "integration", "gefluchtet", "fluchtling", "herkunft"),
)
VEHICLES_AND_BUSINESSES = (
    *("fahrzeug", "kfz", "zulassung", "kennzeichen", "halter", "feinstaubplakette"),
    *("gewerbe", "betrieb", "zweigniederlassung", "gewo"),
)
BUILDING_COSTS = (
    *("kostengruppe", "kostenschatz", "kostenberechnung", "baukosten", "bauvorhab"),
    *("kostenrichtwert", "nutzflache"),
)
RENT = ("miet", "wohn", "unterkunft", "heiz", "nebenkosten", "kdu")
DUBLIN = (
    *("dublin", "mitgliedstaat", "mitgliedsstaat", "asyl", "bamf", "uberstellungsfrist"),
    *("zielstaat", "abschieb", "fluchtling", "gefluchtet", "schutzsuchend"),
)
DISABILITY = (
    *("behinder", "forderbedarf", "inklusion", "inklusiv", "forderschul", "sonderpadagog"),
    *("eingliederungshilfe", "schulbegleit", "integrationshelf"),
)
NEWCOMERS = ("zugewandert", "zuwander", "deutschkenntnis", "sprachforder", "gefluchtet")
SPORT_AND_DISABILITY = (*DISABILITY, "schwimm", "sportverein", "turnverein", "fussballverein")
"""Words of a club's or a school's inclusive course (*der Integrationskurs des
Schwimmvereins für Kinder mit und ohne Behinderung*)."""
LEARNING_GERMAN = (*NEWCOMERS, "deutsch", "sprach", "bamf", "fluchtling", "migra", "einburger")
"""Words of a text about the integration course for immigrants."""
VIDEO_TAPES = ("kassette", "video", "rekorder", "recorder", "band")
"""What follows *VHS-* when it is the video format."""
CANTEEN = ("mensa", "mittagessen", "bibliothek", "kantine", "cafeteria", "schulessen")
TENDERS_AND_STAFF = (
    *("bieter", "vergabe", "tariftreu", "mindestlohn", "mindestentgelt", "auftragnehmer"),
    *("ausschreibung", "verpflichtungsgesetz", "datenschutz", "tvgg", "verschwieg"),
    *("schweigepflicht", "vertraulich", "kinderschutz", "jugendschutz", "fuhrungszeugnis"),
    "72a",
)
VISITS = ("visum", "einlad", "besuch", "aufenthalt", "auslander", "lebensunterhalt")
ARCHITECTS = ("hoai", "architekt", "planer", "ingenieur", "leistungsphase")
REGISTRATION_OFFICE = (
    *("meldebehord", "meldegesetz", "meldeamt", "meldestelle", "melderegister", "burgerburo"),
    *("burgeramt", "burgerservice", "wohnungsgeber"),
)
"""The registration office, its register and the landlord's part in it."""
REGISTERING_A_HOME = (
    *REGISTRATION_OFFICE,
    *("einwohner", "umzug", "zuzug", "wohnsitz", "einzug", "meldedaten", "wohnung"),
)
"""Words of a text about registering a home (none of them is in *Meldebescheinigung*)."""
OTHER_DUTIES_TO_REPORT = (
    *("infektion", "ifsg", "krankheit", "erreger", "seuche", "masern", "corona", "covid"),
    *("arbeitgeber", "sozialversicherung", "minijob", "gewerbe", "steuer", "hund", "waffe"),
    *TOURISM,
)
"""What else must be reported (a disease, an employee, a trade, a dog, a hotel guest), not
a home."""
TESTS_OF_THE_COURSE = ("test", "prufung", "orientierungskurs", "einburgerung", "fragenkatalog")
"""Words beside the name of the test *„Leben in Deutschland“*."""
HOMES = ("wohnung", "wohnungen", "wohnsitz", "wohnsitzes", "wohnsitze", "hauptwohnung")
"""A home, as what an *Anmeldung der/einer …* registers."""
OFFICE_OR_PAPERS_OF_A_HOME = (
    *REGISTRATION_OFFICE,
    *("meldebescheinigung", "meldebestatigung", "einwohnermelde"),
)
"""Words that make an *Anmeldung* in their text the registration of a home."""
MOVES = ("umzug", "zuzug", "einzug", "auszug", "wegzug", "wohnsitz", "ummeldung", "meldedaten")
"""Words of moving house, at the start of a word (not *Festumzug*, *Anmeldedaten*)."""
NOT_MOVES = ("einzugsermachtigung", "einzugsgebiet", "einzugsbereich")
"""… but a direct debit or a catchment area."""
OTHER_REGISTRATIONS = (
    *("standesamt", "eheschlie", "trauung", "hundesteuer", "hundehalt"),
    *("fahrzeug", "kfz", "kennzeichen", "zulassungsstelle", "gewerbe", "grundstuckseigentum"),
    *("grundschule", "kita", "kindertages", "kurs", "vhs", "volkshochschul", "musikschul"),
    *("ferienspiel", "ferienpass", "ferienprogramm"),
)
"""Words of what else is registered (*angemeldet*): a marriage, a dog, a car, a trade, a
waste bin, a child at a school or Kita, a course or a holiday programme."""
LABOUR_MIGRATION = (
    *("einwander", "zuwander", "ausland", "drittstaat", "aufenthalt", "visum", "einreise"),
    *("anerkennung", "arbeitsmarkt", "herkunftsland"),
)
"""Words of a text about skilled workers coming from abroad."""
YOUNG_WORKERS = ("jugendarbeitsschutz", "arbeitgeber", "nachuntersuchung", "berechtigungsschein")
HOSPITAL_STAY = (
    "krankenhaus",
    "klinik",
    "stationar",
    "liegebescheinigung",
    "arbeitsunfahig",
    "krankgeschrieben",
    "krankengeld",
    "patient",
)
WORKERS_OR_TROOPS = (
    *("jugendherberge", "ferienlager", "zeltlager", "schullandheim", "klassenfahrt"),
    "erntehelfer",
    "saisonarbeit",
    "saisonkraft",
    "saisonkrafte",
    "spargel",
    "soldat",
    "kaserne",
    "bundeswehr",
    "bereitschaftspolizei",
)
CHOICE_OF_A_FUND_OR_OPTION = (
    *("krankenkasse", "versicher", "tarif", "mitgliedschaft", "schulform"),
    *("steuer", "veranlag", "ehegatt"),
)
ELECTIONS = (
    "kommunalwahl",
    "landtagswahl",
    "bundestagswahl",
    "europawahl",
    "wahllokal",
    "stimmzettel",
    "stimmabgabe",
    "wahlberecht",
    "wahlbenachrichtigung",
    "briefwahl",
    "wahlschein",
    "wahltag",
    "integrationsrat",
    "kandid",
)
COURTS = ("gericht", "richter", "famfg", "vwvfg", "bauaufsicht", "ordnungsverfugung")
SERVICE_FLATS = ("dienstwohnung", "dienstlich")
COURT_DATES = ("beraum", "verkundung", "verhandlung", "versteiger")
DUE_DATES = ("schornsteinfeger", "feuerstatt", "kehrung", "kehrtermin")
EDUCATION_ADJECTIVES = (
    "kulturell",
    "politisch",
    "gesellschaftlich",
    "digital",
    "fruhkindlich",
    "musisch",
    "kunstlerisch",
)
SOCIAL_INSURANCE_REPORTS = (
    "sozialversicherung",
    "deuv",
    "arbeitgeber",
    "rentenversicherungsnummer",
)
ROADS = ("strasse", "verkehr", "radweg", "gehweg", "brucke")
WATERS_AND_ROADS = (*ROADS, "gewasser", "graben", "deich", "ufer")
RELATIVES = ("kind", "eltern", "ehegatt", "vater", "mutter", "unterhaltsvorschuss")
OTHER_RECOGNITIONS = ("berufskrankheit", "kriegsdienst", "jugendhilfe", "arbeitsunfall")
PRIZE_DRAWS = ("gewinnspiel", "wettbewerb", "turnier", "verlosung", "preisausschreiben")
UNIVERSITIES = ("semester", "studium", "studierend", "hochschul", "universit", "fachschaft")
INTEGRATION_COURSES = ("integrationskurs", "bamf", "zuwander", "rechtsordnung", "einburgerung")
FOREIGNERS_OFFICE = (
    *("auslanderamt", "auslanderbehorde", "fiktion", "aufenthaltstitel", "erkennungsdienst"),
    *("gestattung", "duldung", "asyl"),
)
MEDICAL_REFERRALS = ("arzt", "krankenhaus", "klinik", "patient", "einweis", "uberweis")
RETURN_OF_MIGRANTS = (
    *("herkunftsland", "herkunftslander", "heimatland", "heimat", "ausreise", "asyl"),
    *("fluchtling", "gefluchtet", "migrant", "abschieb", "reintegration", "starthilfe"),
    *("reag", "garp", "ruckkehrberat", "ruckkehrforder", "weiterwander", "bamf"),
)
"""Words of a text about migrants returning to their country (not from a holiday)."""
BOOKKEEPING = (
    *("rechnung", "auszahlung", "abzeichn", "kassenanordnung", "zahlungsanordnung"),
    *("protokoll", "paraphe", "umlauf"),
)
"""Words of a text about an office's bookkeeping (*mit dem Visum der Amtsleitung*: a
sign-off, not a visa)."""
ENTRY = ("einreise", "botschaft", "auslandsvertretung", "konsulat", "aufenthalt", "auslander")
"""Words of a text about entering the country."""
PERMITS = ("bauantrag", "baugenehmigung", "bauvorhab", "bauherr", "genehmigungsverfahren")
"""Words of a text about building and other permits (*Verfahrensberatung vor dem Bauantrag*)."""
WAGE_TAX = ("lohnsteuer", "elstam", "steuerklasse", "finanzamt")
"""Words of a text about wage tax (its *Ersatzbescheinigung* replaces the tax card)."""
REFUGEES = (*ASYLUM, "schutzsuch", "zuwander", "auslander", "vertrieben")
"""Words of a text about asylum seekers and refugees."""
IP_RATINGS = ("leuchte", "gehause", "elektr", "staubdicht", "wasserdicht", "spritzwasser")
"""Words of a device's protection rating (*Leuchten der Schutzart IP 44*)."""
GOODS_OF_ORIGIN = (
    *("fleisch", "lebensmittel", "ware", "produkt", "obst", "gemuse", "kennzeichnung"),
    *("erzeugnis", "importiert", "verpackung", "etikett", "honig", "kaffee"),
)
"""Words of goods whose *Herkunftsland* is on the label."""
PEOPLE_OF_ORIGIN = (*REFUGEES, "person", "mensch", "staatsangehorig", "migra", "familie", "kind")
DISTRIBUTION_TARGETS = (
    *("bundeslander", "bundesland", "landkreis", "kreise", "kommune", "gemeinde", "stadte"),
    "bezirk",
    *("unterkunft", "unterkunfte", "einrichtung", "schlussel", "quote", "zuweis", "easy"),
    *("landesintern", "landerubergreif"),
)
"""Where asylum seekers are distributed to, and by what key."""
GOODS_AND_MONEY = (
    *("lebensmittel", "essen", "kleid", "spende", "tafel", "flyer", "kosten", "haushalt"),
    *("finanzmittel", "fordermittel", "geld", "last", "sitz", "gewinn", "preis"),
)
"""What else is distributed, at the start of a word (*die Verteilung der Kosten*, *der
Lebensmittel*, *die Sitzverteilung*; not *Interessen*, *besitzen*)."""
BURDENS = frozenset(
    {"kosten", "lasten", "aufgaben", "pflichten", "schulden", "ausgaben", "probleme"}
)
"""Plurals in *-en* that name no people: *die Abschiebung der Kosten auf die Kommunen*."""
BODY_MEASURES = (
    *("gewicht", "korpergross", "kilogramm", "body", "schuleingangsuntersuchung"),
    *("gemessen", "messung", "gesundheitstag", "blutdruck", "bauchumfang", "ubergewicht"),
)
"""Words of a text about the body mass index (*Größe, Gewicht und BMI der Kinder*)."""
LIVESTOCK = (
    *("rind", "schafe", "ziege", "schwein", "geflugel", "pferd", "weidetier", "tierhalter"),
    *("tierarzt", "tierseuche", "blauzunge", "tollwut", "veterinar", "mastrind"),
)
"""Word starts of a text about vaccinating animals (*die Impfung der Schafe und Ziegen gegen
die Blauzungenkrankheit*; *Schafe*, not *Gemeinschaft*)."""
VACCINATING_PEOPLE = (
    *("kita", "schule", "masern", "stiko", "gesundheitsamt", "kinderarzt", "hausarzt"),
    *("patient", "asyl", "fluchtling", "gefluchtet", "krankenkasse", "impfpass"),
)
"""Words of a text about vaccinating people, which keep the hint beside animals."""
CRIMINAL_CUSTODY = (
    *("haftbefehl", "untersuchungshaft", "haftprufung", "fluchtgefahr", "festgenommen"),
    *("festnahme", "tatverdacht", "staatsanwalt", "beschuldigt", "angeklagt"),
)
"""Words of a text about bail (*gegen Kaution freigelassen*)."""
COPYRIGHT_AND_COMPETITION = (
    *("filesharing", "urheberrecht", "tauschbors", "abmahnkanzlei", "anwaltskanzlei"),
    *("wettbewerbsrecht", "markenrecht", "unterlassungserklarung", "abmahnwelle"),
)
"""Words of a text about a lawyer's warning letter for copyright or competition (*Abmahnungen
wegen angeblichen Filesharings*), not a landlord's or an employer's."""
LANDLORD_OR_EMPLOYER = (*RENT, "arbeitgeber", "arbeitsvertrag", "kundigung")
PUBLIC_BUILDINGS = (
    *("rathaus", "rathauser", "stadthaus", "dienstgebaude", "pfarr", "kirche", "museum"),
    *("bibliothek", "bucherei", "freibad", "hallenbad", "badegast", "badegaste", "friedhof"),
    *("mehrzweckhalle", "stadthalle", "burgerhaus", "besucher", "besuchend", "schulgelande"),
)
"""Words of a text about the rules of a public building (*die Hausordnung für das Rathaus*),
not the house rules of a rented home."""
FENCES_AND_COVERS = ("bauzaun", "baustelle", "spielplatz", "zaun", "abdeck", "plane", "absperr")
"""What else gives *vorübergehenden Schutz* (a fence round a new playground)."""
CLOTHES_AND_MORALS = ("kostum", "kleid", "mode", "ausschnitt", "fasching", "karneval", "sitten")
"""Words of *Freizügigkeit* as permissiveness (of costumes, of morals)."""
FREE_MOVEMENT = ("europ", "unionsburger", "freizugg", "aufenthalt", "arbeitnehmer", "mitgliedstaat")
POSSESSIVES = frozenset(
    {"unseres", "unserer", "ihres", "ihrer", "seines", "seiner", "meines", "eures"}
)
FOOTBALL = ("derby", "spiel", "liga", "gewann", "mannschaft", "fussball", "tabelle", "trainer")
"""Words of a football club's match report (*der HFK Dassendorf gewann das Derby*)."""
MUSIC_AND_SPORT = ("musikschul", "instrument", "chor", "tanzschul", "schwimm", "sportverein")
"""Where else a placement test places children (a music school's groups)."""
ADMISSION_TICKETS = ("sauna", "schwimmbad", "freibad", "hallenbad", "eintritt", "kasse", "parkhaus")
"""Words of a ticket that lets you stay somewhere for some hours (*die Aufenthaltskarte für
die Sauna*)."""
DATA_MIGRATION = ("rechenzentrum", "server", "software", "datenbank", "cloud", "umstellung")
"""Words of moving data to new systems (*die Migrationsberatung des Rechenzentrums*)."""
CLUB_SUPPORT = ("forderverein", "sommerfest", "sponsor", "stadtfest", "vereinsfest", "tombola")
"""Words of a club giving money or goods (*der Förderverein unterstützt das Fest mit einer
Geldleistung*)."""
BENEFIT_CLAIMS = (*BENEFITS, "asyl", "leistungsberecht", "jobcenter", "sozialamt", "bezahlkarte")
ORIENTEERING = ("wander", "kompass", "orientierungslauf", "stadtwald")
"""Words of orienteering (*der Orientierungskurs des Wandervereins*)."""
FEES = ("abfall", "mullabfuhr", "entsorgung", "grundgebuhr", "biotonne")
"""Words of a fee's basic services (*die Grundleistungen der Abfallentsorgung*)."""
EU_FAMILIES = ("unionsburger", "freizugg", "familienangehorig", "auslanderbehord", "drittstaat")
"""Words of a text about the residence card of EU citizens' family members."""
