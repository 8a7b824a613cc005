"""The kiosk PIN: a salted scrypt hash that verifies only the right PIN, and a growing wait after wrong ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.core.kiosk_pin import PinAttempts, PinError, check_pin, hash_pin, is_pin_hash, verify_pin


def test_the_right_pin_verifies_and_others_do_not():
    pin_hash = hash_pin("4321")
    assert verify_pin("4321", pin_hash)
    for wrong in ("4320", "43210", "1234", "", "432"):
        assert not verify_pin(wrong, pin_hash)


def test_the_hash_is_salted_and_holds_no_pin():
    first, second = hash_pin("98765"), hash_pin("98765")
    assert first != second  # the same PIN on two kiosks gives two hashes
    assert "98765" not in first and first.startswith("scrypt$")
    assert is_pin_hash(first) and verify_pin("98765", second)


@pytest.mark.parametrize("pin", ["12a4", "123", "1234567890123", "١٢٣٤", " 1234", ""])
def test_a_pin_is_four_to_twelve_ascii_digits(pin):
    with pytest.raises(PinError):
        check_pin(pin)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1234",
        "scrypt$n=16384,r=8,p=1$c2FsdA==$a2V5",  # too short a salt and key
        "scrypt$n=1048576,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "B" * 43 + "=",  # a cost that would take 1 GB
        "scrypt$n=1000,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "B" * 43 + "=",  # not a power of two
        "scrypt$n=16384,r=8,p=1$AAAA!AAAAAAAAAAAAAAAAA==$" + "B" * 43 + "=",
        "md5$n=16384,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$" + "B" * 43 + "=",
    ],
)
def test_text_that_is_not_our_hash_is_recognised_and_verifies_nothing(text):
    assert not is_pin_hash(text)
    assert not verify_pin("1234", text)


@settings(max_examples=10, deadline=None)
@given(st.text("0123456789", min_size=4, max_size=12), st.text("0123456789", min_size=4, max_size=12))
def test_only_the_same_pin_verifies(pin, other):
    pin_hash = hash_pin(pin)
    assert verify_pin(pin, pin_hash)
    assert verify_pin(other, pin_hash) == (other == pin)


def test_three_wrong_pins_then_a_wait_that_grows():
    attempts = PinAttempts()
    now = 1000.0
    assert [attempts.failed(now), attempts.failed(now)] == [0, 0]
    assert attempts.wait_left(now) == 0
    first = attempts.failed(now)
    assert first > 0 and attempts.wait_left(now) == first
    assert attempts.wait_left(now + first) == 0
    second = attempts.failed(now + first)
    third = attempts.failed(now + first + second)
    assert first < second < third


def test_the_wait_has_a_ceiling_and_the_right_pin_starts_afresh():
    attempts = PinAttempts(longest_wait=600)
    waits = [attempts.failed(0.0) for _ in range(30)]
    assert max(waits) == 600
    attempts.succeeded()
    assert attempts.wait_left(0.0) == 0 and attempts.failed(0.0) == 0
