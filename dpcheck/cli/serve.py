"""``dpcheck serve``: the HTTP service (needs the ``dpcheck[serve]`` extra)."""

from __future__ import annotations

import ipaddress
import os

import click

from dpcheck.cli.common import UserError
from dpcheck.cli.limits import limit_options
from dpcheck.limits import Limits


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only; a name other than localhost is not
    resolved here and counts as reachable from elsewhere."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but the loopback interface needs DPCHECK_TOKEN set.",
)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes, each scanning one document at a time (about one per core).",
)
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
)
@limit_options
def serve(host: str, port: int, workers: int, log_level: str, limits: Limits) -> None:
    """Serve dpcheck over HTTP: POST /v1/scan, GET /v1/rules, /v1/schema, /healthz, /openapi.json and an
    upload page at /. Every --max-* and --timeout limit applies to each request.

    With DPCHECK_TOKEN set in the environment, requests need 'Authorization: Bearer <token>' (the page
    asks for it); without it the service refuses to listen beyond the loopback interface.
    """
    try:
        import uvicorn

        from dpcheck.serve.app import TOKEN_ENV, ServeConfig
    except ImportError as exc:
        raise UserError(f"dpcheck serve needs its extra: pip install 'dpcheck[serve]' ({exc})") from exc
    if not os.environ.get(TOKEN_ENV) and not is_loopback(host):
        raise UserError(
            f"refusing to listen on {host} without a token: set {TOKEN_ENV} (clients then "
            f"send 'Authorization: Bearer <token>'), or listen on 127.0.0.1"
        )
    os.environ.update(ServeConfig(limits=limits).to_environment())
    uvicorn.run(
        "dpcheck.serve.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        server_header=False,
        proxy_headers=False,
        date_header=True,
    )
