"""The `xl-plans` command's entry point: Ctrl-C and SIGTERM are answered from the first instant.

Loading the commands (pandas, pydantic, calamine, XlsxWriter) takes about a second, before any
command can set its own handlers, and a Ctrl-C then printed Python's traceback. So this module
imports nothing heavy (nor does the package's __init__), sets the handler, then loads them.
"""

from __future__ import annotations

import signal
import sys


def stop(signum: int, _frame: object) -> None:
    """Exit with the signal's own code (130 for Ctrl-C, 143 for SIGTERM: what shells report),
    not click's "Aborted!" and 1, which a scheduler reads as "done, with problems". As an exit,
    every save's clean-up still runs (saving.atomic_save removes its temporary file)."""
    if signum == signal.SIGINT:
        sys.stderr.write("\nStopped (Ctrl-C): no file was left half-written.\n")
    sys.exit(128 + signum)


def main() -> None:
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    from xl_plans.cli import main as command  # (the slow part)

    command()
