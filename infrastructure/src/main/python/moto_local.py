"""The local stack's DynamoDB and DynamoDB Streams: moto's server, in memory, one request at a time.

moto's own `moto_server` serves requests on threads, and moto's TransactWriteItems is not isolated from a write
on another thread: two bookings of one slot can both pass their conditions. Served on one thread, every call
runs alone, as each DynamoDB call is atomic. For the same reason connections are not kept alive (HTTP/1.0): a
client holding an idle connection would block every other client.

    python3 moto_local.py [--host 127.0.0.1] [--port 0]

Port 0 (the default) takes a free port. Once it accepts connections it prints "moto listening on PORT". It stops
when its standard input closes, so it does not outlive the JVM that started it, however that JVM ends.
"""

import argparse
import os
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import WSGIRequestHandler, make_server


class QuietRequestHandler(WSGIRequestHandler):
    """Leaves out the line per request; errors are still printed."""

    def log_request(self, code="-", size="-"):
        pass


def exit_when_parent_goes():
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    server = make_server(args.host, args.port, DomainDispatcherApplication(create_backend_app), threaded=False,
                         request_handler=QuietRequestHandler)
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    print(f"moto listening on {server.port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
