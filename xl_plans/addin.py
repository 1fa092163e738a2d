"""Build the Excel add-in (workbooks/XlPlans.xlam) from the text sources in macros/.

The add-in is a ribbon (macros/customUI.xml) and a VBA project of two standard modules: ours
(macros/XlPlans.bas: one callback passing the clicked button's id to Python) and xlwings' own
custom add-in module (`RunPython` and friends), taken from the installed xlwings package. A ribbon
cannot call macros in another add-in, so the add-in carries the xlwings module itself.

Only Excel and LibreOffice write VBA projects. `addin_uno.py` runs under
LibreOffice's Python (python3-uno), starts a private headless LibreOffice and saves a
macro-enabled workbook, whose `xl/vbaProject.bin` is all we keep. XlsxWriter then writes a clean
workbook around that project, and the package is turned into an add-in: the add-in content type
for the workbook part, plus the ribbon part and its root relationship.

The VBA project LibreOffice writes has no compiled code (Excel compiles it from source on first
load) and no class modules, which the add-in does not need on Windows.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import importlib.util
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import defusedxml.ElementTree as SafeET
import olefile
import xlsxwriter

from xl_plans import __version__
from xl_plans.saving import atomic_save

ROOT = Path(__file__).resolve().parents[1]
MACROS = ROOT / "macros"  # the sources live in the source checkout, next to the package
DEFAULT_OUTPUT = ROOT / "workbooks" / "XlPlans.xlam"
RIBBON_FILE = "customUI.xml"
UNO_SCRIPT = Path(__file__).with_name("addin_uno.py")

# VBA refuses a module named like its project, so the project has a name no module takes.
VBA_PROJECT = "XlPlansAddin"
XLWINGS_BAS = "xlwings_custom_addin.bas"
# xlwings' custom add-in module names its configuration after PROJECT_NAME; its docs say to set
# it when renaming an add-in. Ours reads %USERPROFILE%\.xlplans\xlplans.conf, an "xlplans.conf"
# sheet in the active workbook, or an xlplans.conf file next to it.
XLWINGS_PROJECT_LINE = 'Public Const PROJECT_NAME As String = "{}"'
CONFIG_NAME = "xlplans"
# The add-in's own configuration sheet, inactive until renamed without its leading underscore
# (as in xlwings' quickstart add-in): column A holds the settings IT may fill in column B.
CONFIG_SHEET = f"_{CONFIG_NAME}.conf"
CONFIG_KEYS = ("Interpreter_Win", "Interpreter_Mac", "Conda Path", "Conda Env", "PYTHONPATH",
               "Show Console")

WORKBOOK_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
ADDIN_CONTENT_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
RIBBON_PART = "customUI/customUI.xml"
RIBBON_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"

INSTALL_HINT = "apt-get install libreoffice-calc-nogui python3-uno"
UNO_PYTHONS = ("python", "python.exe")  # LibreOffice's own Python, next to soffice (Windows, Mac)
SYSTEM_PYTHON = Path("/usr/bin/python3")  # Linux: python3-uno is for the system Python
TIMEOUT = 180  # seconds for LibreOffice to start and write the project; it takes a few

_VB_NAME = re.compile(r'Attribute VB_Name = "(\w+)"')


class AddinBuildError(Exception):
    """The add-in could not be built; the message says why and what to do."""


class LibreOfficeMissing(AddinBuildError):
    """LibreOffice, or its Python bridge, is not installed."""


@dataclass(frozen=True)
class VbaModule:
    """A standard module as the VBA editor exports it (first line its name), with LF line ends:
    LibreOffice writes each LF as VBA's CRLF (and a CRLF as CR CR LF)."""

    name: str
    code: str

    @property
    def body(self) -> str:
        """The code after the Attribute VB_Name line, which LibreOffice writes itself."""
        return self.code.partition("\n")[2]


@dataclass(frozen=True)
class BuiltAddin:
    path: Path
    modules: tuple[str, ...]
    xlwings_version: str


def bas_module(text: str, origin: str) -> VbaModule:
    """A module from the text of a .bas file; `origin` names the file in error messages."""
    code = text.replace("\r\n", "\n").replace("\r", "\n")
    match = _VB_NAME.fullmatch(code.partition("\n")[0])
    if match is None:
        raise AddinBuildError(
            f'{origin}: the first line must be Attribute VB_Name = "<module name>", '
            "as the VBA editor exports a module.")
    for number, line in enumerate(code.split("\n"), start=1):
        try:
            line.encode("cp1252")
        except UnicodeEncodeError:
            raise AddinBuildError(
                f"{origin}, line {number}: a character VBA cannot store (it keeps Windows-1252 "
                "text only); use plain letters and punctuation.") from None
    return VbaModule(match.group(1), code)


def our_modules(macros: Path = MACROS) -> list[VbaModule]:
    """Every macros/*.bas, each named as its file."""
    paths = sorted(macros.glob("*.bas"))
    if not paths:
        raise AddinBuildError(
            f"No VBA sources (*.bas) in {macros}: build the add-in from a source checkout of "
            "xl_plans.")
    modules = []
    for path in paths:
        module = bas_module(path.read_text(encoding="utf-8"), str(path))
        if module.name != path.stem:
            raise AddinBuildError(
                f'{path}: the module is named "{module.name}" but the file "{path.name}"; '
                "name the file after its module.")
        modules.append(module)
    return modules


def xlwings_dir() -> Path:
    """The installed xlwings package's folder, found without importing xlwings."""
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise AddinBuildError("xlwings is not installed: pip install xlwings.")
    return Path(next(iter(spec.submodule_search_locations)))


def xlwings_module() -> VbaModule:
    """xlwings' custom add-in module (BSD licence; its header is kept), configured as ours."""
    path = xlwings_dir() / XLWINGS_BAS
    if not path.is_file():
        raise AddinBuildError(
            f"The installed xlwings has no {XLWINGS_BAS} (looked in {path.parent}): "
            "reinstall xlwings.")
    module = bas_module(path.read_text(encoding="utf-8"), str(path))
    default = XLWINGS_PROJECT_LINE.format("myaddin")
    if module.code.count(default) != 1:
        raise AddinBuildError(
            f"{path}: expected one line {default!r}; this xlwings version changed its custom "
            "add-in module, so check the new module before building with it.")
    return VbaModule(module.name,
                     module.code.replace(default, XLWINGS_PROJECT_LINE.format(CONFIG_NAME)))


def project_modules(macros: Path = MACROS) -> list[VbaModule]:
    """The add-in's modules: ours, then xlwings'."""
    modules = [*our_modules(macros), xlwings_module()]
    names = [module.name.lower() for module in modules]
    if VBA_PROJECT.lower() in names or len(set(names)) != len(names):
        raise AddinBuildError(
            f"VBA module names must be unique and differ from the project ({VBA_PROJECT}): "
            f"{', '.join(module.name for module in modules)}.")
    return modules


def ribbon_xml(macros: Path = MACROS) -> bytes:
    """macros/customUI.xml, checked to be well-formed (Excel ignores a broken ribbon silently)."""
    path = macros / RIBBON_FILE
    try:
        data = path.read_bytes()
        SafeET.fromstring(data)
    except FileNotFoundError:
        raise AddinBuildError(f"{path} is missing: the add-in needs its ribbon.") from None
    except SafeET.ParseError as exc:
        raise AddinBuildError(f"{path} is not well-formed XML ({exc}).") from None
    return data


def find_soffice() -> str:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise LibreOfficeMissing(f"LibreOffice is not installed: {INSTALL_HINT}.")
    return soffice


def find_uno_python(soffice: str) -> str:
    """A Python that can import LibreOffice's `uno` bridge (rarely the one running us)."""
    program = Path(soffice).resolve().parent
    for python in [*(program / name for name in UNO_PYTHONS), SYSTEM_PYTHON]:
        if python.is_file() and subprocess.run(
                [str(python), "-c", "import uno"], capture_output=True, timeout=60,
                check=False).returncode == 0:
            return str(python)
    raise LibreOfficeMissing(
        f"LibreOffice's Python bridge (uno) is not installed for {SYSTEM_PYTHON}: {INSTALL_HINT}.")


def write_vba_project(modules: list[VbaModule], timeout: float = TIMEOUT) -> bytes:
    """The bytes of a vbaProject.bin holding `modules`, written by a headless LibreOffice."""
    soffice = find_soffice()
    python = find_uno_python(soffice)
    with tempfile.TemporaryDirectory(prefix="xl_plans-addin-") as temp:
        output = Path(temp) / "vba.xlsm"
        job = {
            "soffice": soffice,
            # A private profile: works headless in CI and never meets another LibreOffice.
            "profile": (Path(temp) / "profile").as_uri(),
            "output": str(output),
            "project": VBA_PROJECT,
            "modules": [{"name": module.name, "code": module.body} for module in modules],
            "timeout": timeout,
        }
        _run_uno_script(python, job, timeout)
        try:
            with zipfile.ZipFile(output) as workbook:
                vba_project = workbook.read("xl/vbaProject.bin")
        except (OSError, KeyError, zipfile.BadZipFile):
            raise AddinBuildError(
                "LibreOffice finished but wrote no VBA project; check that LibreOffice Calc "
                f"is installed ({INSTALL_HINT}).") from None
    _check_vba_project(vba_project, modules)
    return vba_project


def _run_uno_script(python: str, job: dict[str, object], timeout: float) -> None:
    # -I: isolated, so the package folder (the script's) does not shadow the standard library.
    # Its own session, so everything it starts (the office) can be ended with it.
    process = subprocess.Popen(
        [python, "-I", str(UNO_SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
        start_new_session=True)
    try:
        _, errors = process.communicate(json.dumps(job), timeout=timeout)
    except subprocess.TimeoutExpired:
        raise AddinBuildError(
            f"LibreOffice did not finish writing the VBA project within {timeout:g} seconds; "
            "try again, or check that `soffice --headless --version` works.") from None
    finally:
        _end_session(process)
    if process.returncode != 0:
        lines = errors.strip().splitlines() or [f"exit status {process.returncode}"]
        raise AddinBuildError(f"LibreOffice could not write the VBA project: {lines[-1]}")


def _end_session(process: subprocess.Popen[str]) -> None:
    """End the script and anything it left running (LibreOffice's helper processes)."""
    if sys.platform != "win32":
        # The session we started has our child's id; it is gone if all of it has exited.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    elif process.poll() is None:
        process.kill()
    if process.returncode is None:
        process.communicate()  # reap it, and close its pipes


def _check_vba_project(vba_project: bytes, modules: list[VbaModule]) -> None:
    """LibreOffice writes an empty project rather than failing: make sure ours is in it."""
    try:
        with olefile.OleFileIO(io.BytesIO(vba_project)) as ole:
            missing = [m.name for m in modules if not ole.exists(f"VBA/{m.name}")]
    except OSError:
        missing = [module.name for module in modules]
    if missing:
        raise AddinBuildError(
            f"LibreOffice wrote a VBA project without the modules {', '.join(missing)}.")


def package_addin(vba_project: bytes, ribbon: bytes) -> bytes:
    """An .xlam holding the VBA project and the ribbon."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.set_properties({
        "title": "xl_plans: Service Plans ribbon",
        "comments": f"Built by xl_plans {__version__} with xlwings {xlwings_version()}.",
    })
    sheet = workbook.add_worksheet(CONFIG_SHEET)
    for row, key in enumerate(CONFIG_KEYS):
        sheet.write_string(row, 0, key)
    sheet.set_column(0, 0, 20)
    workbook.add_vba_project(io.BytesIO(vba_project), is_stream=True)
    workbook.close()
    return _as_addin(buffer.getvalue(), ribbon)


def _as_addin(xlsm: bytes, ribbon: bytes) -> bytes:
    """Turn XlsxWriter's macro-enabled workbook into an add-in with a ribbon."""
    ribbon_rel = (f'<Relationship Id="rIdXlPlansRibbon" Type="{RIBBON_RELATIONSHIP}" '
                  f'Target="{RIBBON_PART}"/>')
    edits = {
        "[Content_Types].xml": (WORKBOOK_CONTENT_TYPE, ADDIN_CONTENT_TYPE),
        "_rels/.rels": ("</Relationships>", ribbon_rel + "</Relationships>"),
    }
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsm)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename in edits:
                old, new = edits.pop(info.filename)
                text = data.decode("utf-8")
                if text.count(old) != 1:  # XlsxWriter changed what it writes: look again
                    raise AddinBuildError(f"Unexpected {info.filename} from XlsxWriter.")
                data = text.replace(old, new).encode("utf-8")
            target.writestr(info, data)
        if edits:
            raise AddinBuildError(f"XlsxWriter wrote no {', '.join(edits)}.")
        part = zipfile.ZipInfo(RIBBON_PART, date_time=(1980, 1, 1, 0, 0, 0))
        target.writestr(part, ribbon, zipfile.ZIP_DEFLATED)
    return output.getvalue()


def xlwings_version() -> str:
    return importlib.metadata.version("xlwings")


def build_addin(output: Path = DEFAULT_OUTPUT, macros: Path = MACROS,
                timeout: float = TIMEOUT) -> BuiltAddin:
    """Build the add-in from `macros` and write it to `output`, replacing any older build."""
    modules = project_modules(macros)
    ribbon = ribbon_xml(macros)
    data = package_addin(write_vba_project(modules, timeout), ribbon)
    atomic_save(lambda temp: temp.write_bytes(data), output, overwrite=True)
    return BuiltAddin(output, tuple(module.name for module in modules), xlwings_version())
