from django.apps import AppConfig


class WorkflowTestingConfig(AppConfig):
    name = "vinhdanh.workflow.testing"
    label = "workflow_testing"
