from vinhdanh.awards import demo as awards_demo
from vinhdanh.awards.models import Certificate, Nomination, State


def test_demo_holds_a_nomination_in_every_state(demo):
    states = set(Nomination.objects.filter(year=2021).values_list("state", flat=True))
    # Returned from above and sent back need a council above the district's: in 2021 the
    # city was outside the instance, so no 2021 dossier can be in them.
    assert states == set(State.values) - {State.RETURNED_FROM_ABOVE, State.SENT_BACK}


def test_demo_has_decided_nominations_with_certificates(demo):
    decided = Nomination.objects.filter(state__in=[State.DECIDED, State.HANDED_OVER])
    assert decided.count() >= 2
    assert all(Certificate.objects.filter(nomination=n).exists() for n in decided)
    assert Certificate.objects.filter(revoked_at__isnull=False).count() == 1


def test_loading_the_demo_again_creates_nothing(demo):
    before = Nomination.objects.count(), Certificate.objects.count()
    awards_demo.load()
    assert (Nomination.objects.count(), Certificate.objects.count()) == before
