"""Where a document commits personal data to stay: "Customer Data is processed exclusively in the
EEA", "a transfer to a third country does not take place", "Processor engages only sub-processors
located in the EU, the EEA or Switzerland".

A commitment is a mention of kind ``location_commitment``. Its value says whose processing it
binds: ``subprocessors`` when the sentence speaks of them, else ``processing`` (the vendor's own);
its detail lists the places it allows, space-separated: ``EEA`` and any country outside the EEA
the sentence allows beside it (``EEA CH``). A commitment with an exception ("unless", "except"),
under a condition ("if", "where") or inside the Art. 28(3)(a) instructions formula is none.
"""

from __future__ import annotations

from dpcheck.extract.destinations import Words, conditional, negated_transfer
from dpcheck.extract.sentences import INSTRUCTIONS, Sentence
from dpcheck.models import EEA_REGION, LOCATION_COMMITMENT, UNSPECIFIED, Mention


def commitment_mentions(sentence: Sentence, eea: set[str], words: Words) -> list[Mention]:
    """The commitment one sentence makes to keep data in the EEA (and the places it allows beside it)."""
    if sentence.is_definition or INSTRUCTIONS.search(sentence.text) or words.exception.search(sentence.text):
        return []
    if any(conditional(sentence.span, i, words) for i in sentence.where_word(words.conditional)):
        return []
    inside = [p for p in sentence.places if p.code == EEA_REGION or p.code in eea]
    others = sorted({p.code for p in sentence.places if p.code not in eea and p.code not in (EEA_REGION, UNSPECIFIED)})
    if sentence.has("THIRD_COUNTRY"):
        # "not transferred outside the EEA (or Switzerland)": the places named beside the region stay allowed.
        if not (negated_transfer(sentence, words) or _refuses_subprocessors(sentence)):
            return []
        reason = "denies transfers out of the EEA"
    elif (
        inside
        and sentence.has("LOCATION_ONLY")
        and sentence.has("TRANSFER", "SUBPROCESSOR")
        and not sentence.has("NEGATION")
        and not _places_other_things(sentence, words)
    ):
        reason = f"keeps data to '{inside[0].text}' ('{sentence.of('LOCATION_ONLY')[0].text}')"
    else:
        return []
    scope = "subprocessors" if sentence.has("SUBPROCESSOR") else "processing"
    return [Mention(LOCATION_COMMITMENT, scope, sentence.evidence(reason), detail=" ".join([EEA_REGION, *others]))]


def _places_other_things(sentence: Sentence, words: Words) -> bool:
    """ "Our offices are located exclusively in Germany", „Unsere Büros befinden sich nur in Deutschland": the sentence
    only says where something is (``placing``), and names neither data (DATA_NAMED, or a plain word of ``placed_data``:
    "Your information is located only in the EU", „Ihre Informationen befinden sich nur in der EU") nor sub-processors:
    where the offices are is not where data is processed."""
    return (
        all(c.text.lower() in words.placing for c in sentence.of("TRANSFER"))
        and not sentence.has("DATA_NAMED", "SUBPROCESSOR")
        and not any(t.lower_ in words.placed_data for t in sentence.span)
    )


def _refuses_subprocessors(sentence: Sentence) -> bool:
    """ "shall not engage any sub-processor that processes data outside the EEA": a negation before
    the sub-processors in their clause."""
    return any(
        n.end <= c.start and sentence.clause_bounds(n.start) == sentence.clause_bounds(c.start)
        for n in sentence.of("NEGATION")
        for c in sentence.of("SUBPROCESSOR")
    )
