from inventory_app.core.hlc import HybridLogicalClock, Stamp


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_stamps_increase_even_when_the_wall_clock_stands_still_or_goes_back():
    wall = FakeWall(1000)
    clock = HybridLogicalClock("a", now_ms=wall)
    first = clock.now()
    second = clock.now()
    wall.ms = 500  # the laptop's clock was set back
    third = clock.now()
    assert first < second < third
    assert first.encode() < second.encode() < third.encode()


def test_an_edit_after_receiving_a_remote_stamp_wins_over_it_regardless_of_wall_clocks():
    slow = HybridLogicalClock("a", now_ms=FakeWall(1000))
    remote = Stamp(5_000_000, 3, "b")  # the other laptop's clock runs far ahead
    slow.receive(remote)
    mine = slow.now()
    assert mine > remote
    assert mine.encode() > remote.encode()


def test_encode_decode_round_trip_and_string_order():
    s = Stamp(1_700_000_000_000, 12, "replica-1")
    assert Stamp.decode(s.encode()) == s
    assert Stamp(1, 0, "z").encode() < Stamp(2, 0, "a").encode()
    assert Stamp(2, 1, "a").encode() < Stamp(2, 10, "a").encode()


def test_far_future_stamps_are_flagged():
    clock = HybridLogicalClock("a", now_ms=FakeWall(1_000))
    assert clock.is_too_far_ahead(Stamp(1_000 + 2 * 24 * 3600 * 1000, 0, "b"))
    assert not clock.is_too_far_ahead(Stamp(1_000 + 1000, 0, "b"))
