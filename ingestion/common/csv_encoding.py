"""Detect the character encoding of a departmental export and decode it to Unicode (NFC).

Vietnamese offices still produce files in three encodings:
- UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" adds one);
- Windows-1258 (cp1258), the legacy Windows code page: tone marks are *combining* bytes that
  follow the base letter, so decoded text must be NFC-normalised to compare with UTF-8 text;
- TCVN3 (ABC, TCVN 5712:1993 VN3), a font-based 8-bit encoding with no Python codec. Capital
  letters with tone marks do not exist in it (offices switch to a capitals font), so names in
  capitals decode as lower case: rows keep ``source_encoding = 'tcvn3'`` so this stays visible.

Detection decodes with each legacy candidate and keeps the one whose non-ASCII characters are
most often real Vietnamese letters; below :data:`MIN_VIETNAMESE_SHARE` the file is refused.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

MIN_VIETNAMESE_SHARE = 0.9

# TCVN3 byte -> character (lower-case font plus the seven base capitals it does carry).
_TCVN3_PAIRS = (
    "b5:à b6:ả b7:ã b8:á b9:ạ a8:ă bb:ằ bc:ẳ bd:ẵ be:ắ c6:ặ a9:â c7:ầ c8:ẩ c9:ẫ ca:ấ cb:ậ "
    "a7:Đ ae:đ cc:è ce:ẻ cf:ẽ d0:é d1:ẹ aa:ê d2:ề d3:ể d4:ễ d5:ế d6:ệ d7:ì d8:ỉ dc:ĩ dd:í "
    "de:ị df:ò e1:ỏ e2:õ e3:ó e4:ọ ab:ô e5:ồ e6:ổ e7:ỗ e8:ố e9:ộ ac:ơ ea:ờ eb:ở ec:ỡ ed:ớ "
    "ee:ợ ef:ù f1:ủ f2:ũ f3:ú f4:ụ ad:ư f5:ừ f6:ử f7:ữ f8:ứ f9:ự fa:ỳ fb:ỷ fc:ỹ fd:ý fe:ỵ "
    "a1:Ă a2:Â a3:Ê a4:Ô a5:Ơ a6:Ư"
)
_TCVN3_DECODE = {int(k, 16): v for k, v in (pair.split(":") for pair in _TCVN3_PAIRS.split())}
TCVN3_ENCODE = {v: bytes([k]) for k, v in _TCVN3_DECODE.items()}
_TCVN3_TRANSLATION = {b: _TCVN3_DECODE.get(b, "\ufffd") for b in range(0x80, 0x100)}

_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_VOWEL_BASES = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in _VOWEL_BASES + tuple(b.upper() for b in _VOWEL_BASES)
    for tone in _TONES
) | {"đ", "Đ"}


class UndecodableFileError(ValueError):
    """No supported encoding yields Vietnamese text: the file must be re-exported."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # 'utf-8' | 'utf-8-sig' | 'cp1258' | 'tcvn3' | 'ascii'


def decode_tcvn3(raw: bytes) -> str:
    return raw.decode("latin-1").translate(_TCVN3_TRANSLATION)


def vietnamese_share(text: str) -> float:
    """Share of non-ASCII characters that are Vietnamese letters (1.0 when there are none)."""
    non_ascii = [c for c in text if ord(c) >= 0x80]
    if not non_ascii:
        return 1.0
    return sum(c in VIETNAMESE_LETTERS for c in non_ascii) / len(non_ascii)


def detect_and_decode(raw: bytes) -> DecodedText:
    if raw.startswith(codecs.BOM_UTF8):
        return DecodedText(unicodedata.normalize("NFC", raw[3:].decode("utf-8")), "utf-8-sig")
    try:
        text = raw.decode("utf-8")
        return DecodedText(unicodedata.normalize("NFC", text), "utf-8" if not text.isascii() else "ascii")
    except UnicodeDecodeError:
        pass
    candidates = {
        "cp1258": unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace")),
        "tcvn3": decode_tcvn3(raw),
    }
    scores = {name: vietnamese_share(text) for name, text in candidates.items()}
    best = max(scores, key=scores.get)
    if scores[best] < MIN_VIETNAMESE_SHARE:
        raise UndecodableFileError(
            "not UTF-8, and neither Windows-1258 nor TCVN3 gives Vietnamese text "
            f"(letter share cp1258={scores['cp1258']:.2f}, tcvn3={scores['tcvn3']:.2f}); re-export as UTF-8"
        )
    return DecodedText(candidates[best], best)


def encode_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 the way Vietnamese Windows does: precomposed where the code page
    has the letter, otherwise base letter + combining tone mark. (Used by the stand-ins.)"""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        tone = next((m for m in decomposed if m in _TONES[1:]), "")
        base = unicodedata.normalize("NFC", decomposed.replace(tone, "")) if tone else decomposed
        out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def encode_tcvn3(text: str) -> bytes:
    """Encode as TCVN3; capitals with tone marks fall back to the lower-case letter, as the
    capitals font would render them with the same byte. (Used by tests and stand-ins.)"""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out += ch.encode("ascii")
        else:
            out += TCVN3_ENCODE.get(ch) or TCVN3_ENCODE[ch.lower()]
    return bytes(out)
