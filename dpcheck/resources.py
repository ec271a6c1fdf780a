"""Where the data files of ``rules/`` live, in a checkout and in an installed wheel.

The wheel ships ``rules/`` as ``dpcheck/_rules`` (see pyproject.toml); a source
checkout or editable install reads the top-level ``rules/`` folder directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from dpcheck.errors import RulesetError

_PACKAGE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """The folder holding rule, fact and lexicon files."""
    for candidate in (_PACKAGE / "_rules", _PACKAGE.parent / "rules"):
        if (candidate / "facts").is_dir():
            return candidate
    raise RulesetError([f"no rules/ folder next to {_PACKAGE} (broken installation?)"])


def load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            # libyaml where PyYAML has it: the generated places.yml is large.
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise RulesetError([f"{path}: {exc}"]) from exc
