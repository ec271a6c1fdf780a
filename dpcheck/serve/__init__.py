"""dpcheck as an HTTP service (the ``dpcheck[serve]`` extra: Starlette, uvicorn, python-multipart).

    dpcheck serve                       # http://127.0.0.1:8000, the upload page at /
    curl -F file=@dpa.pdf http://127.0.0.1:8000/v1/scan

``POST /v1/scan`` (a document, or a vendor bundle: a zip with ``vendor.toml``), ``GET /v1/rules``,
``GET /v1/schema``, ``GET /healthz``, ``GET /openapi.json`` and a web page at ``/``. Errors are
JSON with stable codes (:mod:`dpcheck.serve.errors`). In Python: ``create_app(ServeConfig(...))``
is an ASGI app for any ASGI server.
"""

from dpcheck.serve.app import ServeConfig, create_app

__all__ = ["ServeConfig", "create_app"]
