"""Helpers for the browser test of the HTML report: drive Debian's chromium headless (no
Python dependencies), read back the rendered DOM and decode its screenshots."""
