#!/usr/bin/env bash
# Prepare this checkout to run xl_plans: a virtual environment in .venv with xl_plans and its
# test tools installed, and (with --libreoffice) LibreOffice headless, which the tests use as a
# real spreadsheet application. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--libreoffice" ]] && ! command -v soffice >/dev/null 2>&1; then
    echo "Installing LibreOffice headless (used by the tests to open our workbooks)..."
    if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        libreoffice-calc-nogui python3-uno >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
    "$PYTHON" -m venv .venv
fi
# Reinstall when pyproject.toml changed since the last install.
if [[ ! -f .venv/.installed || pyproject.toml -nt .venv/.installed ]]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[test]"
    touch .venv/.installed
fi
