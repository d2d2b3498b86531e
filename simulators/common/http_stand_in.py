"""A small JSON-over-HTTP server with bearer auth and injectable faults, for API stand-ins.

Each stand-in gives it a table of routes (``path -> handler(params, server) -> dict | bytes``);
this module does the rest the way a real departmental API gateway would: 401 without the
token, 400 with a message on bad parameters, and, when asked to, 500s, slow answers and
outages. Faults are counted per request so a scenario replays identically.

An API stand-in describes itself once with :class:`ApiStandIn` (its name, token and URL
variables, port and routes) and gets from it what every one of them does the same way: start in
a background thread, start for the demo with a throw-away token, and ``python -m <stand-in> serve``.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import threading
import time
from dataclasses import asdict, dataclass, fields
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit


class BadRequest(ValueError):
    """The client sent parameters the API does not accept (answered with HTTP 400)."""


@dataclass
class ServerFaults:
    error_first: int = 0            # the first n requests answer 500
    error_every: int = 0            # then every n-th request answers 500 (0 = never)
    slow_first: int = 0             # the first n requests wait ``slow_seconds`` before answering
    slow_every: int = 0
    slow_seconds: float = 0.0
    page_size_after_first: int = 0  # pages after the first of a stream hold this many records
    outage_after: int = -1          # every request after the n-th answers 503 (-1 = never)

    @classmethod
    def load(cls, path: Path) -> "ServerFaults":
        if not path.is_file():
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in json.loads(path.read_text()).items() if k in known})

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=2) + "\n")


Route = Callable[[dict, "StandInServer"], "dict | bytes"]


class StandInServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, *, system: str, routes: dict[str, Route], token: str,
                 faults: ServerFaults | None = None, clock: Callable[[], float] = time.time, verbose: bool = False):
        super().__init__(address, _Handler)
        self.system = system
        self.routes = routes
        self.token = token
        self.faults = faults or ServerFaults()
        self.clock = clock  # the system's "now": data stamped later is not yet visible
        self.verbose = verbose
        self.requests_seen = 0
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def next_request_number(self) -> int:
        with self._lock:
            self.requests_seen += 1
            return self.requests_seen

    def start(self) -> "StandInServer":
        threading.Thread(target=self.serve_forever, name=f"{self.system}-stand-in", daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def page_size_for(params: dict, server: StandInServer, *, default: int, maximum: int) -> int:
    """The requested page size, capped; after the first page a fault may change it mid-stream."""
    try:
        size = int(params.get("page_size", default))
    except ValueError:
        raise BadRequest(f"page_size must be an integer, got {params['page_size']!r}") from None
    if size < 1:
        raise BadRequest("page_size must be >= 1")
    if params.get("cursor") and server.faults.page_size_after_first:
        return server.faults.page_size_after_first
    return min(size, maximum)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes: avoid 40 ms ACK stalls
    server: StandInServer

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        url = urlsplit(self.path)
        params = {k: v[-1] for k, v in parse_qs(url.query).items()}
        route = self.server.routes.get(url.path)
        if route is None:
            return self._send(404, {"error": "not_found", "message": f"no endpoint {url.path}"})
        if self.headers.get("Authorization") != f"Bearer {self.server.token}":
            return self._send(401, {"error": "unauthorized", "message": "missing or invalid bearer token"},
                              extra_headers={"WWW-Authenticate": "Bearer"})
        number = self.server.next_request_number()
        faults = self.server.faults
        if 0 <= faults.outage_after < number:
            return self._send(503, {"error": "unavailable", "message": "maintenance"})
        if number <= faults.error_first or (faults.error_every and number % faults.error_every == 0):
            return self._send(500, {"error": "internal", "message": "upstream database error"})
        if number <= faults.slow_first or (faults.slow_every and number % faults.slow_every == 0):
            time.sleep(faults.slow_seconds)
        try:
            body = route(params, self.server)
        except BadRequest as exc:
            return self._send(400, {"error": "bad_request", "message": str(exc)})
        self._send(200, body)

    def _send(self, status: int, body: "dict | bytes", extra_headers: dict | None = None) -> None:
        payload = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in (extra_headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. its timeout fired first), as real clients do

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server signature)
        if self.server.verbose:
            print(f"{self.server.system}: {format % args}", file=sys.stderr)


@dataclass(frozen=True)
class ApiStandIn:
    """One departmental API stand-in: the store it serves and how clients find it."""

    system: str                                   # e.g. "traffic_cameras"; its store is sources_dir()/<system>
    token_env: str                                # bearer token the server requires (and the connector sends)
    url_env: str                                  # where the connector looks for the API
    default_port: int                             # of ``python -m simulators.<system> serve``
    build_routes: Callable[[Path], dict[str, Route]]

    def default_dir(self) -> Path:
        from ingestion import settings

        return settings.sources_dir() / self.system

    def start(self, data_dir, host: str = "127.0.0.1", port: int = 0, *, token: str | None = None,
              faults: ServerFaults | None = None, clock: Callable[[], float] = time.time,
              verbose: bool = False) -> tuple[StandInServer, str]:
        """Serve ``data_dir`` in a background thread; returns the server and its base URL. Without
        ``faults``, those of the store's ``server_faults.json`` (none if absent)."""
        data_dir = Path(data_dir)
        token = token or os.environ.get(self.token_env)
        if not token:
            raise RuntimeError(f"the {self.system} stand-in needs a token: set {self.token_env}")
        server = StandInServer(
            (host, port), system=self.system, routes=self.build_routes(data_dir), token=token,
            faults=faults if faults is not None else ServerFaults.load(data_dir / "server_faults.json"),
            clock=clock, verbose=verbose,
        ).start()
        return server, server.base_url

    def start_demo(self) -> StandInServer:
        """Serve the default store on a free port and point the connector at it."""
        if not os.environ.get(self.token_env):
            os.environ[self.token_env] = secrets.token_urlsafe(24)  # demo only: protects nothing real
        server, base_url = self.start(self.default_dir())
        os.environ[self.url_env] = base_url
        return server

    def serve_cli(self, argv: list[str]) -> int:
        """``python -m simulators.<system> serve [--data-dir DIR] [--port N] [--faults default|none]``."""
        parser = argparse.ArgumentParser(prog=f"python -m simulators.{self.system} serve")
        parser.add_argument("--data-dir", type=Path, default=None)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=self.default_port)
        parser.add_argument("--faults", choices=("default", "none"), default="default")
        parser.add_argument("--verbose", action="store_true")
        args = parser.parse_args(argv)
        server, base_url = self.start(args.data_dir or self.default_dir(), args.host, args.port,
                                      faults=None if args.faults == "default" else ServerFaults(), verbose=args.verbose)
        print(f"{self.system} API on {base_url} (Ctrl-C to stop)", file=sys.stderr, flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            server.stop()
        return 0
