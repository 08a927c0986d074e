"""The development SECRET_KEY of a checkout: random, made once, kept in an ignored file."""

import contextlib
import os
import secrets
import tempfile
from pathlib import Path


def load_or_create_secret_key(path: Path) -> str:
    """Return the key stored at ``path``, creating it with a new random key if missing.

    The new file appears whole or not at all (written aside, then linked into place), so
    two processes starting at once (runserver and its autoreloader) read the same key.
    """
    try:
        key = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        key, exists = "", False
    else:
        exists = True
    if key:
        return key
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret_key-")
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(50) + "\n")
        if exists:  # but empty: nothing to keep
            os.replace(temporary, path)
        else:
            # If another process was first, its key is the one to use.
            with contextlib.suppress(FileExistsError):
                os.link(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path.read_text(encoding="ascii").strip()
