"""Reference copy (wire stories, transcripts) that the quote rules compare quotations with."""

from __future__ import annotations

from dataclasses import dataclass, field

from attrlint.source import read_source, walk


@dataclass
class ReferenceIndex:
    articles: list = field(default_factory=list)

    @classmethod
    def build(cls, paths: list[str], linter) -> "ReferenceIndex":
        index = cls()
        for path in walk(paths):
            index.articles.append(linter.article(read_source(path)))
        return index
