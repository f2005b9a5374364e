from serotonin_app.content.navigation import History, Place

A, B, C = Place("lesson", "a"), Place("lesson", "b", "x"), Place("lesson", "c")


def test_back_and_forward_like_a_browser() -> None:
    history = History()
    for place in (A, B, C):
        history.visit(place)
    assert history.back() == B
    assert history.back() == A
    assert history.back() is None
    assert history.forward() == B
    history.visit(A)
    assert not history.can_go_forward()
    assert history.back() == B


def test_visiting_the_same_place_twice_is_one_step() -> None:
    history = History()
    history.visit(A)
    history.visit(A)
    assert not history.can_go_back()
