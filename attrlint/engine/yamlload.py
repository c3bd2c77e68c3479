"""YAML loading that remembers where each value came from.

Rule files are untrusted input, so only the safe loader is used. Mappings and lists come back
as dict/list subclasses that carry the line of each key or item, so validation errors can name
the line a user has to fix.
"""

from __future__ import annotations

import functools

from attrlint.errors import RuleFileError

# Rule and config files are a few kilobytes; a larger one is refused before parsing.
MAX_YAML_BYTES = 4 * 1024 * 1024


class LineDict(dict):
    line: int = 0
    key_lines: dict


class LineList(list):
    line: int = 0
    item_lines: list


@functools.lru_cache(maxsize=1)
def _loader_class():
    """The safe loader with line-keeping constructors. Built on first use: a run whose rules
    come from the cache of compiled rule sets never imports PyYAML at all."""
    import yaml

    # libyaml's parser when PyYAML was built with it (several times faster); the constructors,
    # where the safety lies, are the safe loader's either way.
    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]  # a base chosen at run time
        pass

    def construct_mapping(loader, node) -> LineDict:
        loader.flatten_mapping(node)
        out = LineDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise RuleFileError(loader.name, key_node.start_mark.line + 1, "a mapping key must be a plain value") from None
            if key in out:
                raise RuleFileError(loader.name, key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = loader.construct_object(value_node, deep=True)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out

    def construct_sequence(loader, node) -> LineList:
        out = LineList(loader.construct_object(child, deep=True) for child in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, construct_sequence)
    return _Loader


def load_yaml(path: str, text: str | None = None):
    """Parse one YAML document with line marks; errors name the file and line."""
    from attrlint.model.source import RefusedFile, read_regular_bytes

    try:
        if text is None:
            text = read_regular_bytes(path, MAX_YAML_BYTES).decode("utf-8-sig")
    except RefusedFile as exc:
        raise RuleFileError(path, None, exc.reason) from None
    except OSError as exc:
        raise RuleFileError(path, None, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise RuleFileError(path, None, "is not UTF-8 text") from None
    import yaml

    try:
        loader = _loader_class()(text)
    except yaml.reader.ReaderError as exc:  # a control character: the reader refuses the text
        raise _reader_error(path, text, exc) from None
    loader.name = path
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = f"invalid YAML: {exc.problem or exc.context}"
        if exc.context and exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
            reason += f" ({exc.context} on line {exc.context_mark.line + 1})"
        raise RuleFileError(path, line, reason) from None
    except yaml.reader.ReaderError as exc:
        raise _reader_error(path, text, exc) from None
    except yaml.YAMLError as exc:
        raise RuleFileError(path, None, "invalid YAML: " + " ".join(str(exc).split())) from None
    finally:
        loader.dispose()


def _reader_error(path: str, text: str, exc) -> RuleFileError:
    line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
    return RuleFileError(path, line, f"invalid YAML: {exc.reason} (character {exc.character!r})")
