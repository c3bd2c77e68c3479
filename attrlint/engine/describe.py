"""What `attrlint explain` says about a rule's options and message placeholders."""

from __future__ import annotations

import ast
import functools
import inspect
import string
import textwrap


def _short(value, width: int = 70) -> str:
    if isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value)
        text = f"[{text}]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    else:
        text = repr(value) if isinstance(value, str) else str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= width else text[: width - 4] + " ...]" if text.startswith("[") else text[: width - 3] + "..."


def option_lines(rule) -> list[str]:
    """Each option: type, the kind's default, this rule's value where its pack sets another."""
    out = []
    for name, opt in sorted(type(rule).options.items()):
        out.append(f"  {name} ({opt.type}, default {_short(opt.default)}): {opt.help}")
        value = rule.opts.get(name, opt.default)
        if value != opt.default:
            out.append(f"      {rule.id} sets: {_short(value)}")
    return out


@functools.cache
def kind_placeholders(cls: object) -> tuple[str, ...]:
    """The fields a kind passes to its message (the keyword arguments of its diagnostic() calls)."""
    module = inspect.getmodule(cls)
    if module is None:
        return ()
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(module)))
    except (OSError, TypeError):
        return ()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "diagnostic":
            names.update(k.arg for k in node.keywords if k.arg and k.arg not in ("fix", "see"))
    return tuple(sorted(names))


def placeholder_lines(rule) -> list[str]:
    used = sorted({f for _, f, _, _ in string.Formatter().parse(rule.message) if f})
    available = kind_placeholders(rule.__class__)
    out = [f"  message: {rule.message}"]
    out.append(f"  placeholders used: {', '.join('{' + p + '}' for p in used) or 'none'}")
    if available:
        out.append(f"  placeholders of kind {rule.kind}: {', '.join('{' + p + '}' for p in available)}")
    return out
