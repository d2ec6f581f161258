#!/usr/bin/env bash
# CI, after the tests: build the Linux installer (build_installer.py) and check the frozen app:
# its --self-test, then the packaging tests run against the bundle (PLEODESK_BUNDLE).
# Installs what the build needs: binutils (PyInstaller's objdump) with apt, PyInstaller with pip.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

APT_PACKAGES=(binutils)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || ./scripts/install.sh --test

export QT_QPA_PLATFORM=offscreen
.venv/bin/python build_installer.py
bundle=dist/pleodesk/pleodesk
echo "bundle: $(du -sh dist/pleodesk | cut -f1), $(ls dist/*.tar.gz)"
timeout 300 "$bundle" --self-test
PLEODESK_BUNDLE="$bundle" .venv/bin/python -m pytest -q -p no:cacheprovider tests/packaging -k bundle
echo "ci_bundle.sh took $(( $(date +%s) - started )) s"
