"""Rules as data: one YAML file per rule (rules/flags, and rules/policy for the buyer's policy),
validated against the rule schema of their rules folder and evaluated here.

A rule's ``when`` is a condition over features (see features.py and buyer.py):

    all: [c, ...] | any: [c, ...] | not: c
    {feature: NAME, is: true|false}     {feature: NAME, in: [..]}
    {feature: NAME, any_of: [..]}       {feature: NAME, empty: true|false}

Its message and its questions may name features in braces ("{invalid_mechanisms}"). A feature's
value is written out in words (:mod:`dpcheck.vocabulary`: "EU-U.S. Privacy Shield", "United
States", "countries not named"), the message in English and a question in its language; a rule's
``labels`` say how a word of its own reads in each language.
"""

from __future__ import annotations

import json
from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from string import Formatter
from typing import Any

from jsonschema import Draft202012Validator

from dpcheck import validation
from dpcheck.checks.features import Feature
from dpcheck.errors import RulesetError
from dpcheck.models import DocType, Evidence, Finding, Severity, TransferPath, distinct_places
from dpcheck.resources import load_yaml, rules_dir
from dpcheck.vocabulary import Vocabulary, bundled

SCHEMA_FILE = Path("schema") / "rule.schema.json"
LEAF_OPS = ("is", "in", "any_of", "empty")


@dataclass(frozen=True)
class ExampleDocument:
    """One document of a vendor rule's example (rules/vendor/): its role in the dossier and text."""

    role: str
    text: str


@dataclass(frozen=True)
class Example:
    text: str
    lang: str
    doc_type: DocType
    # The day whose law the example is judged by (default: the day of the run), for rules that
    # depend on dates (an adequacy decision about to expire, a pending court case).
    as_of: date | None = None
    # A vendor rule's example is a dossier of several documents, read together (``text`` is empty).
    documents: tuple[ExampleDocument, ...] = ()


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    article: str
    severity: Severity
    rationale: str
    questions: dict[str, str]
    message: str
    when: dict[str, Any]
    evidence: tuple[str, ...]
    core: bool
    references: tuple[str, ...]
    match: tuple[Example, ...]
    no_match: tuple[Example, ...]
    path: Path
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # word → language → what the vendor reads

    def applies(self, features: dict[str, Feature]) -> bool:
        return _holds(self.when, features)

    def finding(
        self, features: dict[str, Feature], lang: str | None = None, vocabulary: Vocabulary | None = None
    ) -> Finding:
        """The finding of this rule, its question in ``lang`` where the rule has one (else English); its
        evidence quotes what the rule tested for first (the members its condition asks for, "any_of: [scc,
        bcr]", where the feature quotes each member apart)."""
        evidence: list[Evidence] = []
        for name in self.evidence:
            feature = features[name]
            tested = [e for value in _tested(self.when, name) for e in feature.by_value.get(value, ())]
            evidence.extend(distinct_places(tested) if tested else feature.evidence)
        message, question = self.texts(features, lang, vocabulary)
        # Two features may quote the same clause (the authorisation that also gives notice): it is shown once, also
        # where one of them quotes it with its run-in title ("6.1 General authorisation. The Customer authorises ...").
        quoted = _within_shown(distinct_places(evidence))
        return Finding(self.id, self.article, self.severity, self.title, message, question, quoted, self.core)

    def texts(
        self, features: dict[str, Feature], lang: str | None = None, vocabulary: Vocabulary | None = None
    ) -> tuple[str, str]:
        """The message (English) and the vendor question (in ``lang`` where the rule has it), each
        feature written out in the vocabulary's words."""
        words = vocabulary or bundled()
        lang = lang if lang in self.questions else "en"
        message = _fill(self.message, features, _Words(words, "en", self._labels("en"))).strip()
        return message, _fill(self.questions[lang], features, _Words(words, lang, self._labels(lang)))

    def _labels(self, lang: str) -> dict[str, str]:
        return {word: texts[lang] for word, texts in self.labels.items() if lang in texts}


@dataclass(frozen=True)
class _Words:
    """How a feature's value reads in one language: the rule's own labels first, then the vocabulary."""

    vocabulary: Vocabulary
    lang: str
    labels: dict[str, str]

    def show(self, value: Any) -> str:
        if isinstance(value, set | frozenset | list | tuple):
            items = list(value)
            if items and all(isinstance(v, TransferPath) for v in items):
                return "; ".join(sorted(self.path(p) for p in items))
            keys = [str(v) for v in items]
            if keys and all(self._is_place(k) for k in keys):
                labelled = [self.labels[k] for k in sorted(keys) if k in self.labels]
                rest = [k for k in keys if k not in self.labels]
                return ", ".join([*labelled, *([self.vocabulary.places(rest, self.lang)] if rest else [])])
            return ", ".join(self.labels.get(k) or self.vocabulary.value(k, self.lang) for k in sorted(keys)) or (
                "keine" if self.lang == "de" else "none"
            )
        return self.labels.get(str(value)) or self.vocabulary.value(str(value), self.lang)

    def path(self, path: TransferPath) -> str:
        route = " → ".join((*path.parties, self.vocabulary.place(path.country, self.lang)))
        return f"{route} ({path.reason})" if path.reason else route

    def _is_place(self, key: str) -> bool:
        return key in self.vocabulary.words["places"] or (len(key) == 2 and key.isupper())


def _fill(template: str, features: dict[str, Feature], words: _Words) -> str:
    """``template`` with each feature it names in braces written out in words."""
    return template.format(
        **{name: words.show(features[name].value) for _, name, _, _ in Formatter().parse(template) if name}
    )


def _tested(cond: dict[str, Any], name: str) -> list[str]:
    """The members of feature ``name`` that ``cond`` asks to be present (its ``any_of`` lists, not under a ``not``)."""
    if "all" in cond or "any" in cond:
        return [v for sub in cond.get("all", cond.get("any", [])) for v in _tested(sub, name)]
    if cond.get("feature") == name and "any_of" in cond:
        return [str(v) for v in cond["any_of"]]
    return []


def _holds(cond: dict[str, Any], features: dict[str, Feature]) -> bool:
    if "all" in cond:
        return all(_holds(c, features) for c in cond["all"])
    if "any" in cond:
        return any(_holds(c, features) for c in cond["any"])
    if "not" in cond:
        return not _holds(cond["not"], features)
    value = features[cond["feature"]].value
    if "is" in cond:
        return bool(value) is bool(cond["is"])
    if "in" in cond:
        return value in cond["in"]
    if "any_of" in cond:
        return bool(set(value) & set(cond["any_of"]))
    return (not value) is bool(cond["empty"])


def _check_condition(cond: Any, features: Set[str], where: str, problems: list[str]) -> None:
    if not isinstance(cond, dict) or not cond:
        problems.append(f"{where}: a condition must be a mapping, got {cond!r}")
        return
    for key in ("all", "any"):
        if key in cond:
            if not isinstance(cond[key], list) or not cond[key]:
                problems.append(f"{where}: '{key}' needs a non-empty list")
                return
            for i, sub in enumerate(cond[key]):
                _check_condition(sub, features, f"{where}.{key}[{i}]", problems)
            return
    if "not" in cond:
        _check_condition(cond["not"], features, f"{where}.not", problems)
        return
    if cond.get("feature") not in features:
        problems.append(f"{where}: unknown feature {cond.get('feature')!r}; known: {', '.join(sorted(features))}")
    ops = [op for op in LEAF_OPS if op in cond]
    if len(ops) != 1:
        problems.append(f"{where}: give exactly one of {', '.join(LEAF_OPS)}")


def _examples(raw: list[dict[str, Any]]) -> tuple[Example, ...]:
    return tuple(
        Example(
            str(e.get("text", "")),
            e["lang"],
            e.get("doc_type", "privacy_policy"),
            date.fromisoformat(e["as_of"]) if "as_of" in e else None,
            tuple(ExampleDocument(d["role"], str(d["text"])) for d in e.get("documents", ())),
        )
        for e in raw
    )


def validate(
    data: Any, path: Path, features: set[str] | frozenset[str], schema: Draft202012Validator | None = None
) -> list[str]:
    """Human-readable problems of one rule file (empty when the rule is sound): its shape against
    the rule schema (``schema``, default: the bundled rules/schema/rule.schema.json), then what a
    schema cannot know (feature names, the file name, the fields its message and questions name)."""
    name = path.name
    problems = [f"{name}: {where}: {message}" for where, message in schema_problems(data, schema)]
    if problems:
        return problems
    if data["id"] != path.stem:
        problems.append(f"{name}: id '{data['id']}' must equal the file name")
    _check_condition(data["when"], features, f"{name}: when", problems)
    for feature in data.get("evidence", []):
        if feature not in features:
            problems.append(f"{name}: evidence names unknown feature {feature!r}")
    for key in ("match", "no_match"):
        if {e["lang"] for e in data["examples"][key]} != {"en", "de"}:
            problems.append(f"{name}: examples.{key} needs English and German sentences")
    questions = data["question"] if isinstance(data["question"], dict) else {"en": data["question"]}
    for field_name, template in [("message", data["message"]), *((f"question.{k}", q) for k, q in questions.items())]:
        try:
            template.format(**dict.fromkeys(features, ""))
        except (KeyError, IndexError, ValueError) as exc:
            problems.append(f"{name}: {field_name} refers to unknown feature {exc}")
    return problems


def schema_validator(folder: Path) -> Draft202012Validator:
    """The rule schema of the rules folder ``folder``."""
    return Draft202012Validator(json.loads((folder / SCHEMA_FILE).read_text(encoding="utf-8")))


def schema_problems(data: Any, schema: Draft202012Validator | None = None) -> list[tuple[str, str]]:
    """(where, what) for each place ``data`` breaks the rule ``schema`` (default: the bundled one), in file order."""
    return validation.problems(schema or schema_validator(rules_dir()), data)


def _questions(raw: str | dict[str, str]) -> dict[str, str]:
    if isinstance(raw, str):
        return {"en": " ".join(raw.split())}
    return {lang: " ".join(text.split()) for lang, text in raw.items()}


def load_rules(
    folder: Path, features: set[str] | frozenset[str], schema: Draft202012Validator | None = None
) -> tuple[Rule, ...]:
    """The rule files of ``folder``, in file-name order; raises :class:`RulesetError` listing every problem."""
    rules: list[Rule] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        data = load_yaml(path)
        found = validate(data, path, features, schema)
        if found:
            problems.extend(found)
            continue
        examples = data["examples"]
        rules.append(
            Rule(
                data["id"],
                data["title"],
                data["article"],
                data["severity"],
                data["rationale"].strip(),
                _questions(data["question"]),
                data["message"],
                data["when"],
                tuple(data.get("evidence", [])),
                bool(data.get("core")),
                tuple(data.get("references", [])),
                _examples(examples["match"]),
                _examples(examples["no_match"]),
                path,
                data.get("labels", {}),
            )
        )
    if problems:
        raise RulesetError(problems)
    return tuple(rules)


def _within_shown(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """The quotes but those inside one shown before them (a clause shown with its run-in title, then alone): the
    clause is shown once. A wider quote after a narrower one stays: what it adds may be evidence of its own."""
    shown: list[Evidence] = []
    for e in evidence:
        if not any(w.start <= e.start and e.end <= w.end for w in shown) or e.start == e.end:
            shown.append(e)
    return tuple(shown)
