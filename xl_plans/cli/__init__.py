"""The `xl-plans` command: a thin shell over the library.

Each command parses its arguments, calls one library function and turns the library's errors
into a plain message and an exit code. Commands live in the modules of this package, one per
feature, and register themselves on `main`.

Exit codes: 0 done, 1 done but the plans have problems, 2 unusable input or usage.
"""

from __future__ import annotations

from xl_plans.cli import addin as _addin  # noqa: F401  (registers its commands)
from xl_plans.cli import consolidate as _consolidate  # noqa: F401
from xl_plans.cli import plans as _plans  # noqa: F401  (registers its commands)
from xl_plans.cli import status as _status  # noqa: F401  (registers its commands)
from xl_plans.cli import validate as _validate  # noqa: F401  (registers its commands)
from xl_plans.cli.app import main

__all__ = ["main"]
