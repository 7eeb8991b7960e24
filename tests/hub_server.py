"""A real WebDAV server for the hub's tests: wsgidav on cheroot, on 127.0.0.1, basic
auth with one user, serving a temporary folder; started in a thread, stopped cleanly."""

import contextlib
import threading
from pathlib import Path

from cheroot import wsgi
from wsgidav.wsgidav_app import WsgiDAVApp

USER = "atelier"
PASSWORD = "mot-de-passe-tres-secret-42"


@contextlib.contextmanager
def running_dav_server(folder: Path, wrap=None):
    """Yields the server's base address (``http://127.0.0.1:<free port>/``); ``wrap(app)``
    may put a WSGI layer around the server (the benchmark counts requests so)."""
    app = WsgiDAVApp({
        "provider_mapping": {"/": str(folder)},
        "simple_dc": {"user_mapping": {"*": {USER: {"password": PASSWORD}}}},
        "http_authenticator": {"accept_basic": True, "accept_digest": False, "default_to_digest": False},
        "lock_storage": True,
        "verbose": 0,
        "logging": {"enable": False},
    })
    server = wsgi.Server(("127.0.0.1", 0), wrap(app) if wrap else app, numthreads=20)
    server.prepare()  # binds now: the free port is known before the thread starts
    thread = threading.Thread(target=server.serve, name="wsgidav", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.bind_addr[1]}/"
    finally:
        server.stop()
        thread.join(timeout=10)
        assert not thread.is_alive(), "the WebDAV server did not stop"
