"""`--format html`: one self-contained page for a desk editor.

Each draft's copy is shown as written, with every finding highlighted in place (coloured by
rule, explained on hover and in a list beside the copy), under a summary of what the draft
reports: figures found and how many are attributed, quotations and how many have a speaker.
The copy carries line numbers, drawn by CSS from an attribute, so they are not part of the
copy's text (selecting and copying it gives the file as written), and the headline, deck and
the lines the reader skipped as furniture (bylines, datelines, "READ MORE") are set apart from
the body. An index of the drafts, most findings first, heads the page.

Paths are shown relative to the longest folder all drafts share. The index is written last,
when every path is known, so it writes the short paths; a section's header is written before
the later drafts are seen, so it carries the whole path with each folder in its own span, and
a rule of style written at the end hides the shared folders.

The page streams: each draft is written out as soon as it is checked, and only a one-line
index row per draft is kept, so a run over a whole archive does not hold every text in
memory. The index is therefore written last; a CSS `order` places it first on screen (without
any script), and a few lines of inline script move it first in the document too, so keyboard,
screen-reader and print order match what is seen.

Nothing is fetched: styles and the script are inline, and a Content-Security-Policy forbids
any other source, so a hostile draft cannot make the page call out. Every piece of copy,
path, message and rule text is escaped.
"""

from __future__ import annotations

import base64
import bisect
import colorsys
import hashlib
import html
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from attrlint import __version__
from attrlint.patterns import compiled
from attrlint.report.base import Reporter

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

# Characters HTML forbids in text (C0 controls other than tab and newline, DEL). A draft can
# hold them; shown as U+FFFD they keep the copy's length, so finding offsets still line up.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_SCRIPT = """
(function () {
  var index = document.getElementById("index"), report = document.getElementById("report");
  if (index && report && report.firstElementChild !== index) report.insertBefore(index, report.firstElementChild);
  function light(e, on) {
    var el = e.target.closest && e.target.closest("[data-finding]");
    if (!el) return;
    var draft = el.closest("section");
    draft.querySelectorAll('[data-finding="' + el.getAttribute("data-finding") + '"]').forEach(function (x) {
      x.classList.toggle("on", on);
    });
  }
  document.addEventListener("mouseover", function (e) { light(e, true); });
  document.addEventListener("mouseout", function (e) { light(e, false); });
})();
"""
_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'"
)

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       margin: 0; padding: 0 24px 48px; color: #1d1d1f; background: #fafafa; }
header { padding: 16px 0 4px; }
h1 { font-size: 22px; margin: 0; }
header p { margin: 2px 0 0; color: #555; }
#report { display: flex; flex-direction: column; gap: 20px; }
#report > * { min-width: 0; }
#index { order: -1; }
.index, .draft { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; }
.index table { border-collapse: collapse; width: 100%; }
.index th, .index td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
.index td.num, .index th.num { text-align: right; font-variant-numeric: tabular-nums; }
.index tr.clean td { color: #666; }
h2 { font-size: 18px; margin: 0 0 6px; }
h2 a { color: inherit; }
h2 .total { font-weight: normal; color: #555; font-size: 15px; margin-left: 8px; }
.headline { font-weight: 600; margin: 0 0 8px; }
.sources { margin: 0 0 10px; }
.sources summary { cursor: pointer; color: #555; }
.sources-table { border-collapse: collapse; font-size: 0.9em; }
.sources-table td, .sources-table th { padding: 1px 8px; text-align: left; }
.summary { display: flex; flex-wrap: wrap; gap: 6px 24px; margin: 0 0 10px; }
.summary div { display: flex; gap: 6px; }
.summary dt { color: #555; }
.summary dd { margin: 0; }
.chip { display: inline-block; border-radius: 3px; padding: 0 6px; margin: 0 4px 2px 0;
        background: var(--bg); border-bottom: 2px solid var(--fg); font-size: 13px; }
.legend { list-style: none; padding: 0; margin: 8px 0 0; }
.legend li { margin: 2px 0; }
.body { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; }
@media (max-width: 900px) { .body { grid-template-columns: 1fr; } }
.copy { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font: 15px/1.7 Georgia, "Times New Roman", serif;
        padding-left: 3.4em; }
.copy .ln { position: relative; }
.copy .ln::before { content: attr(data-line); position: absolute; right: 100%; width: 3em; padding-right: 0.8em;
                    text-align: right; color: #999; font: 11px/2.3 ui-monospace, Menlo, Consolas, monospace;
                    -webkit-user-select: none; user-select: none; }
.copy .hed { font-weight: bold; font-size: 1.2em; }
.copy .dek { font-style: italic; color: #333; }
.copy .furniture { color: #888; }
.copy .furniture::after { content: " not checked"; font: 11px system-ui, sans-serif; color: #888;
                          margin-left: 0.5em; border: 1px solid #ccc; border-radius: 3px; padding: 0 3px;
                          -webkit-user-select: none; user-select: none; }
.nil { color: #666; }
mark.f { background: var(--bg); border-bottom: 2px solid var(--fg); color: inherit; border-radius: 2px; }
mark.f mark.f { box-shadow: 0 3px 0 0 var(--fg); }
mark.f.empty::before { content: "\\2038"; color: var(--fg); font-weight: bold; }
mark.f.on, .findings li.on { outline: 2px solid var(--fg); }
.findings { margin: 0; padding-left: 22px; font-size: 14px; }
.findings li { margin: 0 0 6px; padding: 2px 4px; border-left: 4px solid var(--fg); border-radius: 2px; }
.findings .where { color: #555; font-variant-numeric: tabular-nums; }
.findings .rule { font-weight: 600; }
.findings .fix { color: #0b5d1e; }
.findings .related { color: #555; }
.none { color: #666; font-style: italic; }
@media print { .body { grid-template-columns: 1fr; } mark.f { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _colours(i: int) -> tuple[str, str]:
    """A light background and a dark underline for the i-th rule: hues a golden angle apart,
    so neighbouring rules never get similar colours, however many a newsroom adds."""
    hue = (i * 137.508 + 40) % 360 / 360
    light = colorsys.hls_to_rgb(hue, 0.82, 0.9)
    dark = colorsys.hls_to_rgb(hue, 0.32, 0.75)
    return _hex(light), _hex(dark)


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def _e(value) -> str:
    return html.escape(str(value), quote=True)


@dataclass
class _Row:
    """What the index keeps of a draft once its section is written."""

    anchor: str
    path: str
    headline: str
    findings: int
    worst: int
    by_rule: dict[str, int] = field(default_factory=dict)
    figures: tuple[int, int] | None = None  # (found, attributed)
    quotes: tuple[int, int] | None = None  # (quotations, with a speaker)


class HtmlReporter(Reporter):
    needs_source = True
    needs_article = True

    def start(self):
        self.rows: list[_Row] = []
        self.totals: dict[str, int] = {}
        # Colour classes by rule position (rule ids are data, not safe class names).
        self.classes: dict[str, str] = {}
        self.palette: list[tuple[str, str]] = []
        for rid in self.rules:
            self._class(rid)
        css = _CSS + "".join(f".r{i} {{ --bg: {bg}; --fg: {fg}; }}\n" for i, (bg, fg) in enumerate(self.palette))
        self.out.write(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_e(_CSP)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f'<meta name="generator" content="attrlint {_e(__version__)}">\n'
            "<title>attrlint report</title>\n"
            f"<style>{css}</style>\n</head>\n<body>\n"
            "<header><h1>attrlint report</h1>"
            "<p>Findings are highlighted in the copy; hover over one, or see the list beside the copy, for what it means.</p>"
            '</header>\n<div id="report">\n'
        )

    def _class(self, rule: str) -> str:
        cls = self.classes.get(rule)
        if cls is None:
            # A rule not in the rule set (an audit of a suppression, say) still gets its own
            # colour: its class is appended to the page's style when it first appears.
            i = len(self.palette)
            self.palette.append(_colours(i))
            cls = self.classes[rule] = f"r{i}"
        return cls

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        anchor = f"d{len(self.rows) + 1}"
        text = source.text if source is not None else ""
        known = len(self.palette)
        classes = [self._class(d.rule) for d in diagnostics]
        extra = "".join(f".r{i} {{ --bg: {bg}; --fg: {fg}; }}" for i, (bg, fg) in enumerate(self.palette) if i >= known)
        by_rule: dict[str, int] = {}
        for d in diagnostics:
            by_rule[d.rule] = by_rule.get(d.rule, 0) + 1
            self.totals[d.rule] = self.totals.get(d.rule, 0) + 1
        figures = quotes = None
        headline = ""
        if article is not None and facts is not None:
            figures = self._figures(article, facts)
            quotes = self._quotes(article, facts)
            if article.headline is not None:
                headline = " ".join(article.headline.text.split())
        worst = min((_SEVERITY_ORDER.get(d.severity, 3) for d in diagnostics), default=3)
        row = _Row(anchor, path, headline, len(diagnostics), worst, by_rule, figures, quotes)
        self.rows.append(row)

        w = self.out.write
        if extra:
            w(f"<style>{extra}</style>\n")
        w(f'<section class="draft" id="{anchor}" data-path="{_e(path)}" data-findings="{len(diagnostics)}">\n')
        w(
            f'<h2><a class="path" href="#{anchor}" title="{_e(path)}">{_path_spans(path)}</a>'
            f'<span class="total">{_plural(len(diagnostics), "finding")}</span></h2>\n'
        )
        w('<dl class="summary">')
        w(
            f'<div data-stat="figures"{_stat_attrs(figures)}><dt>Figures</dt>'
            f"<dd>{_stat_text(figures, 'attributed', _NO_FIGURES)}</dd></div>"
        )
        w(
            f'<div data-stat="quotes"{_stat_attrs(quotes)}><dt>Quotes</dt>'
            f"<dd>{_stat_text(quotes, 'with a speaker', _NO_QUOTES)}</dd></div>"
        )
        w(f'<div data-stat="rules"><dt>Findings</dt><dd>{self._chips(by_rule)}</dd></div>')
        # The newline after <pre> is dropped by every HTML parser; without it, a draft's own
        # leading blank line would be.
        w("</dl>\n")
        if article is not None and facts is not None:
            w(_sources_panel(article, facts))
        w('<div class="body">\n<pre class="copy">\n')
        parts = _parts(article) if article is not None else []
        lines = source.line_starts if source is not None else [0]
        w(_highlight(text, diagnostics, classes, anchor, parts, lines))
        w("</pre>\n")
        if diagnostics:
            w('<ol class="findings">\n')
            for k, (d, cls) in enumerate(zip(diagnostics, classes, strict=True), 1):
                fix = ""
                if d.fix is not None:
                    fix = f'<div class="fix">Suggested fix: {_e(d.fix.title)}</div>'
                # Other places the finding points to (an earlier rendering of a quote, say).
                related = "".join(
                    f'<div class="related">See {_e(r.path)}:{r.line}:{r.column}: {_e(r.message)}</div>' for r in d.related
                )
                w(
                    f'<li class="{cls}" data-rule="{_e(d.rule)}" data-finding="{k}">'
                    f'<a class="where" href="#{anchor}-f{k}">{d.line}:{d.column}</a> '
                    f'<span class="rule">{_e(d.rule)}</span> <span class="severity">{_e(d.severity)}</span>: '
                    f"{_e(d.message)}{fix}{related}</li>\n"
                )
            w("</ol>\n")
        else:
            w('<p class="none">No findings.</p>\n')
        w("</div>\n</section>\n")

    def _chips(self, by_rule: dict[str, int]) -> str:
        if not by_rule:
            return "none"
        return "".join(
            f'<span class="chip {self._class(rule)}" data-rule="{_e(rule)}" data-count="{n}">{_e(rule)} {n}</span>'
            for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        )

    def _rule(self, rule_id: str, kind: str):
        rule = self.rules.get(rule_id)
        if rule is None or rule.kind != kind:
            rule = next((r for r in self.rules.values() if r.kind == kind), None)
        return rule

    def _figures(self, article, facts) -> tuple[int, int] | None:
        """(figures found, figures attributed) in the body. A figure is attributed when the
        unattributed-number rule does not flag its sentence. The rule is run here on the same
        article and facts, so the count describes the copy whatever --select, --ignore or an
        inline suppression hid from the findings."""
        rule = self._rule("unattributed-number", "unattributed-number")
        if rule is None:
            return None
        kinds = frozenset(rule.opts.get("figure_kinds", ()))
        sentences = article.sentences
        starts = [s.start for s in sentences]
        flagged = set()
        for d in rule.check(article, facts):
            k = bisect.bisect_right(starts, d.start) - 1
            if k >= 0:
                flagged.add(k)
        found = attributed = 0
        for k, sent in enumerate(sentences):
            n = sum(1 for f in facts.figures(sent) if f.kind in kinds)
            found += n
            if k not in flagged:
                attributed += n
        return found, attributed

    def _quotes(self, article, facts) -> tuple[int, int] | None:
        """(quotations, with a speaker), as the quote-unattributed rule sees them: top-level
        quotations of at least its `min_words` words. Running the rule fills each quotation's
        speaker slot (once per article) and says which have none; a short quotation without a
        speaker that the rule lets pass is a title or a name, not a quote."""
        rule = self._rule("quote-unattributed", "quote-unattributed")
        if rule is None:
            return None
        unattributed = {d.start for d in rule.check(article, facts)}
        min_words = rule.opts.get("min_words", 4)
        text = article.text
        total = with_speaker = 0
        for q in article.quotations:
            if q.depth or (q.close is None and not q.continues):
                continue
            if len(_WORD.findall(text, q.start, q.end)) < min_words:
                continue
            # A quotation the rule lets pass has a speaker, whether the finder named one or
            # the rule credited it from context (the sentence before, a run of quotes).
            total += 1
            if q.open not in unattributed:
                with_speaker += 1
        return total, with_speaker

    def finish(self):
        w = self.out.write
        rows = sorted(self.rows, key=lambda r: (-r.findings, r.worst, r.path))
        total = sum(r.findings for r in rows)
        shared = _shared_folders([r.path for r in rows])
        if shared:
            # The sections' headers are already written with whole paths: hide what all share.
            w("<style>" + ", ".join(f".path .s{i}" for i in range(shared)) + " { display: none; }</style>\n")
        w('<nav id="index" class="index" aria-label="Drafts by findings">\n')
        w(f'<h2>Drafts by findings<span class="total">{_plural(len(rows), "draft")}, {_plural(total, "finding")}</span></h2>\n')
        if rows:
            w(
                '<table>\n<thead><tr><th>Draft</th><th>Headline</th><th class="num">Findings</th><th>By rule</th>'
                '<th class="num">Figures attributed</th><th class="num">Quotes with a speaker</th></tr></thead>\n<tbody>\n'
            )
            for r in rows:
                w(
                    f'<tr class="{"clean" if not r.findings else "flagged"}" data-path="{_e(r.path)}"'
                    f' data-findings="{r.findings}">'
                    f'<td><a href="#{r.anchor}" title="{_e(r.path)}">{_e(_short(r.path, shared))}</a></td>'
                    f"<td>{_e(r.headline)}</td>"
                    f'<td class="num">{r.findings}</td><td>{self._chips(r.by_rule)}</td>'
                    f'<td class="num">{_ratio(r.figures, _NO_FIGURES)}</td>'
                    f'<td class="num">{_ratio(r.quotes, _NO_QUOTES)}</td></tr>\n'
                )
            w("</tbody>\n</table>\n")
        else:
            w('<p class="none">No drafts were checked.</p>\n')
        if self.totals:
            w('<h3>Rules</h3>\n<ul class="legend">\n')
            for rule, n in sorted(self.totals.items(), key=lambda kv: (-kv[1], kv[0])):
                known = self.rules.get(rule)
                desc = f" — {_e(known.description)}" if known is not None and known.description else ""
                w(
                    f'<li><span class="chip {self._class(rule)}" data-rule="{_e(rule)}" data-count="{n}">'
                    f"{_e(rule)} {n}</span>{desc}</li>\n"
                )
            w("</ul>\n")
        w("</nav>\n</div>\n")
        w(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")


# The words of a quotation, counted as quote-unattributed counts them for its `min_words`.
_WORD = compiled(r"[\p{L}\p{N}][\p{L}\p{N}’'.-]*")


def _sources_panel(article, facts) -> str:
    """Who the draft cites and how, as `attrlint sources` prints it: counts by kind of source
    (named, described, vague, pronoun, document, none) and one row per attribution."""
    from attrlint.report.sources import cited, counts

    rows = cited(article, facts)
    c = counts(rows)
    out = [
        f'<details class="sources" data-attributions="{len(rows)}" open>'
        f'<summary>Sources: {_plural(len(rows), "attribution")}</summary>\n<dl class="summary source-counts">'
    ]
    out += [f'<div data-kind="{k}" data-count="{n}"><dt>{k}</dt><dd>{n}</dd></div>' for k, n in c.items()]
    out.append("</dl>\n")
    if rows:
        out.append(
            '<table class="sources-table">\n<thead><tr><th class="num">Line</th><th>Source</th><th>Kind</th>'
            "<th>Cue</th><th>Cue kind</th><th>Content</th></tr></thead>\n<tbody>\n"
        )
        for r in rows:
            source = " ".join(r.source[2].split()) if r.source else ""
            kind = r.source[3] if r.source else "none"
            how = "" if r.content is None else ("quoted" if r.content[2] else "paraphrased")
            out.append(
                f'<tr data-kind="{kind}"><td class="num">{r.line}</td><td>{_e(source)}</td><td>{kind}</td>'
                f"<td>{_e(' '.join(r.cue[2].split()))}</td><td>{_e(r.cue[3])}</td><td>{how}</td></tr>\n"
            )
        out.append("</tbody>\n</table>\n")
    out.append("</details>\n")
    return "".join(out)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _stat_attrs(stat) -> str:
    if stat is None:
        return ""
    return f' data-found="{stat[0]}" data-ok="{stat[1]}"'


# What a draft without figures or quotations shows in place of a count: "none" or "0 of 0" in
# a column headed "Figures attributed" reads as "none of them attributed", a failure.
_NO_FIGURES = "no figures found"
_NO_QUOTES = "no quotations"


def _stat_text(stat, what: str, nothing: str) -> str:
    if stat is None:
        return "not counted"
    found, ok = stat
    if not found:
        return f'<span class="nil">{nothing}</span>'
    return f'<span class="n">{found}</span> found, <span class="ok">{ok}</span> {what}'


def _ratio(stat, nothing: str) -> str:
    if stat is None:
        return "–"
    return f"{stat[1]} of {stat[0]}" if stat[0] else f'<span class="nil">{nothing}</span>'


# A path's folders, each with the separator after it, then its file name.
_SEPARATORS = re.escape("/" + (os.sep if os.sep != "/" else "") + (os.altsep or ""))
_SEGMENT = re.compile(f"[^{_SEPARATORS}]*[{_SEPARATORS}]|[^{_SEPARATORS}]+")


def _segments(path: str) -> list[str]:
    return _SEGMENT.findall(path)


def _shared_folders(paths: list[str]) -> int:
    """How many leading folders every path has in common (a lone draft: all of its own)."""
    folders = [_segments(p)[:-1] for p in paths]
    if not folders:
        return 0
    n = 0
    first = folders[0]
    while n < len(first) and all(len(f) > n and f[n] == first[n] for f in folders):
        n += 1
    return n


def _short(path: str, shared: int) -> str:
    return "".join(_segments(path)[shared:])


def _path_spans(path: str) -> str:
    """The path, each folder in a span numbered by depth (so a rule of style can hide the shared
    ones), the file name last."""
    segs = _segments(path)
    if not segs:
        return _e(path)
    return "".join(f'<span class="s{i}">{_e(seg)}</span>' for i, seg in enumerate(segs[:-1])) + _e(segs[-1])


_PART_TITLES = {"hed": "headline", "dek": "deck", "furniture": "furniture: not checked"}


def _parts(article) -> list[tuple[int, int, str]]:
    """The headline, deck lines and furniture lines of the copy, as (start, end, class), in
    order; spans that overlap an earlier one are dropped, so the parts never nest."""
    spans = []
    if article.headline is not None:
        spans.append((article.headline.start, article.headline.end, "hed"))
    spans += [(s.start, s.end, "dek") for s in article.deck]
    spans += [(s, e, "furniture") for s, e in article.furniture]
    n = len(article.text)
    out: list[tuple[int, int, str]] = []
    for s, e, kind in sorted(spans):
        s, e = max(0, min(s, n)), max(0, min(e, n))
        if e > s and (not out or s >= out[-1][1]):
            out.append((s, e, kind))
    return out


def _highlight(
    text: str,
    diagnostics,
    classes: list[str],
    anchor: str,
    parts: Sequence[tuple[int, int, str]] = (),
    line_starts: Sequence[int] = (0,),
) -> str:
    """The copy, escaped, with each finding wrapped in a <mark>, the headline, deck and
    furniture each in a span of its class, and an empty line-number span at each line's start.

    Findings that nest are nested marks. Findings that cross ("ab[c{d]e}") cannot both be
    single elements, so the inner one is closed where the outer one ends and reopened after
    it; the reopened piece has class `cont`, so each finding has exactly one mark without it
    (the one its list entry links to). The headline, deck and furniture spans hold the marks
    in them (so a finding's explanation, not the part's, shows on hover); a finding that runs
    into or out of one is closed at its edge and reopened as a `cont` piece."""
    n = len(text)
    opens, closes, empty = _mark_points(diagnostics, n)
    ends = {k: min(max(0, d.end), n) for k, d in enumerate(diagnostics)}
    part_at = {s: (e, kind) for s, e, kind in parts}
    part_ends = {e for _, e, _ in parts}
    # Lines are numbered from 1; the empty "line" after a final newline is not one.
    lines = {start: k for k, start in enumerate(line_starts, 1) if start < n}
    points = sorted(set(opens) | set(closes) | set(empty) | set(part_at) | part_ends | set(lines))
    out: list[str] = []
    marks = _Marks(diagnostics, classes, anchor, out)
    in_part = False
    pos = 0
    for p in points:
        out.append(_text(text[pos:p]))
        pos = p
        marks.close(closes.get(p, set()))
        leaving = p in part_ends and in_part
        # A part's edge: the findings open here are closed and reopened inside it (or after
        # it), so the part's span and the marks stay properly nested.
        carried = marks.close_all() if leaving or p in part_at else []
        if leaving:
            out.append("</span>")
            in_part = False
        if p in lines:
            out.append(f'<span class="ln" data-line="{lines[p]}" aria-hidden="true"></span>')
        if p in part_at:
            kind = part_at[p][1]
            out.append(f'<span class="{kind}" title="{_PART_TITLES[kind]}">')
            in_part = True
        for k in carried:
            marks.open(k, cont=True)
        for k in empty.get(p, ()):
            out.append(marks.tag(k, False, empty=True) + "</mark>")
        # Longer findings open first, so the shorter ones starting here nest inside them.
        for k in sorted(opens.get(p, ()), key=lambda k: -ends[k]):
            marks.open(k)
    out.append(_text(text[pos:]))
    marks.close_all()
    if in_part:
        out.append("</span>")
    return "".join(out)


def _mark_points(diagnostics, n: int) -> tuple[dict[int, list[int]], dict[int, set[int]], dict[int, list[int]]]:
    """Where each finding's mark opens and closes in a copy of length n, by offset; an empty
    finding (nothing to wrap) is one mark of its own."""
    opens: dict[int, list[int]] = {}
    closes: dict[int, set[int]] = {}
    empty: dict[int, list[int]] = {}
    for k, d in enumerate(diagnostics):
        s = max(0, min(d.start, n))
        e = max(0, min(d.end, n))
        if e <= s:
            empty.setdefault(s, []).append(k)
            continue
        opens.setdefault(s, []).append(k)
        closes.setdefault(e, set()).add(k)
    return opens, closes, empty


class _Marks:
    """The findings' marks open at the current point of the copy, innermost last, and the
    markup that opens and closes them."""

    def __init__(self, diagnostics, classes: list[str], anchor: str, out: list[str]) -> None:
        self.diagnostics, self.classes, self.anchor, self.out = diagnostics, classes, anchor, out
        self.stack: list[int] = []

    def tag(self, k: int, cont: bool, empty: bool = False) -> str:
        d = self.diagnostics[k]
        cls = f"f {self.classes[k]} sev-{_e(d.severity)}" + (" cont" if cont else "") + (" empty" if empty else "")
        ident = "" if cont else f' id="{self.anchor}-f{k + 1}"'
        return (
            f'<mark class="{cls}"{ident} data-rule="{_e(d.rule)}" data-finding="{k + 1}" '
            f'title="{_e(d.rule)} ({_e(d.severity)}): {_e(d.message)}">'
        )

    def open(self, k: int, cont: bool = False) -> None:
        self.out.append(self.tag(k, cont))
        self.stack.append(k)

    def close(self, ending: set[int]) -> None:
        """Close the findings that end here; the ones opened inside them that run on are
        closed too and reopened as `cont` pieces."""
        if not ending:
            return
        reopen = []
        while ending & set(self.stack):
            k = self.stack.pop()
            self.out.append("</mark>")
            if k not in ending:
                reopen.append(k)
        for k in reversed(reopen):
            self.open(k, cont=True)

    def close_all(self) -> list[int]:
        """Close every open mark; the findings closed, outermost first, to reopen them."""
        carried = self.stack[:]
        self.out.extend("</mark>" for _ in self.stack)
        self.stack.clear()
        return carried


def _text(s: str) -> str:
    return _CONTROL.sub("\ufffd", html.escape(s, quote=False))
