#!/usr/bin/env python3
"""A tiny JSON web app built only on the Python standard library."""

import json
import os
import platform
import random
import signal
import sys
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

QUOTES = [
    {"id": 1, "author": "Antoine de Saint-Exupery",
     "text": "Perfection is achieved not when there is nothing more to add, "
             "but when there is nothing left to take away."},
    {"id": 2, "author": "Ken Thompson",
     "text": "When in doubt, use brute force."},
    {"id": 3, "author": "Edsger W. Dijkstra",
     "text": "Simplicity is prerequisite for reliability."},
]

STARTED_AT = time.monotonic()


def route(method, path, query):
    """Return (status, body) for a request; body is JSON-serialisable."""
    if path == "/health":
        if method != "GET":
            return 405, {"error": "method not allowed"}
        return 200, {
            "status": "ok",
            "uptimeSeconds": round(time.monotonic() - STARTED_AT),
            "python": platform.python_version(),
        }
    if path == "/api/time":
        if method != "GET":
            return 405, {"error": "method not allowed"}
        return 200, {"utc": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    if path == "/api/quotes":
        if method != "GET":
            return 405, {"error": "method not allowed"}
        author = query.get("author", [""])[0].lower()
        return 200, [q for q in QUOTES if author in q["author"].lower()]
    if path == "/api/quotes/random":
        if method != "GET":
            return 405, {"error": "method not allowed"}
        return 200, random.choice(QUOTES)
    return 404, {"error": "not found"}


class Handler(BaseHTTPRequestHandler):
    server_version = "python-web/1.0"

    def _handle(self):
        url = urlparse(self.path)
        status, body = route(self.command, url.path, parse_qs(url.query))
        payload = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))


def main():
    port = int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    # Exit cleanly on `docker stop` (SIGTERM) as well as Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"python-web listening on port {port}", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()
        print("python-web stopped", flush=True)


if __name__ == "__main__":
    main()
