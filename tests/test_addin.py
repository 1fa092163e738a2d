"""The Excel add-in: its ribbon and VBA sources in macros/, the committed workbooks/XlPlans.xlam,
and `xl-plans addin build`, which rebuilds it with LibreOffice.

The rebuild needs LibreOffice headless (`.ci/run` installs it). Without it these tests fail and
say so; set XL_PLANS_NO_LIBREOFFICE=1 to leave the rebuild out on purpose.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import types
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
import olefile
import pytest
from click.testing import CliRunner
from libreoffice import convert
from oletools.olevba import VBA_Parser, decompress_stream

import xl_plans
from xl_plans import addin
from xl_plans.addin import AddinBuildError, LibreOfficeMissing, build_addin
from xl_plans.cli import main
from xl_plans.ribbon_ids import RibbonAction

ROOT = Path(__file__).resolve().parents[1]
MACROS = ROOT / "macros"
COMMITTED = ROOT / "workbooks" / "XlPlans.xlam"
UI = "{http://schemas.microsoft.com/office/2006/01/customui}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
ADDIN_TYPE = "application/vnd.ms-excel.addin.macroEnabled.main+xml"
RIBBON_REL = "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
INSTALL_HINT = "apt-get install libreoffice-calc-nogui python3-uno"
NO_LIBREOFFICE = os.environ.get("XL_PLANS_NO_LIBREOFFICE") == "1"


# ---------------------------------------------------------------------------------------------
# What the add-in must hold, read straight from the sources


def without_name_line(code: str, name: str) -> str:
    """Module code with LF line ends, after its Attribute VB_Name line (which must name it)."""
    first, rest = code.replace("\r\n", "\n").split("\n", 1)
    assert first == f'Attribute VB_Name = "{name}"', f"module {name} starts {first!r}"
    return rest


def installed_xlwings_bas() -> str:
    spec = importlib.util.find_spec("xlwings")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).with_name("xlwings_custom_addin.bas").read_text(encoding="utf-8")


def expected_modules() -> dict[str, str]:
    """macros/*.bas, and xlwings' custom add-in module with its PROJECT_NAME set to ours."""
    sources = {path.stem: path.read_text(encoding="utf-8") for path in MACROS.glob("*.bas")}
    sources["xlwings"] = installed_xlwings_bas().replace(
        'PROJECT_NAME As String = "myaddin"', 'PROJECT_NAME As String = "xlplans"')
    return {name: without_name_line(code, name) for name, code in sources.items()}


def modules_in(path: Path) -> dict[str, str]:
    """The VBA modules of a workbook as olevba reads them back; VBA's line ends are CRLF."""
    parser = VBA_Parser(str(path))
    try:
        modules = {Path(file).stem: code for _, _, file, code in parser.extract_macros()}
    finally:
        parser.close()
    for name, code in modules.items():
        assert re.search(r"\r(?!\n)|(?<!\r)\n", code) is None, f"{name}: line ends not CRLF"
    return {name: without_name_line(code, name) for name, code in modules.items()}


def ribbon() -> Element:
    return SafeET.parse(MACROS / "customUI.xml").getroot()


def buttons() -> list[Element]:
    return list(ribbon().iter(f"{UI}button"))


def is_ribbon_callback(code: str, procedure: str) -> bool:
    """Whether `code` declares `Sub procedure(control As IRibbonControl)` (VBA ignores case)."""
    pattern = rf"^\s*(Public\s+)?Sub\s+{procedure}\s*\(\s*\w+\s+As\s+IRibbonControl\s*\)"
    return re.search(pattern, code, re.IGNORECASE | re.MULTILINE) is not None


# ---------------------------------------------------------------------------------------------
# The sources


def test_ribbon_is_the_service_plans_tab() -> None:
    root = ribbon()
    assert root.tag == f"{UI}customUI"
    [tab] = root.iter(f"{UI}tab")
    assert tab.get("label") == "Service Plans"
    layout = [(group.get("label"), [b.get("id") for b in group.iter(f"{UI}button")])
              for group in tab.iter(f"{UI}group")]
    assert layout == [
        ("Plan", ["new_plan", "validate", "update_status"]),
        ("Council", ["consolidate"]),
        ("Help", ["check_setup", "help"]),
    ]


def test_every_button_has_a_label_an_office_icon_and_a_tip() -> None:
    for button in buttons():
        assert button.get("label") and button.get("supertip"), button.get("id")
        assert re.fullmatch(r"[A-Z][A-Za-z]+", button.get("imageMso") or ""), button.get("id")


def test_new_plan_tip_says_it_works_in_a_blank_workbook() -> None:
    """New plan refuses a workbook that holds data: its tip must not promise a new workbook."""
    [tip] = [b.get("supertip") for b in buttons() if b.get("id") == RibbonAction.NEW_PLAN]
    assert tip is not None and tip.startswith("In a new blank workbook (File > New),")


def test_ribbon_buttons_are_exactly_the_python_actions() -> None:
    ids = [button.get("id") for button in buttons()]
    assert len(ids) == len(set(ids)), "a button id is used twice"
    assert set(ids) == {action.value for action in RibbonAction}


def test_every_on_action_is_a_ribbon_callback_in_the_vba_sources() -> None:
    for button in buttons():
        module, procedure = (button.get("onAction") or "").split(".")
        source = MACROS / f"{module}.bas"
        assert source.is_file(), f"{button.get('id')}: no module {module}"
        assert is_ribbon_callback(source.read_text(encoding="utf-8"), procedure), procedure


def run_python_command(vba: str, control_id: str) -> str:
    """The Python code our module's RunPython line hands to Python when `control_id` is clicked:
    its VBA string expression ("text" & control.Id & "text") evaluated."""
    [expression] = re.findall(r"^\s*RunPython\s+(.+?)\s*$", vba, re.MULTILINE)
    token = re.compile(r'\s*(?:"(?P<text>(?:[^"]|"")*)"|(?P<id>control\.Id))\s*(?:&|$)')
    parts, position = [], 0
    while position < len(expression):
        match = token.match(expression, position)
        assert match, f"unexpected VBA: {expression[position:]!r}"
        text = match["text"]
        parts.append(control_id if text is None else text.replace('""', '"'))
        position = match.end()
    return "".join(parts)


@pytest.mark.parametrize("action", list(RibbonAction))
def test_a_click_runs_xl_plans_excel_run_with_the_button_id(
        action: RibbonAction, monkeypatch: pytest.MonkeyPatch) -> None:
    command = run_python_command((MACROS / "XlPlans.bas").read_text(encoding="utf-8"), action)
    # xlwings puts the command inside a double-quoted `python -c "..."` argument.
    assert '"' not in command and "\n" not in command
    calls: list[str] = []
    fake = types.ModuleType("xl_plans.excel")
    fake.run = calls.append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "xl_plans.excel", fake)
    monkeypatch.setattr(xl_plans, "excel", fake, raising=False)
    exec(command, {})
    assert calls == [action.value]


@pytest.mark.parametrize("action", [RibbonAction.VALIDATE, RibbonAction.CHECK_SETUP])
def test_a_click_where_xl_plans_cannot_load_says_so_in_one_line(action: RibbonAction,
                                                                tmp_path: Path) -> None:
    """Python with no xl_plans (installed for another Python, or half installed): every button,
    Check setup too, showed a traceback ending "ModuleNotFoundError: No module named
    'xl_plans'", which xlwings puts in a message box as it is."""
    command = run_python_command((MACROS / "XlPlans.bas").read_text(encoding="utf-8"), action)
    # -I -S: no site-packages, so no xl_plans; from a folder without it, as Excel runs Python.
    done = subprocess.run([sys.executable, "-I", "-S", "-B", "-c", command], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == (
        f"Service Plans: the Python that Excel runs ({sys.executable}) cannot load xl_plans (No "
        "module named 'xl_plans'). Install xl_plans for that Python, as the install guide "
        "says.\n")


def test_xlwings_module_is_the_installed_one_configured_as_ours() -> None:
    installed = installed_xlwings_bas().splitlines()
    ours = addin.xlwings_module().code.splitlines()
    changed = [(a, b) for a, b in zip(installed, ours, strict=True) if a != b]
    assert changed == [('Public Const PROJECT_NAME As String = "myaddin"',
                        'Public Const PROJECT_NAME As String = "xlplans"')]
    assert "'xlwings is distributed under a BSD 3-clause license." in ours  # licence kept


# ---------------------------------------------------------------------------------------------
# The add-in: the committed one, and one rebuilt from the sources now


def leftover_processes(marker: str) -> list[str]:
    """Command lines of running processes that mention `marker` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if entry.name.isdigit() and marker in line and str(os.getpid()) != entry.name:
            found.append(line)
    return found


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if NO_LIBREOFFICE:
        pytest.skip("XL_PLANS_NO_LIBREOFFICE=1: the add-in is not rebuilt with LibreOffice")
    path = tmp_path_factory.mktemp("addin") / "XlPlans.xlam"
    temp = tmp_path_factory.mktemp("build-temp")  # where the build keeps LibreOffice's profile
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(temp))
        result = CliRunner().invoke(main, ["addin", "build", "-o", str(path)])
    assert result.exit_code == 0, (
        "xl-plans addin build failed; it needs LibreOffice headless (.ci/run installs it), or "
        f"set XL_PLANS_NO_LIBREOFFICE=1 to leave the rebuild out:\n{result.output}")
    assert f"Built {path}" in result.output
    assert leftover_processes(str(temp)) == [], "LibreOffice was left running"
    assert list(temp.iterdir()) == [] and list(path.parent.iterdir()) == [path]
    return path


@pytest.fixture(params=["committed", "rebuilt"])
def xlam(request: pytest.FixtureRequest) -> Path:
    if request.param == "committed":
        assert COMMITTED.is_file(), "workbooks/XlPlans.xlam is missing: xl-plans addin build"
        return COMMITTED
    path: Path = request.getfixturevalue("rebuilt")
    return path


def part(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read(name)


def test_workbook_part_is_an_add_in(xlam: Path) -> None:
    types_ = SafeET.fromstring(part(xlam, "[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types_.iter(f"{CT}Override")}
    assert overrides["/xl/workbook.xml"] == ADDIN_TYPE
    rels = SafeET.fromstring(part(xlam, "xl/_rels/workbook.xml.rels"))
    assert [r.get("Target") for r in rels.iter(f"{REL}Relationship")
            if r.get("Type") == VBA_REL] == ["vbaProject.bin"]


def test_ribbon_part_is_the_source_and_linked_from_the_root(xlam: Path) -> None:
    custom_ui = part(xlam, "customUI/customUI.xml")
    assert custom_ui == (MACROS / "customUI.xml").read_bytes(), (
        "the add-in's ribbon is not macros/customUI.xml: run xl-plans addin build")
    assert SafeET.fromstring(custom_ui).tag == f"{UI}customUI"
    rels = SafeET.fromstring(part(xlam, "_rels/.rels"))
    assert [r.get("Target") for r in rels.iter(f"{REL}Relationship")
            if r.get("Type") == RIBBON_REL] == ["customUI/customUI.xml"]


def test_vba_modules_read_back_equal_the_sources(xlam: Path) -> None:
    assert modules_in(xlam) == expected_modules(), (
        "the add-in's VBA differs from macros/*.bas or the installed xlwings: "
        "run xl-plans addin build")


def test_every_on_action_is_a_ribbon_callback_in_the_add_in(xlam: Path) -> None:
    modules = modules_in(xlam)
    for button in buttons():
        module, procedure = (button.get("onAction") or "").split(".")
        assert is_ribbon_callback(modules[module], procedure), button.get("onAction")


def test_vba_project_references_the_office_library(xlam: Path) -> None:
    """The callback's IRibbonControl type comes from the Office library, by its GUID."""
    with olefile.OleFileIO(io.BytesIO(part(xlam, "xl/vbaProject.bin"))) as ole:
        references = bytes(decompress_stream(bytearray(ole.openstream("VBA/dir").read())))
    assert b"{2DF8D04C-5BFA-101B-BDE5-00AA0044DE52}" in references


def test_libreoffice_reads_the_vba_back(xlam: Path, tmp_path: Path) -> None:
    """A real spreadsheet application opens the package and keeps our modules. LibreOffice does
    not open add-ins, so it gets a copy declared as a macro-enabled workbook."""
    if NO_LIBREOFFICE:
        pytest.skip("XL_PLANS_NO_LIBREOFFICE=1: LibreOffice does not open the add-in")
    copy = tmp_path / "as_workbook.xlsm"
    with zipfile.ZipFile(xlam) as source, zipfile.ZipFile(copy, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(ADDIN_TYPE.encode(), b"application/vnd.ms-excel.sheet."
                                    b"macroEnabled.main+xml")
            target.writestr(info, data)
    (tmp_path / "out").mkdir()
    saved = convert(copy, "xlsm:Calc MS Excel 2007 VBA XML", tmp_path / "out")
    # Each LibreOffice load and save adds a line end to every module; the rest must be intact.
    assert {name: code.rstrip("\n") for name, code in modules_in(saved).items()} == {
        name: code.rstrip("\n") for name, code in expected_modules().items()}


# ---------------------------------------------------------------------------------------------
# Build failures: each a clear message, nothing written, nothing left running


def write_macros(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


GOOD_BAS = 'Attribute VB_Name = "XlPlans"\r\nOption Explicit\r\n'
GOOD_UI = '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>'


@pytest.mark.parametrize(("files", "message"), [
    ({"customUI.xml": GOOD_UI}, "No VBA sources (*.bas)"),
    ({"XlPlans.bas": "Option Explicit\r\n", "customUI.xml": GOOD_UI},
     'XlPlans.bas: the first line must be Attribute VB_Name = "<module name>"'),
    ({"XlPlans.bas": 'Attribute VB_Name = "Ribbon"\r\n', "customUI.xml": GOOD_UI},
     'the module is named "Ribbon" but the file "XlPlans.bas"'),
    ({"XlPlans.bas": GOOD_BAS + "' Done \u2713\r\n", "customUI.xml": GOOD_UI},
     "XlPlans.bas, line 3: a character VBA cannot store"),
    ({"XlPlansAddin.bas": 'Attribute VB_Name = "XlPlansAddin"\r\n', "customUI.xml": GOOD_UI},
     "VBA module names must be unique and differ from the project (XlPlansAddin)"),
    ({"XlPlans.bas": GOOD_BAS}, "customUI.xml is missing"),
    ({"XlPlans.bas": GOOD_BAS, "customUI.xml": "<customUI><ribbon></customUI>"},
     "customUI.xml is not well-formed XML (mismatched tag: line 1"),
])
def test_bad_sources_are_refused_before_building(
        files: dict[str, str], message: str, tmp_path: Path) -> None:
    macros = write_macros(tmp_path / "macros", files)
    output = tmp_path / "XlPlans.xlam"
    with pytest.raises(AddinBuildError) as caught:
        build_addin(output, macros=macros)
    assert message in str(caught.value)
    assert not output.exists()


def test_a_changed_xlwings_module_is_not_used_blindly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "xlwings_custom_addin.bas").write_text(
        'Attribute VB_Name = "xlwings"\r\nPublic Const PROJECT_NAME = "myaddin"\r\n')
    monkeypatch.setattr(addin, "xlwings_dir", lambda: tmp_path)
    with pytest.raises(AddinBuildError, match="changed its custom add-in module"):
        addin.xlwings_module()


def test_missing_libreoffice_is_a_plain_cli_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on it
    output = tmp_path / "XlPlans.xlam"
    result = CliRunner().invoke(main, ["addin", "build", "-o", str(output)])
    assert result.exit_code == 2
    assert f"LibreOffice is not installed: {INSTALL_HINT}." in result.output
    assert "Traceback" not in result.output and not output.exists()


def test_missing_uno_bridge_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(addin, "SYSTEM_PYTHON", tmp_path / "no-python")
    with pytest.raises(LibreOfficeMissing, match="Python bridge \\(uno\\) is not installed"):
        addin.find_uno_python(str(tmp_path / "soffice"))


def test_an_output_that_is_not_an_add_in_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["addin", "build", "-o", str(tmp_path / "XlPlans.xlsm")])
    assert result.exit_code == 2 and "the add-in must be an .xlam file" in result.output


@pytest.fixture
def fake_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Replace LibreOffice and its Python with a script running the given Python body, which
    receives the build's job as `job`: to reach every way the LibreOffice step can fail."""

    def use(body: str) -> None:
        script = tmp_path / "fake-python"
        script.write_text(f"#!{sys.executable}\nimport json, sys, time, zipfile\n"
                          f"job = json.load(sys.stdin)\n{textwrap.dedent(body)}")
        script.chmod(0o755)
        monkeypatch.setattr(addin, "find_soffice", lambda: "soffice")
        monkeypatch.setattr(addin, "find_uno_python", lambda soffice: str(script))

    return use


@pytest.mark.parametrize(("body", "message"), [
    ("print('RuntimeError: LibreOffice stopped', file=sys.stderr); sys.exit(1)",
     "LibreOffice could not write the VBA project: RuntimeError: LibreOffice stopped"),
    ("sys.exit(0)", "LibreOffice finished but wrote no VBA project"),
    ("""
     with zipfile.ZipFile(job["output"], "w") as book:
         book.writestr("xl/vbaProject.bin", b"not a VBA project")
     """, "LibreOffice wrote a VBA project without the modules XlPlans, xlwings"),
])
def test_libreoffice_failures_are_reported(
        body: str, message: str, fake_office: Callable[[str], None], tmp_path: Path) -> None:
    fake_office(body)
    output = tmp_path / "XlPlans.xlam"
    with pytest.raises(AddinBuildError) as caught:
        build_addin(output)
    assert message in str(caught.value)
    assert not output.exists()


def test_a_stuck_libreoffice_is_ended_at_the_timeout(
        fake_office: Callable[[str], None], tmp_path: Path) -> None:
    marker = str(tmp_path / "stuck")
    fake_office(f"""
     import subprocess
     # Like LibreOffice: a process of its own, not holding the script's output pipes.
     subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", {marker!r}],
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
     time.sleep(120)
     """)
    with pytest.raises(AddinBuildError, match="did not finish writing the VBA project within 2 "):
        build_addin(tmp_path / "XlPlans.xlam", timeout=2)
    assert leftover_processes(marker) == []


def test_libreoffice_that_will_not_start_is_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if NO_LIBREOFFICE:
        pytest.skip("XL_PLANS_NO_LIBREOFFICE=1: LibreOffice's Python bridge is not used")
    soffice = tmp_path / "soffice"
    soffice.write_text("#!/bin/sh\nexit 3\n")
    soffice.chmod(0o755)
    monkeypatch.setattr(addin, "find_soffice", lambda: str(soffice))
    with pytest.raises(AddinBuildError) as caught:
        build_addin(tmp_path / "XlPlans.xlam")
    assert str(caught.value) == ("LibreOffice could not write the VBA project: RuntimeError: "
                                 "LibreOffice stopped while starting (exit status 3).")


def test_package_holds_the_vba_project_the_ribbon_and_the_config_sheet() -> None:
    vba_project = part(COMMITTED, "xl/vbaProject.bin")
    xlam = addin.package_addin(vba_project, b"<ribbon/>")
    with zipfile.ZipFile(io.BytesIO(xlam)) as package:
        assert package.testzip() is None
        assert package.read("xl/vbaProject.bin") == vba_project
        assert package.read("customUI/customUI.xml") == b"<ribbon/>"
        sheet = SafeET.fromstring(package.read("xl/workbook.xml")).find(
            ".//{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet")
        assert sheet is not None and sheet.get("name") == "_xlplans.conf"
