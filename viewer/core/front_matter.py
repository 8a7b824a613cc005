"""YAML front matter: the ``---`` block at the top of documentation and wiki pages.

Loaded with PyYAML's safe loader (no objects, only plain data). This module, and PyYAML (60 ms to
import), are imported only for an article that has such a block in YAML proper.
"""

from __future__ import annotations

from typing import NamedTuple

MAX_FRONT_MATTER_CHARACTERS = 256 * 1024
"""A longer block is not front matter a reader needs: it is shown as text."""


class YamlProblem(NamedTuple):
    """Why a block is not YAML the viewer can use, and the line of the article it is on."""

    line: int
    reason: str


def load_yaml_mapping(block: str, first_line: int) -> dict[str, object] | YamlProblem:
    """The mapping written in *block* (whose first line is line *first_line* of the article)."""
    if len(block) > MAX_FRONT_MATTER_CHARACTERS:
        return YamlProblem(first_line, f"it is longer than {MAX_FRONT_MATTER_CHARACTERS // 1024} KB")
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(block, Loader=loader)  # a safe loader: plain data only
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark or error.problem_mark
        return YamlProblem(first_line + (mark.line if mark else 0), str(error.problem or error.context or "not YAML"))
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as error:
        return YamlProblem(first_line, str(error).splitlines()[0] if str(error) else "not YAML")
    if data is None:
        return {}
    if not isinstance(data, dict):
        return YamlProblem(first_line, "it is not a list of 'key: value' lines")
    return {str(key): value for key, value in data.items() if isinstance(key, str | int | float)}
