"""Incident-lab web app: the endpoint shapes of the playbook, served by Gunicorn.

Behaviour is steered only by environment variables set by the lab runner, so the
same code runs in every scenario; the scenario changes the load and the platform.
"""
import os
import sys
import threading
import time

import requests
from flask import Flask, jsonify, request

PARTNER = os.environ.get("LAB_PARTNER_URL", "http://127.0.0.1:9100")
WARMUP_SECONDS = float(os.environ.get("LAB_WARMUP_SECONDS", "0"))
DEP_CONNECT_TIMEOUT = float(os.environ.get("LAB_DEP_CONNECT_TIMEOUT", "1.0"))
DEP_READ_TIMEOUT = float(os.environ.get("LAB_DEP_READ_TIMEOUT", "1.0"))
DEP_RETRIES = int(os.environ.get("LAB_DEP_RETRIES", "2"))
SLOW_MS_DEFAULT = int(os.environ.get("LAB_SLOW_MS", "2000"))
ENV_ALLOW_LIST = ("LAB_SCENARIO", "LAB_INSTANCE", "WEBSITE_SITE_NAME", "GUNICORN_CMD_ARGS")

app = Flask(__name__)
_ready = threading.Event()


class DependencyError(Exception):
    """The partner answered with a server error after all retries."""


def _warm_up():
    # Stands in for cache priming / connection setup a real app does after boot.
    time.sleep(WARMUP_SECONDS)
    _ready.set()
    print(f"app warm-up finished after {WARMUP_SECONDS:.1f}s in pid {os.getpid()}", flush=True)


if WARMUP_SECONDS > 0:
    threading.Thread(target=_warm_up, daemon=True).start()
else:
    _ready.set()


def _not_ready_response():
    return jsonify(status="warming up"), 503


def _clamp_int(name, default, low, high):
    raw = request.args.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        value = default
    return max(low, min(high, value))


@app.before_request
def _gate_until_warm():
    if not _ready.is_set():
        return _not_ready_response()
    return None


@app.get("/health")
def health():
    return jsonify(status="ok", pid=os.getpid())


@app.get("/fast")
def fast():
    return jsonify(ok=True, pid=os.getpid())


@app.get("/slow")
def slow():
    ms = _clamp_int("ms", SLOW_MS_DEFAULT, 0, 120000)
    time.sleep(ms / 1000.0)
    return jsonify(slept_ms=ms)


@app.get("/diag/env")
def diag_env():
    return jsonify({k: os.environ.get(k, "") for k in ENV_ALLOW_LIST})


@app.get("/diag/stats")
def diag_stats():
    # A moderately slow diagnostic: some CPU plus a short wait, like a stats query.
    started = time.time()
    total = sum(i * i for i in range(150000))
    time.sleep(0.3)
    return jsonify(checksum=total % 9973, took_ms=int((time.time() - started) * 1000))


@app.get("/cpu")
def cpu():
    """Burns `ms` milliseconds of this thread's CPU time in pure Python: the CPU-hungry path (c1).

    Counted in CPU time, not wall time, so when the container's CPU is saturated the same work
    takes longer on the wall clock, as a real computation does.
    """
    ms = _clamp_int("ms", 100, 0, 10000)
    budget = ms / 1000.0
    started = time.thread_time()
    acc = 0
    while time.thread_time() - started < budget:
        for i in range(2000):
            acc += i * i
    return jsonify(cpu_ms=ms, checksum=acc % 9973)


@app.get("/report")
def report():
    """Builds an in-memory report of `mb` megabytes: the memory-hungry path (m1).

    `ms_per_mb` paces the build (rows arriving from a query), so memory climbs over seconds.
    """
    mb = _clamp_int("mb", 10, 1, 2048)
    pace = _clamp_int("ms_per_mb", 0, 0, 1000) / 1000.0
    chunks = []
    for _ in range(mb):
        chunks.append(bytearray(1024 * 1024))
        if pace:
            time.sleep(pace)
    time.sleep(0.2)
    return jsonify(report_mb=len(chunks))


@app.get("/dependency")
def dependency():
    """Calls the partner API with a timeout and retries; no fallback on failure."""
    last_error = None
    for attempt in range(DEP_RETRIES + 1):
        try:
            resp = requests.get(
                f"{PARTNER}/api/quote",
                timeout=(DEP_CONNECT_TIMEOUT, DEP_READ_TIMEOUT),
            )
        except requests.exceptions.Timeout as err:
            last_error = err
            print(f"dependency attempt {attempt + 1} timed out: {err}", file=sys.stderr, flush=True)
            time.sleep(0.1 * (attempt + 1))
            continue
        if resp.status_code >= 500:
            last_error = DependencyError(f"partner returned {resp.status_code}")
            time.sleep(0.1 * (attempt + 1))
            continue
        return jsonify(quote=resp.json(), attempts=attempt + 1)
    if isinstance(last_error, DependencyError):
        app.logger.error("dependency failed after %d attempts: %s", DEP_RETRIES + 1, last_error)
        return jsonify(error=str(last_error)), 502
    raise last_error


@app.get("/outbound")
def outbound():
    """Fans out `calls` requests, each on a brand-new connection (no pooling)."""
    calls = _clamp_int("calls", 4, 1, 64)
    for _ in range(calls):
        with requests.Session() as session:
            session.get(f"{PARTNER}/api/ping", timeout=(DEP_CONNECT_TIMEOUT, DEP_READ_TIMEOUT))
    return jsonify(calls=calls)
