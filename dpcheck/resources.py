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
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """A safe loader that refuses a key written twice in one mapping: YAML keeps the last silently, so a second list
    under a cue label already defined would replace the first one's words without a word of warning."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} is written twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_SAFE_LOADER = _SafeLoader


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
