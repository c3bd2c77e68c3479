from __future__ import annotations

import json

from attrlint.report.base import Reporter


class JsonReporter(Reporter):
    """A JSON array of findings, written as it goes so a large run is not held in memory."""

    def start(self):
        self.first = True
        self.out.write("[")

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        for d in diagnostics:
            self.out.write(("\n  " if self.first else ",\n  ") + json.dumps(d.as_dict(), ensure_ascii=False))
            self.first = False

    def finish(self):
        self.out.write("\n]\n" if not self.first else "]\n")


class JsonLinesReporter(Reporter):
    """One JSON object a line: streams, and concatenates across runs and machines."""

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        for d in diagnostics:
            self.out.write(json.dumps(d.as_dict(), ensure_ascii=False) + "\n")
