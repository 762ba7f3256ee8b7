"""``observation add|list|resolve`` and ``report network``: exactly the observations recorded, per site.

The world of conftest.py (as-of 15.3.2026). Recorded by hand below:
ALP A101 network high 120 ms 20 %   (resolved later)     ALP A102 network low 40 ms 0 %
ALP A101 network medium 60 ms        BET B1 network high (no measurement)
ALP      printing medium             BET B1 presentation low
So Alpha: 3 network problems, 1 high, 2 open, rooms A101 A102, median latency 60, worst loss 20;
Beta: 1 network (high, open); printing only Alpha's; presentation only Beta's; Gamma: nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from inventory_app.audit.observations import ObservationService, check_target, parse_host
from inventory_app.core.errors import RejectedInput
from inventory_app.reports.service import ReportParams, ReportService
from inventory_app.storage.schema import ObservationRecord
from tests.reports.conftest import AS_OF, World


def _dump(world: World) -> list[tuple]:
    with world.store.read() as s:
        return sorted((o.id, o.site_id, o.kind, o.severity, o.resolves_id) for o in s.query(ObservationRecord))


def _record(world: World, cli) -> dict[str, str]:
    added = {}
    for name, args in {
        "a1": [
            "--site",
            "ALP",
            "--room",
            "A101",
            "--kind",
            "network",
            "--severity",
            "high",
            "--latency-ms",
            "120",
            "--loss-pct",
            "20",
            "--note",
            "Wi-Fi katkeilee",
        ],
        "a2": [
            "--site",
            "ALP",
            "--room",
            "A102",
            "--kind",
            "network",
            "--severity",
            "low",
            "--latency-ms",
            "40",
            "--loss-pct",
            "0",
        ],
        "a3": [
            "--site",
            "Alpha school",
            "--room",
            "A101",
            "--kind",
            "network",
            "--severity",
            "medium",
            "--latency-ms",
            "60",
        ],
        "b1": ["--site", "BET", "--room", "B1", "--kind", "network", "--severity", "high"],
        "p1": ["--site", "ALP", "--kind", "printing", "--severity", "medium", "--note", '=HYPERLINK("x")'],
        "o1": ["--site", "BET", "--room", "B1", "--kind", "presentation", "--severity", "low"],
    }.items():
        out = cli("observation", "add", *args, "--json")
        assert out.code == 0, out.err
        added[name] = out.json()["id"]
    assert cli("observation", "resolve", added["a1"], "--note", "AP vaihdettu").code == 0
    return added


def test_report_network_lists_exactly_what_was_recorded(world: World, cli) -> None:
    _record(world, cli)
    out = cli("report", "network", "--as-of", "2099-01-01", "--json")
    assert out.code == 0, out.err
    data = out.json()
    assert data["rows"] == [
        {
            "site": "Alpha school",
            "area": "North",
            "network_observations": 3,
            "high": 1,
            "open": 2,
            "latest": datetime.now(UTC).astimezone().date().isoformat(),
            "median_latency_ms": 60.0,
            "max_loss_pct": 20.0,
            "rooms": "A101, A102",
        },
        {
            "site": "Beta daycare",
            "area": "North",
            "network_observations": 1,
            "high": 1,
            "open": 1,
            "latest": datetime.now(UTC).astimezone().date().isoformat(),
            "median_latency_ms": None,
            "max_loss_pct": None,
            "rooms": "B1",
        },
    ]
    assert [(r["site"], r["kind"], r["observations"]) for r in data["printing"]] == [("Alpha school", "printing", 1)]
    assert [(r["site"], r["kind"], r["observations"]) for r in data["other_problems"]] == [
        ("Beta daycare", "presentation", 1)
    ]
    assert data["totals"]["network_observations"] == 4 and data["totals"]["open"] == 3
    # One site only; an as-of before anything was recorded shows nothing.
    beta = cli("report", "network", "--site", "BET", "--as-of", "2099-01-01", "--json").json()
    assert [r["site"] for r in beta["rows"]] == ["Beta daycare"] and beta["printing"] == []
    before = ReportService(world.store).run(ReportParams(name="network", as_of=AS_OF))
    assert before.empty


def test_observation_list_and_resolve(world: World, cli) -> None:
    added = _record(world, cli)
    listed = cli("observation", "list", "--json").json()
    assert [o["id"] for o in listed] == list(added.values())
    assert {o["id"]: o["open"] for o in listed}[added["a1"]] is False
    assert cli("observation", "list", "--open", "--site", "ALP", "--json").json()[0]["id"] == added["a2"]
    # The same rows the audit screen writes: severity words, room, note kept as typed.
    first = listed[0]
    assert (
        first["site_code"],
        first["room"],
        first["kind"],
        first["severity"],
        first["latency_ms"],
        first["loss_pct"],
        first["note"],
    ) == ("ALP", "A101", "network", "high", 120.0, 20.0, "Wi-Fi katkeilee")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "--site", "ALP", "--kind", "wifi", "--severity", "low"], "kind 'wifi'"),
        (["add", "--site", "ALP", "--kind", "network", "--severity", "urgent"], "severity 'urgent'"),
        (["add", "--site", "Nowhere", "--kind", "network", "--severity", "low"], "no site"),
        (["add", "--site", "ALP", "--room", "Z9", "--kind", "network", "--severity", "low"], "no room"),
        (["add", "--site", "ALP", "--kind", "network", "--severity", "low", "--loss-pct", "140"], "--loss-pct"),
        (["resolve", "not-an-id"], "no observation"),
    ],
)
def test_bad_observations_are_refused_and_nothing_changes(world: World, cli, args: list[str], message: str) -> None:
    added = _record(world, cli)
    before = _dump(world)
    out = cli("observation", *args)
    assert out.code == 3 and message in out.err
    assert _dump(world) == before
    again = cli("observation", "resolve", added["a1"])
    assert again.code == 3 and "already resolved" in again.err
    assert _dump(world) == before


def test_legacy_severities_read_as_the_new_scale(world: World) -> None:
    service = ObservationService(world.store)
    new = service.add(site="ALP", kind="network", severity="critical")
    assert [o.severity for o in service.find() if o.id == new] == ["high"]


def test_the_connection_check_says_what_it_measures() -> None:
    assert check_target("", "").source == "default" and check_target("", "").address == "www.suomi.fi:443"
    central = check_target("", "postgresql://sync@central.lappeenranta.fi:6432/inventory")
    assert (central.source, central.address) == ("central", "central.lappeenranta.fi:6432")
    assert check_target("wifi-test.example.fi", "postgresql://central/x").address == "wifi-test.example.fi:443"
    assert parse_host("10.0.0.1:8080") == ("10.0.0.1", 8080)
    with pytest.raises(RejectedInput):
        parse_host("not a host!")
