"""Make the built GX Data Docs site work without Internet access.

GX 1.x pages load bootstrap, jQuery, bootstrap-table, Font Awesome … from public CDNs; offline,
the index page is blank (bootstrap-table draws its tables) and the validation pages lose their
layout and icons. ``make_offline(site_dir)`` copies the same versions, vendored in
``data_docs_vendor/`` (see its LICENSES.md), into ``<site>/static/vendor/`` and rewrites every
page to use them; the few scripts not vendored (vega charts, dark theme) are dropped. Idempotent:
rewritten pages no longer contain CDN links. Plain Python, no GX import.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "data_docs_vendor"
SITE_VENDOR = Path("static") / "vendor"

# CDN asset (URL without query string) -> vendored file (relative to VENDOR_DIR); None = drop the tag
ASSETS: dict[str, str | None] = {
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": "bootstrap.min.css",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": "bootstrap.min.js",
    "https://code.jquery.com/jquery-3.7.1.min.js": "jquery.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": "popper.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": "bootstrap-table.min.css",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": "bootstrap-table.min.js",
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js":
        "bootstrap-table-filter-control.min.js",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css":
        "bootstrap-table-filter-control.min.css",
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css":
        "bootstrap-table-filter-control.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css":
        "bootstrap-datepicker.min.css",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js":
        "bootstrap-datepicker.min.js",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": "fontawesome/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css": None,
    "https://cdn.jsdelivr.net/npm/vega@5": None,
    "https://cdn.jsdelivr.net/npm/vega-lite@5": None,
    "https://cdn.jsdelivr.net/npm/vega-embed@6": None,
}
# GX's logo is linked from its S3 bucket; the site ships the same image.
LOGO = re.compile(r'src="https://great-expectations-web-assets\.s3\.[^"]*/logo-long\.png[^"]*"')

_TAG = re.compile(r'<(script|link)\b[^>]*?(?:src|href)="(https?://[^"?]+)(?:\?[^"]*)?"[^>]*>(?:\s*</script>)?', re.I)
_INTEGRITY = re.compile(r'\s+(?:integrity|crossorigin)="[^"]*"', re.I)
_ASSET_ATTR = re.compile(r'<(?:script|link|img)\b[^>]*?(?:src|href)="(https?://[^"]+)"', re.I)


def make_offline(site_dir: Path) -> list[str]:
    """Vendor the assets into ``site_dir`` and rewrite its pages; returns external assets left."""
    site_dir = Path(site_dir)
    target = site_dir / SITE_VENDOR
    shutil.copytree(VENDOR_DIR, target, dirs_exist_ok=True)
    left: set[str] = set()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        rewritten = _rewrite(html, page, site_dir)
        if rewritten != html:
            page.write_text(rewritten, encoding="utf-8")
        left.update(external_assets(rewritten))
    return sorted(left)


def external_assets(html: str) -> list[str]:
    """URLs the page would load from the network (scripts, stylesheets, images; not plain links)."""
    return [m.group(1) for m in _ASSET_ATTR.finditer(html) if not _is_plain_link(m.group(0))]


def _rewrite(html: str, page: Path, site_dir: Path) -> str:
    def local(file: str) -> str:
        return Path(os.path.relpath(site_dir / SITE_VENDOR / file, page.parent)).as_posix()

    def replace(match: re.Match) -> str:
        url = match.group(2)
        if url not in ASSETS:
            return match.group(0)
        if ASSETS[url] is None:
            return ""
        tag = match.group(0)
        cdn = tag[tag.index(url):].split('"', 1)[0]  # the URL with its query string
        # A local file has no CDN integrity hash to match, and a crossorigin request to file:// fails.
        tag = _INTEGRITY.sub("", tag.replace(cdn, local(ASSETS[url]), 1))
        return tag

    html = _TAG.sub(replace, html)
    logo = Path(os.path.relpath(site_dir / "static" / "images" / "logo-long.png", page.parent)).as_posix()
    return LOGO.sub(f'src="{logo}"', html)


def _is_plain_link(tag: str) -> bool:
    # <link rel="..."> with an external href that is not a stylesheet (e.g. canonical) loads nothing
    return tag.lower().startswith("<link") and "stylesheet" not in tag.lower()
