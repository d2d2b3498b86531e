import hashlib
import hmac
import time

import pyarrow as pa
import pytest

from ingestion.common.pseudonymise import KEY_ENV_VAR, PseudonymisationKeyError, load_key, pseudonymise

KEY = b"k" * 32


def test_matches_hmac_sha256_and_keeps_nulls():
    out = pseudonymise(pa.array(["079201001234", None, "Nguyễn Văn An"]), key=KEY)
    expected = hmac.new(KEY, "Nguyễn Văn An".encode(), hashlib.sha256).hexdigest()
    assert out.type == pa.string()
    assert out[1].as_py() is None
    assert out[2].as_py() == expected
    assert len(out[0].as_py()) == 64


def test_stable_across_calls_and_chunking_but_key_dependent():
    values = pa.array(["0901234567", "0901234567", "0912345678"])
    first = pseudonymise(values, key=KEY)
    again = pseudonymise(pa.chunked_array([values[:1], values[1:]]), key=KEY)
    other_key = pseudonymise(values, key=b"x" * 32)
    assert first.equals(again)
    assert first[0] == first[1] and first[0] != first[2]
    assert first[0] != other_key[0]


def test_non_string_values_are_cast():
    assert pseudonymise(pa.array([79201001234]), key=KEY)[0] == pseudonymise(pa.array(["79201001234"]), key=KEY)[0]


def test_fast_enough_for_100k_values():
    values = pa.array([f"{i:012d}" for i in range(100_000)])
    start = time.perf_counter()
    out = pseudonymise(values, key=KEY)
    assert len(out) == 100_000 and out.null_count == 0
    assert time.perf_counter() - start < 2.0


def test_load_key_missing_or_short_explains_how_to_set(monkeypatch):
    monkeypatch.delenv(KEY_ENV_VAR, raising=False)
    with pytest.raises(PseudonymisationKeyError, match=f"{KEY_ENV_VAR}.*secrets.token_hex"):
        load_key()
    monkeypatch.setenv(KEY_ENV_VAR, "short")
    with pytest.raises(PseudonymisationKeyError, match="too short"):
        load_key()
    monkeypatch.setenv(KEY_ENV_VAR, "a" * 64)
    assert load_key() == b"a" * 64


def test_short_key_refused_by_pseudonymise():
    with pytest.raises(PseudonymisationKeyError):
        pseudonymise(pa.array(["x"]), key=b"short")
