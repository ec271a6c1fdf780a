"""Readable problems of a YAML data file checked against its JSON Schema (rule and fact files)."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError


def problems(validator: Draft202012Validator, data: Any) -> list[tuple[str, str]]:
    """(where, what) for each place ``data`` breaks the validator's schema, in file order."""
    out = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        shown = _closest(error)
        where = ".".join(str(p) for p in shown.absolute_path) or "top level"
        out.append((where, shown.message))
    return out


def _closest(error: ValidationError) -> ValidationError:
    """ "Not valid under any of the given schemas" says little: follow the alternative the data
    meant (the one whose keys and type it has) down to its problem."""
    while error.context:
        branches: dict[object, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        meant = (
            [b for b in branches.values() if not any(e.validator in ("type", "required") for e in b)]
            or [b for b in branches.values() if not any(e.validator == "type" for e in b)]
            or list(branches.values())
        )
        branch = min(meant, key=len)
        error = max(branch, key=lambda e: len(e.absolute_path))
    return error
