"""YAML (the ``yaml`` extra, PyYAML): one NCP or a list of NCPs, as in JSON.

Every plain value is text except ``null`` (and ``~``): a composition has no numbers or
booleans, and YAML 1.1 would otherwise read Norway's ``NO`` as false, ``2014-3-27`` as a date
and ``2008`` as a number. A key given twice in one mapping is a problem. Lines and columns come
from the parser's marks on each node.
"""

from __future__ import annotations

import functools
from typing import Any

from .._i18n import N_
from .._location import Location
from ..exceptions import Problem, UnreadableFile
from . import EMPTY, Parsed, Position, decode

__all__ = ["read"]

# Aliases let a small file stand for a huge or endless tree ("billion laughs", an anchor inside
# itself); no composition comes near these.
_MOST_VALUES = 200_000
_DEEPEST = 100


def read(raw: bytes, name: str) -> Parsed:
    """The data in the YAML text ``raw``, the keys it repeats, and where things are in it."""
    try:
        import yaml
    except ImportError:
        reason = N_("reading YAML needs PyYAML: pip install 'emn[yaml]'")
        raise UnreadableFile.of(name, reason) from None
    expected = N_("one NCP or a list of NCPs as YAML")
    text = decode(raw, name, expected)
    loader = None
    try:
        loader = _loader()(text)
        node = loader.get_single_node()
        if node is None:
            raise UnreadableFile.of(name, EMPTY, expected=expected)
        positions: dict[Location, Position] = {}
        problems = _walk(node, positions, name)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        error = " ".join(str(err.problem or err.context or "").split())
        if mark is None:
            raise UnreadableFile.of(name, N_("not valid YAML: {error}"), error=error) from None
        template = N_("not valid YAML: {error} at line {line_number}, column {column_number}")
        raise UnreadableFile.of(
            name, template, error=error, line_number=mark.line + 1, column_number=mark.column + 1
        ) from None
    except yaml.YAMLError as err:
        error = " ".join(str(err).split())
        raise UnreadableFile.of(name, N_("not valid YAML: {error}"), error=error) from None
    except RecursionError:
        raise UnreadableFile.of(name, N_("not valid YAML: nested too deeply")) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Parsed(
        data, problems, lambda wanted: {k: positions[k] for k in wanted if k in positions}
    )


@functools.cache
def _loader() -> Any:
    import yaml

    class Loader(yaml.SafeLoader):
        """The safe loader, resolving no plain value but null (and merge keys) by itself."""

    keep = {"tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"}
    Loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag in keep]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


def _walk(root: Any, positions: dict[Location, Position], name: str) -> list[Problem]:
    """Record where each location is, and the keys that a mapping gives twice."""
    import yaml

    problems: list[Problem] = []
    stack: list[tuple[Location, Any]] = [((), root)]
    seen = 0
    while stack:
        location, node = stack.pop()
        seen += 1
        if seen > _MOST_VALUES or len(location) > _DEEPEST:
            reason = N_("its aliases make too many values, or nest without end")
            raise UnreadableFile.of(name, reason)
        mark = node.start_mark
        positions[location] = (None, mark.line + 1, mark.column + 1, None)
        if isinstance(node, yaml.SequenceNode):
            stack.extend(((*location, i), item) for i, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            last: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                    continue
                key = key_node.value
                if key in last:
                    mark = key_node.start_mark
                    template = N_(
                        "the key {key} is given more than once in this mapping; "
                        "the last one is used"
                    )
                    problem = Problem.of((*location, key), template, key=repr(key))
                    problems.append(problem._replace(line=mark.line + 1, column=mark.column + 1))
                last[key] = value_node
            stack.extend(((*location, key), value) for key, value in last.items())
    return problems
