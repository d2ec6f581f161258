#!/usr/bin/env bash
# Installs everything and runs all tests (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh --test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
