"""``kisync doctor``."""

from __future__ import annotations

import click

from .common import Context, echo_json, pass_context


@click.command("doctor")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_context
def doctor_command(context: Context, fmt: str) -> None:
    """Say how the portal is multilingual (Polylang, WPML or none) and what it offers.

    WordPress portals need the kisync bridge plugin for this; exit 1 when a push could
    not publish every language of kisync.toml as configured.
    """
    report = context.project.doctor()
    if fmt == "json":
        echo_json(report.to_json())
    else:
        click.echo(report.summary())
    click.get_current_context().exit(report.exit_code)
