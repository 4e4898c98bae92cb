"""Options several commands share, spelled and explained the same way everywhere."""

from __future__ import annotations

import click

languages_option = click.option(
    "--lang",
    "languages",
    multiple=True,
    metavar="L",
    help="Only this language (a code from kisync.toml, e.g. ar). Repeatable.",
)
pages_option = click.option(
    "--page",
    "pages",
    multiple=True,
    metavar="KEY",
    help="Only pages whose key matches, e.g. bildung-sprache/integrationskurse or "
    "'bildung-sprache/*'. Repeatable.",
)
