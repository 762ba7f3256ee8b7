#!/usr/bin/env bash
# Install (or remove) the unpacked bundle with a menu entry and icon.
#   sudo ./install.sh              -> /opt/inventory-app, /usr/local/bin/inventory-app, menu entry for everyone
#   ./install.sh                   -> ~/.local/opt/inventory-app, ~/.local/bin/inventory-app, your menu only
#   [sudo] ./install.sh --uninstall   removes the program; your data in ~/.local/share/SchoolDeviceInventory stays
# Running it again with a newer tarball upgrades in place.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
if [[ $(id -u) == 0 ]]; then
    PREFIX=/opt/inventory-app; BIN=/usr/local/bin; SHARE=/usr/share
else
    PREFIX="$HOME/.local/opt/inventory-app"; BIN="$HOME/.local/bin"; SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
if [[ "${1:-}" == "--uninstall" ]]; then
    rm -rf "$PREFIX" "$BIN/inventory-app" "$SHARE/applications/inventory-app.desktop" \
           "$SHARE/icons/hicolor/256x256/apps/inventory-app.png" "$SHARE/icons/hicolor/scalable/apps/inventory-app.svg"
    echo "Removed the program. Your store, backups and logs were left in place."
    exit 0
fi
rm -rf "$PREFIX.new"
mkdir -p "$PREFIX.new" "$BIN" "$SHARE/applications" "$SHARE/icons/hicolor/256x256/apps" "$SHARE/icons/hicolor/scalable/apps"
cp -a "$HERE/inventory-app/." "$PREFIX.new/"
rm -rf "$PREFIX" && mv "$PREFIX.new" "$PREFIX"
ln -sf "$PREFIX/inventory-app" "$BIN/inventory-app"
install -m 644 "$HERE/share/inventory-app.png" "$SHARE/icons/hicolor/256x256/apps/inventory-app.png"
install -m 644 "$HERE/share/inventory-app.svg" "$SHARE/icons/hicolor/scalable/apps/inventory-app.svg"
sed "s|@BINDIR@|$PREFIX|" "$HERE/share/inventory-app.desktop" > "$SHARE/applications/inventory-app.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
echo "Installed in $PREFIX; start it from the menu or with: inventory-app"
