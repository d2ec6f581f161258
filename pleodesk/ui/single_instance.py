"""One running pleodesk per data directory: two would mean two schedulers and double exports.

The first instance listens on a local socket named after its data directory; a second launch
connects, asks the first to show its window, and exits with status 0.
"""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"


def server_name(data_dir) -> str:
    digest = hashlib.sha256(os.fsencode(os.path.realpath(str(data_dir)))).hexdigest()[:16]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    safe_user = "".join(ch for ch in user if ch.isalnum())[:16] or "user"
    return f"pleodesk-{safe_user}-{digest}"


def notify_running(name: str, timeout_ms: int = 1000) -> bool:
    """True when another instance answered (it has been asked to show itself)."""
    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(timeout_ms):
        return False
    sock.write(ACTIVATE)
    sock.flush()
    sock.waitForBytesWritten(timeout_ms)
    sock.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later launches; emits ``activated`` when one asks us to show ourselves."""

    activated = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)

    def listen(self) -> bool:
        if self.server.listen(self.name):
            return True
        # A stale socket from a crashed instance: nobody answers on it, so take it over.
        if not notify_running(self.name, 300):
            QLocalServer.removeServer(self.name)
            return self.server.listen(self.name)
        return False

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                self._read(sock)

    def _read(self, sock) -> None:
        data = bytes(sock.readAll())
        if ACTIVATE.strip() in data:
            self.activated.emit()

    def close(self) -> None:
        self.server.close()
