"""Rule packs: YAML files of rule instances, validated against the kinds that run them.

A rule *kind* is a Python class (attrlint/kinds/, one file each) that declares the options it
takes. A rule *instance* is data: an entry of a pack's `rules:` list naming its kind. Loading
checks every key, every type and every pattern, and names the file and line of any mistake.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from attrlint.diagnostic import SEVERITIES, Diagnostic, Fix, Related
from attrlint.engine.yamlload import LineDict, load_yaml
from attrlint.errors import RuleFileError
from attrlint.model.lexicon import Lexicon
from attrlint.patterns import compiled, guard

if TYPE_CHECKING:
    from attrlint.analysis.facts import Facts
    from attrlint.engine.suppress import Suppressions
    from attrlint.model.article import Article

KINDS: dict[str, type[Rule]] = {}
# Former kind names, still accepted in rule files: alias -> kind.
KIND_ALIASES: dict[str, str] = {}

# Keys every rule takes, whatever its kind: name -> (type, required, help)
COMMON_KEYS: dict[str, tuple[str, bool, str]] = {
    "id": ("str", True, "stable rule name, used by --select/--ignore and in every output"),
    "kind": ("str", True, "which rule kind runs it"),
    "severity": ("str", False, "error, warning or info (default warning)"),
    "message": ("str", True, "what a finding says; {placeholders} are filled by the kind"),
    "description": ("str", True, "one line: what the rule flags"),
    "explanation": ("str", False, "why an editor cares (for `attrlint explain`)"),
    "example": ("mapping", False, "bad: and good: copy for `attrlint explain`"),
    "link": ("str", False, "a style-guide page or other reference"),
    "enabled": ("bool", False, "false to ship the rule switched off"),
    "replaces": ("bool", False, "true when the rule deliberately redefines a shipped rule of the same id"),
}


@dataclass
class Option:
    """An option a rule kind takes: its type, default and help line."""

    type: str  # str, int, float, bool, words, patterns, pattern, mapping
    default: Any
    help: str


def register(cls: type[Rule]) -> type[Rule]:
    KINDS[cls.kind] = cls
    for alias in cls.aliases:
        KIND_ALIASES[alias] = cls.kind
    return cls


@dataclass
class Rule:
    """Base of every kind: holds the instance's data; subclasses implement check(), and an
    audit kind (phase "audit") implements audit() instead."""

    kind: ClassVar[str] = ""
    # Former names of the kind that rule files may still give.
    aliases: ClassVar[tuple[str, ...]] = ()
    # "check": the rule reads the article and runs before suppressions are applied; "audit":
    # it reads the suppressions once they have been applied (audit() instead of check()).
    phase: ClassVar[str] = "check"
    options: ClassVar[dict[str, Option]] = {}
    # The {placeholders} the kind fills in a message; None: any plain name (a kind that does
    # not declare them).
    placeholders: ClassVar[frozenset[str] | None] = None

    id: str
    severity: str
    message: str
    description: str
    explanation: str = ""
    example: dict = field(default_factory=dict)
    link: str = ""
    enabled: bool = True
    pack: str = ""
    path: str = ""
    line: int = 0
    opts: dict = field(default_factory=dict)
    lexicon: Lexicon | None = None

    def prepare(self) -> None:
        """Compile what the rule needs once per run; called after the whole lexicon is loaded."""

    def check(self, article: Article, facts: Facts) -> Iterable[Diagnostic]:
        """The findings of the rule in one article; `facts` holds what several rules share."""
        return ()

    def audit(self, article: Article, suppressions: Suppressions) -> Iterable[Diagnostic]:
        """The findings of an audit-phase rule, given the article's applied suppressions."""
        return ()

    def diagnostic(
        self, article, start: int, end: int, fix: Fix | None = None, see: tuple[int, str] | None = None, **fields
    ) -> Diagnostic:
        """A finding at article.text[start:end]; `see` = (offset, note) points at the place
        in the same article it is judged against (the body line of a headline finding)."""
        try:
            message = self.message.format(**fields)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
            message = self.message + f" (message template error: {exc})"
        d = Diagnostic(
            path=article.source.path, rule=self.id, severity=self.severity, message=message, start=start, end=end, fix=fix
        )
        if see is not None:
            line, column = article.position(see[0])
            d.related.append(Related(article.source.path, line, column, see[1]))
        return d


@dataclass
class RuleSet:
    """The rules loaded from the packs, the lexicon they share and the files they came from."""

    rules: list[Rule]
    lexicon: Lexicon
    files: list[str]

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


def builtin_pack_dir() -> Path:
    """The shipped packs: the YAML of attrlint/packs/, a data folder inside the package."""
    return Path(__file__).resolve().parents[1] / "packs"


def pack_files(path: str) -> list[str]:
    if os.path.isdir(path):
        return sorted(str(p) for p in Path(path).iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    if not os.path.exists(path):
        raise RuleFileError(path, None, "no such rule file or folder")
    return [path]


def load_rules(extra: Iterable[str] = (), builtin: bool = True, texts: Iterable[tuple[str, str]] = ()) -> RuleSet:
    """Load the shipped packs (unless `builtin` is false), the rule files or folders in
    `extra`, and rule files given as (name, YAML text) pairs in `texts`."""
    import attrlint.kinds  # noqa: F401  (registers the kinds; imported here, as kinds import this module)

    files: list[str] = []
    if builtin:
        files += pack_files(str(builtin_pack_dir()))
    for p in extra:
        files += pack_files(p)
    given = dict(texts)
    files += list(given)
    lexicon = Lexicon()
    docs: list[tuple[str, LineDict]] = []
    for f in files:
        data = load_yaml(f, given.get(f))
        if data is None:
            continue
        if not isinstance(data, LineDict):  # every YAML mapping is read as one
            raise RuleFileError(f, getattr(data, "line", 1), "a rule file must be a mapping with `rules:` and/or `lexicon:`")
        for key in data:
            if key not in ("pack", "rules", "lexicon", "description"):
                raise RuleFileError(
                    f, data.key_lines.get(key), f"unknown top-level key {key!r} (expected pack, description, rules, lexicon)"
                )
        if "lexicon" in data:
            if not isinstance(data["lexicon"], dict):
                raise RuleFileError(f, data.key_lines.get("lexicon"), "`lexicon:` must be a mapping of lists")
            lexicon.extend(data["lexicon"], f)
        docs.append((f, data))
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    shipped = set(pack_files(str(builtin_pack_dir()))) if builtin else set()
    for f, data in docs:
        pack = data.get("pack") or Path(f).stem
        if not isinstance(pack, str):
            raise RuleFileError(f, data.key_lines.get("pack"), f"`pack:` must be a name (a string), not {_yaml_type(pack)}")
        items = data.get("rules") or []
        if not isinstance(items, list):
            raise RuleFileError(f, data.key_lines.get("rules"), "`rules:` must be a list")
        for item in items:
            rule = build_rule(item, f, pack, lexicon)
            if rule.id in seen:
                # A later file redefines a rule: a user's pack overrides the shipped one.
                if seen[rule.id] in shipped and f not in shipped and not item.get("replaces", False):
                    _warn_once(
                        f"{f}:{rule.line}: warning: rule {rule.id!r} redefines the shipped rule of that id; "
                        "add `replaces: true` to the rule if that is deliberate"
                    )
                rules = [r for r in rules if r.id != rule.id]
            seen[rule.id] = f
            rules.append(rule)
    for rule in rules:
        prepare(rule)
    return RuleSet(rules=rules, lexicon=lexicon, files=files)


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    """One stderr line per warning and process: a language server or a run over many
    folders loads the same rule files again and again."""
    if message not in _WARNED:
        _WARNED.add(message)
        print(message, file=sys.stderr)


def prepare(rule: Rule) -> None:
    """Compile a rule and put its patterns under the per-rule time limit."""
    rule.prepare()
    guard(rule)


def _check_type(value: Any, typ: str) -> bool:
    if typ == "str" or typ == "pattern":
        return isinstance(value, str)
    if typ == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if typ == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if typ == "bool":
        return isinstance(value, bool)
    if typ in ("words", "patterns"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if typ == "mapping":
        return isinstance(value, dict)
    return False


_TYPE_NAMES = {
    "str": "a string",
    "pattern": "a regular expression string",
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "words": "a list of strings",
    "patterns": "a list of regular expression strings",
    "mapping": "a mapping",
}


def validate_value(key: str, value: Any, typ: str, path: str, kl: int | None) -> None:
    """Check one option's value against its declared type; patterns must compile."""
    if not _check_type(value, typ):
        if typ in ("words", "patterns") and isinstance(value, list):
            bad = next(i for i, v in enumerate(value) if not isinstance(v, str))
            bad_line = getattr(value, "item_lines", [kl] * len(value))[bad]
            raise RuleFileError(
                path,
                bad_line,
                f"{key!r} must be {_TYPE_NAMES[typ]}; item {bad + 1} is {_yaml_type(value[bad])} (quote it if it should be text)",
            )
        raise RuleFileError(path, kl, f"{key!r} must be {_TYPE_NAMES[typ]}, not {_yaml_type(value)}")
    if typ in ("pattern", "patterns"):
        items = [value] if typ == "pattern" else value
        item_lines = getattr(value, "item_lines", [kl] * len(items)) if typ == "patterns" else [kl]
        for pat, pl in zip(items, item_lines, strict=False):
            try:
                regex.compile(pat, regex.V0)
            except regex.error as exc:
                raise RuleFileError(path, pl, f"pattern {pat!r} in {key!r} does not compile: {exc}") from None


def _yaml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    return "a string"


def build_rule(item: Any, path: str, pack: str, lexicon: Lexicon) -> Rule:
    line = getattr(item, "line", None)
    if not isinstance(item, dict):
        raise RuleFileError(path, line, "each entry of `rules:` must be a mapping")
    lines = getattr(item, "key_lines", {})
    for key, (_typ, required, _) in COMMON_KEYS.items():
        if required and key not in item:
            raise RuleFileError(path, line, f"rule is missing required key {key!r}")
    kind_name = item["kind"]
    cls = KINDS.get(KIND_ALIASES.get(kind_name, kind_name)) if isinstance(kind_name, str) else None
    if cls is None:
        raise RuleFileError(path, lines.get("kind"), f"unknown rule kind {kind_name!r} (known: {', '.join(sorted(KINDS))})")
    opts: dict[str, Any] = {}
    for key, value in item.items():
        kl = lines.get(key, line)
        if key in COMMON_KEYS:
            typ = COMMON_KEYS[key][0]
        elif key in cls.options:
            typ = cls.options[key].type
        else:
            allowed = ", ".join(sorted(set(COMMON_KEYS) | set(cls.options)))
            raise RuleFileError(path, kl, f"unknown key {key!r} for a rule of kind {kind_name!r} (allowed: {allowed})")
        validate_value(key, value, typ, path, kl)
        if key not in COMMON_KEYS:
            opts[key] = value
    rid = item["id"]
    if not regex.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", rid):
        raise RuleFileError(path, lines.get("id"), f"rule id {rid!r} must be lower-case words joined by hyphens")
    severity = item.get("severity", "warning")
    if severity not in SEVERITIES:
        raise RuleFileError(path, lines.get("severity"), f"severity {severity!r} must be one of {', '.join(SEVERITIES)}")
    for name, opt in cls.options.items():
        opts.setdefault(name, opt.default)
    example = item.get("example") or {}
    for key in example:
        if key not in ("bad", "good"):
            raise RuleFileError(path, lines.get("example"), f"unknown key {key!r} in example (expected bad, good)")
        if not isinstance(example[key], str):
            raise RuleFileError(
                path,
                getattr(example, "key_lines", {}).get(key, lines.get("example")),
                f"example.{key} must be text (a string), not {_yaml_type(example[key])}",
            )
    check_message(item["message"], cls, path, lines.get("message", line))
    return cls(
        id=rid,
        severity=severity,
        message=item["message"],
        description=item["description"],
        explanation=item.get("explanation", ""),
        example=dict(example),
        link=item.get("link", ""),
        enabled=item.get("enabled", True),
        pack=pack,
        path=path,
        line=line or 0,
        opts=opts,
        lexicon=lexicon,
    )


_PLACEHOLDER = compiled(r"[A-Za-z_][A-Za-z0-9_]*")


def check_message(message: str, cls: type[Rule], path: str, line: int | None) -> None:
    """A message template must fill only the kind's own placeholders, by plain name, with a
    modest format spec: `{match.__class__}` would reach into objects, and `{match:>2000000000}`
    would build a 2 GB string for every finding."""
    import string

    try:
        fields = list(string.Formatter().parse(message))
    except ValueError as exc:
        raise RuleFileError(
            path, line, f"message {message!r} is not a valid template ({exc}; double a brace to print one: {{{{ or }}}})"
        ) from None
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not _PLACEHOLDER.fullmatch(name):
            raise RuleFileError(
                path,
                line,
                f"message placeholder {{{name}}} must be a plain name such as {{match}} (no attributes, indexes or positions)",
            )
        if cls.placeholders is not None and name not in cls.placeholders:
            known = ", ".join(f"{{{p}}}" for p in sorted(cls.placeholders))
            raise RuleFileError(path, line, f"unknown message placeholder {{{name}}} for kind {cls.kind!r} (known: {known})")
        if conversion not in (None, "r", "s", "a"):
            raise RuleFileError(path, line, f"message placeholder {{{name}!{conversion}}}: conversion must be !r, !s or !a")
        if spec and ("{" in spec or regex.search(r"\d{4,}", spec)):
            raise RuleFileError(path, line, f"message placeholder {{{name}:{spec}}}: the format spec is too large or nested")


def override_rule(rule: Rule, severity: str | None, options: dict | None, path: str, line: int | None) -> Rule:
    """A copy of `rule` with a config's severity and options applied, validated like a rule file."""
    import copy

    new = copy.copy(rule)
    new.opts = dict(rule.opts)
    if severity is not None:
        if severity not in SEVERITIES:
            raise RuleFileError(path, line, f"severity {severity!r} for {rule.id} must be one of {', '.join(SEVERITIES)}")
        new.severity = severity
    for key, value in (options or {}).items():
        opt = type(rule).options.get(key)
        if opt is None:
            allowed = ", ".join(sorted(type(rule).options)) or "none"
            raise RuleFileError(path, line, f"options.{rule.id}: unknown option {key!r} (allowed: {allowed})")
        validate_value(f"options.{rule.id}.{key}", value, opt.type, path, line)
        new.opts[key] = value
    if options:
        prepare(new)
    return new
