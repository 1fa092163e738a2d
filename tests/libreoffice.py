"""LibreOffice headless as a real spreadsheet application for checking the files we write."""

from __future__ import annotations

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
