#!/usr/bin/env python3
"""A tiny HTTP server for tests/test_fetch: each path is one way a feed
server can behave or misbehave.

Usage: httpd.py LOGFILE [DOCROOT]

With DOCROOT, /site/PATH (any query string ignored) serves DOCROOT/PATH, its
Content-Type from its extension (SITE_TYPES), for the pages and feeds of
tests/validate-page.sh.

Binds 127.0.0.1 on a free port and prints that port alone on the first line
of stdout. Every accepted connection is logged as "connect" and every request
as "GET /path" in LOGFILE, flushed before the answer is sent, so a test can
check that a refused URL made no request at all. The server stops by itself
after LIFETIME seconds in case the test that started it dies without killing
it, and every streamed body is bounded in size and time.

Only the standard library is used.
"""

import http.server
import os
import sys
import threading
import time
import zlib

LIFETIME = 300  # seconds; the test kills the server long before this
STREAM_LIMIT = 256 << 20  # /big, /endless stop sending after this many bytes
STREAM_SECONDS = 60  # ... or after this long
BLOCK = 64 << 10
SLEEP = 60  # /slow and /stall: far longer than any timeout a test uses

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Test feed</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6</id>
  <updated>2024-01-02T03:04:05Z</updated>
  <author><name>Tester</name></author>
  <entry>
    <title>First post</title>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2024-01-02T03:04:05Z</updated>
    <summary>Hello.</summary>
  </entry>
</feed>
"""
ATOM_TYPE = "application/atom+xml; charset=utf-8"

REASONS_ONLY = {"/404": 404, "/500": 500}

SITE_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".json": "application/feed+json",
    ".wp-json": "application/json",
    ".opml": "text/x-opml",
}


def gzip_bytes(data):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip wrapper
    return c.compress(data) + c.flush()


def deflate_bytes(data):
    return zlib.compress(data, 9)  # zlib wrapper, what HTTP calls "deflate"


def gzip_bomb(inflated_size):
    """A gzip stream of inflated_size zero bytes, built without holding them."""
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = bytes(1 << 20)
    parts = [c.compress(zeros) for _ in range(inflated_size >> 20)]
    parts.append(c.flush())
    return b"".join(parts)


# 256 MiB inflated from a few hundred KiB: only a check after decoding stops it.
BOMB = gzip_bomb(256 << 20)


class Log:
    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8")

    def write(self, line):
        with self.lock:
            self.file.write(line + "\n")
            self.file.flush()


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, addr, handler, log, docroot=None):
        self.log = log
        self.docroot = docroot
        super().__init__(addr, handler)

    def verify_request(self, request, client_address):
        self.log.write("connect")
        return True

    def handle_error(self, request, client_address):
        # A client that hangs up (the point of several tests) is no error.
        if sys.exc_info()[0] in (BrokenPipeError, ConnectionResetError):
            return
        super().handle_error(request, client_address)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "feedgen-test-httpd"

    def log_message(self, format, *args):
        pass  # keep the test's output to TAP

    def do_GET(self):
        self.server.log.write("GET " + self.path)
        path = self.path
        if path in ROUTES:
            return ROUTES[path](self)
        if path.startswith("/site/") and self.server.docroot:
            return self.site_file(path[len("/site/"):].split("?")[0])
        if path.startswith("/redirect-chain/"):
            return self.redirect_chain(path[len("/redirect-chain/"):])
        return self.send_bytes(404, b"not found\n", "text/plain")

    # -- helpers --

    def send_bytes(self, status, body, ctype, encoding=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location, status=302):
        self.send_response(status)
        if location is not None:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream(self, write_block):
        """Call write_block until the client goes away or a bound is hit."""
        sent = 0
        start = time.monotonic()
        try:
            while sent < STREAM_LIMIT and time.monotonic() - start < STREAM_SECONDS:
                sent += write_block()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def site_file(self, rel):
        parts = rel.split("/")
        if ".." in parts or rel.startswith("/"):
            return self.send_bytes(403, b"forbidden\n", "text/plain")
        path = os.path.join(self.server.docroot, *parts)
        if not os.path.isfile(path):
            return self.send_bytes(404, b"not found\n", "text/plain")
        with open(path, "rb") as f:
            body = f.read()
        ext = os.path.splitext(path)[1]
        self.send_bytes(200, body, SITE_TYPES.get(ext, "application/octet-stream"))

    # -- routes --

    def ok_xml(self):
        self.send_bytes(200, ATOM, ATOM_TYPE)

    def gzip_xml(self):
        self.send_bytes(200, gzip_bytes(ATOM), ATOM_TYPE, "gzip")

    def deflate_xml(self):
        self.send_bytes(200, deflate_bytes(ATOM), ATOM_TYPE, "deflate")

    def bad_gzip(self):
        self.send_bytes(200, b"this is not gzip at all", ATOM_TYPE, "gzip")

    def no_type(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(ATOM)))
        self.end_headers()
        self.wfile.write(ATOM)

    def headers_echo(self):
        body = str(self.headers).encode("utf-8")
        self.send_bytes(200, body, "text/plain; charset=utf-8")

    def status_only(self):
        code = REASONS_ONLY[self.path]
        self.send_bytes(code, b"error page\n", "text/html")

    def redirect_loop(self):
        self.redirect("/redirect-loop")

    def redirect_chain(self, rest):
        try:
            n = int(rest)
        except ValueError:
            return self.send_bytes(400, b"bad hop count\n", "text/plain")
        self.redirect("/ok.xml" if n <= 1 else "/redirect-chain/%d" % (n - 1))

    def redirect_file(self):
        self.redirect("file:///etc/passwd")

    def redirect_ftp(self):
        host, port = self.server.server_address[:2]
        self.redirect("ftp://%s:%d/ok.xml" % (host, port))

    def redirect_nowhere(self):
        self.redirect(None)

    def slow(self):
        time.sleep(SLEEP)  # no answer at all
        self.send_bytes(200, ATOM, ATOM_TYPE)

    def stall(self):
        # Headers and half the body, then silence.
        self.send_response(200)
        self.send_header("Content-Type", ATOM_TYPE)
        self.send_header("Content-Length", str(len(ATOM)))
        self.end_headers()
        self.wfile.write(ATOM[: len(ATOM) // 2])
        self.wfile.flush()
        time.sleep(SLEEP)
        self.close_connection = True

    def big(self):
        # No Content-Length: the body ends when the connection closes, so
        # only counting the bytes as they come can stop it.
        self.send_response(200)
        self.send_header("Content-Type", ATOM_TYPE)
        self.send_header("Connection", "close")
        self.end_headers()
        block = b"x" * BLOCK
        self.stream(lambda: self.wfile.write(block))

    def big_length(self):
        # Declares its size up front: the client can refuse before the body.
        self.send_response(200)
        self.send_header("Content-Type", ATOM_TYPE)
        self.send_header("Content-Length", str(STREAM_LIMIT))
        self.end_headers()
        block = b"x" * BLOCK
        self.stream(lambda: self.wfile.write(block))

    def endless(self):
        self.send_response(200)
        self.send_header("Content-Type", ATOM_TYPE)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"%x\r\n" % BLOCK + b"y" * BLOCK + b"\r\n"

        def write_chunk():
            self.wfile.write(chunk)
            return BLOCK

        self.stream(write_chunk)

    def gzip_bomb(self):
        self.send_bytes(200, BOMB, ATOM_TYPE, "gzip")

    def big_header(self):
        # One header line of 1 MiB, past libcurl's 100 KiB for a line.
        self.send_response(200)
        self.send_header("X-Big", "b" * (1 << 20))
        self.send_header("Content-Type", ATOM_TYPE)
        self.send_header("Content-Length", str(len(ATOM)))
        self.end_headers()
        self.wfile.write(ATOM)

    def many_headers(self):
        # 1 MiB of header in lines of 1 KiB each.
        self.send_response(200)
        for i in range(1024):
            self.send_header("X-Many-%d" % i, "m" * 1000)
        self.send_header("Content-Type", ATOM_TYPE)
        self.send_header("Content-Length", str(len(ATOM)))
        self.end_headers()
        self.wfile.write(ATOM)

    def bad_zstd(self):
        # Not zstd data: libcurl fails without a word of its own.
        self.send_bytes(200, b"this is not zstd at all", ATOM_TYPE, "zstd")

    def as_html(self):
        self.send_bytes(200, ATOM, "text/html; charset=utf-8")

    def as_xml(self):
        self.send_bytes(200, ATOM, "application/xml")

    # -- the HTTP exchange against the document (tests/validate-warn-http.sh) --

    def charset_mismatch(self):
        # The body declares utf-8; the server says iso-8859-1 (RFC 3023 §8).
        self.send_bytes(200, ATOM, "application/atom+xml; charset=iso-8859-1")

    def charset_alias(self):
        # "UTF8", quoted: the same encoding under another spelling.
        self.send_bytes(200, ATOM, 'application/atom+xml; charset="UTF8"')

    def self_feed(self, href):
        link = b'  <link rel="self" href="' + href.encode() + b'"/>\n'
        return ATOM.replace(b"  <author>", link + b"  <author>", 1)

    def self_here(self):
        host, port = self.server.server_address[:2]
        here = "http://%s:%d/self-here.xml" % (host, port)
        self.send_bytes(200, self.self_feed(here), "application/atom+xml")

    def self_moved(self):
        self.redirect("/self-here.xml", 301)

    def self_elsewhere(self):
        self.send_bytes(200, self.self_feed("http://example.com/feed.xml"),
                        "application/atom+xml")

    def gzip_file(self):
        # A .gz file served as is, no Content-Encoding: the body is gzip.
        self.send_bytes(200, gzip_bytes(ATOM), "application/gzip")


ROUTES = {
    "/ok.xml": Handler.ok_xml,
    "/gzip.xml": Handler.gzip_xml,
    "/deflate.xml": Handler.deflate_xml,
    "/bad-gzip": Handler.bad_gzip,
    "/no-type": Handler.no_type,
    "/headers": Handler.headers_echo,
    "/404": Handler.status_only,
    "/500": Handler.status_only,
    "/redirect-loop": Handler.redirect_loop,
    "/redirect-file": Handler.redirect_file,
    "/redirect-ftp": Handler.redirect_ftp,
    "/redirect-nowhere": Handler.redirect_nowhere,
    "/slow": Handler.slow,
    "/stall": Handler.stall,
    "/big": Handler.big,
    "/big-length": Handler.big_length,
    "/endless": Handler.endless,
    "/gzip-bomb": Handler.gzip_bomb,
    "/big-header": Handler.big_header,
    "/many-headers": Handler.many_headers,
    "/bad-zstd": Handler.bad_zstd,
    "/as-html": Handler.as_html,
    "/as-xml": Handler.as_xml,
    "/gzip-file": Handler.gzip_file,
    "/charset-mismatch": Handler.charset_mismatch,
    "/charset-alias": Handler.charset_alias,
    "/self-here.xml": Handler.self_here,
    "/self-moved": Handler.self_moved,
    "/self-elsewhere": Handler.self_elsewhere,
}


def main():
    if len(sys.argv) not in (2, 3):
        sys.stderr.write("usage: httpd.py LOGFILE [DOCROOT]\n")
        return 2
    docroot = sys.argv[2] if len(sys.argv) == 3 else None
    server = Server(("127.0.0.1", 0), Handler, Log(sys.argv[1]), docroot)
    print(server.server_address[1], flush=True)
    # Stop by ourselves if nobody stops us.
    threading.Timer(LIFETIME, lambda: os._exit(0)).start()
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
