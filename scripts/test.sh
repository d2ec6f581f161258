#!/usr/bin/env bash
# Installs everything and runs all tests (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh --test
export QT_QPA_PLATFORM=offscreen
# Two worker processes (PYTEST_WORKERS=0 for one), a test file's tests kept in one of them: most tests
# wait on HTTP over loopback or on a killed and restarted pleodesk, not on the CPU.
exec .venv/bin/python -m pytest -q -p no:cacheprovider -n "${PYTEST_WORKERS:-2}" --dist loadfile "$@"
