#!/usr/bin/env python3
"""A TLS front for a Windows test under Wine, run natively by scripts/test-windows.sh.

Under Wine a Qt TLS server cannot handshake (Schannel's PFXImportCertStore rejects Qt's
PKCS#12), so the test's in-process sandbox speaks plain text and this Linux program wraps
it: tls_proxy.py DIR listens with TLS on 127.0.0.1, any free port, as "pop" and "smtp" with
tests/data/server.pem (signed by the test CA) and as "pop-selfsigned" with selfsigned.pem
(which nobody vouches for), and writes DIR/<name>.tls-port for each. For each connection it
reads DIR/pop.plain-port or DIR/smtp.plain-port (written by the test) and relays the
decrypted bytes to 127.0.0.1 on that port, both ways, until either side ends.
"""
import os
import socket
import ssl
import sys
import threading

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def pump(source, target):
    try:
        while True:
            data = source.recv(65536)
            if not data:
                break
            target.sendall(data)
    except OSError:
        pass
    for s in (source, target):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def serve(directory, name, listener, context):
    while True:
        client, _ = listener.accept()
        try:
            with open(os.path.join(directory, name.split("-")[0] + ".plain-port")) as f:
                port = int(f.read().strip())
            tls = context.wrap_socket(client, server_side=True)
            plain = socket.create_connection(("127.0.0.1", port))
        except (OSError, ValueError, ssl.SSLError):
            client.close()
            continue
        threading.Thread(target=pump, args=(tls, plain), daemon=True).start()
        threading.Thread(target=pump, args=(plain, tls), daemon=True).start()


def main():
    directory = sys.argv[1]
    contexts = {}
    for certificate in ("server", "selfsigned"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(DATA, certificate + ".pem"),
                                os.path.join(DATA, certificate + ".key"))
        contexts[certificate] = context
    threads = []
    for name, certificate in (("pop", "server"), ("smtp", "server"),
                              ("pop-selfsigned", "selfsigned")):
        context = contexts[certificate]
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        path = os.path.join(directory, name + ".tls-port")
        with open(path + ".new", "w") as f:
            f.write(str(listener.getsockname()[1]))
        os.rename(path + ".new", path)
        t = threading.Thread(target=serve, args=(directory, name, listener, context), daemon=True)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
