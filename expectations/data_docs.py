"""Build the static GX Data Docs site from every persisted validation result.

    uv run python -m expectations.data_docs [--context-dir DIR] [--open|--serve [--port N]]

prints the path of index.html; with ``--open`` it also serves the site on 127.0.0.1 (Ctrl-C
stops it). The site works offline: its CDN assets are replaced by vendored copies
(``data_docs_offline``). Importing this module does not import great_expectations.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from expectations.data_docs_offline import make_offline

SITE_NAME = "local_site"


def build_data_docs(context_dir: str | Path | None = None) -> Path:
    """(Re)build the site under ``context_dir`` (default ``ingestion.settings.gx_dir()``)."""
    from expectations.runner import _default_context_dir, _import_gx, context_session, open_context

    ctx_dir = Path(context_dir) if context_dir is not None else _default_context_dir()
    gx = _import_gx()
    with context_session(ctx_dir):
        context = open_context(gx, ctx_dir)
        urls = context.build_data_docs(site_names=[SITE_NAME])
    index = Path(unquote(urlparse(urls[SITE_NAME]).path))
    if not index.is_file():
        raise FileNotFoundError(f"GX reported {urls[SITE_NAME]} but {index} was not written")
    make_offline(index.parent)
    return index


def make_server(site_dir: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """An HTTP server for ``site_dir`` bound to 127.0.0.1 (port 0: any free port)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m expectations.data_docs", description=__doc__.splitlines()[0])
    parser.add_argument("--context-dir", type=Path, default=None, help="GX context directory (default: IOC_GX_DIR)")
    parser.add_argument("--open", "--serve", dest="open", action="store_true", help="serve the site on 127.0.0.1 until Ctrl-C")
    parser.add_argument("--port", type=int, default=8765, help="port for --open (default 8765, 0 = any)")
    args = parser.parse_args(argv)

    index = build_data_docs(args.context_dir)
    print(index, flush=True)
    if args.open:
        server = make_server(index.parent, args.port)
        print(f"serving http://127.0.0.1:{server.server_address[1]}/index.html (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
