#!/usr/bin/env python3
"""A WebSub hub for tests/ping.sh, in one of three behaviours.

Usage: hub.py MODE LOGFILE [ROOT]

  record  answers 204 to every POST, as a hub that took the notification
  500     answers 500 Internal Server Error (with a line of text) to everything
  hang    accepts the connection, reads the request and never answers

Every request is appended to LOGFILE as one line, flushed before any answer,
so a test counts the tries too:
    METHOD PATH<TAB>CONTENT-TYPE<TAB>BODY
(BODY as received, bytes outside printable ASCII as \\xNN). With ROOT, a GET is
answered with the file under ROOT (the feeds feedgen -o wrote), so the same
server serves a site's feeds for `feedgen ping FEED-URL`.

Binds 127.0.0.1 on a free port and prints that port alone on the first line
of stdout. Stops by itself after LIFETIME seconds in case the test that
started it dies without killing it. Only the standard library is used.
"""

import http.server
import os
import sys
import threading
import time

LIFETIME = 300  # seconds; the test kills the server long before this
HANG = 120  # seconds a hanging answer waits: longer than any timeout used
MAX_BODY = 1 << 20
TYPES = {".xml": "application/atom+xml", ".rss": "application/rss+xml",
         ".json": "application/feed+json"}


def shown(data):
    return "".join(chr(b) if 0x20 <= b < 0x7f and b != 0x5c else "\\x%02x" % b
                   for b in data)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the log file is the record
        pass

    def record(self):
        n = min(int(self.headers.get("Content-Length") or 0), MAX_BODY)
        body = self.rfile.read(n) if n else b""
        line = "%s %s\t%s\t%s\n" % (self.command, self.path,
                                    self.headers.get("Content-Type", ""), shown(body))
        with self.server.lock:
            with open(self.server.logfile, "a", encoding="utf-8") as f:
                f.write(line)
                f.flush()

    def answer(self, status, body=b"", ctype="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.record()
        mode = self.server.mode
        if mode == "hang":
            time.sleep(HANG)
        elif mode == "500":
            self.answer(500, b"hub broken: try later\n")
        else:
            self.answer(204)

    def do_GET(self):
        root = self.server.root
        path = self.path.split("?")[0].lstrip("/")
        full = os.path.realpath(os.path.join(root or "/nonexistent", path))
        if not root or not full.startswith(os.path.realpath(root) + "/") \
                or not os.path.isfile(full):
            self.record()
            self.answer(404, b"not found\n")
            return
        with open(full, "rb") as f:
            data = f.read()
        self.answer(200, data, TYPES.get(os.path.splitext(full)[1], "application/xml"))


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[1] not in ("record", "500", "hang"):
        sys.stderr.write("usage: hub.py record|500|hang LOGFILE [ROOT]\n")
        return 2
    server = Server(("127.0.0.1", 0), Handler)
    server.mode = sys.argv[1]
    server.logfile = sys.argv[2]
    server.root = sys.argv[3] if len(sys.argv) == 4 else None
    server.lock = threading.Lock()
    open(server.logfile, "a").close()
    print(server.server_address[1], flush=True)
    threading.Timer(LIFETIME, lambda: os._exit(0)).start()
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
