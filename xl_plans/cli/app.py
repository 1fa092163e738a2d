"""The command group and what every command shares: exit codes and error handling."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from xl_plans import __version__
from xl_plans.errors import WorkbookError
from xl_plans.excel_setup import policy_in_force
from xl_plans.launch import stop
from xl_plans.model import Plan
from xl_plans.policy import Policy, PolicyError, load_policy
from xl_plans.reader import read_workbook
from xl_plans.saving import SaveError
from xl_plans.validation.codes import CODES
from xl_plans.validation.structure import not_a_plan

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_UNUSABLE = 2

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xl-plans")
def main() -> None:
    """Check, score and consolidate council service plans kept in Excel workbooks."""
    _stop_cleanly_on_signals()


def _stop_cleanly_on_signals() -> None:
    """Ctrl-C and SIGTERM end the command with their own exit code (launch.stop), however it
    was started (the launcher sets the same handler earlier). The handlers are put back when the
    command ends (a host that called it keeps its own)."""
    ctx = click.get_current_context(silent=True)
    for signum in (signal.SIGTERM, signal.SIGINT):
        # (Not in the main thread, a host application's, signals are its own: left alone.)
        with contextlib.suppress(ValueError):
            previous = signal.signal(signum, stop)
            # (None: a handler from outside Python, which cannot be put back from here)
            if ctx is not None and previous is not None:
                ctx.call_on_close(functools.partial(signal.signal, signum, previous))


# What a terminal takes as commands, not text: control characters but tab and line feed (ESC
# starts colour changes, cursor moves, a new window title; a carriage return writes over the
# line), C1 controls, and the marks that reverse the direction of text (a name can then show
# as another). From a file's name or a cell's text they are shown escaped, never sent.
_NOT_FOR_TERMINALS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """`text` with what a terminal would obey shown as escapes: "plan\\x1b[2J.xlsx"."""
    return _NOT_FOR_TERMINALS.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                                  else f"\\u{ord(m[0]):04x}", text)


def say(message: str, *, err: bool = False, nl: bool = True) -> None:
    """Every line a command prints for people (JSON goes through say_json)."""
    click.echo(terminal_safe(message), err=err, nl=nl)


def say_json(text: str) -> None:
    """JSON, with what a terminal would obey written as JSON escapes (\\u009b): JSON escapes
    control characters below U+0020 itself, but not DEL, C1 controls or direction marks.
    Those can only be inside strings, where the escape reads back as the same character."""
    click.echo(_NOT_FOR_TERMINALS.sub(lambda m: f"\\u{ord(m[0]):04x}", text))


class NotAPlan(Exception):
    """A workbook that opens but is not a plan, for a command that needs one (exit 2)."""


def read_plan_for_command(path: Path) -> Plan:
    """The plan in `path` for `status` and `summary`: a budget workbook (or a Status workbook
    xl_plans wrote) is refused as validate refuses it, never scored or listed as an empty plan.
    Raises WorkbookError for a file that cannot be read, NotAPlan for one that is not a plan."""
    read = read_workbook(path)
    reason = not_a_plan(read)
    if reason is not None:
        raise NotAPlan(f"[not-a-plan] {path.name}: {reason} {CODES['not-a-plan'].hint}")
    return read.plan


def friendly_errors(func: F) -> F:
    """Turn the library's errors into a one-line message and exit code 2: never a traceback.
    A fault of ours is said plainly too, as the batch commands say it."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WorkbookError as exc:
            raise click.ClickException(f"[{exc.code}] {exc.message}") from None
        except NotAPlan as exc:
            raise click.ClickException(str(exc)) from None
        except SaveError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            # The reader went away (`xl-plans ... | head`): click's main stops quietly.
            raise
        except OSError as exc:  # a folder that is a file, a full disk, no permission
            where = f" {exc.filename}" if exc.filename else ""
            raise click.ClickException(f"Cannot use{where}: {exc.strerror or exc}.") from None
        except click.ClickException as exc:
            # Its message may name a file or quote a cell. (click types `message` as Final,
            # yet it is a plain attribute, set in __init__.)
            exc.message = terminal_safe(exc.message)  # type: ignore[misc]
            raise
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            raise click.ClickException(
                f"[internal-error] xl_plans failed ({type(exc).__name__}: {exc}). Please "
                "report this, with the file it was reading.") from None

    return wrapper  # type: ignore[return-value]


class _Day(click.ParamType):
    """A day as people write it: 2024-09-30, 30/09/2024 (day first, as in the UK) or today."""

    name = "date"
    _FORMATS = ("%Y-%m-%d", "%d/%m/%Y")

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if text.lower() == "today":
            return dt.date.today()
        for fmt in self._FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        self.fail(f"{value!r} is not a date: write it as 2024-09-30, 30/09/2024 or today",
                  param, ctx)


def as_of_option(meaning: str, default: str) -> Callable[[F], F]:
    """The --as-of option, one form for every command: `meaning` says what the day decides,
    `default` what is used without it."""
    return click.option("--as-of", "as_of", type=_Day(), metavar="DATE",
                        help=f"{meaning} (2024-09-30, 30/09/2024 or today). Default: {default}.")


policy_option = click.option(
    "--policy", "policy_file", type=click.Path(path_type=Path),
    help="Your council's policy file (TOML), laid over the defaults. "
         "See `xl-plans policy show`.")


def load_policy_option(path: Path | None) -> Policy:
    """The policy in force for a command's --policy option; without it, the council file the
    ribbon uses (XL_PLANS_POLICY, then ~/.xl_plans/policy.toml), said on stderr, else the
    defaults: the ribbon and the command line never score one plan two ways. A bad file is a
    usage error."""
    try:
        if path is not None:
            return load_policy(path)
        policy, source = policy_in_force()
    except PolicyError as exc:
        raise click.ClickException(f"[{exc.code}] {exc.message}") from None
    if source.path is not None:
        say(f"Scoring policy: {source.describe()}, as the Excel ribbon uses "
                   "(--policy FILE to choose another).", err=True)
    return policy


# Click's own usage errors exit with 2 and ClickException with 1; make "unusable" always 2.
click.ClickException.exit_code = EXIT_UNUSABLE
