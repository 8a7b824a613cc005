"""The administrator's kiosk PIN: kept only as a salted, slow scrypt hash, tried at a limited rate.

A PIN of a few digits has few possibilities, so the hash alone cannot protect it from someone who
can read the configuration; what it does is keep the PIN out of plain sight, and the rate limit
keeps a visitor at the screen from trying them all.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

SCHEME = "scrypt"
COST, BLOCK_SIZE, PARALLELISM = 2**14, 8, 1  # about 50 ms and 16 MB a try on a small PC
SALT_BYTES, KEY_BYTES = 16, 32
MIN_PIN_DIGITS, MAX_PIN_DIGITS = 4, 12
_MAX_COST = 2**16  # a hash asking for more would take a kiosk's memory: refused as not ours
_HASH = re.compile(r"^scrypt\$n=(\d{1,6}),r=(\d{1,2}),p=(\d)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$")


class PinError(ValueError):
    """A PIN that cannot be used, with the reason in words."""


def check_pin(pin: str) -> None:
    """PinError unless *pin* is 4 to 12 digits."""
    if not (pin.isascii() and pin.isdigit()):
        raise PinError("a kiosk PIN is digits only (the screen's PIN pad has nothing else)")
    if not MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS:
        raise PinError(f"a kiosk PIN has {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits")


def hash_pin(pin: str) -> str:
    """A new salted hash of *pin*, as one line of text for the configuration."""
    check_pin(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    key = _derive(pin, salt, COST, BLOCK_SIZE, PARALLELISM)
    return f"{SCHEME}$n={COST},r={BLOCK_SIZE},p={PARALLELISM}${_b64(salt)}${_b64(key)}"


def verify_pin(pin: str, pin_hash: str) -> bool:
    """Whether *pin* is the PIN *pin_hash* was made from (False for a hash that is not ours)."""
    parsed = _parse(pin_hash)
    if parsed is None or not pin.isascii() or not pin.isdigit():
        return False
    cost, block_size, parallelism, salt, key = parsed
    return hmac.compare_digest(_derive(pin, salt, cost, block_size, parallelism), key)


def is_pin_hash(text: str) -> bool:
    """Whether *text* has the form :func:`hash_pin` writes, with costs a kiosk can afford."""
    return _parse(text) is not None


def _parse(text: str) -> tuple[int, int, int, bytes, bytes] | None:
    match = _HASH.match(text)
    if match is None:
        return None
    cost, block_size, parallelism = (int(group) for group in match.group(1, 2, 3))
    if cost < 2 or cost & (cost - 1) or cost > _MAX_COST or not 1 <= block_size <= 16 or not 1 <= parallelism <= 4:
        return None
    try:
        salt, key = base64.b64decode(match.group(4), validate=True), base64.b64decode(match.group(5), validate=True)
    except binascii.Error:
        return None
    return (cost, block_size, parallelism, salt, key) if len(salt) >= 8 and len(key) >= 16 else None


def _derive(pin: str, salt: bytes, cost: int, block_size: int, parallelism: int) -> bytes:
    memory = 128 * cost * block_size * parallelism + 1024 * 1024
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=cost, r=block_size, p=parallelism, maxmem=memory, dklen=KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass
class PinAttempts:
    """Wrong PINs cost time: after *free_tries* of them, a wait that doubles with each further one.

    Times are seconds from any monotonic clock (``time.monotonic()``), passed in so tests need not wait.
    """

    free_tries: int = 3
    first_wait: float = 30.0
    longest_wait: float = 15 * 60.0
    failures: int = 0
    locked_until: float = 0.0

    def wait_left(self, now: float) -> float:
        """Seconds before another PIN may be tried (0 when it may be now)."""
        return max(0.0, self.locked_until - now)

    def failed(self, now: float) -> float:
        """Count a wrong PIN; return the wait it earned (0 while tries are still free)."""
        self.failures += 1
        if self.failures < self.free_tries:
            return 0.0
        wait = min(self.first_wait * 2 ** (self.failures - self.free_tries), self.longest_wait)
        self.locked_until = now + wait
        return wait

    def succeeded(self) -> None:
        """The right PIN: start counting afresh."""
        self.failures, self.locked_until = 0, 0.0
