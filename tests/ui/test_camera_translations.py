"""Every user-visible sentence of the camera UI has a Finnish translation in resources/i18n/scanning_fi.ts."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["camera_panel.py", "camera_preview.py", "camera_worker.py", "camera_settings.py"]


def translatable(path: Path) -> set[tuple[str, str]]:
    """(context, source) of each self.tr("...") and QCoreApplication.translate("Ctx", "...") call."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
        for node in ast.walk(cls):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            if node.func.attr == "tr" and isinstance(cls, ast.ClassDef) and isinstance(node.args[0], ast.Constant):
                found.add((cls.name, node.args[0].value))
            elif node.func.attr == "translate" and all(isinstance(a, ast.Constant) for a in node.args[:2]):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_camera_sentence_is_translated_to_finnish() -> None:
    wanted = set().union(*(translatable(ROOT / "inventory_app" / "ui" / m) for m in MODULES))
    ts = ET.parse(ROOT / "resources" / "i18n" / "scanning_fi.ts").getroot()
    have = {
        (ctx.findtext("name"), msg.findtext("source")): msg.findtext("translation")
        for ctx in ts.iter("context")
        for msg in ctx.iter("message")
    }
    missing = sorted(w for w in wanted if not have.get(w))
    assert len(wanted) > 20 and missing == []
    # Placeholders survive translation, or the camera's name would vanish from the message.
    assert all(src.count("{0}") == have[(ctx, src)].count("{0}") for ctx, src in wanted)
