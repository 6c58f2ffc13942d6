"""The command line: ``tracker [--db PATH_OR_URL] COMMAND``.

One module per group of commands (``records``, ``transfer``, ``briefs``, ``admin``),
declared in the table of :mod:`tracker.cli.app`, which builds the parser and runs
them. Every command goes through :class:`tracker.services.Tracker`.
"""

from tracker.cli.app import main

__all__ = ["main"]
