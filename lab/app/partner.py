"""Partner/dependency HTTP server the lab app calls.

Its behaviour is read from a small mode file on every request, so the lab runner can
degrade and restore it during a scenario without restarting it:
  {"slowFraction": 0.6, "slowMs": 3000, "errorFraction": 0.15}
"""
import json
import random
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOST, PORT, MODE_FILE = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def read_mode():
    try:
        with open(MODE_FILE, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return {}


class PartnerHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so the caller closes first

    def _send(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server naming)
        mode = read_mode()
        roll = random.random()
        if roll < float(mode.get("errorFraction", 0)):
            self._send(503, {"error": "partner overloaded"})
            return
        if roll < float(mode.get("errorFraction", 0)) + float(mode.get("slowFraction", 0)):
            time.sleep(float(mode.get("slowMs", 0)) / 1000.0)
        self._send(200, {"path": self.path, "price": round(random.uniform(1, 100), 2)})

    def log_message(self, format, *args):  # noqa: A002 (signature fixed by http.server)
        return


class PartnerServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


if __name__ == "__main__":
    server = PartnerServer((HOST, PORT), PartnerHandler)
    print(f"partner listening on {HOST}:{PORT}", flush=True)
    server.serve_forever()
