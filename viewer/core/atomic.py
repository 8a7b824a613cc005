"""Writing files so that a crash, a kill or a full disk leaves either the old or the new version, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path


def write_atomically(path: Path | str, data: bytes | str, encoding: str = "utf-8", durable: bool = True) -> None:
    """Replace the file at *path* with *data* in one step.

    The data goes to a temporary file in the same folder (so the final rename cannot cross file
    systems), is flushed to disk, and only then renamed over *path*. Raises OSError on failure;
    *path* is untouched then. Without *durable* nothing waits for the disk: after a power cut the
    file may be empty or damaged (right for a cache, which checks what it reads).
    """
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _new_temporary(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        _keep_permissions(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_folder(path.parent)


def _new_temporary(path: Path) -> tuple[int, str]:
    """A new file beside *path*, opened for writing, made as open(2) makes files: 0666 less the umask.

    (mkstemp would make it 0600, so a handout saved to a shared folder could not be read by colleagues.)
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _attempt in range(100):
        temporary = str(path.parent / f".{path.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(path.parent))


def _keep_permissions(path: Path, temporary: str) -> None:
    """A file being replaced keeps the permissions, and where it can the owner and group, it had.

    (An administrator's root:kiosk 0640 configuration must stay readable by the kiosk user after
    ``sudo ketamine-viewer --set-kiosk-pin``; only root may give a file away, so others keep their own.)
    """
    try:
        old = os.stat(path)
    except FileNotFoundError:
        return
    if hasattr(os, "chown"):
        with contextlib.suppress(PermissionError):
            os.chown(temporary, old.st_uid, old.st_gid)
    os.chmod(temporary, stat.S_IMODE(old.st_mode))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself survive a power cut (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the data itself is already on disk
    finally:
        os.close(descriptor)
