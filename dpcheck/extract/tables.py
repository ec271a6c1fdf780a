"""Sub-processor tables: who receives data, for what, where, and who passes it on.

Which column holds what is read from the header cells with the vocabulary of
``table_headers`` in rules/lexicon/words.yml. A row whose every cell is such a word heads the
rows below it (a table whose first row is only its title, "Support sub-processors", is headed
by its second); a row of one cell alone that is such a word titles a group of rows. Neither
names a recipient, nor does a cell that names only a country. A recipient's name is its cell up
to where an address starts ("Acme GmbH, Musterweg 5, 12345 Berlin", "Acme Corp 12 Harbour Road").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from dpcheck.extract.destinations import Words, apposition, gone_section
from dpcheck.ingest.document import Block, Document, Table
from dpcheck.models import EEA_REGION, UNSPECIFIED, Evidence, Mention, Recipient
from dpcheck.nlp.components import COUNTRIES, SPAN_KEY, CountryRecognizer
from dpcheck.nlp.gazetteer import LEFT_OUT_KEY

# Earlier kinds claim a column first: "Sub-processor of" is an engaged-by column, not a name column.
COLUMN_ORDER = ("engaged_by", "onward", "access", "name", "location", "seat", "remarks", "purpose")
# Header cells are short; a longer cell is a row's content.
HEADER_CELL_CHARS = 60
# The longest location cell read as an answer of its own ("Global", "Varies", "Multiple regions").
LOCATION_CELL = 80
# Where an address starts in a name cell: a part after a comma with a digit or "c/o", or a dash;
# then, before what was cut, a house number ("Acme 12 Harbour Road, 4000 Town", "Acme 4, rue ...").
_ADDRESS_PART = re.compile(r"\d|^c/o\b", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"\s+\d+[a-zA-Z]?\b(?=[\s,]+\S)")
_LAST_NUMBER = re.compile(r"\s+\d+[a-zA-Z]?$")
_DASH = re.compile(r"\s+[–—-]\s+")
_ASIDE = re.compile(r"\([^)]*\)")
# The marks between the addresses one cell holds ("..., Boston, USA; ..., Dublin, Ireland", "... Canada / ... Ireland").
ADDRESSES = re.compile(r"\s*(?:;|\s/\s|\n)\s*")
# The cues that make a location cell's words a place of their own ("Global", "Worldwide", "Third countries").
OPEN_CUES = frozenset({"OPEN_DESTINATION", "OPEN_LOCATION", "THIRD_COUNTRY"})
# A paragraph pointing to what follows it ("by the following partners", „folgende Dienstleister").
LEAD_IN_FOLLOWING = re.compile(r"\b(?:the following|folgenden?|nachstehenden?|nachfolgenden?)\b", re.IGNORECASE)
# The longest line of a card read as where its company is ("United States", "Worldwide (Local to Customer)").
CARD_PLACE_WORDS = 4


class Cells:
    """The pipeline for the short texts of table cells and cards, each text read once per document: a list of
    sub-processors names the same country row after row ("United States", "Ireland"), and its names are asked
    again whether they are only places. The readers only read what it gives."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._docs: dict[str, Doc] = {}

    def __call__(self, text: str) -> Doc:
        doc = self._docs.get(text)
        if doc is None:
            doc = self._docs[text] = self.nlp(text)
        return doc


@cache
def _at_word_start(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` where a word starts, case ignored; compiled once (asked of every cell of every row, its text was
    built and looked up in ``re``'s cache each time)."""
    return re.compile(rf"(?<![^\W_])(?:{pattern.pattern})", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_][\w\-]*")


def _header_cell(cell: str, patterns: dict[str, re.Pattern[str]]) -> bool:
    """A short cell whose every longer word starts a header word ("Server location", "Description of
    activities"); a company's name has a word of its own ("Brightwave Hosting", "Northgate")."""
    if len(cell) > HEADER_CELL_CHARS:
        return False
    covered: set[int] = set()
    for pattern in patterns.values():
        for match in _at_word_start(pattern).finditer(cell):
            covered.update(range(match.start(), match.end()))
    words = list(_WORD.finditer(cell))
    # A word with a digit is a name's ("Firma0 Hosting Ltd."), though it opens with a header word ("Firma").
    return bool(words) and all(
        w.start() in covered and not any(ch.isdigit() for ch in w.group()) for w in words if len(w.group()) > 3
    )


def _is_header(row: tuple[str, ...], patterns: dict[str, re.Pattern[str]]) -> bool:
    """A row of header cells that heads the rows below it: its first cell names a name or location
    column, or the services beside a column of where their data is, and most of its cells are header cells
    ("Company | Location | Safeguards for transfers", "Our services | Location of servers")."""
    cells = [c for c in row if c.strip()]
    headers = [c for c in cells if _header_cell(c, patterns)]
    return (
        len(headers) >= 2
        and 2 * len(headers) >= len(cells)
        and cells[0] in headers
        and bool(
            patterns["name"].search(cells[0])
            or patterns["location"].search(cells[0])
            or (
                patterns["purpose"].search(cells[0])
                and any(patterns["data_location"].search(c) and patterns["location"].search(c) for c in headers[1:])
            )
        )
    )


def _is_title(row: tuple[str, ...], patterns: dict[str, re.Pattern[str]]) -> bool:
    """A row of one cell alone in a wider table that is a header word ("Support sub-processors", "Company")."""
    cells = [c for c in row if c.strip()]
    return (
        len(row) > 1
        and len(cells) == 1
        and len(cells[0]) <= HEADER_CELL_CHARS
        and bool(patterns["name"].search(cells[0]))
    )


def _company_name(cell: str, words: Words) -> str:
    """The recipient's name in a name cell, without the address that may follow it."""
    parts = cell.split(", ")
    kept = next((i for i, part in enumerate(parts) if i and _ADDRESS_PART.search(part.strip())), len(parts))
    name = _DASH.split(", ".join(parts[:kept]))[0]
    cut = name != cell  # an address followed what is left
    tokens = name.split()
    form = next(
        (i for i, t in enumerate(tokens) if i and t[:1].isupper() and t.lower().rstrip(".,") in words.legal_forms), None
    )
    if form is not None:
        # "Acme AB Storgatan 74": a name with a legal form ends with it ("Studio 71 GmbH" keeps its number).
        rest = " ".join(tokens[form + 1 :])
        return " ".join(tokens[: form + 1]).rstrip(",") if any(ch.isdigit() for ch in rest) else name
    number = (_HOUSE_NUMBER.search(name) or _LAST_NUMBER.search(name)) if cut else None
    if number is not None and number.start():
        return name[: number.start()].strip(" ,")
    # "Acme (Acme Cloud) One Harbour Place, ...": the street follows the name's alias.
    alias = name.find(") ")
    return name[: alias + 1] if cut and alias > 0 else name


def _columns(header: tuple[str, ...], patterns: dict[str, re.Pattern[str]]) -> dict[str, int]:
    """Which column holds what. An aside in brackets qualifies a header, it does not name its column
    ("Legal basis (where applicable)" is no location column); a column of kinds of recipients is no name column,
    nor one of where the data comes from or of when it is disclosed a location column ("Where we get the information",
    "Circumstances where data may be disclosed")."""
    cells = [_ASIDE.sub("", cell) for cell in header]
    columns: dict[str, int] = {}
    for kind in COLUMN_ORDER:
        found = [
            i
            for i, cell in enumerate(cells)
            if i not in columns.values()
            and patterns[kind].search(cell)
            and not (kind == "name" and patterns["category"].search(cell))
            and not (kind == "location" and (patterns["source"].search(cell) or patterns["occasion"].search(cell)))
        ]
        if kind == "location":
            # "Sitz des Unternehmens | Rechenzentrumsregion / Zugriffsort": the company's seat loses to any other
            # column of where, which says where its data is (the seat is read only where that cell names no country).
            found = [i for i in found if not patterns["seat"].search(cells[i])] or found
            # "Provider location | Processing location": the data's location wins over the provider's seat; "Region |
            # Location": where the data is wins over the region a provider serves.
            found = [i for i in found if not patterns["coarse"].search(cells[i])] or found
            found = [i for i in found if patterns["data_location"].search(cells[i])] or found
        if found:
            columns[kind] = found[0]
    return columns


def table_recipients(
    document: Document, cells: Cells, eea: set[str], words: Words
) -> tuple[list[Recipient], list[Mention], set[int]]:
    """Recipients and destination mentions from tables that list recipients or locations,
    and the indices of the tables that were read that way."""
    recipients: list[Recipient] = []
    mentions: list[Mention] = []
    read: set[int] = set()
    for index, table in enumerate(document.tables):
        recipients_here, mentions_here, claimed = _read_table(index, table, document, cells, eea, words)
        if recipients_here or mentions_here or claimed:
            read.add(index)
        else:
            # A table of purposes with a column of whom the data goes to: its companies are recipients, and its
            # rows are read as prose besides (their places and tools are sentences of the text).
            recipients_here = _shared_with(index, table, document, words)
        recipients.extend(recipients_here)
        mentions.extend(mentions_here)
    return recipients, mentions, read


def _shared_with(index: int, table: Table, document: Document, words: Words) -> list[Recipient]:
    """The companies named in a column of whom data is shared with ("Who do we share personal data with?",
    "Empfänger") or of the occasions it is disclosed on ("Circumstances where data may be disclosed"): each name
    closed by a legal form in its cells ("Acme Cloud Ltd. which hosts the data")."""
    shared, occasion = words.table_headers["shared_with"], words.table_headers["occasion"]
    row_blocks = [b for b in document.blocks if b.table == index]
    rows = list(zip(table.rows, row_blocks[-len(table.rows) :] if table.rows else ()))
    # The header is the table's own or, where that is empty, its first row of short cells.
    heads = [
        (table.header, -1),
        *((row, i) for i, (row, _) in enumerate(rows) if all(len(c) <= HEADER_CELL_CHARS for c in row)),
    ]
    column, first = next(
        (
            (i, at + 1)
            for head, at in heads[:2]
            for i, h in enumerate(head)
            if shared.search(_ASIDE.sub("", h)) or occasion.search(_ASIDE.sub("", h))
        ),
        (None, 0),
    )
    if column is None:
        return []
    recipients: dict[str, Recipient] = {}
    for row, block in rows[first:]:
        if column >= len(row):
            continue
        evidence = block_evidence(block, "named in a table column of whom data is shared with")
        for name in _companies(row[column], words):
            recipients.setdefault(name, Recipient(name, "processor", "", (), (evidence,)))
    return list(recipients.values())


def _companies(cell: str, words: Words) -> list[str]:
    """The companies a cell names: runs of capitalised words closed by a legal form ("Acme Cloud EMEA Limited")."""
    found: list[str] = []
    run: list[str] = []
    for token in [*cell.replace(",", " , ").split(), ","]:
        bare = token.rstrip(".;:")
        if bare and (bare[0].isupper() or bare[0].isdigit()) and bare.lower() not in words.not_names:
            run.append(token)
            continue
        if run and token.lower() in words.name_inner:
            run.append(token)
            continue
        last = max((i for i, t in enumerate(run) if i and t.lower().rstrip(".,;:") in words.legal_forms), default=None)
        if last is not None:
            found.append(" ".join(run[: last + 1]).rstrip(",;:"))
        run = []
    return list(dict.fromkeys(found))


# A draft's placeholder in a name cell ("[Add CDN or edge provider]", "<Name des Dienstleisters>"): no recipient.
PLACEHOLDER = re.compile(r"[\[<{].*[\]>}]")


ISO_CODE = re.compile(r"[A-Z]{2}")


def _last_country(address: str, cells: Cells) -> str:
    """The country an address names last ("" if none)."""
    countries = [c for c in _places(address, cells, set(), location_column=True, codes_alone=True) if len(c) == 2]
    return countries[-1] if countries else ""


def _places(
    text: str, cells: Cells, open_cues: set[str], location_column: bool = False, codes_alone: bool = False
) -> list[str]:
    """Country codes named in a cell, and UNSPECIFIED for open wording ("worldwide"). A location
    column's cell says where by itself: its city names count without "seated in" before them."""
    if not text:
        return []
    doc = cells(text)
    codes: list[str] = []
    places = sorted([*doc.ents, *doc.spans[LEFT_OUT_KEY]], key=lambda s: s.start) if location_column else doc.ents
    for ent in places:
        if ent.kb_id_ not in codes:
            codes.append(ent.kb_id_)
    # A table's location cell that is a country's ISO code alone ("IN", "PH"): the code is the country, though
    # most codes are no place in prose ("in", "de"), nor the field of an address ("Menlo Park, CA, 94025").
    code = text.strip()
    if codes_alone and not codes and ISO_CODE.fullmatch(code):
        recognizer = cells.nlp.get_pipe(COUNTRIES)
        if isinstance(recognizer, CountryRecognizer) and code in recognizer.codes:
            codes.append(code)
    # Open words that qualify the place the cell names: "USA (Drittland; SCCs)" describes the US, "EU
    # (multi-region)" spreads the data within the EU; "worldwide" beside a country still leaves the set open.
    countries = [e.end for e in doc.ents if len(e.kb_id_) == 2]
    spans = doc.spans[SPAN_KEY]
    generic = {(s.start, s.end) for s in spans if s.label_ == "THIRD_COUNTRY"}
    opens = {
        s.label_
        for s in spans
        if s.label_ in open_cues
        and not (
            (s.start, s.end) in generic
            and any(end <= s.start and apposition(doc[end : s.start].text) for end in countries)
        )
    }
    if opens <= {"OPEN_LOCATION"} and EEA_REGION in codes:
        opens = set()
    if opens and UNSPECIFIED not in codes:
        codes.append(UNSPECIFIED)
    return codes


def _only_places(text: str, cells: Cells) -> bool:
    """The cell names places and nothing else ("Germany", "Deutschland (EU)"): no recipient."""
    doc = cells(text)
    if not doc.ents:
        return False
    rest = "".join(t.text_with_ws for t in doc if not t.ent_type_)
    return not re.search(r"[^\W\d_]{3,}", rest)


def _other_region_only(
    row: tuple[str, ...],
    header: tuple[str, ...],
    columns: dict[str, int],
    patterns: dict[str, re.Pattern[str]],
    words: Words,
    cells: Cells,
) -> bool:
    """A row serving only customers of another region ("Region: Americas only", "Status: other region only", „nur Region
    Asien-Pazifik", "only for customers who chose APAC hosting"), beside the column of where the data is: it never
    receives the data of the region the list is about (the EEA)."""
    located = columns.get("location")
    for i, (title, cell) in enumerate(zip(header, row)):
        if i == located:
            continue
        for clause, text in _clauses(cell):
            # "Standard Contractual Clauses (APAC region only)": a region beside a transfer tool is what the tool
            # covers, not whom the row serves.
            if _names_tool(clause, cells):
                continue
            # A region by name counts where the clause speaks of whom the row serves ("only for customers who chose APAC
            # hosting"), not of when it works ("APAC hours only").
            regional = (
                patterns["coarse"].search(title)
                or patterns["coarse"].search(clause)
                or (text & words.served and _names_region(clause, cells))
            )
            if regional and text & words.closing and not text & words.home_region:
                return True
    return False


def _home_data_denied(row: tuple[str, ...], words: Words, cells: Cells) -> bool:
    """A cell of the row denies it the data of the region the list is about ("never receives EU-region data", "EEA
    Merchants are not in scope", „Daten aus dem EWR werden dort nicht verarbeitet")."""
    return any(text & words.home_region and _denies(clause, cells) for cell in row for clause, text in _clauses(cell))


def _clauses(cell: str) -> Iterator[tuple[str, set[str]]]:
    """A cell's clauses and the lower-case words of each: "Used only for accounts in the LATAM data region; never
    receives EU-region data" says two things, each judged on its own."""
    for clause in re.split(r"[;.]\s+", cell):
        yield clause, set(re.findall(r"[^\W\d_]+", clause.lower()))


def _names_tool(text: str, cells: Cells) -> bool:
    """The text names a transfer tool ("Standard Contractual Clauses", „Angemessenheitsbeschluss")."""
    return any(s.label_.startswith("MECH:") for s in cells(text).spans[SPAN_KEY])


def _names_region(text: str, cells: Cells) -> bool:
    """The text names an open region ("APAC", "LATAM", "North America")."""
    return any(e.kb_id_ == UNSPECIFIED for e in cells(text).ents)


def _remarked_places(text: str, cells: Cells) -> list[str]:
    """The countries a remarks cell places the company's people or servers in ("Sending servers in London",
    "on-call engineers in Manila also work tickets"); none where the remark denies anything ("contact person in
    Zurich; no access from there", "never receives EU-region data"): what it names may be what it denies."""
    if _denies(text, cells):
        return []
    return list(dict.fromkeys(e.kb_id_ for e in cells(text).ents if len(e.kb_id_) == 2))


def _denies(text: str, cells: Cells) -> bool:
    """The cell denies anything ("no access to Customer Data", „kein Datenzugriff")."""
    return any(s.label_ in ("NEGATION", "DENIAL") for s in cells(text).spans[SPAN_KEY])


def _gone_row(row: tuple[str, ...], skip: set[int | None], words: Words) -> bool:
    """A row whose status cell says its sub-processor is gone ("Removed on 30 September 2025", „Entfernt zum
    31.12.2025", "No longer used", "replaced by X"): where data went. Not its name or purpose, which may use such
    words otherwise."""
    for i, cell in enumerate(row):
        text = cell.strip().lower()
        if i in skip or not text:
            continue
        first = text.split()[0].strip(".,:;()")
        if first in words.former or any(text.startswith(p) for p in words.no_longer):
            return True
        # "until 31.01.2026 – replaced by X, all data deleted": a successor named in the row.
        if any(f" {p} " in f" {text} " for p in words.replaced_by):
            return True
    return False


def _read_table(
    index: int, table: Table, document: Document, cells: Cells, eea: set[str], words: Words
) -> tuple[list[Recipient], list[Mention], bool]:
    """The recipients and destination mentions of one table, and whether it was a table of parties at
    all (one of those who answer for the data gives neither, and its rows are not read again)."""
    patterns = words.table_headers
    columns = _columns(table.header, patterns)
    # A layout heading its columns with its first row leaves the header empty: that row says whom the table lists.
    first = table.rows[0] if table.rows and not any(c.strip() for c in table.header) else ()
    if any(patterns["responsible"].search(h) for h in table.header) or (
        _is_header(first, patterns) and any(patterns["responsible"].search(h) for h in first)
    ):
        return [], [], True
    row_blocks = [b for b in document.blocks if b.table == index]
    heading = row_blocks[0].heading_path[-1] if row_blocks and row_blocks[0].heading_path else ""
    if any(patterns["removed"].search(h) for h in table.header) or gone_section(heading, words):
        return [], [], True  # former sub-processors ("Removed on", "4. Sub-processors removed"): where data went
    if _card_table(table, row_blocks, patterns, _lead_in(document, row_blocks)):
        return _read_cards(table, row_blocks, cells, eea, words)
    if not columns.keys() & {"name", "location"} and not any(_is_header(row, patterns) for row in table.rows):
        return [], [], False
    cookies = any(patterns["cookie"].search(h) for h in table.header)
    recipients: list[Recipient] = []
    mentions: list[Mention] = []
    skipped = False
    body_blocks = row_blocks[1:] if any(table.header) else row_blocks
    header = table.header
    for row, block in zip(table.rows, body_blocks):
        if _is_header(row, patterns):
            columns, header = _columns(row, patterns), row
            continue
        name_col, loc_col = columns.get("name"), columns.get("location")
        if (name_col is None and loc_col is None) or _is_title(row, patterns):
            continue

        def cell(kind: str, row: tuple[str, ...] = row, columns: dict[str, int] = columns) -> str:
            i = columns.get(kind)
            return row[i] if i is not None and i < len(row) else ""

        if words.responsible_row.search(" ".join(row)):
            skipped = True  # the vendor's own controller or its representative: it answers for the data, receives none
            continue
        if _gone_row(row, {columns.get("name"), columns.get("purpose")}, words):
            continue
        if _other_region_only(row, table.header, columns, patterns, words, cells):
            continue
        location_text = cell("location") if loc_col is not None else " ".join(row)
        # "US default; EU region planned for UK/EU users": the places of the people a region is for are no place of it.
        if loc_col is not None:
            location_text = _without_people(location_text, words)
        # "Frankfurt am Main (EU-Region); kein Zugriff aus den USA": a part of the cell that denies names no place of it.
        if loc_col is not None and ";" in location_text:
            location_text = "; ".join(p for p in location_text.split(";") if not _denies(p, cells))
        # A word like "global" or "varies" is a location only as the whole of a short cell's answer, not inside prose.
        open_cues = (
            {"OPEN_DESTINATION", "OPEN_LOCATION", "THIRD_COUNTRY"}
            if loc_col is not None and len(location_text) <= LOCATION_CELL
            else {"OPEN_DESTINATION"}
        )
        codes = _places(
            location_text, cells, open_cues, location_column=loc_col is not None, codes_alone=loc_col is not None
        )
        # "38 Avenue John F. Kennedy, L-1855 Luxembourg": in a column of postal addresses a street may bear a town's
        # name; the address's country is the one it names last. A cell may hold several addresses ("..., Boston, USA;
        # ..., Dublin, Ireland"): each is in its own last country, or the countries before the last address would go.
        if loc_col is not None and loc_col < len(header) and patterns["address"].search(header[loc_col]):
            last = {_last_country(address, cells) for address in ADDRESSES.split(location_text)}
            codes = [c for c in codes if len(c) != 2 or c in last]
        # "Entity seat: Singapore | Hosting region: none (access only)": the company's seat where the data's own cell
        # names no country.
        if not any(len(c) == 2 for c in codes):
            codes += [c for c in _places(cell("seat"), cells, set(), location_column=True) if c not in codes]
        codes += [c for c in _remarked_places(cell("remarks"), cells) if c not in codes]
        # "London | Frankfurt am Main | Angemessenheitsbeschluss Vereinigtes Königreich": the row relies on a country's
        # adequacy decision, so its data reaches that country.
        codes += [c for c in _adequate_places(row, cells, words) if c not in codes]
        # Asked only of a row placed outside the EEA: "none required (EU)" beside a German data centre denies no data.
        if any(c not in eea for c in codes) and _home_data_denied(row, words, cells):
            continue
        # "(X Pvt. Ltd., Hyderabad – quality assurance; no access to Customer Data)": an onward recipient denied the
        # data is none.
        onward = [
            c
            for c in _places(
                cell("onward"), cells, {"OPEN_DESTINATION", "OPEN_LOCATION", "THIRD_COUNTRY"}, location_column=True
            )
            if c not in eea and not _denies(cell("onward"), cells)
        ]
        # "Hosting region | Support access from": where the data is reached from is where it goes too. Such a column
        # says where by itself, as a location column does ("Belgrade", "IN").
        codes += [
            c
            for c in _places(
                cell("access"),
                cells,
                {"OPEN_DESTINATION", "OPEN_LOCATION", "THIRD_COUNTRY"},
                location_column=True,
                codes_alone=True,
            )
            if c not in codes
        ]
        evidence = block_evidence(block, "row of a sub-processor table")
        # A row saying its company receives no personal data ("No personal data", "keine Nutzerdaten") sends none there.
        receives = not any(words.no_data_cell.fullmatch(c.strip()) or words.no_data_aside.search(c) for c in row)
        for code in [*codes, *onward] if receives else []:
            if code not in eea:
                mentions.append(Mention("destination", code, evidence, detail="table", role="destination"))
        name = _company_name(cell("name") or (row[0] if row else ""), words)
        if not name or _only_places(name, cells) or PLACEHOLDER.fullmatch((cell("name") or row[0]).strip()):
            continue
        recipients.append(
            Recipient(
                name, "subprocessor", cell("purpose"), tuple(codes), (evidence,), engaged_by=cell("engaged_by").strip()
            )
        )
        if onward:
            recipients.append(
                Recipient(
                    f"onward recipients of {name}",
                    "subprocessor",
                    "",
                    tuple(onward),
                    (block_evidence(block, "onward transfers in a sub-processor table row"),),
                    engaged_by=name,
                )
            )
    return ([] if cookies else recipients), mentions, skipped


def _without_people(text: str, words: Words) -> str:
    """A location cell without the phrases naming whom a place is for ("for UK/EU users", „für Kunden in der
    Schweiz"): where those people are is not where the row's data goes."""
    return _for_people(words.people).sub(" ", text)


@cache
def _for_people(people: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(people))
    return re.compile(rf"\b(?:for|für)\b[^;,()]*?\b(?:{alternatives})\b(?:\s+(?:in|im|aus|from)\s+[^;,()]*)?", re.I)


def _adequate_places(row: tuple[str, ...], cells: Cells, words: Words) -> list[str]:
    """The countries a row's cell names beside a word for an adequacy decision ("Adequacy decision (Japan)")."""
    return [
        code
        for cell in row
        if words.adequacy_cell & set(re.findall(r"\w+", cell.lower()))
        for code in _places(cell, cells, set(), location_column=True)
        if len(code) == 2
    ]


def _lead_in(document: Document, row_blocks: list[Block]) -> str:
    """The paragraph right before a table when it leads into it ("Our main service providers are:", "... handled by
    the following partners."), else ""."""
    if not row_blocks:
        return ""
    first = next(i for i, block in enumerate(document.blocks) if block is row_blocks[0])
    before = document.blocks[first - 1] if first else None
    if before is None or before.table is not None:
        return ""
    text = before.text.rstrip()
    return text if text.endswith(":") or LEAD_IN_FOLLOWING.search(text) else ""


def _card_table(table: Table, row_blocks: list[Block], patterns: dict[str, re.Pattern[str]], lead_in: str = "") -> bool:
    """A list of sub-processors laid out as cards, one to a row: a table of one filled cell per row and no header,
    under a heading or after a lead-in that names them ("Schedule 4 - Subprocessors", "Our main service providers
    are:"), each cell the lines of one card ("Acme, Cloud hosting, United States": see :func:`_read_cards`)."""
    heading = row_blocks[0].heading_path[-1] if row_blocks and row_blocks[0].heading_path else ""
    return (
        not any(c.strip() for c in table.header)
        and bool(table.rows)
        and all(sum(1 for c in row if c.strip()) <= 1 for row in table.rows)
        and bool(patterns["name"].search(heading) or patterns["name"].search(lead_in))
    )


def _read_cards(
    table: Table, row_blocks: list[Block], cells: Cells, eea: set[str], words: Words
) -> tuple[list[Recipient], list[Mention], bool]:
    """The recipient of each card: its first line that names no place is the company, its short lines that
    name places say where it is (an image's empty line and a bullet are no line). A table whose cards name no
    place at all is no list of recipients."""
    cards = []
    for row, block in zip(table.rows, row_blocks[-len(table.rows) :]):
        lines = card_lines(" ".join(row))
        name = next((line for line in lines if not _only_places(line, cells)), "")
        cards.append((name, card_places([line for line in lines if line is not name], cells), block))
    if not any(codes for _, codes, _ in cards):
        return [], [], False
    recipients: list[Recipient] = []
    mentions: list[Mention] = []
    for name, codes, block in cards:
        evidence = block_evidence(block, "card of a sub-processor list")
        mentions += [
            Mention("destination", c, evidence, detail="table", role="destination") for c in codes if c not in eea
        ]
        if name:
            recipients.append(Recipient(_company_name(name, words), "subprocessor", "", tuple(codes), (evidence,)))
    return recipients, mentions, False


def card_lines(text: str) -> list[str]:
    """The lines of one card, as its text joins them (an image's empty line and a bullet are no line)."""
    return [line.strip() for line in text.split(", ") if line.strip(" •·-")]


def card_places(lines: list[str], cells: Cells, codes_alone: bool = False) -> list[str]:
    """The places a card's short lines name ("Zurich", "Switzerland"); a long line is prose, not where it is.
    ``codes_alone``: each line is a location's value, so an ISO code alone is a country ("Country: IN")."""
    codes: list[str] = []
    for line in lines:
        if len(line.split()) <= CARD_PLACE_WORDS:
            found = _places(line, cells, set(OPEN_CUES), location_column=True, codes_alone=codes_alone)
            codes += [c for c in found if c not in codes]
    return codes


def block_evidence(block: Block, reason: str) -> Evidence:
    """A whole block (a table row, a card, a field) quoted as evidence."""
    return Evidence(block.text, block.start, block.end, block.page, block.heading_path, reason)
