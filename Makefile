# Everything a developer or CI needs. The venv is created on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check --quiet
export QT_QPA_PLATFORM ?= offscreen

.PHONY: run test test-fast lint fuzz bench tour bundle dist cache translations clean

$(VENV)/.base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(PIP) install -e '.[test,dev]'
	touch $@

# `run` must show a real window, so it does not inherit the offscreen default.
run: $(VENV)/.base
	env -u QT_QPA_PLATFORM $(VENV)/bin/serotonin-app $(ARGS)

test: $(VENV)/.dev
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.dev
	$(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Fuzz the content loaders (tests/unit/test_fuzz.py with the Hypothesis profile "fuzz":
# 2,000 inputs per test instead of 500), run after run with fresh random inputs until
# FUZZ_MINUTES have passed; the run under way when time is up is finished, so it can
# take a minute or two longer. Stops at the first failure; Hypothesis keeps the failing
# input in .hypothesis/, so the next `make test` tries it first. make fuzz FUZZ_MINUTES=2
FUZZ_MINUTES ?= 10
fuzz: $(VENV)/.dev
	@end=$$(( $$(date +%s) + $(FUZZ_MINUTES) * 60 )); run=0; \
	while [ $$(date +%s) -lt $$end ]; do \
		run=$$((run + 1)); echo "fuzz run $$run"; \
		HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/unit/test_fuzz.py -q -x -p no:cacheprovider $(PYTEST_ARGS) || exit 1; \
	done

bench: $(VENV)/.dev
	$(PY) benchmarks/run.py --bundle $(BENCH_ARGS)

# Screenshots of every page in every colour scheme and size, plus the exported PDFs as PNGs,
# into tour/ for a person to look at. Redo one part: make tour TOUR_ARGS="--scheme dark --page quiz".
tour: $(VENV)/.dev
	$(PY) tools/tour.py $(TOUR_ARGS)

# Re-render the bundled lessons' start-up cache after changing a lesson or the renderer
# (a test fails until you do).
cache: $(VENV)/.base
	$(PY) -m serotonin_app.make_cache

# Refresh the interface strings to translate (serotonin_app/translations/*.ts) from the code,
# then compile them to the .qm files the app loads (both are committed; a test fails when a
# .qm no longer matches its .ts). Start a new language: copy a .ts, set its language, run this.
TS_FILES := $(wildcard serotonin_app/translations/serotonin_*.ts)
translations: $(VENV)/.base
	$(VENV)/bin/pyside6-lupdate -extensions py -locations none -no-obsolete serotonin_app -ts $(TS_FILES)
	for ts in $(TS_FILES); do $(VENV)/bin/pyside6-lrelease -nounfinished -removeidentical $$ts -qm $${ts%.ts}.qm || exit 1; done
	# A content pack's own interface strings (tests/packs/arabic): compiled, never extracted.
	for ts in tests/packs/*/translations/*.ts; do $(VENV)/bin/pyside6-lrelease -nounfinished -removeidentical $$ts -qm $${ts%.ts}.qm || exit 1; done

# One-folder PyInstaller bundle for offline clinic PCs: dist/serotonin-app/
bundle: $(VENV)/.dev
	$(PY) -m PyInstaller --noconfirm --log-level WARN build.spec

# Wheel and sdist in dist/ (built offline with the installed hatchling).
dist: $(VENV)/.dev
	$(PY) -m pip wheel --no-deps --no-build-isolation -q -w dist .
	$(PY) -c "import sys; from hatchling.builders.sdist import SdistBuilder; print(*SdistBuilder('.').build(directory='dist'))"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
