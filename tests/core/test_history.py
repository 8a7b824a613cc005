"""Back and forward through the places a reader jumped to."""

from hypothesis import given
from hypothesis import strategies as st

from viewer.core.history import History, Place

TOP = Place("", "top")
SIDE_EFFECTS = Place("", "side-effects")
DOSING = Place("", "dosing", 40)


def test_nothing_to_go_back_to_before_any_jump():
    history = History()
    assert not history.can_go_back and not history.can_go_forward
    assert history.back(TOP) is None and history.forward(TOP) is None


def test_back_returns_where_the_reader_was_and_forward_where_they_jumped():
    history = History()
    history.visit(SIDE_EFFECTS, here=Place("", "top", 120))
    assert history.can_go_back and not history.can_go_forward
    assert history.back(here=Place("", "side-effects", 5)) == Place("", "top", 120)
    assert history.can_go_forward
    assert history.forward(here=Place("", "top", 120)) == Place("", "side-effects", 5)


def test_a_new_jump_after_going_back_drops_the_places_ahead():
    history = History()
    history.visit(SIDE_EFFECTS, here=TOP)
    history.visit(DOSING, here=SIDE_EFFECTS)
    history.back(here=DOSING)
    history.visit(Place("", "risks"), here=SIDE_EFFECTS)
    assert not history.can_go_forward
    assert history.back(here=Place("", "risks")) == SIDE_EFFECTS
    assert history.back(here=SIDE_EFFECTS) == TOP


def test_the_steps_of_one_search_are_one_place_so_back_returns_to_before_the_search():
    history = History()
    history.visit(Place("", "hit-1"), here=Place("", "reading", 300), group="search")
    history.visit(Place("", "hit-2"), here=Place("", "hit-1"), group="search")
    history.visit(Place("", "hit-3"), here=Place("", "hit-2"), group="search")
    assert history.back(here=Place("", "hit-3")) == Place("", "reading", 300)
    assert not history.can_go_back


def test_a_click_between_two_searches_separates_them():
    history = History()
    history.visit(Place("", "hit-1"), here=TOP, group="search")
    history.visit(SIDE_EFFECTS, here=Place("", "hit-1"))
    history.visit(Place("", "hit-2"), here=SIDE_EFFECTS, group="search")
    assert history.back(here=Place("", "hit-2")) == SIDE_EFFECTS
    assert history.back(here=SIDE_EFFECTS) == Place("", "hit-1")


def test_jumping_to_where_the_reader_already_is_records_nothing():
    history = History()
    history.visit(SIDE_EFFECTS, here=TOP)
    history.visit(SIDE_EFFECTS, here=SIDE_EFFECTS)
    assert history.back(here=SIDE_EFFECTS) == TOP
    assert not history.can_go_back


def test_a_place_the_reader_scrolled_back_to_is_skipped():
    history = History()
    history.visit(SIDE_EFFECTS, here=TOP)
    history.visit(DOSING, here=SIDE_EFFECTS)
    # reading on from Dosing, the reader scrolled up to exactly where Side effects was recorded
    assert history.back(here=SIDE_EFFECTS) == TOP


def test_the_oldest_places_go_beyond_the_limit():
    history = History(limit=3)
    for number in range(5):
        history.visit(Place("", f"s{number + 1}"), here=Place("", f"s{number}"))
    steps = 0
    here = Place("", "s5")
    while (here := history.back(here)) is not None:
        steps += 1
    assert steps == 2


def test_places_in_other_articles_are_kept_with_their_article():
    history = History()
    history.visit(Place("/notes/other.md", "intro"), here=Place("", "dosing", 12))
    assert history.back(here=Place("/notes/other.md", "intro")) == Place("", "dosing", 12)


anchors = st.sampled_from(["a", "b", "c", "d"])


@given(st.lists(st.tuples(anchors, st.integers(0, 3)), min_size=1, max_size=30))
def test_going_all_the_way_back_then_forward_again_replays_the_same_places(jumps):
    history = History()
    here = Place("", "start")
    for anchor, position in jumps:
        place = Place("", anchor, position)
        history.visit(place, here=here)
        here = place
    backwards = [here]
    while (previous := history.back(backwards[-1])) is not None:
        backwards.append(previous)
    forwards = [backwards[-1]]
    while (following := history.forward(forwards[-1])) is not None:
        forwards.append(following)
    assert forwards == backwards[::-1]
    assert backwards[-1] == Place("", "start")
