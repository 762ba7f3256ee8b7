#!/usr/bin/env bash
# Pack the one-folder bundle with its .desktop entry, icon and installer script.
# Usage: installer/linux/make_tarball.sh dist/inventory-app dist/inventory-app-<version>-linux-<arch>.tar.gz
# (build.py --tarball calls this.) Layout inside the tarball:
#   inventory-app-<version>/inventory-app/...        the bundle (run inventory-app/inventory-app directly, or)
#   inventory-app-<version>/install.sh               install with a menu entry (see its header)
#   inventory-app-<version>/share/                   .desktop template, PNG and SVG icons
set -euo pipefail
BUNDLE=$(realpath "$1"); OUT=$(realpath -m "$2")
HERE="$(cd "$(dirname "$0")" && pwd)"; ROOT="$(cd "$HERE/../.." && pwd)"
NAME=$(basename "$OUT" .tar.gz); NAME=${NAME%-linux-*}
[[ -x "$BUNDLE/inventory-app" ]] || { echo "no bundle at $BUNDLE (run installer/build.py)" >&2; exit 1; }
STAGE=$(mktemp -d); trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/$NAME/share"
cp -a "$BUNDLE" "$STAGE/$NAME/inventory-app"
install -m 755 "$HERE/install.sh" "$STAGE/$NAME/install.sh"
install -m 644 "$HERE/inventory-app.desktop" "$STAGE/$NAME/share/inventory-app.desktop"
install -m 644 "$ROOT/resources/icons/inventory.png" "$STAGE/$NAME/share/inventory-app.png"
install -m 644 "$ROOT/resources/icons/inventory.svg" "$STAGE/$NAME/share/inventory-app.svg"
tar -C "$STAGE" --owner=0 --group=0 -czf "$OUT" "$NAME"
echo "$OUT"
