#!/usr/bin/env python3
"""Interleave's development server: the static files of build/web/dist with the headers
WebAssembly threads need.

SharedArrayBuffer (and so pthreads) exists only in a cross-origin isolated page, which needs
    Cross-Origin-Opener-Policy: same-origin
    Cross-Origin-Embedder-Policy: require-corp
on the page, and Cross-Origin-Resource-Policy on what it loads. `.wasm` must be served as
application/wasm for streaming compilation.

    python3 web/serve.py --dir build/web/dist [--port 8000] [--host 127.0.0.1]
    python3 web/serve.py ... --no-isolation   # without COOP/COEP: what a plain static host does
                                              # (the page explains, or coi-sw.js steps in)
--port 0 picks a free port. The first line printed is the address (tests read it).
"""
import argparse
import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    isolation = True

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".ttf": "font/ttf",
    }

    def end_headers(self):
        if self.isolation:
            self.send_header("Cross-Origin-Opener-Policy", "same-origin")
            self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
            self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        # A development server: always the files just built.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("INTERLEAVE_SERVE_QUIET") != "1":
            super().log_message(fmt, *args)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="build/web/dist", help="directory to serve")
    parser.add_argument("--port", type=int, default=8000, help="port (0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--no-isolation", action="store_true",
                        help="omit COOP/COEP/CORP (to see what a plain static host does)")
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit(f"serve.py: no index.html in {args.dir} (run ./build.sh web first)")
    Handler.isolation = not args.no_isolation
    handler = functools.partial(Handler, directory=args.dir)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    try:
        server = http.server.ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as e:
        sys.exit(f"serve.py: cannot listen on {args.host}:{args.port}: {e.strerror}"
                 f" (another server running? try --port {args.port + 1})")
    host, port = server.server_address[:2]
    mode = "cross-origin isolated" if Handler.isolation else "WITHOUT COOP/COEP (not isolated)"
    print(f"Interleave: http://{host}:{port}/  ({mode}; Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
