"""``labels``: a PDF of asset-tag or room labels for a sheet or a label printer.

Qt (QPdfWriter) is imported only when a PDF is written, as ``gui`` does, so other commands stay light.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inventory_app.cli.output import OK, print_json, print_table
from inventory_app.context import AppContext
from inventory_app.core.errors import RejectedInput
from inventory_app.core.identifiers import make_tag
from inventory_app.core.out_files import check_out_file
from inventory_app.labels.layout import LabelContent, calibration_plan, check_fits, plan_sheets
from inventory_app.labels.printers import PrinterProfile, PrinterProfiles
from inventory_app.labels.service import LabelService
from inventory_app.labels.templates import (
    BUILTIN_TEMPLATES,
    DEFAULT_ROOM_TEMPLATE,
    DEFAULT_TEMPLATE,
    LabelTemplate,
    find_template,
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "labels",
        parents=[common],
        help="print asset-tag or room labels to a PDF",
        description="Labels for a site's devices (--site [--room]), a file of tags (--tags), new never-used "
        "tags (--new N --site S), or a site's rooms (--rooms --site S). Print the PDF at 100 % (actual size).",
    )
    p.add_argument("--site", help="site name or code")
    p.add_argument("--room", help="room code in the site")
    p.add_argument("--tags", type=Path, help="a text file of asset tags, one per line")
    p.add_argument("--new", type=int, metavar="N", help="allocate N new tags from this laptop's block")
    p.add_argument("--rooms", action="store_true", help="room labels (the code an audit scans to pick a room)")
    p.add_argument(
        "--template",
        help=f"template name (default {DEFAULT_TEMPLATE}; rooms {DEFAULT_ROOM_TEMPLATE}), "
        "custom:COLSxROWS:WxH[:PXxPY[:LEFTxTOP]] or a JSON file",
    )
    p.add_argument(
        "--start-position",
        type=int,
        default=1,
        metavar="K",
        help="first free label on a half-used sheet (1 = top left, row by row)",
    )
    p.add_argument("--offset-x", type=float, metavar="MM", help="shift right (mm, negative = left)")
    p.add_argument("--offset-y", type=float, metavar="MM", help="shift down (mm, negative = up)")
    p.add_argument("--dpi", type=int, help="printer resolution the bars are laid out for (default: the template's)")
    p.add_argument("--printer", help="use (or with --save-offsets, store) this printer's offsets and dpi")
    p.add_argument("--save-offsets", action="store_true", help="remember --offset-x/-y/--dpi for --printer")
    p.add_argument("--owner", help="short owner text on each label (default: the site's name)")
    p.add_argument("--prefix", help="tag prefix for --new (default: the configured prefix)")
    p.add_argument("--calibration", action="store_true", help="a calibration page for the template instead")
    p.add_argument("--list-templates", action="store_true", help="list the label templates and exit")
    p.add_argument("--out", type=Path, help="the PDF to write")
    p.set_defaults(handler=cmd_labels)


def _template(args: argparse.Namespace) -> LabelTemplate:
    if args.template:
        return find_template(args.template)
    return find_template(DEFAULT_ROOM_TEMPLATE if args.rooms else DEFAULT_TEMPLATE)


def _list_templates(args: argparse.Namespace) -> int:
    if args.json:
        print_json([t.to_json() for t in BUILTIN_TEMPLATES])
    else:
        print_table(
            ["name", "labels/page", "label mm", "dpi", "description"],
            [
                (t.name, t.per_page, f"{t.label_width_mm:g} x {t.label_height_mm:g}", t.default_dpi, t.title)
                for t in BUILTIN_TEMPLATES
            ],
        )
    return OK


def cmd_labels(ctx: AppContext, args: argparse.Namespace) -> int:
    if args.list_templates:
        return _list_templates(args)
    if args.out is None:
        raise RejectedInput("say where to write the PDF: --out FILE.pdf")
    check_out_file(args.out, example="labels.pdf")
    template = _template(args)
    profiles = PrinterProfiles(ctx.paths.config_dir)
    profile = profiles.get(args.printer) if args.printer else PrinterProfile()
    offset_x = args.offset_x if args.offset_x is not None else profile.offset_x_mm
    offset_y = args.offset_y if args.offset_y is not None else profile.offset_y_mm
    dpi = args.dpi or profile.dpi or template.default_dpi
    if args.save_offsets:
        if not args.printer:
            raise RejectedInput("--save-offsets needs --printer NAME")
        profiles.save(args.printer, PrinterProfile(offset_x, offset_y, args.dpi or profile.dpi))

    new_tags: list[str] = []
    if args.calibration:
        plan = calibration_plan(template, dpi=dpi, offset_x_mm=offset_x, offset_y_mm=offset_y)
    else:
        contents = _contents(ctx, args, template, dpi, new_tags)
        plan = plan_sheets(
            contents, template, dpi=dpi, start_position=args.start_position, offset_x_mm=offset_x, offset_y_mm=offset_y
        )
    from inventory_app.ui.label_pdf import ensure_painting_possible, write_pdf

    ensure_painting_possible()

    pages = write_pdf(plan, args.out, title="Calibration" if args.calibration else "Labels")
    labels = plan.labels
    module_mm = min((lbl.barcode.module_mm for lbl in labels if lbl.barcode), default=None)
    if args.json:
        print_json(
            {
                "out": str(args.out),
                "template": template.name,
                "dpi": plan.dpi,
                "pages": pages,
                "labels": 0 if args.calibration else len(labels),
                "start_position": args.start_position,
                "offset_x_mm": offset_x,
                "offset_y_mm": offset_y,
                "module_mm": round(module_mm, 3) if module_mm else None,
                "new_tags": new_tags,
            }
        )
    else:
        what = "calibration page" if args.calibration else f"{len(labels)} labels"
        detail = f", bars {module_mm:.3f} mm per module at {plan.dpi} dpi" if module_mm else ""
        print(f"Wrote {what} on {pages} page(s) of {template.name} to {args.out}{detail}.")
        if new_tags:
            print(f"New tags {new_tags[0]} … {new_tags[-1]} are reserved and will not be issued again.")
        print("Print at 100 % (actual size), not 'fit to page'.")
    return OK


def _contents(
    ctx: AppContext, args: argparse.Namespace, template: LabelTemplate, dpi: int, new_tags: list[str]
) -> list[LabelContent]:
    service = LabelService(ctx.store, ctx.config.tag_prefix)
    sources = sum(1 for chosen in (args.tags is not None, args.new is not None, args.rooms) if chosen)
    if sources > 1:
        raise RejectedInput("choose one of --tags FILE, --new N or --rooms")
    if args.tags is not None:
        return service.tag_labels_from_file(args.tags, owner=args.owner or "")
    if not args.site:
        raise RejectedInput("say which site: --site S (or give --tags FILE)")
    site_name = service.site_name(args.site)
    if args.rooms:
        return service.room_labels(args.site, args.room)
    if args.new is not None:
        prefix = (args.prefix or ctx.config.tag_prefix).strip().upper()
        # Check that the tags fit before reserving them: a refused template must not burn numbers.
        probes = [
            LabelContent(make_tag(prefix, n), make_tag(prefix, n), args.owner or site_name)
            for n in range(999_963, 1_000_000)
        ]
        check_fits(probes, template, dpi)
        contents = service.new_tag_labels(args.new, owner=args.owner or site_name, prefix=prefix)
        new_tags.extend(c.code for c in contents)
        return contents
    return service.device_labels(args.site, args.room, owner=args.owner)
