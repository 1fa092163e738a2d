"""Saving (saving.py): atomic, never over a file its owner protected, through links to the real
file, and every failure a plain message naming the target, with nothing else printed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import files_in

from xl_plans.cli import main
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


# --------------------------------------------------------------------------- what is saved


def writes_parts(parts: dict[str, bytes]) -> Callable[[Path], None]:
    """A write that saves a sound workbook with some parts replaced."""

    def write(path: Path) -> None:
        save_book(path)
        with zipfile.ZipFile(path) as archive:
            kept = {name: archive.read(name) for name in archive.namelist()}
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in {**kept, **parts}.items():
                archive.writestr(name, data)

    return write


@pytest.mark.parametrize("part", ["docProps/core.xml", "xl/workbook.xml"])
def test_a_part_that_is_not_well_formed_xml_is_never_saved(tmp_path: Path, part: str) -> None:
    """A control character in the document title made a core.xml Excel calls damaged and
    openpyxl cannot open: the check on every save parses these parts."""
    broken = (b'<?xml version="1.0"?><cp:coreProperties xmlns:cp="urn:x" '
              b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Bell\x07'
              b'</dc:title></cp:coreProperties>')
    target = tmp_path / "plan.xlsx"
    with pytest.raises(SaveError) as caught:
        atomic_save(writes_parts({part: broken}), target)
    assert str(caught.value).startswith(f"The file written for plan.xlsx would be damaged "
                                        f"(its part {part} is not well-formed XML")
    assert "nothing saved" in str(caught.value)
    assert list(tmp_path.iterdir()) == []  # no file, no temporary file


def test_a_part_with_an_entity_is_never_saved(tmp_path: Path) -> None:
    bomb = (b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">]>'
            b'<cp:coreProperties xmlns:cp="urn:x">&a;</cp:coreProperties>')
    with pytest.raises(SaveError, match="would be damaged"):
        atomic_save(writes_parts({"docProps/core.xml": bomb}), tmp_path / "plan.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_link_to_a_missing_folder_names_the_link_and_its_folder(tmp_path: Path) -> None:
    link = tmp_path / "dang.xlsx"
    link.symlink_to("nowhere/x.xlsx")
    with pytest.raises(SaveError) as caught:
        atomic_save(save_book, link)
    assert str(caught.value) == ("dang.xlsx is a link to nowhere/x.xlsx, whose folder nowhere "
                                 "does not exist: nothing was written.")
    result = cli("new", "--service", "H", "--year", "2024/25", "-o", str(link))
    assert result.returncode == 2
    assert "dang.xlsx is a link to nowhere/x.xlsx, whose folder nowhere does not exist" \
        in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dang.xlsx"]


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match=f"^The folder {tmp_path / 'nowhere'} does not exist"):
        atomic_save(save_book, tmp_path / "nowhere" / "x.xlsx")


@pytest.mark.parametrize("output", ["/", ".", "", "folder"])
def test_status_to_a_folder_says_it_is_a_folder(tmp_path: Path, output: str,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_at(tmp_path / "plan.xlsx")
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    before = files_in(tmp_path)
    result = CliRunner().invoke(main, ["status", str(plan), "-o", output])
    assert result.exit_code == 2, result.output
    shown = str(Path(output))
    assert f"Error: {shown} is a folder: name the Status workbook to write, such as " \
           f"{Path(shown) / 'plan - Status Q1.xlsx'}." in result.output
    assert files_in(tmp_path) == before


def test_status_to_another_kind_of_file_names_it_whole(tmp_path: Path) -> None:
    plan = plan_at(tmp_path / "plan.xlsx")
    result = CliRunner().invoke(main, ["status", str(plan), "-o", str(tmp_path / "s.csv")])
    assert result.exit_code == 2
    assert f"{tmp_path / 's.csv'}: the Status workbook must be an .xlsx file." in result.output


def test_what_goes_with_a_save_is_not_parted_from_it_by_a_signal(tmp_path: Path) -> None:
    """A summary and its CSV export: a SIGTERM (or Ctrl-C) arriving as the summary is moved
    into place waits until the export has followed it."""
    happened: list[str] = []
    previous = signal.signal(signal.SIGTERM, lambda *_: happened.append("signal"))
    try:
        def export() -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            happened.append("export moved")

        book = tables_workbook({"Plan": {"Service": "P"}})
        atomic_save(lambda temp: book.save(temp), tmp_path / "c.xlsx", with_it=export)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert happened == ["export moved", "signal"] and (tmp_path / "c.xlsx").exists()
