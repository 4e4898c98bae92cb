"""``kisync preview``."""

from __future__ import annotations

import click

from .common import Context, pass_context
from .options import languages_option


@click.command("preview")
@languages_option
@click.option(
    "--port", default=8000, show_default=True, help="Port on 127.0.0.1 (0: any free port)."
)
@pass_context
def preview_command(context: Context, languages: tuple[str, ...], port: int) -> None:
    """Show the translated pages in your browser before they go live.

    Serves every page in every language on http://127.0.0.1:PORT/, rendered from the PO
    files as they are now (reload after saving), however incomplete; text still in German
    has a dashed outline. Nothing is published. Stop it with Ctrl+C.
    """
    server = context.project.preview(languages, port=port)
    host, bound = server.server_address[:2]
    click.echo(f"Preview on http://{host}:{bound}/ — press Ctrl+C to stop.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Preview stopped.")
    finally:
        server.server_close()
