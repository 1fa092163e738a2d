"""Saving (saving.py): atomic, never over a file its owner protected, through links to the real
file, and every failure a plain message naming the target, with nothing else printed."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from conftest import files_in

from xl_plans.saving import SaveError, atomic_save
from xl_plans.template import save_workbook, tables_workbook

PLAN = {"Plan": {"Council": "Test Council", "Service": "Parks", "Plan Year": "2023/24",
                 "Reporting Quarter": "Q1"},
        "KPIs": [{"Ref": "K1", "Indicator": "Parks visits", "Polarity": "Higher is better",
                  "Measure": "Cumulative", "Unit": "Number", "Annual Target": 1000,
                  "Q1": 260}]}


def plan_at(path: Path) -> Path:
    save_workbook(tables_workbook(PLAN), path, overwrite=True)
    return path


def cli(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """The command line in its own process: what an officer sees, stderr included."""
    return subprocess.run([sys.executable, "-c", "import sys; from xl_plans.cli import main; "
                           "sys.argv[0] = 'xl-plans'; sys.exit(main())", *args],
                          capture_output=True, text=True, timeout=timeout, check=False)


@contextlib.contextmanager
def nearly_full_disk(folder: Path, free: int,
                     holding: dict[str, Path] | None = None) -> Iterator[Path]:
    """`folder` as a small RAM disk holding copies of `holding` (name -> file) and about
    `free` bytes left: a real full disk. Needs root (mount); the test is skipped where it
    cannot be made."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("a small RAM disk cannot be mounted here (needs root)")
    try:
        for name, source in (holding or {}).items():
            shutil.copyfile(source, folder / name)
        (folder / "filler").write_bytes(b"\0" * (shutil.disk_usage(folder).free - free))
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def save_book(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "new"
    book.save(path)


# --------------------------------------------------------------------------- failures


def test_a_full_disk_gives_one_message_and_no_noise(tmp_path: Path) -> None:
    plan = plan_at(tmp_path / "plan.xlsx")
    with nearly_full_disk(tmp_path / "disk", free=2048) as disk:
        before = files_in(disk)
        result = cli("status", str(plan), "-o", str(disk / "status.xlsx"), "--as-of",
                     "2023-08-01")
        assert result.returncode == 2
        # Only our message: before, "Exception ignored in: <function ZipFile.__del__>" and a
        # traceback followed it (openpyxl's half-written zip closing itself later).
        assert result.stderr == "Error: Cannot save status.xlsx: No space left on device.\n"
        assert files_in(disk) == before  # no temporary file left


def test_a_folder_that_allows_no_new_files_is_named_not_the_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "read-only folder"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root writes anywhere: make mkstemp fail as it would
        def refused(*args: object, dir: str, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied", f"{dir}/.~xl_plans-g0r9zi23.xlsx")

        monkeypatch.setattr(tempfile, "mkstemp", refused)
    try:
        with pytest.raises(SaveError) as caught:
            atomic_save(save_book, folder / "out.xlsx")
    finally:
        folder.chmod(0o755)
    assert str(caught.value) == (f"Cannot write out.xlsx: no new file can be made in the "
                                 f"folder {folder} (Permission denied).")
    assert list(folder.iterdir()) == []


def test_a_pipe_is_not_a_file_and_is_never_opened(tmp_path: Path) -> None:
    """Reading a pipe waits for ever for a writer, so it is checked in a process of its own:
    a hang fails the test (TimeoutExpired) instead of stopping the suite."""
    pipe = tmp_path / "plan.xlsx"
    os.mkfifo(pipe)
    fingerprint = subprocess.run(
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from xl_plans.errors import WorkbookError; from xl_plans.saving import Fingerprint\n"
         "try: Fingerprint.of(Path(sys.argv[1]))\n"
         "except WorkbookError as exc: print(exc.code)", str(pipe)],
        capture_output=True, text=True, timeout=60, check=True)
    assert fingerprint.stdout == "not-a-file\n"
    for command in (["status", str(pipe)], ["status", str(pipe), "--in-place"]):
        result = cli(*command, timeout=60)
        assert result.returncode == 2
        assert result.stderr.startswith("Error: [not-a-file] plan.xlsx: this is a folder or "
                                        "a device, not a file."), result.stderr


# --------------------------------------------------------------------------- replacing


def test_a_link_is_saved_through_to_its_file(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "summary.xlsx"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "summary.xlsx"
    link.symlink_to(real)
    assert atomic_save(save_book, link, overwrite=True) == link
    assert link.is_symlink() and link.resolve() == real  # the link is still a link
    assert openpyxl.load_workbook(real).active["A1"].value == "new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["summary.xlsx"]


def test_a_hard_linked_file_is_not_split(tmp_path: Path) -> None:
    target = tmp_path / "summary.xlsx"
    target.write_bytes(b"old")
    os.link(target, tmp_path / "other name.xlsx")
    with pytest.raises(SaveError, match="summary.xlsx was not changed: it is one file with 2 "
                                        r"names on disk \(hard links\)"):
        atomic_save(save_book, target, overwrite=True)
    assert target.read_bytes() == (tmp_path / "other name.xlsx").read_bytes() == b"old"


def test_a_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "summary.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o444)  # the owner's own choice: even root, who could write it, leaves it
    with pytest.raises(SaveError, match=r"summary\.xlsx is read-only, so it was not changed"):
        atomic_save(save_book, target, overwrite=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.xlsx"]


def test_a_file_that_is_not_writable_by_us_is_not_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mode bits writable, but the system says no (an ACL, another owner): os.access."""
    target = tmp_path / "summary.xlsx"
    target.write_bytes(b"old")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if mode == os.W_OK
                        and Path(path) == target else real_access(path, mode, **kw))
    with pytest.raises(SaveError, match="read-only"):
        atomic_save(save_book, target, overwrite=True)
    assert target.read_bytes() == b"old"
