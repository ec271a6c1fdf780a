"""HTML ingestion, including PDF-to-HTML conversions built from positioned lines."""

from __future__ import annotations

from dpcheck.ingest import load

from .conftest import assert_consistent

PAGE = """<!DOCTYPE html>
<html><head><title>Acme Privacy</title><style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
<header><p>Acme Inc. site header</p></header>
<div id="cookie-banner"><p>We use cookies. <button>Accept</button></p></div>
<main>
<h1>Privacy Policy</h1>
<p>We process data&nbsp;carefully &amp; lawfully.<br>Second line of the same paragraph.</p>
<h2>International transfers</h2>
<p>We rely on <a href="#scc">standard contractual clauses</a> for transfers.</p>
<ul><li>United States</li><li>India<ul><li>Bangalore</li></ul></li></ul>
<h3>Sub-processors</h3>
<table>
<thead><tr><th>Name</th><th>Purpose</th><th>Location</th></tr></thead>
<tbody>
<tr><td>AWS</td><td>Hosting</td><td>US</td></tr>
<tr><td>Stripe</td><td>Payments</td><td><ul><li>IE</li><li>US</li></ul></td></tr>
</tbody></table>
<h2>Contact</h2>
<div>Write to privacy@acme.example.</div>
<script>var tracking = "no";</script>
<section id="cookies"><h2>Cookies</h2><p>Our cookie section stays.</p></section>
</main>
<footer><p>© Acme</p></footer>
</body></html>"""


def test_html_headings_paragraphs_and_paths() -> None:
    """Headings take their level from the tag and nest; paragraphs and list items follow."""
    doc = load(PAGE.encode(), name="policy.html")
    kinds = [(b.kind, b.text) for b in doc.blocks if b.kind != "table_row"]
    kinds = kinds[kinds.index(("heading", "Privacy Policy")) :]
    assert kinds[:8] == [
        ("heading", "Privacy Policy"),
        ("paragraph", "We process data carefully & lawfully. Second line of the same paragraph."),
        ("heading", "International transfers"),
        ("paragraph", "We rely on standard contractual clauses for transfers."),
        ("list_item", "United States"),
        ("list_item", "India"),
        ("list_item", "Bangalore"),
        ("heading", "Sub-processors"),
    ]
    contact = next(b for b in doc.blocks if b.text.startswith("Write to"))
    assert contact.heading_path == ("Privacy Policy", "Contact")
    assert doc.metadata["title"] == "Acme Privacy"
    assert_consistent(doc)


def test_html_reads_chrome_but_not_scripts() -> None:
    """Navigation, site header/footer and consent banners are shown, so read; scripts and styles are not text."""
    doc = load(PAGE.encode(), name="policy.html")
    for shown in ("Home", "site header", "We use cookies. Accept", "© Acme", "Our cookie section stays."):
        assert shown in doc.text
    for gone in ("tracking", "color"):
        assert gone not in doc.text


def test_html_table_header_and_rows() -> None:
    """A data table keeps its header and rows; list cells are joined with semicolons."""
    doc = load(PAGE.encode(), name="policy.html")
    (table,) = doc.tables
    assert table.header == ("Name", "Purpose", "Location")
    assert table.rows == (("AWS", "Hosting", "US"), ("Stripe", "Payments", "IE; US"))
    assert table.heading_path == ("Privacy Policy", "International transfers", "Sub-processors")
    rows = [b.text for b in doc.blocks if b.kind == "table_row"]
    assert rows == ["Name | Purpose | Location", "AWS | Hosting | US", "Stripe | Payments | IE; US"]


def test_html_table_without_th_uses_first_row_as_header() -> None:
    """Without th or thead the first row is the header."""
    html = b"<table><tr><td>Vendor</td><td>Country</td></tr><tr><td>OVH</td><td>FR</td></tr></table>"
    doc = load(html, name="t.html")
    assert doc.tables[0].header == ("Vendor", "Country")
    assert doc.tables[0].rows == (("OVH", "FR"),)


def test_html_layout_table_is_read_as_text() -> None:
    """A one-column table used for layout gives paragraphs, not a Table."""
    html = b"<table><tr><td><h2>Transfers</h2></td></tr><tr><td><p>We use SCCs.</p></td></tr></table>"
    doc = load(html, name="t.html")
    assert doc.tables == ()
    assert [(b.kind, b.text) for b in doc.blocks] == [("heading", "Transfers"), ("paragraph", "We use SCCs.")]


def test_html_definition_list_of_fields_is_a_record() -> None:
    """A card of short fields ("Land" Serbien) is a table of one row headed by its terms."""
    html = (
        b"<h3>Textwerk Ltd</h3><dl><dt>Leistung</dt><dd>SMS-Versand</dd><dt>Land</dt><dd>Serbien</dd></dl>"
        b"<h3>Nightdesk Inc.</h3><dl><dt>Service</dt><dd>Support</dd><dt>Country</dt><dd>India</dd></dl>"
    )
    doc = load(html, name="cards.html")
    assert [(t.header, t.rows) for t in doc.tables] == [
        (("Leistung", "Land"), (("SMS-Versand", "Serbien"),)),
        (("Service", "Country"), (("Support", "India"),)),
    ]
    assert [b.text for b in doc.blocks if b.kind == "table_row"][1] == "SMS-Versand | Serbien"


def test_html_glossary_definition_list_stays_prose() -> None:
    """A glossary's definitions (sentences), or a term with two values, are not a record."""
    glossary = (
        "<dl><dt>Personal Data</dt><dd>any information relating to a natural person.</dd>"
        "<dt>Processor</dt><dd>a party that processes data for the Customer.</dd></dl>"
    )
    two = "<dl><dt>Land</dt><dd>Serbien</dd><dd>Indien</dd><dt>Leistung</dt><dd>Support</dd></dl>"
    for html in (glossary, two):
        doc = load(html.encode(), name="g.html")
        assert doc.tables == ()
        assert "Serbien" in doc.text or "Personal Data" in doc.text


def test_html_cards_read_as_a_table_of_one_card_to_a_row() -> None:
    """Sibling cards of a few short lines (a company, what it does, where) and a definition list whose terms each
    have several short descriptions are a table of one cell to a row, the lines joined by ", "."""
    cards = (
        b'<div class="grid"><div class="card"><h4>Acme Analytics, Inc.</h4><p>Product analytics</p><p>Austin, Texas</p>'
        b'</div><div class="card"><h4>Beispiel Pvt. Ltd.</h4><p>Kundensupport</p><p>Bengaluru</p></div></div>'
    )
    terms = (
        b"<dl><dt>Acme Relay LLC</dt><dd>SMS delivery</dd><dd>Where: Portland, Oregon</dd>"
        b"<dt>Beispiel AG</dt><dd>Backups</dd><dd>Wo: Z\xc3\xbcrich</dd></dl>"
    )
    assert [t.rows for t in load(cards, name="c.html").tables] == [
        (("Acme Analytics, Inc., Product analytics, Austin, Texas",), ("Beispiel Pvt. Ltd., Kundensupport, Bengaluru",))
    ]
    assert [t.rows for t in load(terms, name="d.html").tables] == [
        (("Acme Relay LLC, SMS delivery, Where: Portland, Oregon",), ("Beispiel AG, Backups, Wo: Zürich",))
    ]


def test_html_sections_of_prose_are_no_cards() -> None:
    """Sibling sections of sentences, or children that differ, stay paragraphs."""
    prose = (
        b'<div><section class="s"><h2>Transfers</h2><p>We store your data in the EU and never move it elsewhere.</p>'
        b'</section><section class="s"><h2>Rights</h2><p>You may ask us for a copy of your data at any time.</p>'
        b"</section></div>"
    )
    mixed = b'<div><div class="a"><p>One</p><p>Two</p></div><div class="b"><p>Three</p><p>Four</p></div></div>'
    for html in (prose, mixed):
        assert load(html, name="p.html").tables == ()


def test_html_ordered_list_items_keep_their_labels() -> None:
    """Ordered list items carry the visible number or letter they are cited by."""
    html = b'<ol style="list-style-type:lower-alpha"><li>first</li><li>second<ol type="i"><li>inner</li></ol></li></ol>'
    doc = load(html, name="l.html")
    assert [b.text for b in doc.blocks] == ["a. first", "b. second", "i. inner"]


def test_html_positioned_lines_become_paragraphs() -> None:
    """Absolutely positioned line elements (PDF-to-HTML) are joined into paragraphs by gaps and size."""
    lines = [
        (40, 24, True, "Data Policy"),
        (70, 12, False, "This policy describes how we transfer informa-"),
        (84, 12, False, "tion to other countries and which safeguards"),
        (98, 12, False, "apply to such transfers."),
        (130, 12, False, "We use standard contractual clauses approved"),
        (144, 12, False, "by the European Commission."),
    ]
    spans = "".join(
        f'<p style="position:absolute;top:{top}pt;left:34pt"><span style="font-size:{size}pt">'
        + (f"<b>{text}</b>" if bold else text)
        + "</span></p>"
        for top, size, bold, text in lines
    )
    # The converter never closed its page divs; the second page is nested inside the first.
    second = (
        '<div style="position:relative"><p style="position:absolute;top:30pt;left:34pt">'
        '<span style="font-size:12pt">approved by the Commission.</span></p>' + spans.replace("Data Policy", "Part Two")
    )
    html = f'<div style="position:relative">{spans}{second}'
    doc = load(html.encode(), name="converted.html")
    texts = [(b.kind, b.text) for b in doc.blocks]
    assert texts[:3] == [
        ("heading", "Data Policy"),
        (
            "paragraph",
            "This policy describes how we transfer information to other countries and which "
            "safeguards apply to such transfers.",
        ),
        ("paragraph", "We use standard contractual clauses approved by the European Commission."),
    ]
    assert ("heading", "Part Two") in texts
    assert_consistent(doc)


def test_html_class_positioned_line_divs_are_merged() -> None:
    """Unstyled one-line-per-div conversions are joined where lines wrap mid-sentence."""
    lines = [
        "Personal data may be transferred to",
        "countries outside the European Economic",
        "Area where the processor or its sub-",
        "processors operate data centres.",
        "Transfers rely on adequacy decisions or",
        "on standard contractual clauses, as the",
        "case may be, and on supplementary",
        "measures where required.",
    ]
    html = '<div class="pc">' + "".join(f'<div class="t m0 x1">{line}</div>' for line in lines) + "</div>"
    doc = load(html.encode(), name="converted.html")
    assert [b.text for b in doc.blocks] == [
        "Personal data may be transferred to countries outside the European Economic Area where the "
        "processor or its sub-processors operate data centres.",
        "Transfers rely on adequacy decisions or on standard contractual clauses, as the case may be, "
        "and on supplementary measures where required.",
    ]


def test_html_fragment_without_html_tag_is_sniffed() -> None:
    """A file that starts with a <div> and has a .pdf name is still read as HTML."""
    doc = load(b"<div><h2>Transfers</h2><p>We use SCCs.</p></div>", name="policy.pdf")
    assert doc.format == "html"
    assert doc.blocks[0].kind == "heading"


def test_html_links_are_recorded_not_followed():
    """Hyperlinks are kept as (text, target) pairs, navigation links too; hidden links are not."""
    from dpcheck.ingest import load

    page = (
        b"<html><body><nav><a href='/home'>Home</a><a hidden href='/x'>X</a></nav><p>See our "
        b"<a href='https://example.com/subprocessors'>sub-processor list</a>.</p></body></html>"
    )
    doc = load(page, name="dpa.html")
    assert doc.links == (("Home", "/home"), ("sub-processor list", "https://example.com/subprocessors"))
