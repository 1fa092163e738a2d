# The two everyday commands (see README.md). Each installs what it needs first.
.PHONY: summary test lint examples

# The main job: read every example plan and summarise it.
summary:
	@scripts/setup.sh
	.venv/bin/xl-plans summary workbooks/examples

# The whole test suite, with LibreOffice headless as the real spreadsheet application.
test:
	@scripts/setup.sh --libreoffice
	.venv/bin/python -m pytest -q

lint:
	@scripts/setup.sh
	.venv/bin/ruff check xl_plans tests benchmarks workbooks
	.venv/bin/mypy xl_plans

# Rebuild workbooks/examples/*.xlsx from their transcriptions in workbooks/examples/source.
examples:
	@scripts/setup.sh
	.venv/bin/python workbooks/examples/build.py
