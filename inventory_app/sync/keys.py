"""Ed25519 signing keys of replicas, kept as base64 of the raw 32-byte keys."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_RAW = serialization.Encoding.Raw


def new_private_key() -> str:
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    return base64.b64encode(raw).decode("ascii")


def public_key_of(private_b64: str) -> str:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    return base64.b64encode(key.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)).decode("ascii")


def key_id(public_b64: str) -> str:
    """A short fingerprint that names a public key in manifests and enrolment lists."""
    return hashlib.sha256(base64.b64decode(public_b64)).hexdigest()[:32]


def sign(private_b64: str, data: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64)).sign(data)


def verify(public_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public_b64)).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True
