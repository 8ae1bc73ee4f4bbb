# Two commands do all the set-up on a fresh machine:
#   make demo   quick reward-variance study on Gomoku 9x9 (embedded defaults), prints the table
#   make test   the whole test suite
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install -q

.PHONY: demo test test-fast bench clean

$(VENV)/.base: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $@

# torch is pinned here (a CPU build on this machine) before the [train] extra, so that the
# extra's torch>=2.4 is already satisfied and no multi-GB CUDA build is pulled in.
$(VENV)/.test: $(VENV)/.base setup.cfg
	$(PIP) torch==2.13.0
	$(PIP) -e .[dev,train,ray,svg]
	touch $@

demo: $(VENV)/.base
	$(VENV)/bin/rewarddial study Gomoku9x9-LLM-v0 --quick --out study-out/gomoku9

test: $(VENV)/.test
	$(PY) -m pytest -q -ra --timeout=900

test-fast: $(VENV)/.test
	$(PY) -m pytest -q -ra -m "not slow"

$(VENV)/.bench: $(VENV)/.base setup.cfg
	$(PIP) -e .[svg]
	touch $@

# every oracle's speed figures, each beside a reference measured in the same run (see benchmarks/README.md)
bench: $(VENV)/.bench
	$(PY) benchmarks/gomoku_playouts.py
	$(PY) benchmarks/gomoku_solver.py
	$(PY) benchmarks/gomoku_engine.py
	$(PY) benchmarks/doudizhu.py
	$(PY) benchmarks/code_sandbox.py
	$(PY) benchmarks/svg_render.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
