"""Errors that end a run with exit code 2 and a one-line message."""


class AttrlintError(Exception):
    """A user-facing error: bad input, a bad rule file, a bad option."""


class InputError(AttrlintError):
    """A draft that cannot be read."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RuleFileError(AttrlintError):
    """A rule or config file that does not validate; names the file and line."""

    def __init__(self, path: str, line: int | None, reason: str):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason
