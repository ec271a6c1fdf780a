"""The ASGI application: routes, the token check, and scans run within each request's limits.

Each process scans one document at a time, in a worker thread (a scan is CPU-bound; the event
loop keeps accepting and streaming uploads meanwhile), so that the memory limit, which watches
the process's growth, is the document's own. Run more processes (``dpcheck serve --workers``)
to use more cores. Time and memory limits are checked cooperatively in a worker thread (see
:mod:`dpcheck.limits`).
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dpcheck.dossier import scan_vendor
from dpcheck.errors import ErrorCode, VendorError
from dpcheck.limits import Limits
from dpcheck.models import Report
from dpcheck.report import FORMATS, render
from dpcheck.report.schema import report_schema
from dpcheck.report.vendor_formats import render_vendors
from dpcheck.report.vendor_json import vendor_to_dict
from dpcheck.scanner import TOOL_VERSION, Scanner
from dpcheck.serve import bundle, page
from dpcheck.serve.errors import ApiError, ServiceCode
from dpcheck.serve.openapi import openapi_document
from dpcheck.serve.uploads import Upload, receive
from dpcheck.vendor.model import VendorReport

logger = logging.getLogger(__name__)

CONFIG_ENV = "DPCHECK_SERVE_LIMITS"
TOKEN_ENV = "DPCHECK_TOKEN"
# The page and every answer: no script, no framing, nothing loaded from elsewhere, forms post here.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]
_HTTP_CODES = {404: ServiceCode.NOT_FOUND, 405: ServiceCode.METHOD_NOT_ALLOWED}


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What a service process needs: the per-request limits and the token (None: no token asked)."""

    limits: Limits = field(default_factory=Limits)
    token: str | None = None

    @classmethod
    def from_environment(cls) -> ServeConfig:
        """The configuration ``dpcheck serve`` hands its worker processes through the environment
        (the token stays in DPCHECK_TOKEN, never on a command line)."""
        raw = os.environ.get(CONFIG_ENV)
        limits = Limits(**json.loads(raw)) if raw else Limits()
        return cls(limits=limits, token=os.environ.get(TOKEN_ENV) or None)

    def to_environment(self) -> dict[str, str]:
        return {CONFIG_ENV: json.dumps(asdict(self.limits))}


class _Service:
    """The scanner of this process, built once at start-up, and the lock that lets one scan run."""

    def __init__(self, config: ServeConfig) -> None:
        self.config = config
        self._scanner: Scanner | None = None
        self._one_at_a_time: anyio.CapacityLimiter | None = None

    async def start(self) -> None:
        self._one_at_a_time = anyio.CapacityLimiter(1)
        self._scanner = await anyio.to_thread.run_sync(self._build)

    def _build(self) -> Scanner:
        scanner = Scanner(limits=self.config.limits)
        # Builds the language detector and every pipeline now rather than in the first request.
        scanner.scan_text("We store personal data in the European Union.")
        return scanner

    @property
    def scanner(self) -> Scanner:
        assert self._scanner is not None, "the service has not started"
        return self._scanner

    async def run(self, work: Callable[[], Any]) -> Any:
        return await anyio.to_thread.run_sync(work, limiter=self._one_at_a_time)

    def authorized(self, request: Request, form_token: str | None = None) -> bool:
        expected = self.config.token
        if expected is None:
            return True
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected.encode()):
            return True
        return form_token is not None and hmac.compare_digest(form_token.encode(), expected.encode())

    def require_token(self, request: Request) -> None:
        if not self.authorized(request):
            raise ApiError(ServiceCode.UNAUTHORIZED, "this service needs 'Authorization: Bearer <DPCHECK_TOKEN>'")

    # -------------------------------------------------------------- scanning

    async def scan_upload(self, request: Request, *, from_page: bool) -> Report | VendorReport:
        """Receive, check and scan one upload in a private folder that is removed afterwards:
        a document's report, or a bundle's vendor report."""
        folder = Path(tempfile.mkdtemp(prefix="dpcheck-serve-"))
        try:

            def before_file(fields: dict[str, str]) -> None:
                if not self.authorized(request, fields.get("token") if from_page else None):
                    raise ApiError(ServiceCode.UNAUTHORIZED, "this service needs its access token")

            upload = await receive(request, folder, max_bytes=self.config.limits.max_bytes, before_file=before_file)
            if upload.kind == "bundle":
                vendor: VendorReport = await self.run(lambda: self._scan_bundle(upload, folder))
                return vendor
            report: Report = await self.run(lambda: self._scan_document(upload))
            return report
        finally:
            await anyio.to_thread.run_sync(lambda: shutil.rmtree(folder, ignore_errors=True))

    def _scan_document(self, upload: Upload) -> Report:
        assert upload.path is not None
        document = self.scanner.scan_bytes(upload.path.read_bytes(), upload.filename)
        if document.status == "error" and document.error is not None:
            raise ApiError(document.error.code, document.error.message)
        return self.scanner.report([document])

    def _scan_bundle(self, upload: Upload, folder: Path) -> VendorReport:
        """The vendor report of the extracted bundle, its documents named by their paths in it."""
        assert upload.path is not None
        extracted = folder / "bundle"
        extracted.mkdir()
        root = bundle.extract(upload.path, extracted, self.config.limits)
        try:
            return scan_vendor(root, scanner=self.scanner, shown_as=upload.filename)
        except VendorError as exc:
            raise ApiError(ServiceCode.BUNDLE_MANIFEST, exc.message) from exc


def create_app(config: ServeConfig | None = None) -> Starlette:
    """The service as an ASGI app (run it with uvicorn, or ``dpcheck serve``)."""
    service = _Service(config or ServeConfig())

    async def index(request: Request) -> Response:
        return HTMLResponse(page.index(token=service.config.token is not None, limits=service.config.limits))

    async def index_scan(request: Request) -> Response:
        try:
            report = await service.scan_upload(request, from_page=True)
        except ApiError as exc:
            return HTMLResponse(page.error(exc), status_code=exc.status)
        if isinstance(report, VendorReport):
            return HTMLResponse(render_vendors([report], "html"))
        return HTMLResponse(render(report, "html"))

    async def scan(request: Request) -> Response:
        service.require_token(request)
        fmt = request.query_params.get("format", "json")
        if fmt not in FORMATS:
            raise ApiError(ServiceCode.BAD_REQUEST, f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
        report = await service.scan_upload(request, from_page=False)
        if isinstance(report, VendorReport):
            if fmt != "json":
                raise ApiError(ServiceCode.BAD_REQUEST, "a bundle's answer is JSON only")
            return JSONResponse(vendor_to_dict(report))
        return Response(render(report, fmt, ruleset=service.scanner.ruleset), media_type=FORMATS[fmt].media_type)

    async def rules(request: Request) -> Response:
        service.require_token(request)
        ruleset = service.scanner.ruleset
        return JSONResponse(
            {
                "ruleset_version": ruleset.version,
                "facts_as_of": ruleset.facts.as_of,
                "rules": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "article": r.article,
                        "severity": r.severity,
                        "core": r.core,
                        "rationale": r.rationale,
                        "questions": r.questions,
                        "references": list(r.references),
                    }
                    for r in ruleset.rules
                ],
            }
        )

    async def schema(request: Request) -> Response:
        service.require_token(request)
        return JSONResponse(report_schema())

    async def openapi(request: Request) -> Response:
        return JSONResponse(openapi_document())

    async def healthz(request: Request) -> Response:
        return JSONResponse(
            {"status": "ok", "tool_version": TOOL_VERSION, "ruleset_version": service.scanner.ruleset.version}
        )

    async def internal_error(request: Request, exc: Exception) -> Response:
        logger.exception("internal error in %s %s", request.method, request.url.path, exc_info=exc)
        error = ApiError(ErrorCode.INTERNAL, "dpcheck failed on this request (please report it)")
        return JSONResponse(error.to_dict(), status_code=error.status)

    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        error = ApiError(_HTTP_CODES.get(exc.status_code, ServiceCode.BAD_REQUEST), str(exc.detail))
        return JSONResponse(error.to_dict(), status_code=exc.status_code, headers=exc.headers)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await service.start()
        yield

    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/", index_scan, methods=["POST"]),
            Route("/v1/scan", scan, methods=["POST"]),
            Route("/v1/rules", rules, methods=["GET"]),
            Route("/v1/schema", schema, methods=["GET"]),
            Route("/openapi.json", openapi, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
        ],
        exception_handlers={ApiError: api_error, HTTPException: http_error, Exception: internal_error},
        middleware=[Middleware(_SecurityHeaders)],
        lifespan=lifespan,
    )
    return app


class _SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every answer. No CORS headers: a browser keeps other sites'
    pages from reading the answers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def app_from_environment() -> Starlette:
    """The factory ``dpcheck serve`` gives uvicorn (``--factory``): each worker process builds its app."""
    return create_app(ServeConfig.from_environment())
