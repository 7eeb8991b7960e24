"""A small fault-injecting HTTP/1.1 proxy between the WebDAV hub and the real server.

Each planned fault waits for the first request of its method, then: answers a status
without forwarding ("500", "503", "423", "429"), drops the connection before the server
sees the request ("drop-before") or after the server did it ("drop-after"), cuts an
upload halfway ("cut-upload": the server gets half the body, the client an error),
delivers the request twice ("twice"), or answers late ("slow"). Conditional headers
(If-Match, If-None-Match) are always stripped, like the servers that ignore them.
"""

import http.client
import socket
import threading
import time

STATUS_FAULTS = {"500", "503", "423", "429"}
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class FaultProxy:
    def __init__(self, upstream_port: int, slow_seconds: float = 0.8):
        self.upstream_port = upstream_port
        self.slow_seconds = slow_seconds
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.lock = threading.Lock()
        self.faults: list[tuple[str, str]] = []
        self.requests: list[str] = []  # methods seen, for the request-count checks
        self.open_sockets: set[socket.socket] = set()
        self.thread = threading.Thread(target=self.accept_forever, name="fault-proxy", daemon=True)

    def plan(self, *faults: tuple[str, str]) -> None:
        with self.lock:
            self.faults = list(faults)
            self.requests = []

    def take_fault(self, method: str) -> str | None:
        with self.lock:
            self.requests.append(method)
            for index, (wanted, kind) in enumerate(self.faults):
                if wanted == method:
                    del self.faults[index]
                    return kind
        return None

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.listener.close()
        with self.lock:
            for sock in list(self.open_sockets):
                close_quietly(sock)
        self.thread.join(timeout=5)

    def accept_forever(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # the listener was closed: the proxy stops
            with self.lock:
                self.open_sockets.add(client)
            threading.Thread(target=self.serve_connection, args=(client,), daemon=True).start()

    def serve_connection(self, client: socket.socket) -> None:
        upstream = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=10)
        reader = client.makefile("rb")
        try:
            while self.serve_one(client, reader, upstream):
                pass
        except OSError:
            pass  # the client went away (after its timeout, say)
        finally:
            upstream.close()
            reader.close()
            close_quietly(client)
            with self.lock:
                self.open_sockets.discard(client)

    def serve_one(self, client, reader, upstream) -> bool:
        """One request; False when the connection is to be dropped."""
        request_line = reader.readline()
        if not request_line.strip():
            return False
        method, target, _ = request_line.decode("latin-1").split(" ", 2)
        headers = []
        while (line := reader.readline()) not in (b"\r\n", b"\n", b""):
            name, value = line.decode("latin-1").split(":", 1)
            headers.append((name.strip(), value.strip()))
        length = int(next((v for n, v in headers if n.lower() == "content-length"), "0"))
        body = reader.read(length) if length else b""
        headers = [(n, v) for n, v in headers if n.lower() not in ("if-match", "if-none-match")]
        fault = self.take_fault(method)

        if fault in STATUS_FAULTS:
            client.sendall(f"HTTP/1.1 {fault} Fault\r\nContent-Length: 0\r\n\r\n".encode())
            return True
        if fault == "drop-before":
            return False
        if fault == "cut-upload":
            self.send_half(method, target, headers, body)
            return False
        status, reason, response_headers, response_body = self.forward(upstream, method, target, headers, body)
        if fault == "twice":
            status, reason, response_headers, response_body = self.forward(upstream, method, target, headers, body)
        if fault == "drop-after":
            return False
        if fault == "slow":
            time.sleep(self.slow_seconds)
        head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{n}: {v}\r\n" for n, v in response_headers)
        client.sendall(head.encode("latin-1") + f"Content-Length: {len(response_body)}\r\n\r\n".encode() + response_body)
        return True

    def forward(self, upstream, method, target, headers, body):
        upstream.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        for name, value in headers:
            upstream.putheader(name, value)
        upstream.endheaders(body if body else None)
        response = upstream.getresponse()
        response_body = response.read()
        kept = [(n, v) for n, v in response.getheaders() if n.lower() not in HOP_BY_HOP]
        return response.status, response.reason, kept, response_body

    def send_half(self, method, target, headers, body) -> None:
        """The server gets the full Content-Length but only half the bytes, then silence."""
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5) as raw:
            head = f"{method} {target} HTTP/1.1\r\n" + "".join(f"{n}: {v}\r\n" for n, v in headers) + "\r\n"
            raw.sendall(head.encode("latin-1") + body[: len(body) // 2])
            time.sleep(0.05)  # let the server start on the body before the cut


def close_quietly(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
