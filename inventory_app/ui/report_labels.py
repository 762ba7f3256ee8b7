"""The reports the page offers, named in the window's language (the words live in ``reports/texts.py``)."""

from __future__ import annotations

from inventory_app.reports.texts import text

# Report name -> its English title; the CLI and the exports translate the same words.
REPORT_TITLES = {
    "inventory": "Device inventory",
    "target-gap": "Devices against target levels",
    "cost-per-pupil": "Annual device cost per pupil",
    "leasing": "Leases ending",
    "age": "Device age against expected lifetime",
    "reconciliation": "Billing reconciliation",
    "audit": "Audit results",
    "replacement-plan": "Replacement plan",
    "network": "Network problems per site",
    "transfers": "Suggested transfers between sites",
}


class ReportLabels:
    """``report_names()``: report name -> title in ``lang``, in the pickers' order."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def report_names(self) -> dict[str, str]:
        return {name: text(title, self.lang) for name, title in REPORT_TITLES.items()}
