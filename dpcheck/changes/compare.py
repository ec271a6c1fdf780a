"""Compare two versions' :class:`~dpcheck.changes.snapshot.Terms`: the list of what changed.

- destinations and transfer tools: added or removed (dropped), as sets;
- recipients: added, removed, or moved (the same company, named alike, in other countries); a
  recipient read in one version only is no change when the other version names it all the same;
- Art. 28 elements of a DPA: weakened or strengthened when their status moves (missing < weakened
  < present), when a weakening is added or lifted, when the notice of sub-processor changes
  gets shorter or longer, or when the time limit to report a personal data breach gets longer or shorter;
- core flags: added or removed; the rating: changed.

Each change quotes both versions: where one version says nothing of the thing, its passage most
like the other's quote stands in (``closest``), so a reader sees what it said instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import replace
from functools import lru_cache
from typing import Any, Literal

from dpcheck.changes.lexicon import DiffWords
from dpcheck.changes.model import KINDS, Change, ChangeKind, Comparison, Passage
from dpcheck.changes.snapshot import (
    STATUS_RANK,
    Item,
    Named,
    Terms,
    name_words,
    other_names,
    recipient_key,
    same_recipient,
)
from dpcheck.changes.still import still_said

# Quotes shown per version and change.
MAX_QUOTES = 2
# How alike (shared words over all words) a passage must be to stand in for a missing one.
CLOSEST = 0.3
_WORDS = re.compile(r"\w+", re.UNICODE)
# A sentence of the other version says a passage again, in other words, when it holds this share of the
# passage's words (see :func:`_reworded`).
RESTATED = 0.7
# Art. 28 terms turn on few words ("may" for "shall"): their passages must be said again more fully.
RESTATED_TERMS = 0.85
# A passage of fewer words is too short to tell a rewording from words that merely recur elsewhere.
RESTATED_MIN_WORDS = 6
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*")
_TOKENS = re.compile(r"\w+(?:'\w+)?", re.UNICODE)
# A line whose letters are more than this share outside the Latin script is in a language the diff cannot read
# (a Chinese, Japanese or Korean letter often stands for a word: a third of them outweighs the Latin words of an address).
UNREAD_SHARE = 1 / 3
# A CamelCase name ("MobilePay") and its words (Mobile, Pay).
_CAMEL_NAME = re.compile(r"(?:[A-Z][a-z]+){2,}")
_CAMEL = re.compile(r"[A-Z][a-z]+")
# What a layout adds or drops between words: spaces, punctuation, and tags of markup left in exported text ("<br>").
_NOT_LETTERS = re.compile(r"[\W_]+", re.UNICODE)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,40}>")
# Kept between two numbers among a text's letters: no letter or digit, so it joins no word.
_NUMBERS_APART = "|"


def compare_reports(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    *,
    old_name: str | None = None,
    new_name: str | None = None,
    old_text: str = "",
    new_text: str = "",
    old_whole: str = "",
    new_whole: str = "",
    words: DiffWords | None = None,
) -> Comparison:
    """The changes between two JSON reports (each a document report of one document, or a vendor report);
    ``old_text``/``new_text``: each version's text where a company it names is named as a party (without its
    cookie and plug-in choices), ``old_whole``/``new_whole``: its whole text, when the caller read the documents;
    ``words``: the diff's words of the ruleset that read them (those dpcheck ships if not given)."""
    subject: Literal["document", "vendor"] = "vendor" if "vendor" in new else "document"
    lex = words or DiffWords.default()
    return compare(
        replace(Terms.of_report(old, old_name, lex), text=old_text, whole=old_whole),
        replace(Terms.of_report(new, new_name, lex), text=new_text, whole=new_whole),
        subject=subject,
        words=lex,
    )


def compare(
    old: Terms, new: Terms, *, subject: Literal["document", "vendor"] = "document", words: DiffWords | None = None
) -> Comparison:
    """What changed from ``old`` to ``new``; of a version that could not be read, only its rating; of two versions of
    the same letters, nothing. ``words``: the diff's words of the ruleset that read them (those dpcheck ships if not
    given)."""
    lex = words or DiffWords.default()
    changes: list[Change] = []
    if old.readable and new.readable and not _same_text(old, new):
        # Passages of destinations and tools that are no change (the same words, or said again in other words).
        same: set[Passage] = set()
        changes += _sets(
            old.destinations,
            new.destinations,
            old,
            new,
            "destination_added",
            "destination_removed",
            lex,
            reworded=_reworded_place,
            kept=_named_unread,
            chosen=_among_choices,
            same_out=same,
        )
        changes += _sets(
            old.mechanisms,
            new.mechanisms,
            old,
            new,
            "mechanism_added",
            "mechanism_dropped",
            lex,
            reworded=_reworded_tool,
            same_out=same,
        )
        # A flag follows from the values above (an invalid tool, an open destination): it is no reading of words
        # of its own, so it changes whenever a destination or tool does. Where none did, a flag that rests only on
        # passages of values that did not change, or on none (an absence) beside such values, follows a reading that
        # moved, not the terms.
        follows = frozenset() if changes else frozenset(same)
        changes += [*_recipients(old, new, lex), *_checklist(old, new, lex)]
        changes += _sets(old.flags, new.flags, old, new, "flag_added", "flag_removed", lex, read=False, follows=follows)
    if old.rating is not None and new.rating is not None and old.rating != new.rating and not _same_text(old, new):
        changes.append(Change("rating_changed", new.rating, f"{old.rating} -> {new.rating}"))
    order = {kind: i for i, kind in enumerate(KINDS)}
    changes.sort(key=lambda c: (order[c.kind], c.value))
    return Comparison(old.name, new.name, subject, tuple(changes), old.rating, new.rating)


def _same_text(old: Terms, new: Terms) -> bool:
    """Both versions are the same words, letter for letter, however they are laid out (a document and its own PDF,
    DOCX or HTML, a reflowed or re-wrapped text): they state the same terms, so nothing changed, whatever a reading
    of one layout found that the other's did not (issue 15: "same document re-rendered gives no change")."""
    return bool(old.whole and new.whole) and _letters(old.whole) == _letters(new.whole)


def _sets(
    old: Mapping[str, tuple[Passage, ...]],
    new: Mapping[str, tuple[Passage, ...]],
    old_terms: Terms,
    new_terms: Terms,
    added: ChangeKind,
    removed: ChangeKind,
    lex: DiffWords,
    *,
    read: bool = True,
    reworded: Callable[[str, Sequence[Passage], Terms, Terms, DiffWords], bool] | None = None,
    kept: Callable[[str, Terms, DiffWords], bool] | None = None,
    chosen: Callable[[Sequence[Passage], Terms, DiffWords], bool] | None = None,
    same_out: set[Passage] | None = None,
    follows: Set[Passage] = frozenset(),
) -> list[Change]:
    """What was added and removed; ``read``: the values are readings of passages, so a value whose words did
    not change is no change (see :func:`_unchanged`); ``reworded``: nor is one whose passages the other
    version says again in other words (see :func:`_reworded`); ``kept``: nor is a value removed that the new
    version may still hold where the diff cannot read it (only a removal: a value the new version adds is added
    whatever the old one said where the diff could not read, as a line not read must not hide a new transfer);
    ``chosen``: nor is a value read only where the version speaks of cookie, opt-out, plug-in or log-in choices. The
    passages of such values are added to ``same_out``; a value that rests only on passages in ``follows`` (a flag raised by a reading that did not
    change), or on none while ``follows`` holds some (a flag of an absence beside a value held back), is no change
    either."""

    def same(value: str, passages: Sequence[Passage], this: Terms, other: Terms, removal: bool = False) -> bool:
        if not read:
            # A flag of an absence ("transfers not addressed", whose rule quotes nothing): where a destination or tool
            # read in one version only was held back as said again in the other, that absence is one of the reading,
            # not the terms. A flag that only happens to quote nothing here (no list of sub-processors, where the DPA
            # says nothing of them) is of terms of its own, and changes.
            if not passages:
                return bool(follows) and value in lex.absences
            return all(p in follows for p in passages)
        if (
            _unchanged(value, passages, this, other)
            or (reworded is not None and reworded(value, passages, this, other, lex))
            or (removal and kept is not None and kept(value, other, lex))
            or (chosen is not None and chosen(passages, this, lex))
        ):
            if same_out is not None:
                same_out.update(passages)
            return True
        return False

    out = [
        Change(added, value, "", _closest(new[value], old_terms), new[value][:MAX_QUOTES])
        for value in sorted(set(new) - set(old))
        if not same(value, new[value], new_terms, old_terms)
    ]
    out += [
        Change(removed, value, "", old[value][:MAX_QUOTES], _closest(old[value], new_terms))
        for value in sorted(set(old) - set(new))
        if not same(value, old[value], old_terms, new_terms, removal=True)
    ]
    return out


def _reworded_place(country: str, passages: Sequence[Passage], this: Terms, other: Terms, lex: DiffWords) -> bool:
    """A country said again in other words ("at Spotify USA Inc." read as a company, "at USA Inc." as a country;
    a heading that repeats a sentence of the old text): see :func:`_reworded`. Only a denial, restriction or
    exception set apart ("cannot", "only") makes the sentences differ: "if you live in the EEA, Switzerland or
    the UK" and a heading on transfers "in the EEA, Switzerland and the UK" name the same places."""
    names = lex.places.get(country, ())
    return _reworded(passages, this, other, names, other.named.get(country, ()), False, lex) or still_said(
        other.whole or other.text, names, "transfer", lex
    )


def _named_unread(country: str, new: Terms, lex: DiffWords) -> bool:
    """The new version names the country in a line written mostly in a script the diff cannot read (an annex for
    Korean or Japanese readers that names "Singapore" in an address, beside its own word for the country): what that
    line says of the country is not read, so the new version may still send data there, and a removal read in the
    other lines is no sign that the terms changed."""
    names = lex.places.get(country, ())
    for line in (new.whole or new.text).splitlines():
        if not line.isascii() and any(p.search(line) for p in names):
            letters = [c for c in line if c.isalpha()]
            if sum("LATIN" not in unicodedata.name(c, "") for c in letters) > len(letters) * UNREAD_SHARE:
                return True
    return False


def _among_choices(passages: Sequence[Passage], terms: Terms, lex: DiffWords) -> bool:
    """Every passage that gives the value stands in the version's whole text only among its cookie, opt-out, plug-in
    or log-in choices (a row "We use Acme to let you log in with your Acme account and chat in the Asia region
    only"): a provider named there is no recipient (recipients.yml ``choices``), and a place said of it no destination
    that changed (Task B leaves these sections out, eval/versions/AGREEMENT.md category 2; eval/versions-audit29 k05
    leaves a log-in provider's region out). A passage that sends or keeps data itself (words.yml ``still_said``
    ``transfer``: "For login via single sign-on, we transfer your e-mail address to Acme Inc. in the United States")
    says where data goes, a log-in or cookie named beside it or not: its place is a change. Only for a version whose
    text the diff read: a saved report has none."""
    if not (terms.text and terms.whole):
        return False
    everything = replace(terms, text=terms.whole, whole="", passages=())
    parties = replace(terms, whole="", passages=())
    return bool(passages) and all(
        _in(p, everything) and not _in(p, parties) and not any(c.search(p.quote) for c in lex.cues["transfer"])
        for p in passages
    )


def _reworded_tool(tool: str, passages: Sequence[Passage], this: Terms, other: Terms, lex: DiffWords) -> bool:
    """A transfer tool said again in other words ("Swiss – U.S. Privacy Shield" with a dash, then a hyphen): see
    :func:`_reworded`. A condition set apart ("if", "where", "soweit") makes the sentences differ too: a tool
    named under a condition is offered, not relied on."""
    return _reworded(passages, this, other, lex.tools.get(tool, ()), other.named.get(tool, ()), True, lex)


def _reworded(
    passages: Sequence[Passage],
    this: Terms,
    other: Terms,
    names: Sequence[re.Pattern[str]],
    named: Sequence[Passage],
    conditions: bool,
    lex: DiffWords,
) -> bool:
    """Every passage that gives a value in ``this`` version is said again in the ``other`` in other words: one of
    its sentences holds most of the passage's words (:data:`RESTATED`), names the value as the passage does
    (one of ``names``), and adds or drops no word that denies, restricts or excepts (``conditions``: nor one
    that makes it conditional); and every passage where the other version names the value (``named``) is in
    this one, word for word or so reworded. Then the versions state the same terms and only how their words
    were read moved: no value added or removed. Said in words of its own, or denied anew, it is a change."""
    there, here = _sentences(other), _sentences(this)
    return (
        bool(passages and names)
        and all(_said_again(p.quote, names, there, conditions, lex) for p in passages)
        and all(_in(p, this) or _said_again(p.quote, names, here, conditions, lex) for p in named)
    )


def _said_again(
    quote: str,
    names: Sequence[re.Pattern[str]],
    sentences: Sequence[tuple[str, frozenset[str]]],
    conditions: bool,
    lex: DiffWords,
) -> bool:
    """The quote is said again in one of ``sentences``; or, a passage of several sentences or lines (a table
    read as one paragraph, rows added around a row that stays), each of its sentences that names the value is."""
    if _said_whole(quote, names, sentences, conditions, lex):
        return True
    naming = [s for s in _SENTENCE_BREAK.split(quote) if s.strip() and any(n.search(s) for n in names)]
    return bool(naming) and naming != [quote] and all(_said_whole(s, names, sentences, conditions, lex) for s in naming)


def _said_whole(
    quote: str,
    names: Sequence[re.Pattern[str]],
    sentences: Sequence[tuple[str, frozenset[str]]],
    conditions: bool,
    lex: DiffWords,
) -> bool:
    words = _tokens(quote)
    named = [n for n in names if n.search(quote)]
    if len(words) < RESTATED_MIN_WORDS or not named:
        return False
    return any(
        len(words & other) >= RESTATED * len(words)
        and not _denies(words ^ other, conditions, lex)
        and any(n.search(sentence) for n in named)
        for sentence, other in sentences
    )


def _sentences(terms: Terms) -> tuple[tuple[str, frozenset[str]], ...]:
    """A version's sentences (its whole text cut at sentence ends and line breaks, and its quotes), with their
    words. Whether words are said again is sought in the whole text, cookie and plug-in choices included: a
    section the reading set apart in one version (a heading above it, a layout) still says them."""
    return _cut(terms.whole or terms.text, tuple(p.quote for p in terms.passages))


# One comparison asks for the two versions' sentences once per value and passage: keep the last few.
@lru_cache(maxsize=4)
def _cut(text: str, quotes: tuple[str, ...]) -> tuple[tuple[str, frozenset[str]], ...]:
    pieces = [*_SENTENCE_BREAK.split(text), *quotes]
    return tuple((piece, _tokens(piece)) for piece in dict.fromkeys(pieces) if piece.strip())


def _tokens(text: str) -> frozenset[str]:
    return frozenset(_TOKENS.findall(text.replace("’", "'").lower()))


def _denies(words: Set[str], conditions: bool, lex: DiffWords) -> bool:
    single, prefixes = lex.denial
    if conditions:
        single = single | lex.conditional
    return any(w in single or w.endswith("n't") or w.startswith(prefixes) for w in words)


def _unchanged(value: str, passages: Sequence[Passage], this: Terms, other: Terms) -> bool:
    """The words about ``value`` are the same in both versions: every passage of ``this`` version that says
    it is in ``other`` word for word, and ``other`` names it in no passage ``this`` lacks ("we no longer rely
    on the Privacy Shield", added beside an unchanged certification, is a change). Then only how the rest of
    the document let the words be read has moved, and a diff reports changed terms. Without a version's
    text (a saved report), only its quotes can show a passage was there."""
    return (
        bool(passages)
        and all(_in(p, other) for p in passages)
        and all(_in(p, this) for p in other.named.get(value, ()))
    )


def _in(passage: Passage, terms: Terms) -> bool:
    """The passage stands in the version word for word: in its text or among its quotes. A passage of a few words
    or more stands there too when its letters do, however a layout spaced, wrapped or marked them up (a PDF's text
    layer splits "Transp arency" at a line end, a plain-text export keeps "<br>", a table's cells are joined by
    spaces in one layout and by bars in another); a shorter one could stand inside other words. Its letters must
    begin and end where the version's words do: "... hosting provider in Niger" is not said in "... hosting
    provider in Nigeria", whose letters hold it."""
    quote = _flat(passage.quote)
    text = _flat(terms.whole or terms.text)
    if quote in {_flat(p.quote) for p in terms.passages} or bool(text and quote in text):
        return True
    if len(_tokens(passage.quote)) < RESTATED_MIN_WORDS:
        return False
    letters = _letters(passage.quote)
    return bool(letters) and (
        _letters_in(letters, terms.whole or terms.text) or letters in {_letters(p.quote) for p in terms.passages}
    )


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def _letters(text: str) -> str:
    """The text's letters and digits, lower-case, without markup tags: what stays of its words in any layout."""
    return _word_edges(text)[0]


@lru_cache(maxsize=256)
def _word_edges(text: str) -> tuple[str, frozenset[int]]:
    """The text's letters (:func:`_letters`) and the offsets in them where one of its words begins or ends. Two
    numbers stay apart ("4-8 hours" is not "48 hours", "Clause 7.1" not "Clause 71"): a layout splits words, not
    numbers."""
    letters, edges = "", {0}
    for word in _NOT_LETTERS.split(_TAG.sub(" ", text)):
        if not word:
            continue
        if letters[-1:].isdigit() and word[0].isdigit():
            letters += _NUMBERS_APART
            edges.add(len(letters))
        letters += word.casefold()
        edges.add(len(letters))
    return letters, frozenset(edges)


def _letters_in(letters: str, text: str) -> bool:
    """``letters`` stand in the text's letters from the start of one of its words to the end of one."""
    whole, edges = _word_edges(text)
    start = whole.find(letters)
    while start >= 0:
        if start in edges and start + len(letters) in edges:
            return True
        start = whole.find(letters, start + 1)
    return False


def _recipients(old: Terms, new: Terms, lex: DiffWords) -> list[Change]:
    """Recipients paired by key, then by a name one version shortens ("Stripe" for "Stripe Payments Europe",
    "AWS" for "Amazon Web Services")."""
    pairs: list[tuple[Named, Named]] = []
    left = dict(old.recipients)
    right = dict(new.recipients)
    for key in sorted(set(left) & set(right)):
        pairs.append((left.pop(key), right.pop(key)))
    for key in sorted(left):
        match = next(
            (
                k
                for k in sorted(right)
                if same_recipient(key, k)
                or _abbreviates(key, k)
                or _respelt(key, k)
                or _run_together(key, k)
                or _within(left[key].name, right[k].name, lex)
                or any(same_recipient(other, k) for other in other_names(left[key].name, lex))
            ),
            None,
        )
        if match is not None:
            pairs.append((left.pop(key), right.pop(match)))
    companies = set(old.recipients) | set(new.recipients)
    added = {
        key: r
        for key, r in right.items()
        if not (
            _names(old, r.name, lex)
            or _stands_in(r, old, lex)
            or _part_of(key, old, companies)
            or _restated(r, new, old, lex)
            or _shared(old, r.name, lex)
            or _company_shared(r, old, lex)
            or _known_as(r, new, old, lex)
        )
    }
    # A new version that moves the list of sub-processors out of its text, to a page it points to, no longer says who
    # is on it: a recipient it stops naming may be on that page still.
    moved_out = _lists_elsewhere(new, lex) and not _lists_elsewhere(old, lex)
    removed = {
        key: r
        for key, r in left.items()
        if not (
            moved_out
            or _names(new, r.name, lex)
            or _stands_in(r, new, lex)
            or _part_of(key, new, companies)
            or _restated(r, old, new, lex)
            or _shared(new, r.name, lex)
            or _company_shared(r, new, lex)
            or _known_as(r, old, new, lex)
        )
    }
    out = [
        Change("subprocessor_added", r.name, _places(r.locations), _closest(r.passages, old), r.passages[:MAX_QUOTES])
        for key, r in added.items()
        if not _service_of(key, added)
    ]
    out += [
        Change("subprocessor_removed", r.name, _places(r.locations), r.passages[:MAX_QUOTES], _closest(r.passages, new))
        for key, r in removed.items()
        if not _service_of(key, removed)
    ]
    out += [
        Change(
            "subprocessor_moved",
            b.name,
            f"{_places(a.locations)} -> {_places(b.locations)}",
            a.passages[:MAX_QUOTES],
            b.passages[:MAX_QUOTES],
        )
        for a, b in pairs
        if _abroad(a.locations, lex) != _abroad(b.locations, lex)
        and a.locations
        and b.locations
        and not _same_words(a.passages, b.passages, old, new)
        and not _placed_alike(a, b, old, new, lex)
    ]
    return out


def _lists_elsewhere(terms: Terms, lex: DiffWords) -> bool:
    """A sentence of the version says its list of sub-processors is kept elsewhere ("Our current list of sub-processors
    is maintained on our Trust Center", „Die Liste unserer Unterauftragsverarbeiter ist unter ... abrufbar"), not that
    one follows in the text (rules/lexicon/words.yml, ``list_elsewhere``)."""
    parts = lex.list_elsewhere
    return any(
        all(any(p.search(sentence) for p in parts[part]) for part in ("list", "subject", "where"))
        and not any(p.search(sentence) for p in parts["inline"])
        for sentence, _ in _sentences(terms)
    )


def _stands_in(recipient: Named, other: Terms, lex: DiffWords) -> bool:
    """Every passage that names the recipient stands in the ``other`` version word for word (see :func:`_in`): the
    other version says the same of it, and only its reading took no recipient there (log-in providers under a
    heading on choices in one layout, in a paragraph without that heading in another). Only passages that name it
    and say more: a card's line ("Location: USA") stands in any list of the same kind."""
    patterns = _written(recipient.name, lex)
    return bool(recipient.passages) and all(
        len(_tokens(p.quote)) >= RESTATED_MIN_WORDS and any(n.search(p.quote) for n in patterns) and _in(p, other)
        for p in recipient.passages
    )


def _restated(recipient: Named, this: Terms, other: Terms, lex: DiffWords) -> bool:
    """Every passage that names the recipient in ``this`` version is said again in the ``other`` in other words,
    name and all: one sentence there holds most of the passage's words (:data:`RESTATED`) and most of the name's,
    and adds or drops no word that denies, restricts or excepts. The other version says the same of the same
    party; only how its words were read moved (a table row read as a name in one layout and not the other)."""
    name = _tokens(recipient.name)
    if not name or not recipient.passages:
        return False
    sentences = _sentences(other)
    return all(
        len(words := _tokens(p.quote)) >= RESTATED_MIN_WORDS
        and any(
            len(words & there) >= RESTATED * len(words)
            and len(name & there) >= RESTATED * len(name)
            and not _denies(words ^ there, False, lex)
            for _, there in sentences
        )
        for p in recipient.passages
    )


def _placed_alike(before: Named, after: Named, old: Terms, new: Terms, lex: DiffWords) -> bool:
    """Each version's passages about a recipient are said again in the other in other words (see
    :func:`_reworded`), naming the recipient and every country the passage names: the recipient is where it
    was, and only how the words were read placed it elsewhere. A country named or dropped beside it moves it."""
    key = set(recipient_key(before.name, lex.legal_forms).split()) | set(
        recipient_key(after.name, lex.legal_forms).split()
    )
    return all(
        _said_again_in_place(p.quote, key, sentences, lex)
        for passages, sentences in ((before.passages, _sentences(new)), (after.passages, _sentences(old)))
        for p in passages
    ) and bool(before.passages and after.passages)


def _said_again_in_place(
    quote: str, name: Set[str], sentences: Sequence[tuple[str, frozenset[str]]], lex: DiffWords
) -> bool:
    words = _tokens(quote)
    if len(words) < RESTATED_MIN_WORDS:
        return False
    places = {code: patterns for code, patterns in lex.places.items() if any(n.search(quote) for n in patterns)}
    return any(
        len(words & other) >= RESTATED * len(words)
        and not _denies(words ^ other, False, lex)
        and bool(name & other)
        and all(any(n.search(sentence) for n in patterns) for patterns in places.values())
        for sentence, other in sentences
    )


def _abroad(places: frozenset[str], lex: DiffWords) -> frozenset[str]:
    """The places outside the EEA: a recipient moved between EEA countries (or from "the EU" to France), or given
    an EEA place beside the ones it had, sends nothing out of the EEA that it did not before; it has not moved
    (labelling Task B; eval/versions/AGREEMENT.md, category 2)."""
    return places - lex.eea


def _same_words(before: Sequence[Passage], after: Sequence[Passage], old: Terms, new: Terms) -> bool:
    """Each version's passages about a thing stand word for word in the other: the terms are the same, and only
    how the rest of the text let them be read has moved (a heading above, a table read one way and not the other).
    A diff reports changed terms, as :func:`_unchanged` does for destinations and tools."""
    return bool(before or after) and all(_in(p, new) for p in before) and all(_in(p, old) for p in after)


def _names(terms: Terms, name: str, lex: DiffWords) -> bool:
    """The version names the company, in its text or a passage it quotes, though it was not read as a
    recipient there: another layout or wording of the same terms, not a recipient added or removed. The name
    counts however it is written: case, punctuation and legal form aside ("Rakuten Group, Inc." names "Rakuten
    group"), as the labelling guidelines match recipients (eval/versions/AGREEMENT.md)."""
    patterns = _written(name, lex)
    texts = (" ".join(terms.text.split()), *(p.quote for p in terms.passages))
    return any(pattern.search(text) for pattern in patterns for text in texts)


def _shared(terms: Terms, name: str, lex: DiffWords) -> bool:
    """The version's whole text, cookie and opt-out choices included, names the company in a sentence that shares
    data with it or uses it ("we use Acme to send our newsletters", "opt out of sharing information with Acme"):
    the version still says the company gets data, though its reading took no recipient there (see
    :func:`~dpcheck.changes.still.still_said`)."""
    return still_said(terms.whole, _written(name, lex), "sharing", lex)


def _company_shared(recipient: Named, terms: Terms, lex: DiffWords) -> bool:
    """A recipient named as a company's service ("Firebase Analytics", "Acme Tag Manager": the company's mark, then
    the service, and no legal form) whose company the version still says it shares data with or uses ("our apps use
    Firebase", „wir nutzen Acme"): the same company gets data in both versions. Changes count companies, not the
    services a version names (eval/versions/AGREEMENT.md), as :func:`_service_of` does for a company added or
    removed with its services. A named entity ("Acme Payments Ltd"), or one read as a company of the group the data goes
    to ("our Acme Support centres in India"), may be another company than the one the mark names."""
    if recipient.role == "affiliate":
        return False
    words = recipient.name.split()
    mark = words[0].strip(",.;:()") if words else ""
    if len(words) < 2 or len(mark) < 3 or not mark[:1].isupper() or mark.lower() in lex.generic:
        return False
    if any(w.lower().strip(",.()") in lex.legal_forms for w in words):
        return False
    # Only where the version names companies as parties: a company whose posts or plug-ins a page shows is no
    # recipient there, so a service of it the other version adds ("Acme Custom Audiences") is one.
    return still_said(terms.text, _name_pattern(mark, lex), "sharing", lex)


def _known_as(recipient: Named, this: Terms, other: Terms, lex: DiffWords) -> bool:
    """``this`` version gives the recipient's other name right after its own ("Acme Cloud Inc. (formerly Beta Hosting
    Inc.)", „die Acme GmbH (ehemals Beta GmbH)", "Beta Ltd, now Acme Ltd"), and the ``other`` version names the company
    by that name: one company that took a new name, no recipient added or removed (Task B counts no rename).
    Words for the other name: ``former_name`` of rules/lexicon/recipients.yml."""
    if not lex.former_name:
        return False
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(lex.former_name, key=len, reverse=True))
    # The other name is an aside of the name: in brackets or after a comma or dash, or run on in lower case ("Beta Ltd
    # now Acme Ltd"). A capital with nothing between opens the next sentence ("we use Acme Inc. Previously Beta Inc.
    # sent them"): one provider replaced another, and the new one is added.
    tail = (
        rf"(?:[^\S\n]*{lex.legal_form_pattern})?[^\S\n]*(?:[(,–—-][^\S\n]*|(?=[a-zäöüß]))(?i:{cues})(?!\w)[^\S\n]*"
        rf"(?:(?i:known\s+as|as|to)\s+)?"
        rf"(?:(?i:the|die|der|den|dem)\s+)?(?P<other>[A-Z0-9][\w&.'’+-]*(?:[^\S\n]+(?:[A-Z0-9&][\w&.'’+-]*|of|de|&))*)"
    )
    texts = (this.whole or this.text, *(p.quote for p in recipient.passages))
    for pattern in _written(recipient.name, lex):
        # The name in any case, as :func:`_written` reads it; its other name with a capital, as a name is written.
        name = f"(?i:{pattern.pattern})" if pattern.flags & re.IGNORECASE else pattern.pattern
        after = re.compile(name + tail)
        for text in texts:
            for match in after.finditer(text):
                former = match.group("other").rstrip(".,;")
                if recipient_key(former, lex.legal_forms) != recipient_key(recipient.name, lex.legal_forms) and (
                    _names(other, former, lex)
                ):
                    return True
    return False


def _written(name: str, lex: DiffWords) -> tuple[re.Pattern[str], ...]:
    """The name as written, and its name words however written (:func:`_name_pattern`), under the company's former
    or current name too (a company renamed between versions is one recipient)."""
    return (
        re.compile(rf"(?<!\w){re.escape(' '.join(name.split()))}(?!\w)"),
        *_name_pattern(name, lex),
        *(p for other in other_names(name, lex) for p in _name_pattern(other.title(), lex)),
    )


def _name_pattern(name: str, lex: DiffWords) -> tuple[re.Pattern[str], ...]:
    """The company's name words (without legal form) in any case, with any punctuation or spacing between them.
    A name of one word keeps its first letter as written ("Segment" the company is not "a segment") and stands
    alone or before a legal form: "Google" at the head of "Google Cloud EMEA Limited" names another company of
    the group, not "Google LLC"."""
    words = name_words(name, lex.legal_forms)
    head = name.strip()[:1]
    if not words:
        return ()
    if len(words) == 1 and head.lower() == words[0][:1]:
        alone = rf"(?![\w&]|[^\S\n]+(?!{lex.legal_form_pattern})[A-Z0-9])"
        # "MobilePay" may be written "Mobile Pay" or "Mobile-Pay": a space or hyphen where its capitals start words.
        parts = _CAMEL.findall(name.strip()) if _CAMEL_NAME.fullmatch(name.strip()) else []
        if len(parts) > 1:
            return (re.compile(r"(?<!\w)" + r"[\s-]?".join(re.escape(p) for p in parts) + alone),)
        return (re.compile(rf"(?<!\w){re.escape(head)}(?i:{re.escape(words[0][1:])}){alone}"),)
    # Words may be run together in the other version ("Mobile Pay" written "MobilePay"), and take or drop a plural
    # "s" ("Marketing Services Providers", "Marketing Service Providers"), as :func:`_respelt` pairs keys.
    return (re.compile(r"(?<!\w)" + r"[\W_]*".join(_plural(w) for w in words) + r"(?!\w)", re.IGNORECASE),)


def _plural(word: str) -> str:
    return re.escape(word.removesuffix("s")) + "s?" if len(word) > 3 else re.escape(word)


def _part_of(key: str, other: Terms, companies: Set[str]) -> bool:
    """A recipient whose name starts with a company's, which the other version reads as a recipient itself
    ("Google Ad Manager" beside "Google") or by another of its services ("Google Ads" beside "Google Ad
    Manager", where either version reads "Google" on its own, among ``companies``): a service or branch of a
    company both versions name, no recipient added or removed."""
    owners = [k for k in companies if k != key and same_recipient(k, key) and len(k) < len(key)]
    return any(k == owner or same_recipient(owner, k) for owner in owners for k in other.recipients)


def _service_of(key: str, changed: Mapping[str, Named]) -> bool:
    """A recipient whose name starts with that of a company added (or removed) with it ("Acme Cloud" and "Acme
    Ads" beside "Acme"): a service of that company, one recipient changed, not one per service named."""
    return any(k != key and same_recipient(k, key) and len(k) < len(key) for k in changed)


def _within(a: str, b: str, lex: DiffWords) -> bool:
    """One version's name, legal form and all, stands whole inside the other's: "Ionix SE" and "1&1 Ionix SE", a
    company written with its group's mark before it. A name without its legal form ("Sentry" in "Functional
    Software Inc. (Sentry)" beside "Sentry GmbH") does not: the entity may be another."""
    short, long_ = sorted((" ".join(a.split()), " ".join(b.split())), key=len)
    words = short.lower().rstrip(".").split()
    return (
        len(words) > 1
        and words[-1] in lex.legal_forms
        and short != long_
        and re.search(rf"(?<![\w&]){re.escape(short)}(?!\w)", long_, re.IGNORECASE) is not None
    )


def _run_together(a: str, b: str) -> bool:
    """The keys differ only by spaces or hyphens between words: "mobile pay" and "mobilepay" are one company
    written apart and run together."""
    return a != b and a.replace(" ", "").replace("-", "") == b.replace(" ", "").replace("-", "")


def _respelt(a: str, b: str) -> bool:
    """The keys differ only by a plural "s" on some word: "google workspaces" and "google workspace" are one
    product written two ways."""
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(x.removesuffix("s") == y.removesuffix("s") for x, y in zip(wa, wb, strict=True))


def _abbreviates(a: str, b: str) -> bool:
    """One key is the other's initials: "aws" and "amazon web services" name one company."""
    (short, long_) = (a, b) if len(a) <= len(b) else (b, a)
    words = long_.split()
    return len(words) > 1 and " " not in short and short == "".join(w[0] for w in words)


def _checklist(old: Terms, new: Terms, lex: DiffWords) -> list[Change]:
    """Art. 28 elements of two DPAs; nothing when one version has no checklist (it is no DPA)."""
    if not old.checklist or not new.checklist:
        return []
    out = []
    for element in old.checklist.keys() & new.checklist.keys():
        before, after = old.checklist[element], new.checklist[element]
        direction = _direction(before, after)
        if direction is not None and not (
            _same_words(before.passages, after.passages, old, new)
            or _same_terms(before.passages, after.passages, old, new, lex)
        ):
            kind, detail = direction
            out.append(
                Change(
                    kind,
                    element,
                    detail,
                    old.checklist[element].passages[:MAX_QUOTES],
                    new.checklist[element].passages[:MAX_QUOTES],
                )
            )
    reported = {c.value for c in out}
    # A shorter notice of sub-processor changes, or less time to object to one, weakens Art. 28(2).
    for what, days_before, days_after, old_quotes, new_quotes in (
        ("notice of changes", old.notice_days, new.notice_days, old.notice, new.notice),
        ("time to object", old.objection_days, new.objection_days, old.objection, new.objection),
    ):
        if (
            "subprocessors" not in reported
            and days_before is not None
            and days_after is not None
            and days_before != days_after
            and not _same_words(old_quotes, new_quotes, old, new)
        ):
            change: ChangeKind = "art28_weakened" if days_after < days_before else "art28_strengthened"
            out.append(
                Change(change, "subprocessors", f"{what} {days_before} -> {days_after} days", old_quotes, new_quotes)
            )
            reported.add("subprocessors")
    if "security_assistance" not in reported:
        out += _breach_limit(old, new, lex)
    return out


def _breach_limit(old: Terms, new: Terms, lex: DiffWords) -> list[Change]:
    """A longer time limit to report a personal data breach, or one no longer stated, weakens Art. 28(3)(f)
    (Art. 33(2) GDPR); a shorter or new one strengthens it. Not where each version's sentence stands in the other
    word for word or said again without a number changed: only the reading of the limit moved."""
    before, after = old.breach_hours, new.breach_hours
    if (
        before == after
        or _same_words(old.breach, new.breach, old, new)
        or _same_terms(old.breach, new.breach, old, new, lex)
    ):
        return []

    def said(hours: int | None) -> str:
        return "no time limit stated" if hours is None else f"{hours} hours"

    weaker = after is None or (before is not None and after > before)
    kind: ChangeKind = "art28_weakened" if weaker else "art28_strengthened"
    return [
        Change(
            kind, "security_assistance", f"breach notification {said(before)} -> {said(after)}", old.breach, new.breach
        )
    ]


def _same_terms(before: Sequence[Passage], after: Sequence[Passage], old: Terms, new: Terms, lex: DiffWords) -> bool:
    """Each version's passages about an Art. 28 element are said again in the other in other words: a sentence
    there holds nearly all of a passage's words (:data:`RESTATED_TERMS`) and sets apart no word that denies,
    restricts, excepts or makes it conditional, and no number (a time limit, a count). The element reads the
    same in both; only how the rest of the text let it be read moved ("obligations flowed down" found in one
    version of a reflowed text). A deadline, a "not" or an "only" added or dropped is a change."""
    return bool(before or after) and all(
        _said_again_as_terms(p.quote, sentences, lex)
        for passages, sentences in ((before, _sentences(new)), (after, _sentences(old)))
        for p in passages
    )


def _said_again_as_terms(quote: str, sentences: Sequence[tuple[str, frozenset[str]]], lex: DiffWords) -> bool:
    words = _tokens(quote)
    if len(words) < RESTATED_MIN_WORDS:
        return False
    return any(
        len(words & other) >= RESTATED_TERMS * len(words)
        and not _denies(words ^ other, True, lex)
        and not any(_number(w) for w in words ^ other)
        for _, other in sentences
    )


def _number(word: str) -> bool:
    # Imported here: dpcheck.extract loads the reading stage (spaCy); only an Art. 28 comparison needs the words.
    from dpcheck.extract.periods import NUMBER_WORDS

    return any(c.isdigit() for c in word) or any(part in NUMBER_WORDS for part in word.split("-"))


def _direction(old: Item, new: Item) -> tuple[ChangeKind, str] | None:
    if STATUS_RANK[new.status] < STATUS_RANK[old.status]:
        return "art28_weakened", f"{old.status} -> {new.status}" + (f": {new.note}" if new.status == "weakened" else "")
    if STATUS_RANK[new.status] > STATUS_RANK[old.status]:
        return "art28_strengthened", f"{old.status} -> {new.status}" + (
            f" (was: {old.note})" if old.status == "weakened" else f": {new.note}" if new.status == "weakened" else ""
        )
    if old.status != "weakened":
        return None
    before, after = _notes(old.note), _notes(new.note)
    if after - before:
        return "art28_weakened", "now also: " + "; ".join(sorted(after - before))
    if before - after:
        return "art28_strengthened", "no longer: " + "; ".join(sorted(before - after))
    return None


def _notes(note: str) -> set[str]:
    # "not found: a, b" lists the missing parts of one weakening: each part counts alone.
    notes: set[str] = set()
    for part in note.split("; "):
        if part.startswith("not found: "):
            notes.update(f"not found: {p}" for p in part.removeprefix("not found: ").split(", "))
        elif part:
            notes.add(part)
    return notes


def _places(codes: frozenset[str]) -> str:
    return ", ".join(sorted(codes)) or "no country named"


def _closest(quotes: Sequence[Passage], other: Terms) -> tuple[Passage, ...]:
    """The other version's passage most like ``quotes``' first, marked as standing in; none if nothing is alike."""
    if not quotes:
        return ()
    words = _bag(quotes[0].quote)
    best = max(other.passages, key=_likeness(words), default=None)
    if best is None or _likeness(words)(best) < CLOSEST:
        return ()
    return (Passage(best.quote, best.document, best.page, best.section, closest=True),)


def _likeness(words: frozenset[str]) -> Callable[[Passage], float]:
    def score(passage: Passage) -> float:
        other = _bag(passage.quote)
        return len(words & other) / len(words | other) if words or other else 0.0

    return score


def _bag(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORDS.findall(text))
