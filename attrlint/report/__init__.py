"""Reporters: one module per output format, each reading the same Diagnostic list."""

from __future__ import annotations

import importlib

# format name -> (module, class); imported on demand so a run loads only the one it needs.
FORMATS = {
    "text": ("text", "TextReporter"),
    "concise": ("concise", "ConciseReporter"),
    "json": ("json_report", "JsonReporter"),
    "json-lines": ("json_report", "JsonLinesReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "junit": ("junit", "JunitReporter"),
    "html": ("html", "HtmlReporter"),
}


def reporter_class(name: str):
    module, cls = FORMATS[name]
    return getattr(importlib.import_module(f"attrlint.report.{module}"), cls)
