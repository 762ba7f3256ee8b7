#!/usr/bin/env bash
# Set up (first time only) and run the checks and the whole test suite: ruff (lint and format), the
# layering contracts, mypy over the whole package (configured in pyproject.toml), then pytest.
# PostgreSQL tests use $INVENTORY_TEST_PG_URL (default: the local server); with CI=true they fail
# instead of skipping when it cannot be reached. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
PY="${INVENTORY_VENV:-.venv}/bin"
export INVENTORY_TEST_PG_URL="${INVENTORY_TEST_PG_URL:-postgresql://postgres@127.0.0.1:5432/test}"
"$PY/ruff" check .
"$PY/ruff" format --check .
"$PY/lint-imports" --no-cache >/dev/null || "$PY/lint-imports" --no-cache
"$PY/mypy" inventory_app
exec "$PY/python" -m pytest "$@"
