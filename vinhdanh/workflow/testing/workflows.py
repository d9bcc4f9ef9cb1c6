from django.db import models

from vinhdanh.workflow.table import Action, Workflow


class ErrandState(models.TextChoices):
    OPEN = "open", "Mở"
    SENT = "sent", "Đã gửi"
    DONE = "done", "Xong"
    DROPPED = "dropped", "Bỏ"


def not_too_big(errand, actor):
    return "Việc quá lớn." if errand.size > 10 else None


ERRANDS = Workflow(
    name="workflow_testing.errand",
    states=ErrandState,
    noun="việc",
    history=("workflow_testing.ErrandTransition", "errand"),
    actions={
        "send": Action(
            "send", frozenset({"open"}), ("sent",), "workflow_testing.send_errand", "Gửi",
            guard=not_too_big,
        ),
        "close": Action(
            "close", frozenset({"sent"}), ("done", "dropped"), "workflow_testing.close_errand",
            "Đóng",
        ),
        "reopen": Action(
            "reopen", frozenset({"done", "dropped"}), ("open",), "workflow_testing.close_errand",
            "Mở lại", note_required=True,
        ),
    },
)  # fmt: skip
