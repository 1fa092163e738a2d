"""LibreOffice headless as a real spreadsheet application for checking the files we write."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, (
        "LibreOffice is needed to check that our workbooks open in a real spreadsheet "
        "application: apt-get install libreoffice-calc-nogui (.ci/run installs it)"
    )
    return found


def convert(path: Path, to: str, outdir: Path, timeout: int = 180) -> Path:
    """Open `path` in LibreOffice and save it as `to` ("xlsx", "csv", "pdf") in `outdir`.
    Fails the test on any load or conversion error."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", to, "--outdir", str(outdir), str(path)],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    target = outdir / f"{path.stem}.{to.split(':')[0]}"
    problems = [line for line in (result.stdout + result.stderr).splitlines()
                if "error" in line.lower()]
    assert result.returncode == 0 and not problems and target.exists(), (
        f"LibreOffice could not open {path.name}: rc={result.returncode}\n"
        f"{result.stdout}\n{result.stderr}"
    )
    return target


# Typing into cells through LibreOffice's own input parsing (setFormula reads text as the cell
# editor does: "2019" is a number, "85%" a percentage, a date a date), keeping the cell's
# number format, as typing does; unlike the editor it picks no new format for a date, so
# "March 2025" in a General cell is a plain serial here (Excel shows it as "Mar-25"). Run by
# LibreOffice's Python (python3-uno), as xl_plans.addin runs addin_uno.py.
_TYPING = r'''
import json, subprocess, sys, time, uuid
import uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

job = json.load(sys.stdin)
pipe = "xl_plans_typing_" + uuid.uuid4().hex
url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
office = subprocess.Popen([job["soffice"], "--headless", "--invisible", "--nologo",
                           "--norestore", "--nodefault", "--nolockcheck",
                           "-env:UserInstallation=" + job["profile"],
                           "--accept=pipe,name=%s;urp;" % pipe],
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            ctx = resolver.resolve(url)
            break
        except Exception:
            if time.monotonic() > deadline or office.poll() is not None:
                raise
            time.sleep(0.25)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["input"]), "_blank", 0,
                                       (prop("Hidden", True),))
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    locale.Language, locale.Country = "en", "GB"
    for sheet, address, text in job["entries"]:
        cell = doc.Sheets.getByName(sheet).getCellRangeByName(address)
        cell.CharLocale = locale
        cell.setFormula(text)
    doc.storeToURL(uno.systemPathToFileUrl(job["output"]),
                   (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=30)
finally:
    if office.poll() is None:
        office.kill()
'''


def typed_into(path: Path, entries: list[tuple[str, str, str]], output: Path) -> Path:
    """A copy of the workbook at `path` with each (sheet, cell, text) typed into it in
    LibreOffice, saved as .xlsx at `output`."""
    from xl_plans.addin import find_uno_python  # (imports xlwings' VBA tooling: only here)

    office = soffice()
    with tempfile.TemporaryDirectory() as profile:
        job = {"soffice": office, "profile": Path(profile).as_uri(), "input": str(path),
               "output": str(output), "entries": entries}
        done = subprocess.run([find_uno_python(office), "-c", _TYPING],
                              input=json.dumps(job), capture_output=True, text=True,
                              timeout=300, check=False)
    assert done.returncode == 0 and output.exists(), done.stderr
    return output
