#!/bin/sh
# Removes pleodesk's program, command, menu entry and icon (what install.sh put in place).
# Your data and your secrets stay; the end of this script's output says how to remove them too.
set -eu
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
PREFIX=${PLEODESK_PREFIX:-$HOME/.local/opt/pleodesk}
BIN_DIR=${PLEODESK_BIN_DIR:-$HOME/.local/bin}
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"

rm -f "$APPS/pleodesk.desktop" "$ICONS/scalable/apps/pleodesk.svg" "$ICONS/256x256/apps/pleodesk.png"
if [ -L "$BIN_DIR/pleodesk" ]; then rm -f "$BIN_DIR/pleodesk"; fi
case "$PREFIX" in
  */pleodesk) rm -rf "$PREFIX" "$PREFIX.new" "$PREFIX.old" ;;
  *) echo "uninstall.sh: refusing to delete $PREFIX (not a pleodesk folder)" >&2; exit 1 ;;
esac
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" 2>/dev/null || true

echo "pleodesk is removed."
echo "Kept: your data in $DATA_HOME/pleodesk (connections, mappings, export history, receipts, logs)"
echo "  and the API keys and tokens in your keyring (service \"pleodesk\")."
echo "To remove them too:"
echo "  rm -rf \"$DATA_HOME/pleodesk\""
echo "  secret-tool clear service pleodesk    # or delete the \"pleodesk\" entries in Passwords and Keys (Seahorse) / KWalletManager"
