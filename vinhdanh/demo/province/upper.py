"""The models of the apps above the demo, found by name when the generator runs.

Those apps import the demo's data (their `demo.py`), so the demo does not import them: as
`hanoi_loader` loads their parts by name, the generator reaches their models through the
app registry (`upper.Nomination`). The workflow states it writes are those of
`awards.models.State`, spelled here as their stored values.
"""

from django.apps import apps

LABELS = {
    "AwardBasis": "awards.AwardBasis",
    "Certificate": "awards.Certificate",
    "Decision": "awards.Decision",
    "DecisionCounter": "awards.DecisionCounter",
    "Nomination": "awards.Nomination",
    "Title": "awards.Title",
    "Transition": "awards.Transition",
    "Movement": "movements.Movement",
    "MovementNotice": "movements.MovementNotice",
    "Registration": "movements.Registration",
    "RegistrationEntry": "movements.RegistrationEntry",
    "Plan": "plans.Plan",
    "Task": "plans.Task",
    "Rating": "records.Rating",
}


def __getattr__(name: str):
    if name in LABELS:
        return apps.get_model(LABELS[name])
    raise AttributeError(name)
