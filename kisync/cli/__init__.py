"""The ``kisync`` command line: thin wrappers around the library.

Each command lives in a module of this package, parses its options, calls one library
function and prints the result. Exit codes: 0 success, 1 a check found problems,
2 bad usage or bad input (one line on stderr says what and where).
"""

from __future__ import annotations

from pathlib import Path

import click

from .._version import __version__
from .common import Context, KisyncGroup, setup_logging

# command name -> module of this package that defines ``<module>_command``. Modules are
# imported only when their command runs (or for --help), so every command starts fast.
COMMANDS = {
    "check": "check",
    "doctor": "doctor",
    "export": "export",
    "glossary": "glossary",
    "harvest": "harvest",
    "import": "returned",
    "init": "init",
    "lint": "lint",
    "pretranslate": "pretranslate",
    "preview": "preview",
    "pull": "pull",
    "push": "push",
    "report": "report",
    "review": "review",
    "stats": "stats",
    "sync": "sync",
}


@click.group(
    cls=KisyncGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder with kisync.toml (default: the current folder or the nearest above it).",
)
@click.option("-v", "--verbose", count=True, help="Say more about what happens (-vv: debug).")
@click.option(
    "--insecure",
    is_flag=True,
    help="Allow sending the portal password over plain http to another machine (avoid).",
)
@click.version_option(__version__, prog_name="kisync")
@click.pass_context
def cli(ctx: click.Context, project_dir: Path | None, verbose: int, insecure: bool) -> None:
    """Keep a German portal available in the languages of the people it serves.

    Typical cycle: `kisync pull` extracts the German pages into PO files under po/,
    translators edit po/<language>/*.po, and the other commands check and publish.
    """
    setup_logging(verbose)
    ctx.obj = Context(project_dir, insecure=insecure)


def main() -> None:
    cli(prog_name="kisync")
