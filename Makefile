# carerouter — the single entry point for installing, running, testing and linting.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PROTO_SRC := $(wildcard protos/carerouter/v1/*.proto)
PROTO_OUT := services

.PHONY: install run test test-unit test-integration proto lint typecheck bench bench-sla bench-classify eval train clean

$(BIN)/python:
	@$(PYTHON) -c "import sys; assert sys.version_info[:2] == (3, 11)" 2>/dev/null || { echo "Python 3.11 is required ($(PYTHON) is not); set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install carerouter with its dev tools

run: install ## embedded broker + all services + the demo stream
	$(BIN)/carerouter run

test: install ## the whole suite, integration tests against a real broker included
	$(BIN)/python -m pytest

test-unit: install
	$(BIN)/python -m pytest -m "not integration"

test-integration: install
	$(BIN)/python -m pytest -m integration

test-rebalance: install ## only the scale-out tests of notify and route (part of make test too)
	$(BIN)/python -m pytest tests/integration/test_pipeline.py -k ScaleOut

proto: install ## regenerate Python code from protos/
	$(BIN)/python -m grpc_tools.protoc -Iprotos \
		--python_out=$(PROTO_OUT) --grpc_python_out=$(PROTO_OUT) \
		--mypy_out=$(PROTO_OUT) --mypy_grpc_out=$(PROTO_OUT) \
		--plugin=protoc-gen-mypy=$(BIN)/protoc-gen-mypy \
		--plugin=protoc-gen-mypy_grpc=$(BIN)/protoc-gen-mypy_grpc \
		$(PROTO_SRC)

lint: install ## ruff and mypy --strict
	$(BIN)/ruff check services tests tools
	$(BIN)/ruff format --check services tests tools
	tools/mypy_tree.sh && $(BIN)/mypy

typecheck: install
	tools/mypy_tree.sh && $(BIN)/mypy

eval: install ## classifier quality: dev, dev2, test, fresh, fresh2 and leave-one-language-out figures
	$(BIN)/python -m carerouter.classify.eval

train: install ## rebuild the labelled set and the intent head from files in the repository
	$(BIN)/python tools/build_classify_data.py
	$(BIN)/python tools/train_classifier.py

bench: bench-sla bench-classify ## all benchmarks (figures as ratios to a same-run baseline)

bench-sla: install ## SLA timers: lateness of breaches with 100,000 open cases
	$(BIN)/python -m carerouter.notify.bench --cases 100000

bench-classify: install ## classifier throughput, latency, load time, model size
	OPENBLAS_NUM_THREADS=1 taskset -c 0 $(BIN)/python -m carerouter.classify.bench --out docs/classifier-bench.md --cascade-thresholds 0.65,0.75,1.01

clean:
	rm -rf $(VENV) .carerouter .pytest_cache .mypy_cache .ruff_cache
