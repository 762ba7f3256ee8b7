"""Translated names for reports, sections, columns and chart series (English keys from reports/)."""

from __future__ import annotations

from PySide6.QtCore import QObject


class ReportLabels(QObject):
    """``labels()`` maps report names, section keys and column keys to the words people read."""

    def report_names(self) -> dict[str, str]:
        return {
            "inventory": self.tr("Device inventory"),
            "target-gap": self.tr("Devices against target levels"),
            "cost-per-pupil": self.tr("Annual device cost per pupil"),
            "leasing": self.tr("Leases ending"),
            "age": self.tr("Device age against expected lifetime"),
            "reconciliation": self.tr("Billing reconciliation"),
            "audit": self.tr("Audit results"),
            "replacement-plan": self.tr("Replacement plan"),
        }

    def labels(self) -> dict[str, str]:
        return {
            **self.report_names(),
            # sections
            "rows": self.tr("Rows"), "by_site": self.tr("Per site and group"), "areas": self.tr("Per area"),
            "contracts": self.tr("Contracts"), "devices": self.tr("Devices"), "units": self.tr("Units"),
            "billed_not_found": self.tr("Billed, not found"), "billed_twice": self.tr("Billed twice"),
            "found_not_billed": self.tr("Found, not billed"), "billed_to_other_unit": self.tr("Billed to another unit"),
            "found": self.tr("Found"), "moved": self.tr("Moved"), "unknown": self.tr("Unknown codes"),
            "missing": self.tr("Missing"),
            # columns
            "area": self.tr("Area"), "site": self.tr("Site"), "room": self.tr("Room"), "group": self.tr("Group"),
            "category": self.tr("Category"), "status": self.tr("Status"), "total": self.tr("Total"),
            "in_use": self.tr("In use"), "spare": self.tr("Spare"), "broken": self.tr("Broken"),
            "in_repair": self.tr("In repair"), "lost": self.tr("Lost"), "retired": self.tr("Retired"),
            "recycled": self.tr("Recycled"), "placeholder": self.tr("Placeholder"),
            "site_kind": self.tr("Site kind"), "target": self.tr("Group or category"), "basis": self.tr("Basis"),
            "per_unit": self.tr("Target per unit"), "base": self.tr("Pupils / staff / classrooms"),
            "required": self.tr("Required"), "shortage": self.tr("Shortage"), "surplus": self.tr("Surplus"),
            "actual_per_unit": self.tr("In use per unit"), "pupils": self.tr("Pupils"),
            "annual_cost": self.tr("Annual cost €"), "cost_per_pupil": self.tr("€ per pupil"),
            "leased_cost": self.tr("of which leases €"), "owned_cost": self.tr("of which owned €"),
            "devices_paid": self.tr("Devices paid for"), "sites": self.tr("Sites"), "lessor": self.tr("Lessor"),
            "contract": self.tr("Contract"), "start_date": self.tr("Start"), "end_date": self.tr("End"),
            "notice_months": self.tr("Notice (months)"), "notice_deadline": self.tr("Notice deadline"),
            "monthly_cost": self.tr("Monthly cost €"), "reason": self.tr("Reason"), "asset_tag": self.tr("Asset tag"),
            "serial": self.tr("Serial"), "lease_end": self.tr("Lease end"), "monthly_fee": self.tr("Monthly fee €"),
            "band": self.tr("Age"), "within_lifetime": self.tr("Within lifetime"),
            "past_lifetime": self.tr("Past lifetime"), "outdated": self.tr("Past lifetime"),
            "outdated_share": self.tr("Share past lifetime"), "unknown_age": self.tr("Age unknown"),
            "estimated_cost": self.tr("Estimated cost €"), "row": self.tr("File row"), "period": self.tr("Period"),
            "identifier": self.tr("Identifier"), "cost_centre": self.tr("Cost centre"), "amount": self.tr("Amount €"),
            "lines": self.tr("Lines"), "amount_billed": self.tr("Billed €"),
            "expected_cost_centre": self.tr("Device's cost centre"), "from_room": self.tr("From room"),
            "scanned_at": self.tr("Scanned"), "code": self.tr("Code"), "registered": self.tr("Registered since"),
            "decision": self.tr("Decision"),
        }

    def words(self) -> dict[str, str]:
        """Fixed words of the exported files."""
        return {"Report": self.tr("Report"), "Scope": self.tr("Scope"), "As of": self.tr("As of"),
                "Notes": self.tr("Notes"), "Totals": self.tr("Totals"),
                "more rows": self.tr("{0} more rows are in the CSV and XLSX export.")}
