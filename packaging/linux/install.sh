#!/bin/sh
# Installs pleodesk for the current user (no administrator rights needed):
#   the program      -> ~/.local/opt/pleodesk/        (replaced as a whole on an upgrade)
#   the command      -> ~/.local/bin/pleodesk         (a link to the program)
#   the menu entry   -> ~/.local/share/applications/pleodesk.desktop
#   the icon         -> ~/.local/share/icons/hicolor/scalable/apps/pleodesk.svg (and 256x256 PNG)
# Your data (~/.local/share/pleodesk) and the secrets in your keyring are not touched.
# Run it from the unpacked folder: ./install.sh   (or double-click it and choose "Run").
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${PLEODESK_PREFIX:-$HOME/.local/opt/pleodesk}
BIN_DIR=${PLEODESK_BIN_DIR:-$HOME/.local/bin}
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"

if [ ! -x "$HERE/pleodesk" ] || [ ! -d "$HERE/_internal" ]; then
  echo "install.sh: run me from the unpacked pleodesk folder (pleodesk and _internal/ beside me)." >&2
  exit 1
fi
if [ "$HERE" = "$PREFIX" ]; then
  echo "pleodesk is already installed here ($PREFIX)."
  exit 0
fi

# Copy next to the old version first, then swap, so a failed copy leaves the old version working.
mkdir -p "$(dirname "$PREFIX")"
rm -rf "$PREFIX.new" "$PREFIX.old"
cp -Rp "$HERE" "$PREFIX.new"
rm -f "$PREFIX.new/install.sh"
if [ -e "$PREFIX" ]; then mv "$PREFIX" "$PREFIX.old"; fi
mv "$PREFIX.new" "$PREFIX"
rm -rf "$PREFIX.old"

mkdir -p "$BIN_DIR" "$APPS" "$ICONS/scalable/apps" "$ICONS/256x256/apps"
ln -sf "$PREFIX/pleodesk" "$BIN_DIR/pleodesk"
cp "$PREFIX/pleodesk.svg" "$ICONS/scalable/apps/pleodesk.svg"
[ -f "$PREFIX/pleodesk.png" ] && cp "$PREFIX/pleodesk.png" "$ICONS/256x256/apps/pleodesk.png"
# The menu entry runs the program by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=.*|Exec=\"$PREFIX/pleodesk\"|" -e "s|^TryExec=.*|TryExec=$PREFIX/pleodesk|" \
  "$PREFIX/pleodesk.desktop" > "$APPS/pleodesk.desktop"
chmod 644 "$APPS/pleodesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true

echo "pleodesk $(cat "$PREFIX/VERSION" 2>/dev/null || echo '') is installed in $PREFIX."
echo "Start it from your applications menu (Office > pleodesk) or with: $PREFIX/pleodesk"
echo "To remove it later: $PREFIX/uninstall.sh"
