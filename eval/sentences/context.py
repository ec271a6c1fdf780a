"""Does a sentence read alone read the same inside a document? Each sentence placed in document frames.

    python eval/sentences/context.py                          # tuning sets × every frame: figures per frame
    python eval/sentences/context.py s1 s2 --frames md-transfers,html --sample 100
    python eval/sentences/context.py s3 --changes             # and each sentence whose reading the frame changes

Each sentence of ``<set>.jsonl`` (README.md) is read alone as ``bench.py`` reads it, then put into each frame: a
short document of its language, written for this check, whose other text is neutral (it states no transfer and names
no place; ``--check-frames`` verifies that each frame with a neutral sentence in the slot reads as no transfer). A
framed document is scanned as a user would scan the file: format from its name, document type by the classifier,
language given. A sentence is read as OUT in a frame when the framed document's report has any transfer.

Per set and frame: agreement with the reading alone, P/R/F1 against the labels, and the changes: ``lost`` (OUT alone,
not in the frame) and ``gained``, each split by label (``lost OUT`` are recall lost to the document, ``lost NOT`` false
positives the document removed). ``--changes`` prints them, for development sets only (``DEVELOPMENT``; s16 and s17
are held out).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import dpcheck

HERE = Path(__file__).resolve().parent
TUNING = ("s1", "s2", "s3", "s4", "s5")
# The sets whose sentences may be printed (README.md "Split"): s15 and s16 are held out. A round that moves a held-out
# set to development extends this; a set not named here is refused, so a new held-out set is safe by default.
DEVELOPMENT = tuple(f"s{n}" for n in range(1, 16))

SLOT = "{S}"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _wrapped(text: str) -> bytes:
    """Plain text as e-mail and exported policies have it: each paragraph broken at 76 columns."""
    paragraphs = [textwrap.fill(p, 76) if len(p) > 76 else p for p in text.split("\n\n")]
    return _utf8("\n\n".join(paragraphs))


def _docx(text: str) -> bytes:
    """A Word document from Markdown-like lines: "# "/"## " headings, "- " bullets, other blocks paragraphs."""
    import docx

    document = docx.Document()
    for block in text.strip().split("\n\n"):
        for line in block.split("\n") if block.startswith("- ") else [" ".join(block.split("\n"))]:
            if line.startswith("## "):
                document.add_heading(line[3:], level=2)
            elif line.startswith("# "):
                document.add_heading(line[2:], level=1)
            elif line.startswith("- "):
                document.add_paragraph(line[2:], style="List Bullet")
            else:
                document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _pdf(text: str) -> bytes:
    """A PDF from Markdown-like lines, as a word processor prints it: bold larger headings, wrapped body text.

    DejaVu Sans where the system has it (every sentence's characters); else Helvetica, which writes Windows-1252 only
    (a few names with letters beyond it come out with "?")."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    if _FONT.exists():
        pdf.add_font("body", "", str(_FONT))
        pdf.add_font("body", "B", str(_FONT.with_name("DejaVuSans-Bold.ttf")))
        family, encode = "body", str
    else:
        pdf.core_fonts_encoding = "windows-1252"
        family = "Helvetica"

        def encode(line: str) -> str:
            return line.encode("windows-1252", "replace").decode("windows-1252")

    for block in text.strip().split("\n\n"):
        line = " ".join(block.split("\n"))
        level = len(line) - len(line.lstrip("#"))
        if level:
            pdf.set_font(family, "B", 16 if level == 1 else 12)
            pdf.ln(2)
            pdf.multi_cell(0, 7, encode(line[level + 1 :]), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font(family, "", 10)
            pdf.multi_cell(0, 5, encode(line), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


@dataclass(frozen=True)
class Frame:
    name: str
    suffix: str  # the file name's, which chooses the reader: .md, .txt, .html, .docx
    en: str
    de: str
    # How the sentence is written into the frame (HTML escapes it), and the framed text made a file.
    fill: Callable[[str], str] = str
    build: Callable[[str], bytes] = _utf8

    def document(self, text: str, lang: str) -> bytes:
        return self.build((self.de if lang == "de" else self.en).replace(SLOT, self.fill(text)))


# The frames' own text is neutral on purpose: no transfer, no place, no recipient, no transfer tool. Headings and
# lead-ins are those real documents put such sentences under; the paragraphs around the slot are generic.
FRAMES: tuple[Frame, ...] = (
    Frame(
        "md-transfers",
        ".md",
        """# Privacy Policy

Last updated: 2 March 2026

## 1. About this policy

This policy explains how we handle personal data when you use our apps and website. We review it regularly and
publish changes on this page.

## 2. Information we collect

We collect the details you give us when you create an account, such as your name and email address, and
information about how you use the service.

## 3. International transfers

{S}

## 4. How long we keep your data

We keep personal data only for as long as we need it for the purposes described in this policy.

## 5. Contact us

If you have questions about this policy, please write to our data protection officer.
""",
        """# Datenschutzerklärung

Stand: 2. März 2026

## 1. Über diese Erklärung

Diese Erklärung beschreibt, wie wir mit personenbezogenen Daten umgehen, wenn Sie unsere App und unsere
Website nutzen. Wir prüfen sie regelmäßig und veröffentlichen Änderungen auf dieser Seite.

## 2. Welche Daten wir erheben

Wir erheben die Angaben, die Sie bei der Registrierung machen, etwa Ihren Namen und Ihre E-Mail-Adresse, sowie
Informationen darüber, wie Sie den Dienst nutzen.

## 3. Übermittlung in Drittländer

{S}

## 4. Speicherdauer

Wir speichern personenbezogene Daten nur so lange, wie es für die in dieser Erklärung genannten Zwecke nötig ist.

## 5. Kontakt

Bei Fragen zu dieser Erklärung schreiben Sie bitte an unseren Datenschutzbeauftragten.
""",
    ),
    Frame(
        "md-other",
        ".md",
        """# Privacy Notice

Effective date: 2 March 2026

## Information we collect

We collect the details you give us when you sign up and information about how you use our products.

## Your rights

You can ask us for a copy of your personal data, ask us to correct it or to delete it, and object to
certain uses of it.

{S}

To use any of these rights, contact us using the details at the end of this notice.

## Changes to this notice

We may update this notice from time to time. The date at the top shows when it was last changed.
""",
        """# Datenschutzhinweise

Stand: 2. März 2026

## Welche Daten wir erheben

Wir erheben die Angaben, die Sie bei der Anmeldung machen, und Informationen darüber, wie Sie unsere Produkte
nutzen.

## Ihre Rechte

Sie können Auskunft über Ihre personenbezogenen Daten verlangen, deren Berichtigung oder Löschung verlangen und
bestimmten Verwendungen widersprechen.

{S}

Um diese Rechte auszuüben, wenden Sie sich an die am Ende dieser Hinweise genannten Kontaktdaten.

## Änderungen dieser Hinweise

Wir können diese Hinweise von Zeit zu Zeit anpassen. Das Datum oben zeigt die letzte Änderung.
""",
    ),
    Frame(
        "dpa-clause",
        ".txt",
        """DATA PROCESSING AGREEMENT

This Data Processing Agreement ("DPA") forms part of the agreement between the Customer and the Provider for
the provision of the services.

6. Confidentiality

6.1 The Provider shall ensure that persons authorised to process Customer Personal Data are bound by
confidentiality.

7. Processing of Customer Personal Data

7.1 The Provider shall process Customer Personal Data only on documented instructions from the Customer.

7.2 {S}

7.3 The Provider shall inform the Customer without undue delay if it believes an instruction infringes
applicable data protection law.

8. Security

8.1 The Provider shall implement the technical and organisational measures described in Annex 2.
""",
        """AUFTRAGSVERARBEITUNGSVERTRAG

Dieser Vertrag zur Auftragsverarbeitung („AVV“) ist Teil des Hauptvertrags zwischen dem Auftraggeber und dem
Auftragnehmer über die Erbringung der Leistungen.

6. Vertraulichkeit

6.1 Der Auftragnehmer stellt sicher, dass die zur Verarbeitung befugten Personen zur Vertraulichkeit
verpflichtet sind.

7. Verarbeitung personenbezogener Daten

7.1 Der Auftragnehmer verarbeitet personenbezogene Daten nur auf dokumentierte Weisung des Auftraggebers.

7.2 {S}

7.3 Der Auftragnehmer informiert den Auftraggeber unverzüglich, wenn er der Auffassung ist, dass eine Weisung
gegen Datenschutzvorschriften verstößt.

8. Sicherheit der Verarbeitung

8.1 Der Auftragnehmer trifft die in Anlage 2 beschriebenen technischen und organisatorischen Maßnahmen.
""",
    ),
    Frame(
        "md-bullet",
        ".md",
        """# Privacy Policy

## How we use your information

We use personal data to run the service, to answer your questions and to keep your account secure.

Some further points about how we handle your information:

- We ask only for the data we need to provide the features you use.
- {S}
- You can change your communication preferences at any time in your account settings.

## Contact

Questions about this policy can be sent to our privacy team.
""",
        """# Datenschutzerklärung

## Wie wir Ihre Daten verwenden

Wir verwenden personenbezogene Daten, um den Dienst zu betreiben, Ihre Fragen zu beantworten und Ihr Konto zu
schützen.

Weitere Hinweise zum Umgang mit Ihren Daten:

- Wir fragen nur die Daten ab, die wir für die von Ihnen genutzten Funktionen brauchen.
- {S}
- Ihre Einstellungen für Benachrichtigungen können Sie jederzeit in Ihrem Konto ändern.

## Kontakt

Fragen zu dieser Erklärung richten Sie bitte an unser Datenschutzteam.
""",
    ),
    Frame(
        "md-providers",
        ".md",
        """# Privacy Policy

## 4. Service providers

We work with service providers who help us run the service. They act on our instructions and may not use the
data for their own purposes. The main ones are:

- Payment processing: handled by our payment partner, which receives only the data needed to take a payment.
- {S}
- Customer support: our helpdesk tool stores the messages you send us.

## 5. Your rights

You can ask for a copy of your data or ask us to delete it.
""",
        """# Datenschutzerklärung

## 4. Dienstleister

Wir arbeiten mit Dienstleistern zusammen, die uns beim Betrieb des Dienstes unterstützen. Sie handeln nach
unseren Weisungen und dürfen die Daten nicht für eigene Zwecke nutzen. Die wichtigsten sind:

- Zahlungsabwicklung: durch unseren Zahlungsdienstleister, der nur die für die Zahlung nötigen Daten erhält.
- {S}
- Kundensupport: unser Helpdesk-Werkzeug speichert die Nachrichten, die Sie uns senden.

## 5. Ihre Rechte

Sie können eine Kopie Ihrer Daten oder deren Löschung verlangen.
""",
    ),
    Frame(
        "html",
        ".html",
        """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Privacy Policy</title></head>
<body>
<nav><a href="/">Home</a> <a href="/pricing">Pricing</a> <a href="/privacy">Privacy</a></nav>
<main>
<h1>Privacy Policy</h1>
<p>This policy describes how we process personal data when you use our services.</p>
<section>
<h2>How we process your data</h2>
<p>We process the data you provide when you register and the data created when you use the service.</p>
<p>{S}</p>
<p>We limit access to personal data to staff who need it for their work.</p>
</section>
<section>
<h2>Your rights</h2>
<p>You may ask for access to, correction of or deletion of your personal data.</p>
</section>
</main>
<footer><p>Questions? Contact our data protection officer.</p></footer>
</body></html>
""",
        """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Datenschutzerklärung</title></head>
<body>
<nav><a href="/">Start</a> <a href="/preise">Preise</a> <a href="/datenschutz">Datenschutz</a></nav>
<main>
<h1>Datenschutzerklärung</h1>
<p>Diese Erklärung beschreibt, wie wir personenbezogene Daten bei der Nutzung unserer Dienste verarbeiten.</p>
<section>
<h2>Wie wir Ihre Daten verarbeiten</h2>
<p>Wir verarbeiten die Daten, die Sie bei der Registrierung angeben, und die Daten, die bei der Nutzung entstehen.</p>
<p>{S}</p>
<p>Zugriff auf personenbezogene Daten erhalten nur Beschäftigte, die ihn für ihre Arbeit benötigen.</p>
</section>
<section>
<h2>Ihre Rechte</h2>
<p>Sie können Auskunft, Berichtigung oder Löschung Ihrer personenbezogenen Daten verlangen.</p>
</section>
</main>
<footer><p>Fragen? Wenden Sie sich an unseren Datenschutzbeauftragten.</p></footer>
</body></html>
""",
        fill=lambda text: html.escape(text, quote=False),
    ),
    Frame(
        "md-preamble",
        ".md",
        """# Privacy Policy

This policy applies to our website, our apps and the services we provide to our customers. Please read it
carefully.

{S}

## 1. Information we collect

We collect the details you give us when you create an account and information about how you use the service.

## 2. How we use it

We use personal data to provide the service, to answer your questions and to keep your account secure.

## 3. Contact

If you have questions about this policy, please write to our privacy team.
""",
        """# Datenschutzerklärung

Diese Erklärung gilt für unsere Website, unsere Apps und die Leistungen, die wir unseren Kunden erbringen. Bitte
lesen Sie sie aufmerksam.

{S}

## 1. Welche Daten wir erheben

Wir erheben die Angaben, die Sie bei der Registrierung machen, und Informationen darüber, wie Sie den Dienst
nutzen.

## 2. Wofür wir sie verwenden

Wir verwenden personenbezogene Daten, um den Dienst zu erbringen, Ihre Fragen zu beantworten und Ihr Konto zu
schützen.

## 3. Kontakt

Bei Fragen zu dieser Erklärung schreiben Sie bitte an unser Datenschutzteam.
""",
    ),
    Frame(
        "txt-wrapped",
        ".txt",
        """PRIVACY POLICY

1. INTRODUCTION

This policy explains how we collect and use personal data when you use our products. It applies to all of our
services unless a separate notice says otherwise.

2. COOKIES AND SIMILAR TECHNOLOGIES

We use cookies to keep you signed in and to remember your settings. You can manage cookies in your browser. {S}
Where the law requires your consent for a cookie, we ask for it before setting it.

3. YOUR CHOICES

You can update your account details and your marketing preferences at any time.
""",
        """DATENSCHUTZERKLÄRUNG

1. EINLEITUNG

Diese Erklärung beschreibt, wie wir personenbezogene Daten erheben und verwenden, wenn Sie unsere Produkte
nutzen. Sie gilt für alle unsere Dienste, soweit kein gesonderter Hinweis etwas anderes bestimmt.

2. COOKIES UND ÄHNLICHE TECHNOLOGIEN

Wir verwenden Cookies, damit Sie angemeldet bleiben und Ihre Einstellungen erhalten bleiben. Sie können Cookies
in Ihrem Browser verwalten. {S} Soweit das Gesetz für ein Cookie Ihre Einwilligung verlangt, holen wir sie vor
dem Setzen ein.

3. IHRE WAHLMÖGLICHKEITEN

Sie können Ihre Kontodaten und Ihre Werbeeinstellungen jederzeit ändern.
""",
        build=_wrapped,
    ),
    Frame(
        "docx",
        ".docx",
        """# Data Protection Information

## 1. Controller

The company named in the imprint is responsible for the processing described here.

## 2. Service providers

We use carefully selected service providers who process data on our behalf under written contracts.

{S}

Each provider may use the data only to deliver its service to us.

## 3. Retention

We delete personal data when it is no longer needed.
""",
        """# Informationen zum Datenschutz

## 1. Verantwortlicher

Verantwortlich für die hier beschriebene Verarbeitung ist das im Impressum genannte Unternehmen.

## 2. Dienstleister

Wir setzen sorgfältig ausgewählte Dienstleister ein, die Daten in unserem Auftrag auf Grundlage schriftlicher
Verträge verarbeiten.

{S}

Jeder Dienstleister darf die Daten nur für die Erbringung seiner Leistung an uns verwenden.

## 3. Speicherdauer

Wir löschen personenbezogene Daten, sobald sie nicht mehr benötigt werden.
""",
        build=_docx,
    ),
    Frame(
        "pdf-dpa",
        ".pdf",
        """# Data Processing Addendum

This Addendum forms part of the services agreement between the Customer and the Supplier and applies to the
personal data the Supplier processes for the Customer.

## 5. Obligations of the Supplier

5.1 The Supplier shall process personal data only on the documented instructions of the Customer.

5.2 {S}

5.3 The Supplier shall keep a record of its processing activities and make it available on request.

## 6. Audits

6.1 The Customer may audit the Supplier once a year on thirty days' notice.
""",
        """# Vereinbarung zur Auftragsverarbeitung

Diese Vereinbarung ergänzt den Dienstleistungsvertrag zwischen dem Kunden und dem Anbieter und gilt für die
personenbezogenen Daten, die der Anbieter für den Kunden verarbeitet.

## 5. Pflichten des Anbieters

5.1 Der Anbieter verarbeitet personenbezogene Daten nur auf dokumentierte Weisung des Kunden.

5.2 {S}

5.3 Der Anbieter führt ein Verzeichnis seiner Verarbeitungstätigkeiten und legt es auf Anfrage vor.

## 6. Kontrollen

6.1 Der Kunde darf den Anbieter einmal jährlich mit einer Frist von dreißig Tagen prüfen.
""",
        build=_pdf,
    ),
)

# What fills the slot in --check-frames: neutral sentences no frame may turn into a transfer, and plain transfers
# every frame must keep.
NEUTRAL = {
    "en": "We review these arrangements once a year.",
    "de": "Wir überprüfen diese Regelungen einmal im Jahr.",
}
PLAIN = {
    "en": "Our hosting provider stores your account data on servers in the United States.",
    "de": "Unser Hosting-Anbieter speichert Ihre Kontodaten auf Servern in den USA.",
}


def _said(report: dpcheck.DocumentReport) -> bool:
    return bool(report.transfers)


def _scan_frame(scanner: dpcheck.Scanner, frame: Frame, text: str, lang: str) -> dpcheck.DocumentReport:
    return scanner.scan_bytes(frame.document(text, lang), f"framed{frame.suffix}", language=lang)


def _sample(rows: list[dict], n: int | None) -> list[dict]:
    """``n`` rows chosen by a hash of their text: the same rows on every run and machine."""
    if n is None or n >= len(rows):
        return rows
    return sorted(rows, key=lambda r: hashlib.sha256(r["text"].encode("utf-8")).hexdigest())[:n]


def _figures(pairs: list[tuple[bool, bool]]) -> str:
    tp = sum(s and t for s, t in pairs)
    fp = sum(s and not t for s, t in pairs)
    fn = sum(t and not s for s, t in pairs)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f1:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help=f"set names (file stems); default: {' '.join(TUNING)}")
    parser.add_argument(
        "--frames", help="comma-separated frame names; default: all of " + ", ".join(f.name for f in FRAMES)
    )
    parser.add_argument("--sample", type=int, help="read only N sentences of each set (the same N on every run)")
    parser.add_argument("--changes", action="store_true", help="print each sentence whose reading a frame changes")
    parser.add_argument("--check-frames", action="store_true", help="only check that the frames alone read no transfer")
    args = parser.parse_args()
    frames = FRAMES
    if args.frames:
        wanted = args.frames.split(",")
        unknown = set(wanted) - {f.name for f in FRAMES}
        if unknown:
            parser.error(f"unknown frames: {', '.join(sorted(unknown))}")
        frames = tuple(f for f in FRAMES if f.name in wanted)
    names = args.sets or list(TUNING)
    if args.changes and set(names) - set(DEVELOPMENT):
        held_out = ", ".join(sorted(set(names) - set(DEVELOPMENT)))
        parser.error(f"--changes prints sentences: development sets only (s1 to s15), not {held_out}")
    scanner = dpcheck.Scanner()

    if args.check_frames:
        for frame in frames:
            for lang in ("en", "de"):
                states = []
                for text in (NEUTRAL[lang], PLAIN[lang]):
                    report = _scan_frame(scanner, frame, text, lang)
                    states.append(f"error: {report.error.message}" if report.error else str(len(report.transfers)))
                print(f"{frame.name} {lang} {report.doc_type}: transfers neutral={states[0]} plain={states[1]}")
        return

    totals: dict[str, list[tuple[bool, bool, bool]]] = {f.name: [] for f in frames}
    alone_total: list[tuple[bool, bool]] = []
    started = time.monotonic()
    for name in names:
        rows = _sample(
            [json.loads(line) for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()],
            args.sample,
        )
        alone = []
        for row in rows:
            report = scanner.scan_text(row["text"], doc_type="privacy_policy", language=row["lang"])
            alone.append(_said(report))
        truth = [row["label"] == "OUT" for row in rows]
        alone_total += list(zip(alone, truth))
        print(f"{name} ({len(rows)} sentences) alone: {_figures(list(zip(alone, truth)))}")
        for frame in frames:
            framed, errors, changed = [], 0, []
            for row, by_itself in zip(rows, alone):
                report = _scan_frame(scanner, frame, row["text"], row["lang"])
                errors += report.error is not None
                said = _said(report)
                framed.append(said)
                if said != by_itself:
                    changed.append((row, report))
            totals[frame.name] += list(zip(framed, truth, alone))
            print(_line(f"  {frame.name}", list(zip(framed, truth, alone)), errors))
            if args.changes:
                for row, report in changed:
                    way = "gained" if report.transfers else "lost"
                    found = sorted({t.destination for t in report.transfers})
                    print(f"    {way} {row['label']} {row['kind']} {row['lang']} {found}: {row['text']}")
    if len(names) > 1:
        print(f"all ({len(alone_total)} sentences) alone: {_figures(alone_total)}")
        for frame in frames:
            print(_line(f"  {frame.name}", totals[frame.name], None))
    print(f"({time.monotonic() - started:.0f} s)")


def _line(label: str, rows: list[tuple[bool, bool, bool]], errors: int | None) -> str:
    """``rows``: (read in the frame, label is OUT, read alone)."""
    agree = sum(s == a for s, _, a in rows) / len(rows) if rows else 1.0
    lost = [t for s, t, a in rows if a and not s]
    gained = [t for s, t, a in rows if s and not a]
    failed = f" errors={errors}" if errors else ""
    return (
        f"{label}: agree={agree:.3f} {_figures([(s, t) for s, t, _ in rows])} "
        f"lost OUT={sum(lost)} NOT={len(lost) - sum(lost)} gained OUT={sum(gained)} NOT={len(gained) - sum(gained)}"
        f"{failed}"
    )


if __name__ == "__main__":
    main()
