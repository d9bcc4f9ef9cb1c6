# The states were timestamps until now: derive each stored row's state from them.
# Self-contained on purpose (historical models, literal state names), so later code changes
# cannot change what this migration does.

from django.db import migrations


def states_from_timestamps(apps, schema_editor):
    CriteriaSheet = apps.get_model("scoring", "CriteriaSheet")
    Scorecard = apps.get_model("scoring", "Scorecard")
    BallotRound = apps.get_model("scoring", "BallotRound")
    # The later step wins: a finalised sheet may also carry the time it was locked.
    CriteriaSheet.objects.filter(finalised_at__isnull=True, locked_at__isnull=False).update(
        state="locked"
    )
    CriteriaSheet.objects.filter(finalised_at__isnull=False).update(state="finalised")
    Scorecard.objects.filter(reviewed_at__isnull=True, submitted_at__isnull=False).update(
        state="submitted"
    )
    Scorecard.objects.filter(reviewed_at__isnull=False).update(state="reviewed")
    BallotRound.objects.filter(counted_at__isnull=False).update(state="counted")


def timestamps_only(apps, schema_editor):
    """Going back drops the state columns; the timestamps still hold what they held."""


class Migration(migrations.Migration):

    dependencies = [
        ("scoring", "0004_workflow_states_and_history"),
    ]

    operations = [
        migrations.RunPython(states_from_timestamps, timestamps_only),
    ]
