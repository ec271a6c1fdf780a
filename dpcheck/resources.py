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
# yaml.safe_load with libyaml's loader where PyYAML has it: the generated places.yml is large.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rules_dir() -> Path:
    """The folder holding rule, fact and lexicon files."""
    for candidate in (_PACKAGE / "_rules", _PACKAGE.parent / "rules"):
        if (candidate / "facts").is_dir():
            return candidate
    raise RulesetError([f"no rules/ folder next to {_PACKAGE} (broken installation?)"])


def load_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            loader = _SAFE_LOADER(handle)
            try:
                return loader.get_single_data()
            finally:
                loader.dispose()
    except (OSError, yaml.YAMLError) as exc:
        raise RulesetError([f"{path}: {exc}"]) from exc
