"""A report as a PDF drawn by Qt: title, scope, the chart, notes, totals and the tables (paged).

``write_report_pdf`` may run on a worker thread when it is handed the chart as an image (QtCharts
needs the GUI thread to lay out); the CLI calls it on the main thread and lets it draw the chart.
"""

from __future__ import annotations

import html
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from inventory_app.core.errors import RejectedInput
from inventory_app.reports.model import Kind, ReportResult
from inventory_app.reports.texts import format_value, localise, summary_rows, text
from inventory_app.ui.report_table_model import NUMERIC

# Rows per section in the PDF; the full table is in the CSV/XLSX export.
PDF_ROW_LIMIT = 1500
CHART_URL = "report://chart.png"


def ensure_application() -> Any:
    """A QApplication for the command line (offscreen when there is no display); the caller keeps it."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
    return app


def report_html(result: ReportResult, lang: str, has_chart: bool) -> str:
    """The report (computed in English) as HTML in ``lang``."""
    shown = localise(result, lang)

    def w(english: str) -> str:
        return html.escape(text(english, lang))

    parts = [
        "<html><body style='font-family: sans-serif; font-size: 8pt;'>",
        f"<h1 style='font-size: 16pt;'>{html.escape(shown.title)}</h1>",
        f"<p>{w('Scope')}: <b>{html.escape(shown.scope.name)}</b> &nbsp; {w('As of')}: "
        f"<b>{format_value(shown.as_of, Kind.DATE, lang)}</b></p>",
    ]
    if has_chart:
        parts.append(f"<p><img src='{CHART_URL}' width='640'></p>")
    for note in shown.notes:
        parts.append(f"<p><i>{html.escape(note)}</i></p>")
    totals = summary_rows(result, lang)
    if totals:
        parts.append(f"<h2 style='font-size: 11pt;'>{w('Totals')}</h2><table cellpadding='2'>")
        for label, value, kind in totals:
            parts.append(
                f"<tr><td>{html.escape(label)}</td>"
                f"<td align='right'>{html.escape(format_value(value, kind, lang))}</td></tr>"
            )
        parts.append("</table>")
    for section in shown.sections:
        parts.append(f"<h2 style='font-size: 11pt;'>{html.escape(section.title)} ({len(section.rows)})</h2>")
        if not section.rows:
            continue
        parts.append("<table border='1' cellspacing='0' cellpadding='2' style='border-collapse: collapse;'><tr>")
        parts += [f"<th bgcolor='#e8eef4'>{html.escape(c.label)}</th>" for c in section.columns]
        parts.append("</tr>")
        for row in section.rows[:PDF_ROW_LIMIT]:
            cells = []
            for c in section.columns:
                align = " align='right'" if c.kind in NUMERIC else ""
                cells.append(f"<td{align}>{html.escape(format_value(row.get(c.key), c.kind, lang))}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
        if len(section.rows) > PDF_ROW_LIMIT:
            more = text("{0} more rows are in the CSV and XLSX export.", lang)
            parts.append(f"<p><i>{html.escape(more.format(len(section.rows) - PDF_ROW_LIMIT))}</i></p>")
    parts.append("</body></html>")
    return "".join(parts)


def write_report_pdf(
    result: ReportResult,
    path: Path,
    *,
    chart: QImage | None = None,
    lang: str = "en",
    progress: Callable[..., None] | None = None,
) -> int:
    """Write the PDF; returns its page count. Without ``chart`` the chart is drawn here (GUI thread)."""
    app = ensure_application()  # noqa: F841 -- kept alive while painting
    if chart is None and result.chart is not None:
        from inventory_app.ui.report_chart import chart_image

        chart = chart_image(localise(result, lang).chart, lang=lang)  # type: ignore[arg-type]
    if progress:
        progress(1, 3, "")
    wide = max((len(s.columns) for s in result.sections), default=0) > 7
    writer = QPdfWriter(str(path))
    writer.setTitle(text(result.title, lang))
    writer.setCreator("School device inventory")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 8))
    if chart is not None:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), chart)
    document.setHtml(report_html(result, lang, chart is not None))
    if progress:
        progress(2, 3, "")
    document.print_(writer)
    del writer  # finishes the file
    if progress:
        progress(3, 3, "")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RejectedInput(f"cannot write {path}: {exc.strerror}") from exc
    return len(re.findall(rb"/Type\s*/Page\b", data))
