# Set-up from a clean clone: `make demo` and `make test` each build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint clean schema

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.demo: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.demo

demo: $(VENV)/.demo
	$(BIN)/systeemkaart validate examples/*.yaml
	$(BIN)/systeemkaart demo examples --out-dir out

test: $(VENV)/.test
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -n auto

schema: $(VENV)/.demo
	$(BIN)/systeemkaart schema -o schemas/case.schema.json

clean:
	rm -rf $(VENV) out
