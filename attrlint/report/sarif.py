from __future__ import annotations

import json
import os
from pathlib import Path

from attrlint import __version__
from attrlint.report.base import Reporter

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class SarifReporter(Reporter):
    """SARIF 2.1.0, as GitHub code scanning reads it: rules in the tool driver, results with
    physical locations relative to the working folder, columns counted in code points."""

    def start(self):
        self.results: list[dict] = []
        self.index = {rid: i for i, rid in enumerate(self.rules)}

    def file(self, path, diagnostics, source=None, article=None, facts=None):
        uri = _uri(path)
        for d in diagnostics:
            result = {
                "ruleId": d.rule,
                "level": _LEVEL.get(d.severity, "warning"),
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": max(d.end_column, d.column + 1 if d.end_line == d.line else d.end_column),
                            },
                        }
                    }
                ],
            }
            if d.rule in self.index:
                result["ruleIndex"] = self.index[d.rule]
            if d.related:
                result["relatedLocations"] = [
                    {
                        "id": i,
                        "message": {"text": r.message},
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(r.path), "uriBaseId": "%SRCROOT%"},
                            "region": {"startLine": r.line, "startColumn": r.column},
                        },
                    }
                    for i, r in enumerate(d.related)
                ]
            if d.fix:
                result["fixes"] = [
                    {
                        "description": {"text": d.fix.title},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                                "replacements": [
                                    {
                                        "deletedRegion": {
                                            "startLine": d.fix.line,
                                            "startColumn": d.fix.column,
                                            "endLine": d.fix.end_line,
                                            "endColumn": d.fix.end_column,
                                        },
                                        "insertedContent": {"text": d.fix.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                ]
            self.results.append(result)

    def finish(self):
        rules = []
        for rid, rule in self.rules.items():
            entry = {
                "id": rid,
                "name": "".join(w.capitalize() for w in rid.split("-")),
                "shortDescription": {"text": rule.description},
                "fullDescription": {"text": (rule.explanation or rule.description).strip()},
                "defaultConfiguration": {"level": _LEVEL.get(rule.severity, "warning"), "enabled": bool(rule.enabled)},
                "properties": {"pack": rule.pack, "kind": rule.kind},
            }
            help_text = (rule.explanation or rule.description).strip()
            if rule.example:
                help_text += "".join(f"\n{k}: {v}" for k, v in rule.example.items())
            entry["help"] = {"text": help_text}
            if rule.link:
                entry["helpUri"] = rule.link
            rules.append(entry)
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    # No informationUri: the project has no public page yet, the property is
                    # optional, and a made-up address would send users nowhere.
                    "tool": {
                        "driver": {"name": "attrlint", "version": __version__, "semanticVersion": __version__, "rules": rules}
                    },
                    "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}},
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        json.dump(log, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


def _uri(path: str) -> str:
    if path == "-" or path.startswith("<"):
        return "stdin"
    rel = os.path.relpath(os.path.abspath(path))
    if rel.startswith(".."):
        return Path(os.path.abspath(path)).as_uri()
    return Path(rel).as_posix()
