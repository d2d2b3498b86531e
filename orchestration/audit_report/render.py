"""The report as one self-contained HTML page (inline CSS and SVG, no script, no network)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from html import escape
from typing import Any

from orchestration.audit_report import charts
from orchestration.audit_report.data import ReportData, summarise_checks
from orchestration.publishing.scopes import ROWS

VERDICTS = [("passed", "passed"), ("warning", "warning"), ("withheld", "withheld a department"), ("blocking", "blocking")]

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:1100px;margin:0 auto;padding:24px 32px 64px;background:#fff}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:32px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.muted{color:#57606a} code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
.badge{display:inline-block;padding:2px 10px;border-radius:12px;color:#fff;font-weight:600;font-size:13px}
.published{background:#2e7d32}.blocked{background:#c62828}.failed{background:#616161}.withheld{background:#ef6c00}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;min-width:140px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}
th,td{border-bottom:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa} td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.v-blocking td:first-child{border-left:4px solid #c62828} tr.v-withheld td:first-child{border-left:4px solid #ef6c00}
tr.v-warning td:first-child{border-left:4px solid #f9a825}
details{margin:6px 0} summary{cursor:pointer} pre{white-space:pre-wrap;font-size:11px;background:#f6f8fa;padding:6px}
.note{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;border-radius:6px}
"""


def render(data: ReportData, *, generated_at: datetime) -> str:
    p = data.publication
    outcome = p["outcome"]
    withheld_scopes = p.get("withheld_scopes") or []
    badge_class = "withheld" if outcome == "published" and withheld_scopes else outcome
    badge_text = f"{outcome}, {len(withheld_scopes)} withheld" if badge_class == "withheld" else outcome
    verdicts = Counter(data.check_verdict(c) for c in data.checks)
    quarantined = sum(q["rows"] for q in data.quarantine_by_source)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Audit report — publication {escape(data.publication_id)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>Audit report — publication <span class='mono'>{escape(data.publication_id)}</span></h1>",
        f"<p><span class='badge {badge_class}'>{escape(badge_text)}</span> "
        f"<span class='muted'>attempted {escape(_ts(p['attempted_at']))} · run <code>{escape(p['run_id'])}</code>"
        f"{' · <b>currently published</b>' if data.is_current else ''}</span></p>",
        _reason(p.get("reason") or ""),
        "<div class='cards'>",
        _card("tables published", len(data.tables) if outcome == "published" else 0),
        _card("rows published", sum(t["rows"] for t in data.tables)),
        _card("stale rows (last good values)", sum(t["stale_rows"] for t in data.tables)),
        _card("checks run", len(data.checks)),
        _card("checks failed", sum(v for k, v in verdicts.items() if k != "passed")),
        _card("departments withheld", len(withheld_scopes)),
        _card("rows quarantined", quarantined),
        "</div>",
        _provenance(data),
        _withheld_section(data),
        _checks_section(data),
        _tables_section(data),
        _quarantine_section(data),
        _lineage_section(data),
        "<h2>Publication history</h2>",
        charts.timeline(data.history, current_id=data.publication_id, title="publication attempts, oldest first"),
        f"<p class='muted'>Generated {escape(_ts(generated_at))} by <code>python -m orchestration.audit_report</code> "
        "from the append-only audit log and the publication's Parquet snapshot.</p>",
        "</main></body></html>",
    ]
    return "\n".join(parts)


def _reason(reason: str) -> str:
    head, _, warnings = reason.partition("; warnings: ")
    if not warnings:
        return f"<p>{escape(reason)}</p>"
    n = len(warnings.split(", "))
    return (f"<p>{escape(head)}</p><details><summary>{n} warning(s) recorded</summary>"
            f"<p class='muted'>{escape(warnings)}</p></details>")


def _provenance(data: ReportData) -> str:
    p = data.publication
    rows = [
        ("code version", p.get("code_version")),
        ("dbt manifest sha256", p.get("dbt_manifest_sha256")),
        ("input batches", f"{len(p.get('input_batch_ids') or [])} committed landing batches"),
        ("published file", p.get("published_path")),
        ("Parquet snapshot", p.get("snapshot_path")),
    ]
    note = f"<p class='note'>{escape(data.manifest_note)}</p>" if data.manifest_note else ""
    return ("<h2>What produced it</h2><table>"
            + "".join(f"<tr><th>{escape(k)}</th><td class='mono'>{escape(str(v or '—'))}</td></tr>" for k, v in rows)
            + "</table>" + note)


def _withheld_section(data: ReportData) -> str:
    out = ["<h2>Withheld departments</h2>"]
    if not data.withheld:
        out.append("<p>No department was withheld: every published row is fresh from this build.</p>")
    by_scope: dict[str, list[dict]] = {}
    for record in data.withheld:
        by_scope.setdefault(record["scope"], []).append(record)
    for scope, records in sorted(by_scope.items()):
        first = records[0]
        out.append(
            f"<h3>{escape(scope)} <span class='muted'>({escape(first['department'])})</span></h3>"
            f"<p>{escape(first['reason'])}</p><p class='muted'>Withheld since {escape(_ts(first['since']))} "
            f"(streak started with publication <code>{escape(first.get('stale_since_publication_id') or '—')}</code>); "
            f"failed checks: {', '.join(f'<code>{escape(c)}</code>' for c in first.get('check_names') or [])}</p>"
        )
        out.append("<table><tr><th>table</th><th>indicators</th><th>fresh rows withheld</th>"
                   "<th>last good rows published</th><th>values from publication</th></tr>")
        by_table: dict[str, list[dict]] = {}
        for r in records:
            by_table.setdefault(r["table_name"], []).append(r)
        for table, rows in sorted(by_table.items()):
            indicators = sorted(r["indicator"] for r in rows if r["indicator"] != "*")
            listed = (f"<details><summary>{len(indicators)} indicator(s)</summary><span class='mono'>"
                      f"{escape(', '.join(indicators))}</span></details>" if indicators else "all rows of the department")
            sources = sorted({r.get("values_from_publication_id") or "— (left out)" for r in rows})
            out.append(f"<tr><td class='mono'>{escape(table)}</td><td>{listed}</td>"
                       f"<td class='num'>{sum(r['rows_withheld'] or 0 for r in rows):,}</td>"
                       f"<td class='num'>{sum(r['rows_carried'] or 0 for r in rows):,}</td>"
                       f"<td class='mono'>{escape(', '.join(sources))}</td></tr>")
        out.append("</table>")
    for r in data.lifted:
        out.append(f"<p>✔ {escape(r['scope'])}: {escape(r['reason'])} (withheld from {escape(_ts(r['since']))} "
                   f"to {escape(_ts(r['until']))}).</p>")
    return "".join(out)


def _checks_section(data: ReportData) -> str:
    summary = summarise_checks(data)
    chart = charts.stacked_bars(
        [(_scope_label(scope), dict(counter)) for scope, counter in summary.items()], VERDICTS,
        title="checks per scope (a department's source system, or shared reference data)",
    )
    failed = [c for c in data.checks if data.check_verdict(c) != "passed"]
    order = {"blocking": 0, "withheld": 1, "warning": 2}
    failed.sort(key=lambda c: (order[data.check_verdict(c)], c.get("scope") or "", c["check_name"]))
    out = ["<h2>Checks</h2>", f"<p>{len(data.checks)} checks ran in this run (dbt tests and models, Great "
           "Expectations suites); each is attributed to the department whose data it looked at, or to shared "
           "reference data.</p>", chart]
    if failed:
        out.append("<h3>Failed checks</h3><table>" + _cols(28, 11, 9, 16, 6, 30)
                   + "<tr><th>check</th><th>scope</th><th>verdict</th><th>target</th><th>found</th><th>detail</th></tr>")
        for c in failed:
            verdict = data.check_verdict(c)
            sample = _sample(c.get("failing_rows_sample"))
            scopes = ", ".join(c.get("failing_scopes") or [c.get("scope") or "shared"])
            out.append(
                f"<tr class='v-{verdict}'><td class='mono'>{escape(c['check_name'])}</td><td>{escape(scopes)}</td>"
                f"<td>{escape(verdict)}</td><td class='mono'>{escape(c.get('target') or '')}</td>"
                f"<td class='num'>{_num(c.get('unexpected_count'))}</td>"
                f"<td>{escape((c.get('description') or '')[:300])}{sample}</td></tr>"
            )
        out.append("</table>")
    out.append("<details><summary>All checks of the run, by scope</summary>")
    for scope in summary:
        rows = sorted((c for c in data.checks if (c.get("scope") or "shared") == scope), key=lambda c: c["check_name"])
        out.append(f"<details><summary>{escape(_scope_label(scope))} — {len(rows)} checks</summary><table>"
                   "<tr><th>check</th><th>kind</th><th>severity</th><th>gate</th><th>result</th><th>rows looked at</th></tr>")
        for c in rows:
            out.append(f"<tr class='v-{data.check_verdict(c)}'><td class='mono'>{escape(c['check_name'])}</td>"
                       f"<td>{escape(c.get('check_kind') or '')}</td><td>{escape(c.get('severity') or '')}</td>"
                       f"<td>{escape(c.get('gate') or '')}</td><td>{escape(data.check_verdict(c))}</td>"
                       f"<td class='num'>{_num(c.get('rows_evaluated'))}</td></tr>")
        out.append("</table></details>")
    out.append("</details>")
    return "".join(out)


def _tables_section(data: ReportData) -> str:
    if not data.tables:
        return ("<h2>Published tables</h2><p>Nothing was published by this attempt: the previous publication "
                "stayed in place, byte for byte.</p>")
    chart = charts.stacked_bars(
        [(t["name"], {"fresh": t["rows"] - t["stale_rows"], "stale": t["stale_rows"]}) for t in data.tables],
        [("fresh", "fresh rows"), ("stale", "last good values (stale)")], title="rows per published table",
    )
    rows = "".join(
        f"<tr><td class='mono'>{escape(t['name'])}</td><td class='num'>{t['rows']:,}</td>"
        f"<td class='num'>{t['stale_rows']:,}</td><td class='mono'>{escape(t['content_sha256'])}</td></tr>"
        for t in data.tables
    )
    return ("<h2>Published tables</h2>" + chart
            + "<table><tr><th>table</th><th>rows</th><th>stale rows</th><th>content sha256</th></tr>" + rows + "</table>"
            + f"<p class='muted'>Snapshot: <code>{escape(str(data.snapshot_dir))}</code> (one Parquet file per table and "
              "manifest.json with these hashes).</p>")


def _quarantine_section(data: ReportData) -> str:
    totals: Counter = Counter()
    for q in data.quarantine_by_source:
        totals[q["source_system"]] += q["rows"]
    landed: Counter = Counter()
    for b in data.batches:
        landed[b["source_system"]] += b["rows_landed"] or 0
    chart = charts.stacked_bars(
        [(s, {"fresh": landed.get(s, 0), "quarantine": totals.get(s, 0)}) for s in sorted(set(landed) | set(totals))],
        [("fresh", "rows landed"), ("quarantine", "rows quarantined")], title="landed and quarantined rows per source",
    )
    quarantine_only = charts.bars(sorted(totals.items(), key=lambda kv: -kv[1]), title="quarantined rows per source")
    reasons = []
    for source in sorted(totals, key=lambda s: -totals[s]):
        rows = [q for q in data.quarantine_by_source if q["source_system"] == source]
        body = "".join(
            f"<tr><td>{escape(q['reason_code'][:120])}</td><td class='num'>{q['rows']:,}</td><td class='num'>{q['batches']}</td>"
            f"<td class='mono'>{escape(str(q['example_file']))}:{q['example_line']}</td></tr>"
            for q in rows
        )
        reasons.append(f"<details><summary><b>{escape(source)}</b> — {totals[source]:,} rows, {len(rows)} reason(s)</summary>"
                       f"<table>{_cols(45, 8, 8, 39)}<tr><th>reason</th><th>rows</th><th>batches</th>"
                       f"<th>example raw record (file:line)</th></tr>{body}</table></details>")
    return ("<h2>Quarantine by source</h2><p>Records rejected at ingestion, each with its reason and a pointer to the "
            "raw record (<code>audit.quarantine</code>: source file and line).</p>" + quarantine_only
            + "".join(reasons) + "<h3>Landed and quarantined</h3>" + chart)


def _lineage_section(data: ReportData) -> str:
    out = ["<h2>Lineage: from each KPI back to its source batches</h2>"]
    if data.indicator_lineage:
        out.append("<table><tr><th>indicator</th><th>department</th><th>values</th><th>stale</th><th>periods</th>"
                   "<th>landing batches</th></tr>")
        for row in data.indicator_lineage:
            refs = "".join(f"<li class='mono'>{escape(r)}</li>" for r in row["batch_refs"][:200])
            unknown = f"<li>{row['unknown_batches']} batch(es) not in the ingestion log</li>" if row["unknown_batches"] else ""
            out.append(
                f"<tr><td><span class='mono'>{escape(row['indicator_code'])}</span><br><span class='muted'>"
                f"{escape(row.get('name_en') or '')}</span></td><td>{escape(row.get('source_system') or '')}</td>"
                f"<td class='num'>{row['n_values']:,}</td><td class='num'>{row['n_stale']:,}</td>"
                f"<td>{escape(str(row['first_period']))} → {escape(str(row['last_period']))}</td>"
                f"<td><details><summary>{len(row['batch_ids'] or [])} batch(es) of {escape(', '.join(row['sources']) or '—')}"
                f"</summary><ul>{refs}{unknown}</ul></details></td></tr>"
            )
        out.append("</table>")
    if data.table_lineage:
        out.append("<h3>Other published tables (dbt lineage to their sources)</h3><table><tr><th>table</th><th>scope</th>"
                   "<th>sources</th><th>batches of those sources</th><th>newest batch loaded</th></tr>")
        for row in data.table_lineage:
            out.append(f"<tr><td class='mono'>{escape(row['table'])}</td><td>{escape(row['scope'])}</td>"
                       f"<td class='mono'>{escape(', '.join(row['sources']) or '— (reference data)')}</td>"
                       f"<td class='num'>{row['batches']:,}</td><td>{escape(_ts(row['last_loaded_at']))}</td></tr>")
        out.append("</table>")
    if len(out) == 1:
        out.append("<p>No published data to trace for this attempt.</p>")
    return "".join(out)


def _cols(*percent: int) -> str:
    return "<colgroup>" + "".join(f"<col style='width:{p}%'>" for p in percent) + "</colgroup>"


def _scope_label(scope: str) -> str:
    return "cross-department (per row)" if scope == ROWS else scope


def _card(label: str, value: Any) -> str:
    return f"<div class='card'><b>{_num(value)}</b><span class='muted'>{escape(label)}</span></div>"


def _sample(sample: str | None) -> str:
    if not sample:
        return ""
    try:
        parsed = json.loads(sample)
        text = json.dumps(parsed.get("rows", parsed), indent=1, ensure_ascii=False, default=str)
    except (ValueError, AttributeError):
        text = sample
    return f"<details><summary>rows found (sample)</summary><pre>{escape(text[:4000])}</pre></details>"


def _num(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:,}" if isinstance(value, (int, float)) else escape(str(value))


def _ts(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    return str(value)
