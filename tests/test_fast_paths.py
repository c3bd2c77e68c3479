"""The attribution model's fast paths give what the slower ones they stand in for give: the
tokeniser's `re` path the tokens of the `regex` pattern, on every text it is used for; the
not-attribution patterns searched one by one the spans of their alternation."""

from __future__ import annotations

import re

import regex

from attrlint.analysis import attribution
from attrlint.analysis.attribution import _FAST_RANGES, _FAST_UNSAFE, _TOKEN, tokenize
from attrlint.model.lexicon import pattern_alternation
from attrlint.patterns import alternation_matches


def _slow(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _safe_characters() -> list[str]:
    ranges = re.findall(r"(\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|.)-(\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|.)", _FAST_RANGES)
    out = []
    for lo, hi in ranges:
        a = int(lo[2:], 16) if lo.startswith("\\") else ord(lo)
        b = int(hi[2:], 16) if hi.startswith("\\") else ord(hi)
        out.extend(chr(c) for c in range(a, b + 1))
    return out


def test_the_two_modules_class_the_safe_characters_alike():
    safe = _safe_characters()
    assert len(safe) > 1000
    pairs = [
        (regex.compile(r"\p{L}"), re.compile(r"[^\W\d_\xb2\xb3\xb9\xbc-\xbe]")),
        (regex.compile(r"[\p{L}\p{N}]"), re.compile(r"\w")),
        (regex.compile(r"\s"), re.compile(r"\s")),
    ]
    for slow, fast in pairs:
        assert [c for c in safe if bool(slow.match(c)) != bool(fast.match(c))] == [], (slow.pattern, fast.pattern)
    for c in safe:
        assert _FAST_UNSAFE.search(c) is None
    for c in "_\x1c\x1f\u0558\u3000\u4e00":
        assert _FAST_UNSAFE.search(c) is not None


def test_fast_path_gives_the_same_tokens():
    texts = [
        "Smith said the U.S. economy grew 2.5% in 2015, according to a ‘new’ report.",
        "“It’s over,” she said — and it was… Dr. Ben Carson: rock-&-roll A.B.C.1 x.²y",
        "  leading   and trailing   spaces\tand\ttabs\n",
        "snake_case words_with under_scores",
        "R&D's chief, O'Neill-Smith, 3½ times ¼ of 1,000,000 (approx.) — ok?!",
        "Ελλάδα και Россия: naïve café façade Æsir",
        "",
        "....",
        "a.b.c. d.e",
    ]
    for text in texts:
        assert tokenize(text) == _slow(text), text


def test_fast_path_on_every_character_it_takes():
    safe = "".join(_safe_characters())
    for width in (1, 2, 3, 7):
        text = " ".join(safe[k : k + width] for k in range(0, len(safe), width))
        assert tokenize(text) == _slow(text)
    assert attribution._FAST_UNSAFE.search(safe) is None


def test_fast_path_on_random_texts():
    import random

    rng = random.Random(14)
    alphabet = "aZ9 .’'&-_,“”—²½éΣж\t\n\x1c" + "\u00a0"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert tokenize(text) == _slow(text), repr(text)


def test_patterns_one_by_one_find_what_their_alternation_finds():
    import random

    rng = random.Random(7)
    items = [r"ab", r"a", r"b+c", r"(?<=x)b", r"^c", r"\bba\b", r"cab|ca"]
    for _ in range(2000):
        chosen = sorted(rng.sample(range(len(items)), rng.randint(2, 4)))
        text = "".join(rng.choice("abcx ") for _ in range(rng.randint(0, 14)))
        whole = regex.compile(pattern_alternation([items[k] for k in chosen]))
        each = [regex.compile(pattern_alternation([items[k]])) for k in chosen]
        found = alternation_matches(each, text)
        expected = [m.span() for m in whole.finditer(text)]
        assert found is None or [m.span() for m in found] == expected, (chosen, text)
        assert found is not None or any(s == e for s, e in expected) or not expected


def test_gates_scan_finds_what_the_look_ups_find():
    import random

    from attrlint.patterns import _SCAN_AFTER, _SCAN_WORDS, Gates

    rng = random.Random(3)
    letters = "abcs:’ "
    words = sorted({"".join(rng.choice(letters) for _ in range(rng.randint(1, 5))).strip() or "x" for _ in range(400)})
    assert len(words) >= _SCAN_WORDS
    needs = [(frozenset(words[k : k + 3]),) for k in range(0, len(words), 3)] + [None]
    plain, scanned = Gates(needs), Gates(needs)
    scanned._opened = _SCAN_AFTER
    for _ in range(3000):
        text = "".join(rng.choice(letters + "AB") for _ in range(rng.randint(0, 30)))
        assert scanned.open(text) == [
            k for k in range(len(needs)) if needs[k] is None or any(w in text.lower() for w in needs[k][0])
        ]
        plain._opened = 0
        assert plain.open(text) == scanned.open(text), text
    assert scanned._scan is not None and plain._scan is None


def test_a_trie_finds_what_the_alternation_finds():
    import random

    from attrlint.patterns import trie_alternation

    rng = random.Random(5)
    for _ in range(300):
        words = {"".join(rng.choice("ab ") for _ in range(rng.randint(1, 5))).strip() or "a" for _ in range(rng.randint(1, 8))}
        longest_first = sorted(words, key=len, reverse=True)
        whole = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first) + r")(?![\w-])"
        )
        trie = re.compile(r"(?<![\w-])(?:" + trie_alternation(words, space=r"\s+") + r")(?![\w-])")
        for _ in range(20):
            text = "".join(rng.choice("ab -\t") for _ in range(rng.randint(0, 12)))
            assert bool(whole.search(text)) == bool(trie.search(text)), (words, text)
