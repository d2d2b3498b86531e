"""Keyed pseudonymisation of personal data before it reaches the landing zone.

Citizen names, citizen IDs (CCCD) and phone numbers are replaced at ingestion by
HMAC-SHA256(key, value) in hex. The same value always gives the same pseudonym under the same
key, so the warehouse can still count distinct citizens and join their records, but without the
key nobody can confirm a guessed value (a plain hash of a 12-digit CCCD is brute-forced in
minutes; a keyed one is not).

Environment:
    IOC_PSEUDONYMISATION_KEY   secret key, at least 32 bytes (e.g. 64 hex characters). No
                               default: rotating or losing it changes every pseudonym, so it is
                               managed like any other production secret.

The function does not normalise its input: callers strip/format values (e.g. keep only the
digits of a phone number) before pseudonymising, so the pseudonym depends on the value alone.
"""

from __future__ import annotations

import hmac
import os

import pyarrow as pa
import pyarrow.compute as pc

KEY_ENV_VAR = "IOC_PSEUDONYMISATION_KEY"
MIN_KEY_BYTES = 32

_HOW_TO_SET = (
    f"set {KEY_ENV_VAR} to a secret of at least {MIN_KEY_BYTES} bytes, e.g. "
    f'export {KEY_ENV_VAR}="$(python -c \'import secrets; print(secrets.token_hex(32))\')" '
    "and keep it in the deployment's secret store: changing it changes every pseudonym"
)


class PseudonymisationKeyError(RuntimeError):
    """The pseudonymisation key is missing or too short."""


def load_key() -> bytes:
    """Read the key from the environment; refuse a missing or short one with instructions."""
    value = os.environ.get(KEY_ENV_VAR)
    if not value:
        raise PseudonymisationKeyError(f"{KEY_ENV_VAR} is not set: {_HOW_TO_SET}")
    key = value.encode("utf-8")
    _check_key(key)
    return key


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
        size = len(key) if isinstance(key, bytes) else type(key).__name__
        raise PseudonymisationKeyError(f"pseudonymisation key is too short ({size}): {_HOW_TO_SET}")


def pseudonymise(values: pa.Array | pa.ChunkedArray, *, key: bytes) -> pa.Array:
    """HMAC-SHA256 hex of each value (nulls stay null); non-string values are cast to string.

    Each distinct value is hashed once (dictionary encoding), so repeated citizens cost nothing
    and ~100k values take well under a second.
    """
    _check_key(key)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        values = pc.cast(values, pa.string())
    encoded = pc.dictionary_encode(values)  # nulls become null indices
    digests = [hmac.digest(key, v.encode("utf-8"), "sha256").hex() for v in encoded.dictionary.to_pylist()]
    return pc.take(pa.array(digests, pa.string()), encoded.indices)
