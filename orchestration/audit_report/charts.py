"""Small inline SVG charts (no JavaScript, no CDN: the report opens offline, prints, archives).

Every chart is plain SVG text with ``<title>`` tooltips and its numbers written next to the bars,
so it still reads when printed in black and white.
"""

from __future__ import annotations

from html import escape

FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:12px"

COLOURS = {
    "passed": "#2e7d32",
    "warning": "#f9a825",
    "withheld": "#ef6c00",
    "blocking": "#c62828",
    "fresh": "#1565c0",
    "stale": "#ef6c00",
    "published": "#2e7d32",
    "published_withheld": "#ef6c00",
    "blocked": "#c62828",
    "failed": "#616161",
    "quarantine": "#6a1b9a",
}


# how a segment is named in the numbers after a bar
SHORT = {"stale": "stale", "quarantine": "quarantined", "withheld": "withheld", "warning": "warning",
         "blocking": "blocking"}


def stacked_bars(
    rows: list[tuple[str, dict[str, float]]], segments: list[tuple[str, str]], *, width: int = 1000,
    label_width: int = 190, bar_height: int = 18, title: str = "",
) -> str:
    """Horizontal stacked bars: ``rows`` = [(label, {segment_key: value})], ``segments`` = [(key, legend)]."""
    if not rows:
        return _empty(title)
    total_max = max(sum(values.values()) for _, values in rows) or 1
    plot = width - label_width - 200  # room for the numbers after the longest bar
    gap = 6
    legend_h = 22
    height = legend_h + len(rows) * (bar_height + gap) + 4
    parts = [_open(width, height, title)]
    x = label_width
    for key, legend in segments:
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{COLOURS.get(key, "#999")}"/>'
                     f'<text x="{x + 14}" y="13">{escape(legend)}</text>')
        x += 14 + 7 * len(legend) + 18
    for i, (label, values) in enumerate(rows):
        y = legend_h + i * (bar_height + gap)
        parts.append(f'<text x="{label_width - 8}" y="{y + bar_height - 5}" text-anchor="end">{escape(_clip(label, 28))}</text>')
        x = float(label_width)
        for key, legend in segments:
            value = values.get(key, 0)
            if not value:
                continue
            w = max(plot * value / total_max, 1.5)
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_height}" fill="{COLOURS.get(key, "#999")}">'
                         f'<title>{escape(label)}: {value:,} {escape(legend)}</title></rect>')
            x += w
        total = sum(values.values())
        detail = " · ".join(f"{values[k]:,} {SHORT.get(k, legend)}" for k, legend in segments
                            if values.get(k) and k != segments[0][0])
        parts.append(f'<text x="{x + 6:.1f}" y="{y + bar_height - 5}">{total:,}'
                     f'{escape(" (" + detail + ")") if detail else ""}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bars(rows: list[tuple[str, float]], *, colour: str = "quarantine", width: int = 1000, label_width: int = 190,
         bar_height: int = 16, title: str = "") -> str:
    return stacked_bars([(label, {colour: value}) for label, value in rows], [(colour, "")], width=width,
                        label_width=label_width, bar_height=bar_height, title=title).replace(
        f'<rect x="{label_width}" y="4" width="10" height="10" fill="{COLOURS.get(colour, "#999")}"/><text x="{label_width + 14}" y="13"></text>', "")


def timeline(history: list[dict], *, current_id: str, width: int = 1000, title: str = "") -> str:
    """One square per publication attempt, oldest left; the reported one is outlined."""
    if not history:
        return _empty(title)
    shown = history[-60:]
    size, gap = 14, 4
    height = 56
    parts = [_open(width, height, title)]
    for i, attempt in enumerate(shown):
        outcome = attempt["outcome"]
        key = "published_withheld" if outcome == "published" and attempt.get("withheld_scopes") else outcome
        x = 4 + i * (size + gap)
        outline = ' stroke="#000" stroke-width="2.5"' if attempt["publication_id"] == current_id else ""
        withheld = ", ".join(attempt.get("withheld_scopes") or [])
        tip = f"{attempt['publication_id']} {outcome}{' — withheld: ' + withheld if withheld else ''}"
        parts.append(f'<rect x="{x}" y="6" width="{size}" height="{size}" rx="2" fill="{COLOURS.get(key, "#999")}"{outline}>'
                     f"<title>{escape(tip)}</title></rect>")
    x = 4
    for key, legend in (("published", "published"), ("published_withheld", "published, a department withheld"),
                        ("blocked", "blocked"), ("failed", "failed")):
        parts.append(f'<rect x="{x}" y="34" width="10" height="10" fill="{COLOURS[key]}"/>'
                     f'<text x="{x + 14}" y="43">{escape(legend)}</text>')
        x += 14 + 7 * len(legend) + 18
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, title: str) -> str:
    label = f' aria-label="{escape(title)}"' if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img"{label} style="{FONT}">' + (f"<title>{escape(title)}</title>" if title else ""))


def _empty(title: str) -> str:
    return f'<p class="muted">{escape(title)}: nothing to show.</p>'


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
