"""Sync files: a zip of ``manifest.json``, its Ed25519 signature ``manifest.sig`` and ``changes.ndjson``.

The manifest names the format and schema, the deployment, the source replica and its key, the file
id, the ranges of changes it carries, their counts and the SHA-256 of every member; the signature
covers the manifest and so everything. ``read_sync_file`` verifies all of it, from the zip
structure to every record, before anything is applied; any doubt raises ``BadSyncFile`` whose
message says what is wrong and what to do.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from inventory_app.core.errors import RejectedInput
from inventory_app.storage import migrations
from inventory_app.sync import keys
from inventory_app.sync.records import BadRecord, Change, change_from_json

FORMAT = "inventory-sync"
FORMAT_VERSION = 1
MANIFEST, SIGNATURE, CHANGES = "manifest.json", "manifest.sig", "changes.ndjson"
MEMBERS = (MANIFEST, SIGNATURE, CHANGES)
KINDS = ("replica-changes", "central-changes", "central-snapshot")


@dataclass(frozen=True, slots=True)
class Limits:
    file_bytes: int = 1 << 30  # the zip on disk
    manifest_bytes: int = 1 << 20
    changes_bytes: int = 4 << 30  # uncompressed NDJSON
    ratio: int = 200  # uncompressed / compressed beyond this is a zip bomb, not JSON
    line_bytes: int = 1 << 20


class BadSyncFile(RejectedInput):
    """The file is refused; nothing was applied."""


@dataclass(slots=True)
class SyncFile:
    manifest: dict[str, Any]
    changes: list[Change] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return str(self.manifest["kind"])

    @property
    def source(self) -> str:
        return str(self.manifest["source_replica"])


# -- writing ----------------------------------------------------------------------------------------------


def write_sync_file(
    path: Path,
    *,
    kind: str,
    deployment_id: str,
    source_replica: str,
    private_key: str,
    changes: Iterable[Change],
    ranges: dict[str, Any],
    extra: dict[str, Any] | None = None,
    created_at: datetime | None = None,
) -> dict[str, Any]:
    """Write atomically (a temporary file renamed into place); return the manifest."""
    digest = hashlib.sha256()
    size = 0
    count = 0
    by_table: dict[str, int] = {}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        # The changes are streamed into the zip; the manifest (with their hash) follows them.
        with zf.open(CHANGES, "w", force_zip64=True) as out:
            buffer: list[bytes] = []
            for change in changes:
                line = (change.to_line() + "\n").encode("utf-8")
                buffer.append(line)
                digest.update(line)
                size += len(line)
                count += 1
                by_table[change.table] = by_table.get(change.table, 0) + 1
                if len(buffer) >= 1000:
                    out.write(b"".join(buffer))
                    buffer.clear()
            out.write(b"".join(buffer))
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": migrations.head_revision(),
            "deployment_id": deployment_id,
            "kind": kind,
            "source_replica": source_replica,
            "key_id": keys.key_id(keys.public_key_of(private_key)),
            "file_id": str(uuid.uuid4()),
            "created_at": (created_at or datetime.now(UTC)).isoformat(),
            "ranges": ranges,
            "counts": {"changes": count, "by_table": by_table},
            "members": {CHANGES: {"sha256": digest.hexdigest(), "size": size, "records": count}},
            **(extra or {}),
        }
        manifest_bytes = json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8")
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(SIGNATURE, keys.sign(private_key, manifest_bytes))
    os.replace(tmp, path)
    return manifest


# -- reading ----------------------------------------------------------------------------------------------

Trust = Callable[[dict[str, Any]], str]  # manifest -> the signer's public key, or raise BadSyncFile


def _refuse(
    what: str, todo: str = "ask for a new file from its sender", code: str = "sync_file_damaged"
) -> BadSyncFile:
    if "malicious" in todo:
        code = "sync_file_unsafe"
    return BadSyncFile(f"sync file refused: {what}; {todo}. Nothing was imported.", code=code)


def _safe_name(name: str) -> bool:
    return name in MEMBERS and not name.startswith(("/", "\\")) and ".." not in name and ":" not in name


READ_CHUNK = 1 << 20


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read a member in bounded chunks, stopping at its declared size and at ``limit`` (headers can lie:
    a member that inflates past what it declares is refused without ever being inflated whole)."""
    cap = min(limit, info.file_size)
    parts: list[bytes] = []
    total = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(min(READ_CHUNK, cap + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            if total > cap:
                raise _refuse(
                    f"member {info.filename} is larger than its header or the limit allows",
                    "it may be malicious; do not use it",
                )
            parts.append(chunk)
    return b"".join(parts)


def _check_structure(zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    names = [i.filename for i in infos]
    for info in infos:
        name = info.filename
        if (
            name.startswith(("/", "\\"))
            or (len(name) > 1 and name[1] == ":")
            or ".." in name.replace("\\", "/").split("/")
        ):
            raise _refuse(
                f"it contains a path that points outside its folder ({name[:80]!r})",
                "it may be malicious; do not use it",
            )
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode) or info.is_dir():
            raise _refuse(f"it contains a link or folder ({name[:80]!r})", "it may be malicious; do not use it")
        if not _safe_name(name):
            raise _refuse(f"it contains an unexpected member {name[:80]!r}")
    if len(set(names)) != len(names):
        raise _refuse("a member appears twice in it")
    missing = [m for m in MEMBERS if m not in names]
    if missing:
        raise _refuse(f"member {missing[0]} is missing (the file is incomplete)")
    by_name = {i.filename: i for i in infos}
    total = 0
    for info in infos:
        limit = {MANIFEST: limits.manifest_bytes, SIGNATURE: 64, CHANGES: limits.changes_bytes}[info.filename]
        if info.file_size > limit:
            raise _refuse(f"member {info.filename} is larger than allowed ({info.file_size:,} bytes)")
        if info.file_size > 1 << 20 and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise _refuse(
                f"member {info.filename} expands {info.file_size // max(info.compress_size, 1)}-fold (a zip bomb)",
                "it may be malicious; do not use it",
            )
        total += info.file_size
    return by_name


def _parse_manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"), parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError):
        raise _refuse("its manifest is not valid JSON (damaged or not a sync file)") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse("it is not an inventory sync file", "choose a file made with export-sync", "sync_file_foreign")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _refuse("its manifest has no format version")
    if version > FORMAT_VERSION:
        raise _refuse(
            f"it was made by a newer version of the app (format {version}, this app reads up to {FORMAT_VERSION})",
            "update this app and import it again",
            "sync_file_newer",
        )
    required: dict[str, type | tuple[type, ...]] = {
        "schema_revision": str,
        "deployment_id": str,
        "kind": str,
        "source_replica": str,
        "key_id": str,
        "file_id": str,
        "created_at": str,
        "ranges": dict,
        "counts": dict,
        "members": dict,
    }
    for key, typ in required.items():
        if not isinstance(manifest.get(key), typ):
            raise _refuse(f"its manifest lacks a valid {key!r}")
    if manifest["kind"] not in KINDS:
        raise _refuse(f"it is of an unknown kind {manifest['kind'][:40]!r}")
    return manifest


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_sync_file(path: Path, *, deployment_id: str | None, trust: Trust, limits: Limits | None = None) -> SyncFile:
    """Verify everything; return the manifest and the checked changes, or raise BadSyncFile."""
    limits = limits or Limits()
    path = Path(path)
    try:
        if path.is_symlink():
            raise _refuse("it is a link, not a file")
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise _refuse(f"it is larger than allowed ({size:,} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise BadSyncFile(f"cannot read {path}: {exc.strerror or exc}", code="sync_file_unreadable") from None
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _refuse(
            "it is not a complete zip file (damaged or cut short in transfer)",
            "copy it again from its sender",
            "sync_file_not_zip",
        ) from None
    with zf:
        try:
            infos = _check_structure(zf, limits)
            manifest_bytes = _read_member(zf, infos[MANIFEST], limits.manifest_bytes)
            signature = _read_member(zf, infos[SIGNATURE], 64)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            EOFError,
            OSError,
            RuntimeError,
            NotImplementedError,
            zlib.error,
        ):
            raise _refuse("it is damaged (a member cannot be read)", "copy it again from its sender") from None
        manifest = _parse_manifest(manifest_bytes)
        if deployment_id is None:
            raise BadSyncFile(
                "this store is not enrolled with a central yet; enrol it first (enrol FILE, "
                "or sync online once). Nothing was imported.",
                code="not_enrolled",
            )
        if manifest["deployment_id"] != deployment_id:
            raise _refuse(
                f"it belongs to another deployment ({manifest['deployment_id'][:36]}, this store is {deployment_id})",
                "check that it was sent to the right place",
                "sync_file_other_deployment",
            )
        if manifest["schema_revision"] not in migrations.known_revisions():
            raise _refuse(
                f"it was made with a newer database schema ({manifest['schema_revision'][:40]})",
                "update this app and import it again",
                "sync_file_newer",
            )
        public_key = trust(manifest)
        if len(signature) != 64 or not keys.verify(public_key, signature, manifest_bytes):
            raise _refuse(
                "its signature does not match (the file was altered, or it is forged)",
                "do not use it; ask its sender for a new file",
                "sync_file_unsafe",
            )
        members = manifest["members"]
        if set(members) != {CHANGES}:
            raise _refuse("its manifest lists other members than the file has")
        expected = members[CHANGES]
        try:
            body = _read_member(zf, infos[CHANGES], limits.changes_bytes)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, zlib.error):
            raise _refuse("it is damaged (the changes cannot be read)", "copy it again from its sender") from None
    if (
        not isinstance(expected, dict)
        or len(body) != expected.get("size")
        or hashlib.sha256(body).hexdigest() != expected.get("sha256")
    ):
        raise _refuse(
            "its changes do not match the signed manifest (altered or cut short)", "copy it again from its sender"
        )
    changes = _parse_changes(body, manifest, limits)
    return SyncFile(manifest, changes)


def _parse_changes(body: bytes, manifest: dict[str, Any], limits: Limits) -> list[Change]:
    changes: list[Change] = []
    if body and not body.endswith(b"\n"):
        raise _refuse("its last record is cut short")
    raw_lines = body.split(b"\n")[:-1] if body else []
    for number, line in enumerate(raw_lines, start=1):
        if len(line) > limits.line_bytes:
            raise _refuse(f"record {number} is too long")
    # orjson reads each line's bytes as they are (UTF-8 checked on the way, NaN and Infinity refused like
    # every other thing that is not JSON) at about twice the speed of the json module, which was half the
    # time of reading central's 100,000-device snapshot file.
    loads, json_error = orjson.loads, orjson.JSONDecodeError
    for number, line in enumerate(raw_lines, start=1):
        try:
            changes.append(change_from_json(loads(line)))
        except BadRecord as exc:
            raise _refuse(f"record {number} is malformed: {exc}") from None
        except json_error:
            raise _refuse(f"record {number} is not valid JSON") from None
    counts = manifest["counts"]
    if counts.get("changes") != len(changes) or manifest["members"][CHANGES].get("records") != len(changes):
        raise _refuse(f"it holds {len(changes)} records but its manifest says {counts.get('changes')}")
    _check_ranges(changes, manifest)
    return changes


def _int_pair(value: Any) -> tuple[int, int] | None:
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
    ):
        return value[0], value[1]
    return None


def _check_ranges(changes: list[Change], manifest: dict[str, Any]) -> None:
    kind, ranges, source = manifest["kind"], manifest["ranges"], manifest["source_replica"]
    if kind == "replica-changes":
        seqs = _int_pair(ranges.get("outbox_seq"))
        acked = ranges.get("acked_through")
        if seqs is None or not isinstance(acked, int) or isinstance(acked, bool):
            raise _refuse("its manifest has no valid range of changes")
        last = acked
        for c in changes:
            if c.origin != source:
                raise _refuse(f"a record claims another origin ({c.origin[:36]}) than the signer")
            if c.seq <= last:
                raise _refuse("its records are out of order")
            last = c.seq
        if changes and (changes[0].seq < seqs[0] or changes[-1].seq != seqs[1]):
            raise _refuse("its records do not match the range in its manifest")
    else:
        positions = _int_pair(ranges.get("central_pos"))
        if positions is None or positions[0] > positions[1]:
            raise _refuse("its manifest has no valid range of central changes")
        last = positions[0] if kind == "central-changes" else -1
        for c in changes:
            if kind == "central-changes" and (c.seq <= last or c.seq > positions[1]):
                raise _refuse("its records are out of order or outside the manifest's range")
            last = c.seq
