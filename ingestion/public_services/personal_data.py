"""Applicants' personal data: normalised, checked for shape, then replaced by keyed pseudonyms.

Runs on each raw chunk straight after it is read, before typing, validation or quarantine, so
clear names, citizen IDs and phone numbers never reach the landing zone (not even in
``quarantine.raw_record``). What survives is whether an ID / phone number was well formed.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ingestion.common.pseudonymise import pseudonymise

NAME, CITIZEN_ID, PHONE = "applicant_name_pseudonym", "applicant_citizen_id_pseudonym", "applicant_phone_pseudonym"
CITIZEN_ID_KIND, PHONE_VALID = "applicant_citizen_id_kind", "applicant_phone_valid"


def _text(column: pa.ChunkedArray) -> pa.Array:
    return pc.cast(column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column, pa.string())


def normalised_name(values: pa.Array) -> pa.Array:
    """'NGUYỄN  VĂN AN ' and 'Nguyễn Văn An' are the same person: NFC, single spaces, lower case."""
    text = pc.utf8_normalize(values, form="NFC")
    text = pc.replace_substring_regex(text, pattern=r"\s+", replacement=" ")
    return pc.utf8_lower(pc.utf8_trim_whitespace(text))


def normalised_phone(values: pa.Array) -> pa.Array:
    """Digits only, '+84 912 ...' -> '0912...'."""
    digits = pc.replace_substring_regex(values, pattern=r"\D", replacement="")
    return pc.replace_substring_regex(digits, pattern=r"^84(\d{9})$", replacement="0\\1")


def citizen_id_kind(digits: pa.Array) -> pa.Array:
    """'cccd' (12 digits), 'cmnd' (old 9-digit card), 'invalid' otherwise; null stays null."""
    length = pc.utf8_length(digits)
    return pc.if_else(pc.equal(length, 12), "cccd", pc.if_else(pc.equal(length, 9), "cmnd", "invalid"))


def pseudonymise_applicants(raw: pa.Table, *, key: bytes) -> pa.Table:
    name = normalised_name(_text(raw[NAME]))
    cid = pc.replace_substring_regex(_text(raw[CITIZEN_ID]), pattern=r"\D", replacement="")
    phone = normalised_phone(_text(raw[PHONE]))
    replacements = {
        NAME: pseudonymise(name, key=key),
        CITIZEN_ID: pseudonymise(cid, key=key),
        PHONE: pseudonymise(phone, key=key),
        CITIZEN_ID_KIND: citizen_id_kind(cid),
        PHONE_VALID: pc.match_substring_regex(phone, r"^0[35789]\d{8}$"),
    }
    for column, values in replacements.items():
        raw = raw.set_column(raw.column_names.index(column), column, values)
    return raw
