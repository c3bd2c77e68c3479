from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from attrlint.report.base import Reporter


class JunitReporter(Reporter):
    """JUnit XML: one test case per draft, one failure per finding, for CI dashboards."""

    def start(self):
        self.cases: list[str] = []
        self.failures = 0

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        body = ""
        for d in diagnostics:
            self.failures += 1
            text = f"{d.path}:{d.line}:{d.column}: {d.message}"
            body += (
                f"\n      <failure type={quoteattr(d.rule)} message={quoteattr(d.rule + ': ' + d.message)}>"
                f"{escape(text)}</failure>"
            )
        self.cases.append(
            f'    <testcase classname="attrlint" name={quoteattr(path)}>{body}' + ("\n    </testcase>" if body else "</testcase>")
        )

    def finish(self):
        n = len(self.cases)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f'<testsuites name="attrlint" tests="{n}" failures="{self.failures}">\n')
        self.out.write(f'  <testsuite name="attrlint" tests="{n}" failures="{self.failures}" errors="0">\n')
        self.out.write("\n".join(self.cases) + ("\n" if self.cases else ""))
        self.out.write("  </testsuite>\n</testsuites>\n")
