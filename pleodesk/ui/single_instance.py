"""One running pleodesk per data directory: two would mean two schedulers and double exports.

The first instance listens on a local socket named after its data directory; a second launch
connects, asks the first to show its window, and exits with status 0.
"""

from __future__ import annotations

import hashlib
import os

from PySide6.QtCore import QObject, Signal, Slot
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
        """Take the name; False when another instance answers on it (it was asked to show itself).

        Asks first: on some platforms listening would silently take the name over."""
        if notify_running(self.name, 300):
            return False
        # Nobody answers: whatever is left of the name is a crashed instance's socket.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    @Slot()
    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            sock.readyRead.connect(self._ready_read)
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                self._read(sock)

    @Slot()
    def _ready_read(self) -> None:
        sock = self.sender()
        if isinstance(sock, QLocalSocket):
            self._read(sock)

    def _read(self, sock: QLocalSocket) -> None:
        data = bytes(sock.readAll())
        if ACTIVATE.strip() in data:
            self.activated.emit()

    def close(self) -> None:
        self.server.close()
