"""Generate a synthetic German portal for benchmarks.

N pages in nested section folders, about 40 segments each (headings, paragraphs with
inline links and bold text, lists, a table, an image), all sharing the same header,
menu and footer, plus a ``kisync.toml``. Deterministic for a given seed.

    python benchmarks/synthetic_portal.py --pages 500 --out benchmarks/work/p500
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SECTIONS = [
    "ki-aktuelles",
    "bildung-sprache",
    "bildungsangebote",
    "soziale-leistungen",
    "gesundheit",
    "beratung-hilfe",
    "aufenthalt-asyl",
    "freizeit",
    "kommunen",
]
WORDS = [
    "Integrationskurs",
    "Ausländerbehörde",
    "Beratung",
    "Termin",
    "Anmeldung",
    "Familie",
    "Kinder",
    "Schule",
    "Kita",
    "Sprachkurs",
    "Jobcenter",
    "Antrag",
    "Unterlagen",
    "Aufenthaltserlaubnis",
    "Wohnung",
    "Arbeit",
    "Ausbildung",
    "Gesundheit",
    "Krankenkasse",
    "Arztpraxis",
    "Sprechzeiten",
    "Ehrenamt",
    "Verein",
    "Nachbarschaft",
    "Stadt",
    "Gemeinde",
    "Kreis",
    "Heinsberg",
    "Angebot",
    "Unterstützung",
    "Hilfe",
    "Frauen",
    "Männer",
    "Jugendliche",
    "Eltern",
    "Übersetzung",
    "Sprachmittlerin",
    "Dolmetscher",
    "Formular",
    "Bescheinigung",
    "Nachweis",
    "Gebühr",
    "Kosten",
    "Zuschuss",
]
VERBS = [
    "bietet",
    "unterstützt",
    "berät",
    "informiert",
    "begleitet",
    "hilft",
    "organisiert",
    "vermittelt",
    "erklärt",
]
FILLERS = [
    "und",
    "oder",
    "mit",
    "für",
    "bei",
    "nach",
    "in",
    "zu",
    "von",
    "über",
    "auch",
    "gerne",
    "kostenlos",
    "regelmäßig",
]

HEADER = """<header class="site-header"><p class="site-title"><a href="/">Integrationsportal Kreis Heinsberg</a></p>
<nav class="main-navigation" aria-label="Hauptmenü"><ul>
{items}
</ul></nav></header>"""
FOOTER = """<footer class="site-footer"><p>Kommunales Integrationszentrum Kreis Heinsberg, Valkenburger Straße 45, 52525 Heinsberg</p>
<p>Telefon 02452&nbsp;13-4222 · <a href="/impressum/">Impressum</a> · <a href="/datenschutz/">Datenschutz</a></p>
<p>&copy; Kreis Heinsberg</p></footer>"""


def sentence(rng: random.Random, words: int = 12) -> str:
    parts = [rng.choice(WORDS if i % 3 == 0 else FILLERS + WORDS) for i in range(words)]
    parts.insert(1, rng.choice(VERBS))
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    text = sentence(rng, rng.randint(8, 18))
    roll = rng.random()
    if roll < 0.4:
        word = rng.choice(WORDS)
        target = f"/{rng.choice(SECTIONS)}/seite-{rng.randint(1, 50)}/"
        text += f' Mehr zum Thema <a href="{target}">{word}</a> finden Sie hier.'
    elif roll < 0.6:
        text += f" <strong>{rng.choice(WORDS)}</strong> ist wichtig."
    return f"<p>{text}</p>"


def page_body(rng: random.Random, segments: int) -> str:
    blocks = [f"<h1>{rng.choice(WORDS)} und {rng.choice(WORDS)}</h1>"]
    count = 1
    while count < segments:
        roll = rng.random()
        if roll < 0.15:
            blocks.append(f'<h2 class="wp-block-heading">{sentence(rng, 4)[:-1]}</h2>')
            count += 1
        elif roll < 0.3:
            items = [f"<li>{sentence(rng, rng.randint(3, 8))}</li>" for _ in range(4)]
            blocks.append('<ul class="wp-block-list">' + "".join(items) + "</ul>")
            count += 4
        elif roll < 0.38:
            rows = "".join(
                f"<tr><td>{rng.choice(WORDS)}</td><td>Montag bis Freitag 8 bis 12 Uhr</td></tr>"
                for _ in range(2)
            )
            blocks.append(f'<figure class="wp-block-table"><table>{rows}</table></figure>')
            count += 3  # "Montag bis Freitag …" repeats
        elif roll < 0.42:
            alt = sentence(rng, 5)[:-1]
            blocks.append(
                f'<figure class="wp-block-image"><img src="/bild.jpg" alt="{alt}">'
                f"<figcaption>{sentence(rng, 6)}</figcaption></figure>"
            )
            count += 2
        else:
            blocks.append(paragraph(rng))
            count += 1
    return "\n".join(blocks)


def render_page(rng: random.Random, title: str, segments: int) -> str:
    items = "\n".join(
        f'<li><a href="/{section}/">{section.replace("-", " ").title()}</a></li>'
        for section in SECTIONS
    )
    return f"""<!DOCTYPE html>
<html lang="de-DE">
<head>
<meta charset="utf-8">
<title>{title} – Integrationsportal Kreis Heinsberg</title>
<meta name="description" content="{sentence(rng, 10)}">
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body class="page">
{HEADER.format(items=items)}
<main id="main" class="site-main"><article class="page type-page"><div class="entry-content">
{page_body(rng, segments)}
</div></article></main>
{FOOTER}
</body>
</html>
"""


def generate(
    out: Path, pages: int, segments: int = 40, seed: int = 1, languages: str = "en"
) -> None:
    rng = random.Random(seed)
    portal = out / "portal"
    for number in range(pages):
        section = SECTIONS[number % len(SECTIONS)]
        path = portal / section / f"seite-{number}" / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        title = f"{rng.choice(WORDS)} {number}"
        path.write_text(render_page(rng, title, segments), encoding="utf-8")
    codes = ", ".join(f'"{code}"' for code in languages.split(","))
    (out / "kisync.toml").write_text(
        f'source_language = "de"\nlanguages = [{codes}]\n\n'
        '[portal]\nkind = "files"\npath = "portal"\ncontent = "main"\n',
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--segments", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--languages", default="en", help="comma-separated target languages")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.out, args.pages, args.segments, args.seed, args.languages)


if __name__ == "__main__":
    main()
