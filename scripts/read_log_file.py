"""Open a file saved by "Write your log" without the website, and print its entries as CSV.

Usage: ``python3 read_log_file.py FILE > entries.csv``

It asks for the passphrase (from the terminal; when standard input is not a
terminal, it reads the first line of standard input). It needs only Python 3
and the ``cryptography`` package, and it reads both formats documented on the
guide's "How the saved file works" page (``docs/log-file-format.md``):

- version 2: the whole file is base64 of a 33-byte header (version, iterations
  as 4 bytes big-endian, 16-byte salt, 12-byte iv) and the AES-256-GCM
  ciphertext with its tag; the header is the additional data;
- version 1: JSON with ``format``, ``version``, ``kdf``, ``iterations``,
  ``salt``, ``iv`` and ``ciphertext`` (base64), no additional data.

The key is PBKDF2-HMAC-SHA-256 over the NFC, UTF-8 passphrase, 32 bytes. This
file deliberately shares no code with the site, so that it still works when
the site is gone.
"""

from __future__ import annotations

import base64
import binascii
import csv
import getpass
import json
import struct
import sys
import unicodedata
from pathlib import Path

V1_FORMAT = "going-no-contact-log"
V2_HEADER = struct.Struct(">BI16s12s")  # version, iterations, salt, iv
TAG_BYTES = 16
MAX_ITERATIONS = 10_000_000


class LogFileError(Exception):
    """The file cannot be read: the message names the file and the problem."""


def _key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return PBKDF2HMAC(hashes.SHA256(), 32, salt, iterations).derive(secret)


def _parts(path: Path, raw: bytes) -> tuple[int, bytes, bytes, bytes, bytes | None]:
    """(iterations, salt, iv, ciphertext, additional data) of a version 1 or 2 file."""
    text = raw.decode("utf-8-sig", errors="replace").strip()
    if text.startswith("{"):
        try:
            saved = json.loads(text)
            if saved.get("format") != V1_FORMAT or saved.get("version") != 1:
                raise LogFileError(f"{path}: not a version 1 log file (format or version differ)")
            salt, iv, data = (base64.b64decode(saved[k], validate=True) for k in ("salt", "iv", "ciphertext"))
            return int(saved["iterations"]), salt, iv, data, None
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as error:
            raise LogFileError(f"{path}: a damaged version 1 file ({error})") from None
    try:
        data = base64.b64decode("".join(text.split()), validate=True)
    except binascii.Error:
        raise LogFileError(f"{path}: not a saved log (not base64 text)") from None
    if len(data) < V2_HEADER.size + TAG_BYTES:
        raise LogFileError(f"{path}: too short to be a saved log ({len(data)} bytes)")
    version, iterations, salt, iv = V2_HEADER.unpack_from(data)
    if version != 2:
        raise LogFileError(f"{path}: version {version} is not one this reader knows (1 or 2)")
    return iterations, salt, iv, data[V2_HEADER.size:], data[:V2_HEADER.size]


def read_entries(path: Path, passphrase: str) -> list[dict[str, str]]:
    """The entries of the saved file at ``path``; raises LogFileError if it cannot be opened."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    iterations, salt, iv, ciphertext, additional = _parts(path, path.read_bytes())
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise LogFileError(f"{path}: damaged (iterations {iterations})")
    try:
        plain = AESGCM(_key(passphrase, salt, iterations)).decrypt(iv, ciphertext, additional)
    except InvalidTag:
        raise LogFileError(f"{path}: the passphrase is wrong, or the file was changed") from None
    return json.loads(plain.decode("utf-8"))["entries"]


def write_csv(entries: list[dict[str, str]], out) -> None:
    """The entries as CSV: one column per key, in the order the keys first appear."""
    keys: list[str] = []
    for entry in entries:
        keys += [key for key in entry if key not in keys]
    writer = csv.DictWriter(out, fieldnames=keys, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(entries)


def _passphrase() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Passphrase: ")
    return sys.stdin.readline().rstrip("\r\n")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    path = Path(args[0])
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 2
    try:
        entries = read_entries(path, _passphrase())
    except LogFileError as error:
        print(error, file=sys.stderr)
        return 1
    write_csv(entries, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
