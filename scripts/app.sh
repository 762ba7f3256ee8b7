#!/usr/bin/env bash
# Set up (first time only) and start the desktop app on the default local store.
# Extra arguments go to the app, e.g. `scripts/app.sh demo` or `scripts/app.sh --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec "${INVENTORY_VENV:-.venv}/bin/python" main.py "$@"
