"""Short excerpts of public texts by German authorities, in easy and in ordinary German.

Each is quoted (lines joined by spaces or kept as lines) with where it was published, to
test the ``easy-…`` rules on real language rather than on sentences written to pass.
"""

from __future__ import annotations

LEICHTE_SPRACHE = {
    # Landeshauptstadt München, Bürger-Büro, Termin-Vereinbarung (Leichte Sprache)
    "https://stadt.muenchen.de/leichte-sprache/infos/buerger-buero-terminvereinbarung-ls.html": (
        "Viele Menschen gehen jeden Tag zum Bürger-Büro.\n"
        "Deshalb müssen Sie einen Termin vereinbaren.\n"
        "Sie kommen mit einem Termin schnell dran.\n"
        "Sie können den Termin online machen.\n"
        "Online ist ein englisches Wort.\n"
        "Online heißt:\n"
        "Sie können etwas mit dem Computer im Internet machen."
    ),
    # Jobcenter Dortmund, Leichte Sprache
    "https://jobcenterdortmund.de/de/site/leichte-sprache": (
        "Wir benutzen einfache Wörter.\n"
        "Schwere Worte erklären wir.\n"
        "Wir trennen lange Worte mit einem Bindestrich.\n"
        "Zum Beispiel: Sozial-Gesetz-Buch.\n"
        "Das Job-Center tut alles:\n"
        "Damit Sie sicher sind."
    ),
    # Land Niedersachsen, Serviceportal, Grundsicherung in Leichter Sprache
    "https://service.niedersachsen.de/leichtesprache?sort=1&pstId=8664880": (
        "Grund-Sicherung bekommen Menschen ohne Arbeit.\n"
        "Sie dürfen nicht jünger als 15 Jahre alt sein.\n"
        "Die Menschen müssen arbeiten können.\n"
        "Das schwere Wort dafür ist:\n"
        "erwerbsfähig"
    ),
    # Tipps für Leichte Sprache in der Verwaltung (ab-nrw.de), the "Besser" wording
    "https://www.ab-nrw.de/umsetzungstipp/leichte-sprache-so-kommen-infos-vom-amt-gut-bei-den-adressaten-an.html": (
        "Gehen Sie zu einem Sach-Bearbeiter beim Amt.\n"
        "Der Sach-Bearbeiter schreibt das auf.\n"
        "Das Aufschreiben heißt Nieder-Schrift.\n"
        "Schicken Sie Ihren Widerspruch an das Amt.\n"
        "Sie müssen einen Antrag für die Leistung stellen."
    ),
}

EINFACHE_SPRACHE = {
    # Stadt Nürnberg: plain wording proposed for letters of the Ausländeramt
    "https://www.oedp-nuernberg.de/stadtrat-nuernberg/stadtratsantraege-der-oedp/antrag-details/news/einfache-und-hoefliche-sprache-bei-formularen-des": (
        "Wir haben nur 20 Minuten Zeit für Sie, dann kommt der nächste Kunde. "
        "Wenn Sie zu spät kommen, reicht die Zeit vielleicht nicht für Ihren Antrag."
    ),
}

ORDINARY = {
    # the same letters of the Ausländeramt Nürnberg, as they were
    "https://www.oedp-nuernberg.de/stadtrat-nuernberg/stadtratsantraege-der-oedp/antrag-details/news/einfache-und-hoefliche-sprache-bei-formularen-des": (
        "Die für Sie reservierte Bearbeitungszeit ist straff bemessen. Unabhängig von dieser "
        "Aufforderung zur Vorsprache besteht stets die persönliche Verpflichtung Ihre "
        "ausländerrechtlichen Angelegenheiten zeitgerecht zu regeln."
    ),
    # ab-nrw.de, the "Statt" wording of authorities
    "https://www.ab-nrw.de/umsetzungstipp/leichte-sprache-so-kommen-infos-vom-amt-gut-bei-den-adressaten-an.html": (
        "Gegen diesen Bescheid kann innerhalb eines Monats Widerspruch eingelegt werden. "
        "Die Leistung muss beantragt werden."
    ),
    # Jobcenter StädteRegion Aachen, news on its pages in Leichte Sprache
    "https://www.jobcenter-staedteregion-aachen.de/jobcenter-aachen/neuigkeiten/leichte-sprache-im-jobcenter-staedteregion-aachen": (
        "Das Jobcenter hat Inhalte seines Internetauftrittes in Leichte Sprache übersetzt, um "
        "für alle Kundinnen und Kunden eine barrierefreie Möglichkeit zu schaffen, sich "
        "umfassend zu informieren."
    ),
}
