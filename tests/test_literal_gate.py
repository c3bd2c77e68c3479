"""The required-literal gates (attrlint/patterns.py): a pattern is skipped on a text only when
it cannot match there. Checked on hand-made cases and, for every pattern the shipped packs
compile, on the sentences of the shipped examples and of this file."""

from __future__ import annotations

import sys
from pathlib import Path

import regex

from attrlint.engine.lint import Linter
from attrlint.engine.rules import load_rules
from attrlint.model.lexicon import LEXICON_KEYS
from attrlint.model.source import read_source
from attrlint.patterns import AnyOf, Gates, gate_text, literal_gate, passes, required_literals

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_reads_the_words_a_match_needs():
    assert required_literals(r"\b(?:must|needs?\s+to)\s+win") == ({"must", "need"}, {"win"})
    assert required_literals(r"(?<![\p{L}-])(?:asked|Replied)(?![\p{L}-])") == ({"asked", "replied"},)
    assert required_literals(r"favou?rite\s+song") == ({"song"}, {"rite"}, {"favo"})
    assert required_literals(r"(?:a|the)\s+poll") == ({"poll"}, {"a", "the"})
    assert required_literals(r"<FIG>\s+times".replace("<FIG>", "(?:)")) == ({"times"},)
    assert required_literals(r"x{2,}yy") == ({"yy"}, {"x"})
    assert required_literals(r"\b(?:claim|claims|claimed|said)\b") == ({"claim", "said"},)
    assert required_literals(r"it\s+(?:is|was)\s+said\s+that", most=2) == ({"that"}, {"said"})


def test_gives_up_where_it_cannot_tell():
    for pattern in [r"\w+", r"(?:said)?", r"said|\d+", r"(?x) said", r"\1said", r"[[:alpha:]]", r"a{", r"(?R)", r"said)"]:
        assert required_literals(pattern) is None, pattern
    assert literal_gate(regex.compile("said", regex.V1 | regex.I)) is None  # full case folding


def test_characters_that_fold_to_ascii_switch_the_gate_off():
    need = required_literals("kelvin")
    assert passes(need, gate_text("Kelvin")) and not passes(required_literals("a|kelvin"), gate_text("b"))
    assert not passes(need, gate_text("no such word"))
    assert passes(need, gate_text("\u212aelvin"))
    # Every character other than an ASCII letter that matches one under simple case folding.
    every = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folding = regex.findall("[a-z]", every, regex.V0 | regex.I)
    assert folding
    assert all(gate_text("x" + c) is None for c in folding)


def test_any_of_finds_what_the_patterns_find():
    texts = ["He asked, “why?”", "Nobody replied.", "ſaid the man", "Asked and answered"]
    cues = AnyOf([regex.compile(p, regex.V0 | regex.I) for p in [r"\basked\b", r"\breplied\b", r"\bsaid\b"]])
    for t in texts:
        plain = min((m for m in (p.search(t) for p in cues.patterns) if m is not None), key=lambda m: m.start(), default=None)
        got = cues.search(t)
        assert (got and got.span()) == (plain and plain.span())


def _texts() -> list[str]:
    linter = Linter.create()
    out = [Path(__file__).read_text(encoding="utf-8")]
    for path in sorted(EXAMPLES.iterdir()):
        article = linter.article(read_source(str(path)))
        out += [s.text for s in article.sentences] + [s.unquoted for s in article.sentences]
    return out


def test_no_shipped_pattern_is_skipped_where_it_matches():
    ruleset = load_rules()
    lexicon = ruleset.lexicon
    patterns = [p for key, (kind, _) in LEXICON_KEYS.items() if kind == "patterns" for p in lexicon.lists.get(key, [])]
    for rule in ruleset.rules:
        for name, value in rule.opts.items():
            option = rule.options.get(name)
            if option is not None and option.type == "patterns":
                patterns += value
    texts = _texts()
    lowered = [gate_text(t) for t in texts]
    checked = 0
    for p in patterns:
        compiled = regex.compile(p, regex.V0 | regex.I, ignore_unused=True, **lexicon.named_lists())
        need = literal_gate(compiled)
        if need is None:
            continue
        for t, low in zip(texts, lowered, strict=True):
            if not passes(need, low):
                assert compiled.search(t) is None, (p, t)
                checked += 1
    assert checked > 1000


def test_gates_open_the_patterns_whose_words_stand():
    gates = Gates([required_literals(r"\bsaid\s+that"), None, required_literals(r"asked|replied"), required_literals("that")])
    assert gates.open("She said so.") == [1]
    assert gates.open("She said that, and he replied.") == [0, 1, 2, 3]
    assert gates.open("That was all.") == [1, 3]
    assert gates.open("\u212a") == [0, 1, 2, 3]
