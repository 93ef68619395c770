"""Errors a user can act on. The CLI prints their message as one line and exits with status 2."""


class InputError(Exception):
    """The input cannot be read as a report: missing, empty, corrupt, encrypted, too large…"""


class SetupError(Exception):
    """budgetlens is installed incompletely (the README's set-up was not followed)."""
