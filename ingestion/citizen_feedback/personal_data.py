"""Reporter names and phones never land in clear: keyed pseudonyms replace them at ingestion.

Values are normalised first so that one person gets one pseudonym whichever channel wrote
them: names to Unicode NFC, trimmed, single-spaced, lower case; phones to the national format
('+84 912…', '84912…', '0912 345 678' → '0912345678'). Quarantined raw records are redacted the
same way, and fields the connector does not know (which may hold personal data) are withheld.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ingestion.citizen_feedback.fields import PERSONAL_FIELDS, REPORT_FIELDS
from ingestion.common.pseudonymise import pseudonymise

WITHHELD = "<withheld: undeclared field>"


def normalise_name(values: pa.Array) -> pa.Array:
    values = pc.utf8_normalize(values, "NFC")
    return pc.utf8_lower(pc.utf8_trim_whitespace(pc.replace_substring_regex(values, r"\s+", " ")))


def normalise_phone(values: pa.Array) -> pa.Array:
    digits = pc.replace_substring_regex(values, r"\D", "")
    national = pc.replace_substring_regex(digits, r"^84(\d{9})$", r"0\1")
    return pc.if_else(pc.equal(national, ""), pa.scalar(None, pa.string()), national)


NORMALISE = {"reporter_name": normalise_name, "reporter_phone": normalise_phone}


def pseudonymise_contacts(table: pa.Table, key: bytes) -> pa.Table:
    """Replace each personal column by ``<name>_pseudonym`` (HMAC-SHA256 hex of the normalised value)."""
    for name in PERSONAL_FIELDS:
        index = table.schema.get_field_index(name)
        clear = table.column(name).combine_chunks()
        table = table.set_column(index, f"{name}_pseudonym", pseudonymise(NORMALISE[name](clear), key=key))
    return table


def redactor(key: bytes):
    """A function making a raw record safe to keep in quarantine."""
    declared = {n for f in REPORT_FIELDS for n in (f.name, *f.aliases)}

    def redact(record):
        if not isinstance(record, dict):
            return {"_withheld": f"record of type {type(record).__name__}"}
        safe = {}
        for field, value in record.items():
            if field in PERSONAL_FIELDS:
                text = pa.array([None if value is None else str(value)], pa.string())
                safe[f"{field}_pseudonym"] = pseudonymise(NORMALISE[field](text), key=key)[0].as_py()
            else:
                safe[field] = value if field in declared else WITHHELD
        return safe

    return redact
