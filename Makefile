# The two everyday commands (see README.md). Each installs what it needs first.
.PHONY: council summary test lint examples

# The main job: consolidate the example plans into a council summary (out/council-summary.xlsx
# and out/csv/). Exit code 1 from xl-plans means "completed with problems" (three examples are
# plans for other years, listed on Data Quality): the summary is written, so make carries on.
council:
	@scripts/setup.sh
	@mkdir -p out
	.venv/bin/xl-plans consolidate workbooks/examples --quarter Q1 --year 2022/23 \
		--as-of 2022-08-12 -o out/council-summary.xlsx --csv-dir out/csv || [ $$? -eq 1 ]

# What each example plan holds.
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
