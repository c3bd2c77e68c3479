"""Debug aid: show how attrlint reads the sentences on given lines of a draft.

Usage: python scripts/explain_line.py FILE LINE [LINE...]
"""

import sys

from attrlint.analysis.facts import Facts
from attrlint.engine.lint import Linter
from attrlint.model.source import read_source


def main() -> None:
    path, lines = sys.argv[1], {int(x) for x in sys.argv[2:]}
    linter = Linter.create()
    source = read_source(path)
    article = linter.article(source)
    facts = Facts(article, linter.tools)
    if article.headline and 1 in lines:
        print("HEADLINE", article.headline.text)
    for sent in article.sentences:
        line = source.position(sent.start)[0]
        if lines and line not in lines:
            continue
        print(f"[{line}] p{sent.paragraph}.{sent.index}: {sent.text}")
        for a in facts.attributions(sent):
            print(f"    attribution: {a.cue!r} source={a.source!r}")
        for f in facts.figures(sent):
            print(f"    figure: {f.text!r} kind={f.kind} value={f.value} noun={f.noun} approx={f.approx!r}")


if __name__ == "__main__":
    main()
