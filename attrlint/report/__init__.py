"""Reporters: one module per output format, each reading the same Diagnostic list."""

from attrlint.report import json_report, text

FORMATS = {
    "text": text.TextReporter,
    "json": json_report.JsonReporter,
}
