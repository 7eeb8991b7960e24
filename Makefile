# The two commands of the README: `make run` and `make test`. Both build what they
# need first: the virtual environment, the Python packages, the Debian packages.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_HOME := build/demo-home

.PHONY: run test bench bundle bench-bundle system-deps clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || packaging/system-deps.sh python3-venv
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip 'setuptools>=70.1'
	$(PY) -m pip install --quiet -e '.[test,voix]'
	rm -f $(VENV)/.installed-*
	touch $@

system-deps:
	@packaging/system-deps.sh

run: $(STAMP) system-deps
	@if [ -z "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "Pas d'écran ici : Atelier est un programme à fenêtres."; \
	  echo "Lancez « make run » depuis une session graphique, ou sur un écran virtuel :"; \
	  echo "  xvfb-run -s '-screen 0 1280x800x24' make run"; \
	  exit 1; \
	fi
	ATELIER_HOME=$(DEMO_HOME) $(PY) -m atelier demo --if-needed
	ATELIER_HOME=$(DEMO_HOME) $(PY) -m atelier

test: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

# The one-folder bundle for this platform in dist/atelier/, checked by its own
# --self-test, and its archive in dist/ (see packaging/build.py).
bundle: $(STAMP) system-deps
	$(PY) packaging/build.py

# The bundle beside a plain PyInstaller bundle of a bare PySide6 window: size, archive,
# start-up and memory (builds both first).
bench-bundle: bundle
	QT_QPA_PLATFORM=offscreen $(PY) -m bench bundle

clean:
	rm -rf $(VENV) build dist
