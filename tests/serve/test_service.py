"""The HTTP service through a real client against a real server on a loopback port: the happy
path, every error class with its code and status, bundles, 50 requests at once, and the token."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import subprocess
import sys
import zipfile

import httpx
import jsonschema
import pytest

from dpcheck.cli.serve import is_loopback
from dpcheck.dossier import scan_vendor
from dpcheck.errors import ErrorCode
from dpcheck.report import render
from dpcheck.report.schema import report_schema, vendor_schema
from dpcheck.report.vendor_json import vendor_to_dict
from dpcheck.serve.errors import STATUS, ServiceCode

US_SCC = (
    "# Data Processing Agreement\n\nWe transfer personal data to the United States under the Standard "
    "Contractual Clauses.\n"
)
DE_AVV = "# Auftragsverarbeitungsvertrag\n\nWir übermitteln personenbezogene Daten nach Indien.\n"


def _error(response: httpx.Response, code: str) -> dict:
    """The JSON error of ``response``, checked against its code and that code's status."""
    assert response.status_code == STATUS[code], response.text
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["status"] == response.status_code
    assert body["error"]["message"]
    return body["error"]


def _zip(members: dict[str, bytes | str], *, links: dict[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in members.items():
            bundle.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o120777 << 16
            bundle.writestr(info, target)
    return buffer.getvalue()


MANIFEST = """name = "Acme Cloud"
source = "https://acme.example/legal"

[[documents]]
path = "dpa.md"
role = "dpa"
date = 2025-01-01
url = "https://acme.example/legal/dpa"

[[documents]]
path = "de/avv.md"
role = "addendum"
"""


# ------------------------------------------------------------------ happy paths


def test_serve_scan_answers_the_report_the_library_gives(server, scanner, corpora):
    """A typical DPA uploaded: the JSON report is the library's for the same bytes (scan output unchanged)."""
    data = (corpora / "cirrusvault-dpa-en-2025.md").read_bytes()
    response = httpx.post(f"{server.url}/v1/scan", files={"file": ("cirrusvault-dpa-en-2025.md", data)}, timeout=120)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    expected = render(scanner.report([scanner.scan_bytes(data, "cirrusvault-dpa-en-2025.md")]), "json")
    assert response.json() == json.loads(expected)


def test_serve_scan_in_other_formats(server):
    """?format= gives any report format with its media type."""
    files = {"file": ("dpa.md", US_SCC.encode())}
    html = httpx.post(f"{server.url}/v1/scan?format=html", files=files, timeout=60)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<!DOCTYPE html>" in html.text and "United States" in html.text
    sarif = httpx.post(f"{server.url}/v1/scan?format=sarif", files=files, timeout=60)
    assert sarif.headers["content-type"] == "application/sarif+json" and sarif.json()["version"] == "2.1.0"
    _error(httpx.post(f"{server.url}/v1/scan?format=docx", files=files, timeout=60), ServiceCode.BAD_REQUEST)


def test_serve_rules_schema_health_and_no_cors(server, scanner):
    """GET /v1/rules, /v1/schema and /healthz; no CORS header even for a preflight from another site."""
    rules = httpx.get(f"{server.url}/v1/rules").json()
    assert [r["id"] for r in rules["rules"]] == [r.id for r in scanner.ruleset.rules]
    assert rules["ruleset_version"] == scanner.ruleset.version
    assert httpx.get(f"{server.url}/v1/schema").json() == report_schema()
    assert httpx.get(f"{server.url}/healthz").json()["status"] == "ok"
    origin = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"}
    for response in (
        httpx.options(f"{server.url}/v1/scan", headers=origin),
        httpx.get(f"{server.url}/v1/rules", headers=origin),
    ):
        assert not any(h.lower().startswith("access-control-") for h in response.headers)
    assert "default-src 'none'" in httpx.get(server.url).headers["content-security-policy"]


def test_serve_bundle_answers_the_vendor_report_of_the_manifest(server):
    """A zip with vendor.toml: the vendor report, each listed document named by its path in the bundle
    with its role, date and hash, an addendum joined to its DPA, unlisted files left out."""
    data = _zip(
        {"acme/vendor.toml": MANIFEST, "acme/dpa.md": US_SCC, "acme/de/avv.md": DE_AVV, "acme/notes.txt": "not listed"}
    )
    response = httpx.post(f"{server.url}/v1/scan", files={"bundle": ("acme.zip", data)}, timeout=120)
    assert response.status_code == 200, response.text
    body = response.json()
    assert not list(jsonschema.Draft202012Validator(vendor_schema()).iter_errors(body))
    assert body["vendor"] == {"name": "Acme Cloud", "source": "https://acme.example/legal", "folder": "acme.zip"}
    assert [(d["path"], d["role"], d["date"], d["sha256"]) for d in body["documents"]] == [
        ("dpa.md", "dpa", "2025-01-01", hashlib.sha256(US_SCC.encode()).hexdigest()),
        ("de/avv.md", "addendum", None, hashlib.sha256(DE_AVV.encode()).hexdigest()),
    ]
    assert body["documents"][1]["report"]["language"] == "de" and body["documents"][1]["joined_to"] == "dpa.md"
    assert [(a["dpa"], a["annexes"]) for a in body["agreements"]] == [("dpa.md", ["de/avv.md"])]
    assert {d["country"] for d in body["destinations"]} >= {"US", "IN"}


def test_serve_bundle_of_a_corpora_dossier_is_its_vendor_report(server, corpora, scanner):
    """A corpora/ vendor folder zipped whole answers what dpcheck.scan_vendor says of the folder, named
    by the upload and never by a server path."""
    folder = corpora / "ferncloud"
    data = _zip({f"ferncloud/{p.name}": p.read_bytes() for p in sorted(folder.iterdir())})
    response = httpx.post(f"{server.url}/v1/scan", files={"bundle": ("ferncloud.zip", data)}, timeout=300)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body == vendor_to_dict(scan_vendor(folder, scanner=scanner, shown_as="ferncloud.zip"))
    assert body["findings"] and body["subprocessors"] and body["rating"]
    assert str(server.tmp) not in response.text and "/tmp" not in response.text


def test_serve_page_answers_a_bundle_with_the_vendor_page(server):
    """A bundle posted to the page's form comes back as the vendor report's HTML page."""
    data = _zip({"vendor.toml": MANIFEST, "dpa.md": US_SCC, "de/avv.md": DE_AVV})
    response = httpx.post(f"{server.url}/", files={"bundle": ("acme.zip", data)}, timeout=120)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Acme Cloud" in response.text and "de/avv.md" in response.text and str(server.tmp) not in response.text


def test_serve_upload_name_never_reaches_a_server_path(server):
    """A file name that is a server path is only a name: the report shows its last part and the
    uploaded content, never the server's file."""
    response = httpx.post(
        f"{server.url}/v1/scan", files={"file": ("../../../etc/hostname.md", US_SCC.encode())}, timeout=60
    )
    document = response.json()["documents"][0]
    assert document["path"] == "hostname.md"
    assert document["transfers"][0]["destination"] == "US"


def test_serve_removes_every_upload(server):
    """After answers and refusals alike, the server's temporary folder is empty again."""
    httpx.post(f"{server.url}/v1/scan", files={"file": ("dpa.md", US_SCC.encode())}, timeout=60)
    httpx.post(f"{server.url}/v1/scan", files={"file": ("x.bin", b"\x00\x01" * 100)}, timeout=60)
    httpx.post(f"{server.url}/v1/scan", files={"bundle": ("b.zip", _zip({"vendor.toml": MANIFEST}))}, timeout=60)
    assert list(server.tmp.iterdir()) == []


def test_serve_fifty_concurrent_requests_lose_nothing(server):
    """50 requests at once, each a different document: 50 answers, each the report of its own document."""
    countries = [
        ("India", "IN"),
        ("Brazil", "BR"),
        ("Mexico", "MX"),
        ("Singapore", "SG"),
        ("Australia", "AU"),
        ("Canada", "CA"),
        ("Japan", "JP"),
        ("Turkey", "TR"),
        ("Egypt", "EG"),
        ("Kenya", "KE"),
    ]

    async def one(client: httpx.AsyncClient, i: int) -> tuple[int, str, list[str]]:
        country = countries[i % len(countries)][0]
        text = f"# Privacy Policy {i}\n\nWe transfer personal data to {country}.\n"
        response = await client.post("/v1/scan", files={"file": (f"policy-{i}.md", text.encode())})
        assert response.status_code == 200, response.text
        document = response.json()["documents"][0]
        return i, document["path"], [t["destination"] for t in document["transfers"]]

    async def all_at_once() -> list[tuple[int, str, list[str]]]:
        limits = httpx.Limits(max_connections=50)
        async with httpx.AsyncClient(base_url=server.url, limits=limits, timeout=300) as client:
            return await asyncio.gather(*(one(client, i) for i in range(50)))

    results = asyncio.run(all_at_once())
    assert sorted(i for i, _, _ in results) == list(range(50))
    for i, path, found in results:
        assert path == f"policy-{i}.md"
        assert found == [countries[i % len(countries)][1]]


# ------------------------------------------------------------------ errors


def test_serve_refuses_what_is_not_a_document(server):
    """Bad type: binary content (E105) and a format dpcheck does not read (E104), both 415."""
    _error(
        httpx.post(f"{server.url}/v1/scan", files={"file": ("tool.exe", b"MZ\x90\x00" + bytes(2000))}, timeout=60),
        ErrorCode.BINARY_CONTENT,
    )
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    _error(
        httpx.post(f"{server.url}/v1/scan", files={"file": ("logo.png", png)}, timeout=60), ErrorCode.UNSUPPORTED_FORMAT
    )


def test_serve_not_a_privacy_document_or_unread_language_is_never_a_report(server):
    """A sign-in page is 422 E140 and a French policy 422 E141, as on the command line: never a green report."""
    login = (
        "<html><head><title>Sign in</title></head><body><main><h1>Sign in</h1><p>Email address</p>"
        "<p>Password</p><p>Forgot your password?</p></main></body></html>"
    )
    _error(
        httpx.post(f"{server.url}/v1/scan", files={"file": ("login.html", login.encode())}, timeout=60),
        ErrorCode.NOT_PRIVACY,
    )
    french = (
        "# Politique de confidentialité\n\nNous envoyons les données de nos clients en Inde, sans aucune "
        "garantie. Vous pouvez écrire à notre délégué pour exercer vos droits.\n"
    )
    _error(
        httpx.post(f"{server.url}/v1/scan", files={"file": ("politique.md", french.encode())}, timeout=60),
        ErrorCode.LANGUAGE_NOT_READ,
    )


def test_serve_refuses_malformed_requests(server):
    """Not multipart, an unknown field, no file, a wrong path or method: 400, 404, 405 with E2xx codes."""
    _error(httpx.post(f"{server.url}/v1/scan", content=US_SCC.encode()), ServiceCode.BAD_REQUEST)
    _error(httpx.post(f"{server.url}/v1/scan", files={"path": ("p", b"/etc/passwd")}), ServiceCode.BAD_REQUEST)
    _error(
        httpx.post(f"{server.url}/v1/scan", data={"format": "json"}, files={"file": ("", b"")}), ServiceCode.BAD_REQUEST
    )
    _error(httpx.get(f"{server.url}/v1/nothing"), ServiceCode.NOT_FOUND)
    _error(httpx.delete(f"{server.url}/v1/scan"), ServiceCode.METHOD_NOT_ALLOWED)


def test_serve_too_large_is_refused_while_streaming(guarded):
    """Over --max-size: 413 E103 from the Content-Length, and, sent in chunks without one, as soon
    as the stream passes the limit; nothing of it is left on disk."""
    big = b"We transfer personal data to India.\n" * 80_000  # about 3 MB
    _error(
        httpx.post(f"{guarded.url}/v1/scan", files={"file": ("big.md", big)}, headers=guarded.auth, timeout=60),
        ErrorCode.TOO_LARGE,
    )
    boundary = "dpcheck-test-boundary"

    def chunks():
        yield (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.md"\r\n\r\n').encode()
        for start in range(0, len(big), 2**16):
            yield big[start : start + 2**16]
        yield f"\r\n--{boundary}--\r\n".encode()

    response = httpx.post(
        f"{guarded.url}/v1/scan",
        content=chunks(),
        timeout=60,
        headers={**guarded.auth, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    _error(response, ErrorCode.TOO_LARGE)
    assert list(guarded.tmp.iterdir()) == []


def test_serve_timeout_is_an_error_answer(guarded):
    """A document that takes longer than --timeout: 422 E108, and the service goes on answering."""
    text = "".join(
        f"## Section {i}\n\nWe transfer personal data to India and to Brazil for support.\n\n" for i in range(20_000)
    )[:1_900_000]
    _error(
        httpx.post(
            f"{guarded.url}/v1/scan", files={"file": ("long.md", text.encode())}, headers=guarded.auth, timeout=120
        ),
        ErrorCode.TIMEOUT,
    )
    quick = httpx.post(
        f"{guarded.url}/v1/scan", files={"file": ("dpa.md", US_SCC.encode())}, headers=guarded.auth, timeout=60
    )
    assert quick.status_code == 200


def test_serve_refuses_zip_bombs(guarded):
    """A member inflating over 100 times its size (or past the document limit): 413 E213, before extraction."""
    bomb = _zip({"vendor.toml": MANIFEST, "dpa.md": b"\0" * (3 * 2**20)})
    _error(
        httpx.post(f"{guarded.url}/v1/scan", files={"bundle": ("bomb.zip", bomb)}, headers=guarded.auth, timeout=60),
        ServiceCode.BUNDLE_BOMB,
    )
    many = _zip({f"f{i}.md": "x" for i in range(250)})
    _error(
        httpx.post(f"{guarded.url}/v1/scan", files={"bundle": ("many.zip", many)}, headers=guarded.auth, timeout=60),
        ServiceCode.BUNDLE_TOO_MANY_FILES,
    )
    assert list(guarded.tmp.iterdir()) == []


@pytest.mark.parametrize(
    ("members", "links", "code"),
    [
        ({"vendor.toml": MANIFEST, "../dpa.md": US_SCC}, None, ServiceCode.BUNDLE_UNSAFE_PATH),
        ({"vendor.toml": MANIFEST, "/etc/dpa.md": US_SCC}, None, ServiceCode.BUNDLE_UNSAFE_PATH),
        ({"vendor.toml": MANIFEST, "C:\\dpa.md": US_SCC}, None, ServiceCode.BUNDLE_UNSAFE_PATH),
        ({"vendor.toml": MANIFEST}, {"dpa.md": "/etc/passwd"}, ServiceCode.BUNDLE_LINK),
        ({"dpa.md": US_SCC}, None, ServiceCode.BUNDLE_MANIFEST),
        (
            {"vendor.toml": 'name = "Acme"\n[[documents]]\npath = "../../etc/passwd"\nrole = "dpa"\n'},
            None,
            ServiceCode.BUNDLE_MANIFEST,
        ),
        (
            {"vendor.toml": 'name = "Acme"\n[[documents]]\npath = "dpa.md"\nrole = "contract"\n', "dpa.md": US_SCC},
            None,
            ServiceCode.BUNDLE_MANIFEST,
        ),
        ({"vendor.toml": "name = ", "dpa.md": US_SCC}, None, ServiceCode.BUNDLE_MANIFEST),
    ],
    ids=["dotdot", "absolute", "drive", "symlink", "no-manifest", "manifest-escapes", "bad-role", "bad-toml"],
)
def test_serve_refuses_unsafe_bundles(server, members, links, code):
    """Traversal, absolute paths, links and bad manifests are refused with their own code."""
    data = _zip(members, links=links)
    _error(httpx.post(f"{server.url}/v1/scan", files={"bundle": ("b.zip", data)}, timeout=60), code)


def test_serve_refuses_a_corrupt_zip(server):
    """A bundle that is no zip: 422 E210."""
    _error(
        httpx.post(f"{server.url}/v1/scan", files={"bundle": ("b.zip", b"PK\x03\x04 not really")}, timeout=60),
        ServiceCode.BUNDLE_CORRUPT,
    )


# ------------------------------------------------------------------ token


def test_serve_token_is_required_when_set(guarded):
    """With DPCHECK_TOKEN: no or a wrong bearer token is 401 E201 before any upload is read; the
    right one works; /healthz stays open; the page's form passes the token as a field."""
    files = {"file": ("dpa.md", US_SCC.encode())}
    _error(httpx.post(f"{guarded.url}/v1/scan", files=files, timeout=60), ServiceCode.UNAUTHORIZED)
    _error(
        httpx.post(f"{guarded.url}/v1/scan", files=files, headers={"Authorization": "Bearer nope"}, timeout=60),
        ServiceCode.UNAUTHORIZED,
    )
    _error(httpx.get(f"{guarded.url}/v1/rules"), ServiceCode.UNAUTHORIZED)
    assert httpx.post(f"{guarded.url}/v1/scan", files=files, headers=guarded.auth, timeout=60).status_code == 200
    assert httpx.get(f"{guarded.url}/healthz").status_code == 200
    assert 'name="token"' in httpx.get(guarded.url).text
    page = httpx.post(guarded.url, data={"token": guarded.token}, files=files, timeout=60)
    assert page.status_code == 200 and "<!DOCTYPE html>" in page.text
    refused = httpx.post(guarded.url, data={"token": "nope"}, files=files, timeout=60)
    assert refused.status_code == 401 and "E201-unauthorized" in refused.text


def test_serve_refuses_to_listen_beyond_loopback_without_a_token(tmp_path):
    """`dpcheck serve --host 0.0.0.0` without DPCHECK_TOKEN exits 2 before listening."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "dpcheck", "serve", "--host", "0.0.0.0", "--port", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 2 and "refusing to listen on 0.0.0.0 without a token" in run.stderr
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1") and not is_loopback("example.org")


def test_serve_every_error_code_has_a_status():
    """Each scanner and service code maps to an HTTP status (a new code cannot be forgotten)."""
    assert set(STATUS) == set(ErrorCode) | set(ServiceCode)
    assert {STATUS[c] for c in ServiceCode if c.name.startswith("BUNDLE_")} <= {413, 422}
