#!/usr/bin/env bash
# Set up everything the app and its tests need on Debian/Ubuntu: system libraries, a virtual
# environment with the Python packages from pyproject.toml, and the compiled translations.
# Idempotent and quiet when already done. Usage: scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
VENV=${INVENTORY_VENV:-$ROOT/.venv}
DEV=0
[[ "${1:-}" == "--dev" ]] && DEV=1

# System libraries: zbar for pyzbar, EGL/xkbcommon/fontconfig/dbus for Qt, PulseAudio client for
# QtMultimedia; Xvfb and a few xcb libraries for the on-screen smoke test and screenshots.
APT_PACKAGES=(libzbar0 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libpulse0
              libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
              libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
if [[ $DEV == 1 ]]; then APT_PACKAGES+=(xvfb poppler-utils); fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if (( ${#missing[@]} )); then
    echo "Installing system packages: ${missing[*]}"
    SUDO=""; [[ $(id -u) != 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python packages, straight from pyproject.toml (one list, no copy to keep in step).
PYTHON=${PYTHON:-python3}
if [[ ! -x "$VENV/bin/python" ]]; then
    echo "Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
fi
EXTRAS=""
[[ $DEV == 1 ]] && EXTRAS="dev"
STAMP="$VENV/.inventory-setup-$EXTRAS"
WANT=$(sha256sum pyproject.toml | cut -c1-16)
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$WANT" ]]; then
    echo "Installing Python packages into $VENV"
    mapfile -t REQS < <("$VENV/bin/python" - "$EXTRAS" <<'PY'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
reqs = list(project["dependencies"])
for extra in filter(None, sys.argv[1].split(",")):
    reqs += project["optional-dependencies"][extra]
print("\n".join(reqs))
PY
)
    # (grep drops this machine's harmless "Location ... is ignored" notices from pip's config)
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${REQS[@]}" 2>&1 | grep -v "^WARNING: Location" || true
    "$VENV/bin/python" -c "import PySide6, sqlalchemy, alembic, psycopg, cv2, zxingcpp, pyzbar, barcode" \
        || { echo "Python packages did not install; see the messages above" >&2; exit 1; }
    # opencv-python (not headless) ships Qt plugins that abort PySide6: make sure nothing pulled it in.
    if "$VENV/bin/python" -m pip show -q opencv-python >/dev/null 2>&1; then
        echo "opencv-python was pulled in by a dependency; removing it (it breaks Qt)" >&2
        "$VENV/bin/python" -m pip uninstall -y -q opencv-python
        "$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "opencv-python-headless>=4.8,<5.1"
    fi
    echo "$WANT" > "$STAMP"
fi

# Translations: .ts (in git) -> .qm (built here, never edited by hand).
"$VENV/bin/python" scripts/build_translations.py --quiet
