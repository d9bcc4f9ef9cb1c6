from django.db import models

from vinhdanh.workflow.models import TransitionRecord


class Errand(models.Model):
    state = models.CharField(max_length=20, default="open")
    version = models.PositiveIntegerField(default=0)
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    size = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return f"errand {self.pk}"


class ErrandTransition(TransitionRecord):
    errand = models.ForeignKey(Errand, on_delete=models.CASCADE, related_name="transitions")
