#!/usr/bin/env bash
# Installs everything and opens the app on the demo company (a local sandbox of Pleo and a ledger).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
exec .venv/bin/pleodesk --demo "$@"
