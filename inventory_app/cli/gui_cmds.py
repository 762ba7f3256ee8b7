"""``gui``: the desktop app (also what runs with no sub-command)."""

from __future__ import annotations

import argparse

from inventory_app.context import AppContext


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("gui", help="start the desktop app (the default)")
    add_gui_arguments(p)
    p.set_defaults(handler=run_gui)


def add_gui_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--camera", help="camera index, a video file or a folder of images")
    p.add_argument("--lang", choices=["fi", "en"], help="user interface language")


def run_gui(ctx: AppContext, args: argparse.Namespace) -> int:
    # Qt is imported only when the window is wanted, so commands stay light.
    from inventory_app.ui.application import run

    return run(ctx, camera=getattr(args, "camera", None), lang=getattr(args, "lang", None))
