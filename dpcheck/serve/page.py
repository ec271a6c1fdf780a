"""The service's one web page: an upload form that answers with the HTML report, no script."""

from __future__ import annotations

from html import escape

from dpcheck.limits import Limits
from dpcheck.serve.errors import ApiError
from dpcheck.walk import DOCUMENT_SUFFIXES

_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; padding: 0 1rem; color: #1d2733; }
h1 { font-size: 1.6rem; } label { display: block; margin: 1rem 0 .3rem; font-weight: 600; }
input[type=file], input[type=password] { font-size: 1rem; } button { margin-top: 1.2rem; font-size: 1rem;
padding: .5rem 1.4rem; } .note { color: #56606b; font-size: .9rem; } .error { border-left: 4px solid #b3261e;
padding: .2rem 1rem; background: #fdf1f0; } code { background: #f1f3f5; padding: 0 .2rem; }
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>\n"
    )


def index(*, token: bool, limits: Limits) -> str:
    """The upload form; the token field comes first so that it is checked before the document is received."""
    accept = ",".join(sorted(DOCUMENT_SUFFIXES))
    token_field = (
        (
            '<label for="token">Access token</label>'
            '<input id="token" name="token" type="password" autocomplete="off" required>'
        )
        if token
        else ""
    )
    return _page(
        "dpcheck",
        f"""
<h1>dpcheck</h1>
<p>Upload a vendor's privacy policy or data processing agreement (PDF, HTML, Markdown, text or DOCX)
to see whether its terms on exporting personal data out of the EEA are clear and lawful.</p>
<form method="post" action="/" enctype="multipart/form-data">
{token_field}
<label for="file">Document</label>
<input id="file" name="file" type="file" accept="{escape(accept)}" required>
<p class="note">At most {limits.max_bytes // 2**20} MiB and {limits.max_pages:,} pages. The document is deleted
as soon as it is read.</p>
<button type="submit">Check</button>
</form>
<p class="note">For programs: <code>POST /v1/scan</code> (see <a href="/openapi.json">the OpenAPI document</a>).</p>
""",
    )


def error(exc: ApiError) -> str:
    return _page(
        "dpcheck: cannot check this document",
        f"""
<h1>Cannot check this document</h1>
<div class="error"><p>{escape(exc.message)}</p><p class="note">Error <code>{escape(str(exc.code))}</code></p></div>
<p><a href="/">Upload another document</a></p>
""",
    )
