"""Every English word list the rules use lives in YAML (attrlint/packs/*.yaml); Python holds
mechanisms only. An AST scan of attrlint/**/*.py finds collection literals of three or more
lower-case words (a set, frozenset, tuple or list, or a "...".split() string) and regex
literals with an alternation of two or more plain words, outside the names below that may
keep words: markup tag names, format names, CLI choices, config keys, kind and severity
names, message placeholders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "attrlint"

# file (relative to attrlint/) -> names (assignment targets or functions) that may hold words;
# "*" for the whole file.
ALLOWED: dict[str, set[str]] = {
    # Markup: HTML tag names, markdown-it token names, front-matter keys.
    "model/readers/html.py": {"*"},
    "model/readers/markdown.py": {"*"},
    # Format names, CLI choices, config keys, severities, directives, kind names, placeholders.
    "api.py": {"*"},
    "cli.py": {"*"},
    "lsp.py": {"*"},
    "diagnostic.py": {"*"},
    "engine/config.py": {"*"},
    "engine/rules.py": {"*"},
    "engine/suppress.py": {"*"},
    "report/sources.py": {"SOURCE_KINDS"},
    "analysis/attribution.py": {"REPORTING_KINDS", "SOURCE_KINDS"},
    "kinds/existence.py": {"prepare"},
    "kinds/headline_number_mismatch.py": {"placeholders", "options"},
    "kinds/quote_drift.py": {"placeholders"},
    "kinds/quote_unbalanced.py": {"placeholders"},
    "kinds/suppression_audit.py": {"placeholders"},
    "kinds/unattributed_number.py": {"placeholders", "options"},
    # A light stemmer's suffixes, in the order it tries them: morphology tied to its code
    # ("-ied" and "-ies" become "-y"), not a word class.
    "analysis/claims.py": {"_SUFFIXES"},
}

_WORD = re.compile(r"[a-z]+(?:[ -][a-z]+)*")
_GROUP = re.compile(r"\((?:\?(?::|[a-zA-Z-]*:|<?[=!]|P?<\w+>))?([^()]*)\)")
_REGEX_NOISE = re.compile(r"\\[bAZ]|\(\?[a-zA-Z]+\)|[\^$?]")
_REGEX_SPACE = re.compile(r"\\s[+*]?")
_PLAIN = re.compile(r"[a-z]{2,}(?: [a-z]{2,})*")


def _words(values: list[object]) -> list[str]:
    return [v for v in values if isinstance(v, str) and _WORD.fullmatch(v)]


def _plain_alternatives(part: str) -> int:
    count = 0
    for alt in part.split("|"):
        alt = _REGEX_SPACE.sub(" ", _REGEX_NOISE.sub("", alt)).strip()
        count += bool(_PLAIN.fullmatch(alt))
    return count


def _word_alternation(text: str) -> bool:
    """Whether a string literal holds a regex alternation of two or more plain words."""
    if "|" not in text:
        return False
    while True:
        for m in _GROUP.finditer(text):
            if _plain_alternatives(m.group(1)) >= 2:
                return True
        reduced = _GROUP.sub("\x00", text)
        if reduced == text:
            break
        text = reduced
    return _plain_alternatives(text) >= 2


def _owners(tree: ast.AST) -> dict[ast.AST, str]:
    """Each node's owner: the name assigned at the nearest enclosing assignment, else the
    nearest function or class."""
    owner: dict[ast.AST, str] = {}

    def visit(node: ast.AST, name: str) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = node.name
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    name = t.id
                elif isinstance(t, ast.Attribute):
                    name = t.attr
        owner[node] = name
        for child in ast.iter_child_nodes(node):
            visit(child, name)

    visit(tree, "")
    return owner


def _findings(path: Path) -> list[str]:
    rel = path.relative_to(PACKAGE).as_posix()
    allowed = ALLOWED.get(rel, set())
    if "*" in allowed:
        return []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    owner = _owners(tree)
    out = []
    for node in ast.walk(tree):
        found = ""
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            words = _words([e.value for e in node.elts if isinstance(e, ast.Constant)])
            if len(words) >= 3:
                found = f"word list {words[:4]}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)
        ):
            words = _words(list(node.func.value.value.split()))
            if len(words) >= 3:
                found = f"word list {words[:4]}"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _word_alternation(node.value):
            found = f"word alternation {node.value[:60]!r}"
        if found and owner.get(node, "") not in allowed:
            out.append(f"attrlint/{rel}:{node.lineno}: {found} (move it to attrlint/packs/lexicon.yaml or a rule option)")
    return out


def test_no_english_word_lists_in_python():
    findings = [f for path in sorted(PACKAGE.rglob("*.py")) for f in _findings(path)]
    assert not findings, "English words in Python:\n" + "\n".join(findings)


def test_the_scan_finds_word_lists_and_alternations(tmp_path):
    assert _word_alternation(r"\s*(?:that|whether|if)\b")
    assert _word_alternation(r"(?i)according\s+to|citing|per\b")
    assert _word_alternation(r"\s?(?:[ap]\.?m\.?|gmt|utc)\b")
    assert not _word_alternation(r"[,;:—–()]|\s{3}")
    assert not _word_alternation(r"(?:\d+|[$£€])")
    tree = ast.parse('X = frozenset("is are was".split())\nY = ("to", "of", "for")\nZ = ("$", "£", "€")\n')
    words = [n for n in ast.walk(tree) if isinstance(n, ast.Tuple) and len(_words([e.value for e in n.elts])) >= 3]
    assert len(words) == 1


def test_a_lexicon_key_of_numbers_takes_a_mapping_of_words_to_numbers():
    from attrlint.errors import RuleFileError
    from attrlint.model.lexicon import Lexicon

    lex = Lexicon()
    lex.extend({"spoken_tens": {"twenty": 20}}, "pack.yaml")
    assert lex.numbers("spoken_tens") == {"twenty": 20}
    assert lex.word_class("spoken_tens") == {"twenty"}
    with pytest.raises(RuleFileError, match="mapping of words to numbers"):
        lex.extend({"spoken_tens": ["twenty"]}, "pack.yaml")
