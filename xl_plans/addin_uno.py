"""Write a VBA project with LibreOffice: run by LibreOffice's Python, never imported by xl_plans.

`xl_plans.addin` runs this file as a script with the Python that has LibreOffice's `uno` bridge
(on Debian /usr/bin/python3 with python3-uno), which is usually not the project's Python. The job
arrives as JSON on stdin:

    {"soffice": "/usr/bin/soffice", "profile": "file:///tmp/x/profile",
     "output": "/tmp/x/vba.xlsm", "project": "XlPlansAddin",
     "modules": [{"name": "XlPlans", "code": "Option Explicit\\r\\n..."}], "timeout": 120}

It starts a private headless LibreOffice, creates a spreadsheet whose Basic library is in VBA
compatibility mode, adds each module as a standard module and saves the document as a
macro-enabled Excel workbook, which makes LibreOffice write `xl/vbaProject.bin`. Without
VBACompatibilityMode, the project name and the module info, LibreOffice writes an empty project.
Any failure is one line on stderr and exit status 1.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
import uuid
from typing import Any

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.script import ModuleInfo
from com.sun.star.script.ModuleType import NORMAL

EXCEL_VBA_FILTER = "Calc MS Excel 2007 VBA XML"


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(url: str, office: subprocess.Popen[bytes], deadline: float) -> Any:
    """The office's component context, once it accepts connections (it takes a moment)."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(url)
        except Exception:
            if office.poll() is not None:
                raise RuntimeError(
                    f"LibreOffice stopped while starting (exit status {office.returncode})."
                ) from None
            if time.monotonic() > deadline:
                raise RuntimeError("LibreOffice did not start in time.") from None
            time.sleep(0.25)


def write_vba_workbook(ctx: Any, job: dict[str, Any]) -> None:
    """Create the document, add the modules and save it as a macro-enabled workbook."""
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(
        "private:factory/scalc", "_blank", 0, (_prop("Hidden", True),))
    try:
        libraries = doc.BasicLibraries
        libraries.VBACompatibilityMode = True
        libraries.ProjectName = job["project"]
        library = libraries.createLibrary(job["project"])
        for module in job["modules"]:
            info = ModuleInfo()
            info.ModuleType = NORMAL
            library.insertModuleInfo(module["name"], info)
            library.insertByName(module["name"], module["code"])
        doc.storeToURL(uno.systemPathToFileUrl(job["output"]),
                       (_prop("FilterName", EXCEL_VBA_FILTER), _prop("Overwrite", True)))
    finally:
        doc.close(True)
    # The bridge drops as the office quits, which is the expected end.
    with contextlib.suppress(Exception):
        desktop.terminate()


def main() -> int:
    job = json.load(sys.stdin)
    pipe = f"xl_plans_{uuid.uuid4().hex}"
    url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
    office = subprocess.Popen(
        [job["soffice"], "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         "--nolockcheck", f"-env:UserInstallation={job['profile']}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ctx = _connect(url, office, time.monotonic() + job["timeout"])
        write_vba_workbook(ctx, job)
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}".strip(), file=sys.stderr)
        office.kill()  # xl_plans.addin then ends the rest of our process group
        return 1
    _stop(office)
    return 0


def _stop(office: subprocess.Popen[bytes]) -> None:
    """Let the office quit on its own (it was told to), or end it."""
    try:
        office.wait(timeout=20)
    except subprocess.TimeoutExpired:
        office.kill()  # xl_plans.addin then ends the rest of our process group


if __name__ == "__main__":
    sys.exit(main())
