"""What a command runs with: its arguments, its two output streams, and the database."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TextIO

from tracker.services import Tracker


class UsageError(Exception):
    """Bad usage of the command line (exit code 2)."""


@dataclass(frozen=True)
class Context:
    """The parsed arguments, standard output and error, and the open database if any.

    Results go to ``out``; progress, confirmations and warnings go to ``err``, so that
    ``out`` can be piped into another program.
    """

    args: argparse.Namespace
    out: TextIO
    err: TextIO
    opened: Tracker | None = None

    @property
    def service(self) -> Tracker:
        """The open database; only commands whose table entry needs one may ask for it."""
        if self.opened is None:
            raise RuntimeError(f"'{self.args.command}' was run without a database")
        return self.opened
