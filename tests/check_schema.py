"""The published schema of `lexdraft check --format json` (schemas/check.schema.json), for the tests that read it."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "check.schema.json"


@cache
def validator() -> Any:
    return jsonschema_rs.validator_for(json.loads(SCHEMA.read_text(encoding="utf-8")))


def problems(data: object) -> list[str]:
    return [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator().iter_errors(data)]


def check_json(text: str) -> Any:
    """What `check --format json` printed, read and validated against the published schema."""
    data = json.loads(text)
    assert problems(data) == []
    return data
