"""`attrlint sources`: who an article cites and how, from the attribution model.

A table per article (line, source, source kind, cue, cue kind, quoted or paraphrased, then
counts by source kind), or JSON lines, one object per attribution, as the contract gives it:
{"path", "line", "column", "cue": {"text", "start", "end", "kind"},
 "source": {"text", "start", "end", "kind"} | null, "content": {"start", "end", "quoted"} | null}
Offsets are 0-based character offsets into the file's decoded text (end exclusive), so a
byte-order mark and CRLF line ends count as the file has them; line and column are 1-based at
the cue. Headline attributions are included; nested ones (a cue inside another's reported
clause) and repeats of one cue are not, as an annotator would not list them twice.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass

from attrlint.analysis.facts import Facts
from attrlint.errors import AttrlintError, InputError
from attrlint.model.source import Source, format_for, normalise, read_decoded_text, walk

SOURCE_KINDS = ("named", "described", "vague", "pronoun", "document")
FORMATS = ("table", "json-lines")


@dataclass
class Cited:
    """One attribution of an article, in offsets of the file's decoded text."""

    line: int
    column: int
    cue: tuple[int, int, str, str]  # start, end, text, kind
    source: tuple[int, int, str, str] | None
    content: tuple[int, int, bool] | None

    def as_json(self, path: str) -> dict:
        s, e, text, kind = self.cue
        return {
            "path": path,
            "line": self.line,
            "column": self.column,
            "cue": {"text": text, "start": s, "end": e, "kind": kind},
            "source": None
            if self.source is None
            else {"text": self.source[2], "start": self.source[0], "end": self.source[1], "kind": self.source[3]},
            "content": None
            if self.content is None
            else {"start": self.content[0], "end": self.content[1], "quoted": self.content[2]},
        }


def read_decoded(path: str, fmt: str | None = None) -> tuple[Source, str, list[int] | None]:
    """The draft as attrlint reads it, its decoded text, and a map from offsets of the first
    into offsets of the second (None when they are the same text)."""
    decoded, note = read_decoded_text(path)
    text = normalise(decoded)
    source = Source(path=path, text=text, format=fmt or format_for(path), note=note)
    if text == decoded:
        return source, decoded, None
    # Walk both texts: the BOM and the CR of each CRLF exist only in the decoded one.
    mapping = []
    j = 1 if decoded.startswith("\ufeff") else 0
    for ch in text:
        if ch == "\n" and decoded[j] == "\r":
            j += 1 if j + 1 < len(decoded) and decoded[j + 1] == "\n" else 0
        mapping.append(j)
        j += 1
    mapping.append(j)
    return source, decoded, mapping


def cited(article, facts: Facts, mapping: list[int] | None = None) -> list[Cited]:
    """The article's attributions, headline first, in reading order."""
    out: list[Cited] = []
    at = (lambda i: mapping[i]) if mapping else (lambda i: i)
    sentences = ([article.headline] if article.headline is not None else []) + article.sentences
    text = article.text
    for sent in sentences:
        quotes = [q for q in sent.quotations if q.depth == 0]
        for a in facts.all_attributions(sent):
            if a.nested or a.repeat:
                continue
            base = sent.start
            cs, ce = base + a.start, base + a.end
            line, column = article.position(cs)
            source = None
            if a.source_start >= 0:
                ss, se = base + a.source_start, base + a.source_end
                source = (at(ss), at(se), text[ss:se], a.source_kind)
            content = None
            if a.content_start >= 0 and a.content_end > a.content_start:
                ks, ke = base + a.content_start, base + a.content_end
                inside = [q for q in quotes if q.start < ke and q.end > ks]
                own = sent.unquoted[a.content_start : a.content_end]
                if inside and not own.strip(" \t\n,.;:!?—–-"):
                    # The content is a quotation (quoted words are blanked in the writer's text):
                    # give it with its marks.
                    ks = min(q.open for q in inside)
                    ke = max(q.close + 1 if q.close is not None else q.end for q in inside)
                content = (at(ks), at(ke), bool(inside))
            else:
                near = _adjacent_quote(sent, quotes, a)
                if near is not None:
                    q = near
                    content = (at(q.open), at(q.close + 1 if q.close is not None else q.end), True)
            out.append(Cited(line, column, (at(cs), at(ce), text[cs:ce], a.kind), source, content))
    return out


def _adjacent_quote(sent, quotes, a):
    """A quotation right before an inverted cue or right after a cue ("“...,” she said", "said: “...”")."""
    text = sent.article.text
    cs, ce = sent.start + a.start, sent.start + a.end
    for q in quotes:
        close = q.close + 1 if q.close is not None else q.end
        if close <= cs and not text[close:cs].strip(" \t\n,"):
            return q
        if q.open >= ce and not text[ce : q.open].strip(" \t\n,:"):
            return q
    # "“...,” said Smith": the quotation ends before the source, which ends before the cue.
    for q in quotes:
        close = q.close + 1 if q.close is not None else q.end
        if close <= cs and len(text[close:cs].split()) <= 8:
            return q
    return None


def counts(rows: list[Cited]) -> dict[str, int]:
    out = dict.fromkeys(SOURCE_KINDS, 0)
    out["none"] = 0
    for r in rows:
        out[r.source[3] if r.source else "none"] += 1
    return out


def write_table(out, path: str, rows: list[Cited]) -> None:
    out.write(f"{path}\n")
    if not rows:
        out.write("  no attributions found\n\n")
        return
    width = min(40, max(len(_one_line(r.source[2])) if r.source else 6 for r in rows))
    out.write(f"  {'line':>5}  {'source':{width}}  {'kind':9}  {'cue':18}  {'cue kind':12}  content\n")
    for r in rows:
        src = _one_line(r.source[2]) if r.source else "(none)"
        if len(src) > width:
            src = src[: width - 1] + "…"
        kind = r.source[3] if r.source else "-"
        how = "-" if r.content is None else ("quoted" if r.content[2] else "paraphrased")
        cue = _one_line(r.cue[2])[:18]
        out.write(f"  {r.line:5}  {src:{width}}  {kind:9}  {cue:18}  {r.cue[3]:12}  {how}\n")
    c = counts(rows)
    out.write(
        "  " + ", ".join(f"{k} {n}" for k, n in c.items()) + f"; {len(rows)} attribution{'' if len(rows) == 1 else 's'}\n\n"
    )


def _one_line(s: str) -> str:
    return " ".join(s.split())


def run(args) -> int:
    """The `sources` subcommand: args has paths, format, rules, stdin_filename."""
    from attrlint.engine.lint import Linter

    if not args.paths:
        raise AttrlintError("no paths given (use - to read standard input)")
    linter = Linter.create(extra_rules=args.rules)
    tools = linter.tools
    out = sys.stdout
    failed = 0
    for path in walk(args.paths):
        shown = (args.stdin_filename or "-") if path == "-" else path
        try:
            fmt = format_for(args.stdin_filename) if path == "-" and args.stdin_filename else None
            source, _decoded, mapping = read_decoded(path, fmt)
        except InputError as exc:
            print(f"attrlint: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        article = linter.article(source)
        rows = cited(article, Facts(article, tools), mapping)
        if args.format == "json-lines":
            for r in rows:
                out.write(json.dumps(r.as_json(shown), ensure_ascii=False) + "\n")
        else:
            write_table(out, shown, rows)
    out.flush()
    return 2 if failed else 0
