"""A small HTTP load generator for loopback, used when `wrk` is not installed.

Runs in its own process (so it does not share a GIL with anything it measures): N threads,
each with its own keep-alive `http.client` connection (reopened when the server closes it,
as gunicorn's sync workers do after each response), hammering one path for a fixed time.
Prints one line of JSON: requests, seconds, non-200 responses and connection errors.

    python -m bench.loadgen --port 8123 --path /plans/ --seconds 5 --connections 4 \
        --header "Cookie: sessionid=..."

Loopback only, and bounded: it stops after `--seconds` or `--max-requests`, whichever is first.
"""

import argparse
import http.client
import json
import threading
import time

LOOPBACK = "127.0.0.1"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--header", action="append", default=[], help='"Name: value"')
    args = parser.parse_args()

    headers = {"Host": LOOPBACK}
    for header in args.header:
        name, _, value = header.partition(":")
        headers[name.strip()] = value.strip()

    lock = threading.Lock()
    totals = {"requests": 0, "bad": 0, "errors": 0}
    deadline = time.perf_counter() + args.seconds

    def worker() -> None:
        done = bad = errors = 0
        conn = http.client.HTTPConnection(LOOPBACK, args.port, timeout=30)
        while time.perf_counter() < deadline:
            with lock:
                if totals["requests"] + done >= args.max_requests:
                    break
            try:
                conn.request("GET", args.path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
                if response.will_close:
                    conn.close()  # http.client reopens it on the next request
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                continue
            done += 1
        conn.close()
        with lock:
            totals["requests"] += done
            totals["bad"] += bad
            totals["errors"] += errors

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    totals["seconds"] = time.perf_counter() - started
    print(json.dumps(totals))


if __name__ == "__main__":
    main()
