#!/usr/bin/env bash
# Opens the app on the demo company (a local sandbox of Pleo and a ledger). Installs pleodesk the first
# time (or when pyproject.toml changed since); later starts are quiet.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "pleodesk is a desktop app and needs a desktop session: run this from a terminal in your desktop" >&2
  echo "(no DISPLAY or WAYLAND_DISPLAY is set here, e.g. over ssh)." >&2
  exit 1
fi
stamp=.venv/.pleodesk-installed
if [ ! -x .venv/bin/pleodesk ] || [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "Installing pleodesk (once; this takes a minute)…"
  log=$(mktemp)
  if ! ./scripts/install.sh >"$log" 2>&1; then
    cat "$log" >&2
    echo "The installation failed (above)." >&2
    exit 1
  fi
  rm -f "$log"
  touch "$stamp"
fi
exec .venv/bin/pleodesk --demo "$@"
