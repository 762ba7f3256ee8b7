"""The Windows Inno Setup script cannot be compiled here: parse it and check what must hold."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "installer" / "windows" / "inventory-app.iss"
SPEC = ROOT / "installer" / "inventory-app.spec"
# Kept forever: changing it makes Windows see a different product (no upgrade, two copies).
APP_ID = "4564DCB5-3C7C-4048-A0FF-49212B5930E1"


def load_build_module():
    spec = importlib.util.spec_from_file_location("installer_build", ROOT / "installer" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse_iss(text: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(#define values, section -> its lines without comments)."""
    defines = dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, re.MULTILINE))
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#") or line.startswith("//"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return defines, sections


def expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)


def setup_values(sections: dict[str, list[str]]) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections["Setup"] if "=" in line)


def entries(sections: dict[str, list[str]], name: str) -> list[dict[str, str]]:
    out = []
    for line in sections.get(name, []):
        params = {}
        for part in re.findall(r'(\w+):\s*("[^"]*"|[^;]+)', line):
            params[part[0]] = part[1].strip().strip('"')
        out.append(params)
    return out


@pytest.fixture(scope="module")
def iss():
    text = ISS.read_text(encoding="utf-8")
    defines, sections = parse_iss(text)
    return text, defines, sections


def test_required_setup_fields(iss):
    text, defines, sections = iss
    setup = setup_values(sections)
    assert setup["AppId"] == "{{" + APP_ID + "}"
    assert f"AppId GUID = {APP_ID}" in text  # written down in a comment as well
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}")
    for key in (
        "AppName",
        "AppVersion",
        "AppPublisher",
        "VersionInfoVersion",
        "UninstallDisplayIcon",
        "OutputBaseFilename",
        "SetupIconFile",
    ):
        assert setup.get(key), key
    assert setup["UsePreviousAppDir"] == "yes" and setup["CloseApplications"] == "yes"  # upgrade in place
    assert (ISS.parent / PureWindowsPath(setup["SetupIconFile"]).as_posix()).resolve().is_file()


def test_version_comes_from_the_package(iss):
    _text, defines, _sections = iss
    assert defines["AppVersion"] == load_build_module().app_version()


def test_start_menu_entry_runs_the_app(iss):
    _text, defines, sections = iss
    icons = entries(sections, "Icons")
    start_menu = [i for i in icons if i["Name"].startswith("{autoprograms}")]
    assert start_menu and expand(start_menu[0]["Filename"], defines) == "{app}\\inventory-app.exe"


def test_silent_switches_are_documented(iss):
    text, _defines, _sections = iss
    for switch in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/LOG=", "unins000.exe"):
        assert switch in text, switch


def test_user_data_is_never_deleted(iss):
    _text, defines, sections = iss
    targets = [expand(e.get("Name", ""), defines).lower() for e in entries(sections, "UninstallDelete")]
    targets += [expand(e.get("Name", ""), defines).lower() for e in entries(sections, "InstallDelete")]
    for target in targets:
        assert target.startswith("{app}"), target  # only the program folder, never {localappdata} & co.


def test_every_files_source_is_what_build_py_produces(iss):
    _text, defines, sections = iss
    build = load_build_module()
    bundle = build.DIST / build.APP_NAME
    spec_text = SPEC.read_text(encoding="utf-8")
    # The spec names the two Windows programs that build.py's layout promises.
    assert f'APP_NAME = "{build.APP_NAME}"' in spec_text and 'name="inventory-cli"' in spec_text
    taken = set()
    for entry in entries(sections, "Files"):
        source = PureWindowsPath(expand(entry["Source"], defines))
        if "skipifsourcedoesntexist" in entry.get("Flags", ""):
            assert source.parts[0] == "redist"  # the optional VC++ redistributable, documented in README
            continue
        resolved = (ISS.parent / source.as_posix()).resolve()
        assert resolved.is_relative_to(bundle.resolve()), f"{source} is not inside {bundle}"
        top = resolved.relative_to(bundle.resolve()).parts[0]
        assert top in build.WINDOWS_BUNDLE_TOP, source
        taken.add(top)
    assert taken == set(build.WINDOWS_BUNDLE_TOP)  # nothing the build makes is left out


def test_a_built_bundle_has_the_layout_the_script_expects():
    build = load_build_module()
    bundle = build.DIST / build.APP_NAME
    if not bundle.exists():
        pytest.skip("no bundle built here (run installer/build.py)")
    assert (bundle / "_internal").is_dir()
    assert (bundle / "_internal" / "db" / "env.py").is_file()
    assert list((bundle / "_internal" / "resources" / "i18n").glob("*.qm"))
