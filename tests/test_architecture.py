"""The import graph follows the stages: nothing imports a later stage, and no module imports itself
round a circle (read from the source with ``ast``, so a lazy import inside a function counts too)."""

from __future__ import annotations

import ast
from importlib.util import find_spec
from pathlib import Path

import networkx as nx

import dpcheck

PACKAGE = Path(dpcheck.__file__).parent
# The order a document goes through: each stage may import those before it (and its own modules).
STAGES = (
    ("dpcheck.errors", "dpcheck.models", "dpcheck.version"),
    (
        "dpcheck.resources",
        "dpcheck.limits",
        "dpcheck.collector",
        "dpcheck.prefilter",
        "dpcheck.validation",
        "dpcheck.vocabulary",
        "dpcheck.walk",
    ),
    ("dpcheck.facts",),
    ("dpcheck.ingest",),
    ("dpcheck.nlp",),
    ("dpcheck.extract",),
    ("dpcheck.flows",),
    ("dpcheck.checks",),
    ("dpcheck.assemble", "dpcheck.policy"),
    # A vendor's dossier: versions compared, then documents joined and judged together.
    ("dpcheck.changes",),
    ("dpcheck.vendor",),
    ("dpcheck.report", "dpcheck.serialize"),
    ("dpcheck.scanner", "dpcheck.cache"),
    ("dpcheck.workers",),
    ("dpcheck.dossier", "dpcheck.history", "dpcheck.lint", "dpcheck.evaluate", "dpcheck.batch"),
    ("dpcheck.serve",),
    ("dpcheck.cli", "dpcheck.__main__", "dpcheck"),
)


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> int:
    for rank, prefixes in enumerate(STAGES):
        if any(module == p or (p != "dpcheck" and module.startswith(p + ".")) for p in prefixes):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def _imports(path: Path) -> set[str]:
    """The dpcheck modules ``path`` imports (``from pkg import module`` counts as the module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "dpcheck"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "dpcheck":
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if find_spec(node.module) and _is_module(name) else node.module)
    return found


def _is_module(name: str) -> bool:
    try:
        return find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def _graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _module(path)
        graph.add_node(source)
        graph.add_edges_from((source, target) for target in _imports(path) if target != source)
    return graph


def test_architecture_nothing_imports_a_later_stage():
    """ingest → nlp → extract → flows → checks → assemble/policy → report → scanner → batch → cli, one way."""
    upward = [f"{a} ({_stage(a)}) imports {b} ({_stage(b)})" for a, b in _graph().edges if _stage(b) > _stage(a)]
    assert not upward, upward


def test_architecture_has_no_import_cycles():
    """No module imports itself round a circle of other modules."""
    cycles = list(nx.simple_cycles(_graph()))
    assert not cycles, cycles


def test_architecture_flows_sit_between_extract_and_checks():
    """The data flow reads the extraction, and the checks read the flow (never the other way round)."""
    graph = _graph()
    assert _stage("dpcheck.extract") < _stage("dpcheck.flows") < _stage("dpcheck.checks")
    assert graph.has_edge("dpcheck.flows", "dpcheck.extract")
    assert not any(b.startswith("dpcheck.flows") for a, b in graph.edges if a.startswith("dpcheck.extract"))
    assert graph.has_edge("dpcheck.scanner", "dpcheck.flows")


def test_architecture_check_would_catch_an_upward_import(tmp_path):
    """The stage check sees an import of a later stage (so it can fail)."""
    module = tmp_path / "bad.py"
    module.write_text("from dpcheck.scanner import Scanner\nfrom dpcheck import report\n", encoding="utf-8")
    assert _imports(module) == {"dpcheck.scanner", "dpcheck.report"}
    assert _stage("dpcheck.scanner") > _stage("dpcheck.extract.readers")


def test_architecture_shared_words_are_defined_once_in_models():
    """UNSPECIFIED and EEA_REGION are assigned in dpcheck/models.py and nowhere else (the gazetteer imports them)."""
    shared = {"UNSPECIFIED", "EEA_REGION"}
    assigned = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            assigned |= {(_module(path), t.id) for t in targets if isinstance(t, ast.Name) and t.id in shared}
    assert assigned == {("dpcheck.models", name) for name in shared}
