from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class WorkflowConfig(AppConfig):
    name = "vinhdanh.workflow"
    verbose_name = "Quy trình"

    def ready(self):
        # Every app names its permissions in its own `permissions.py`; importing them here
        # registers them once, before any request, so a missing name fails loudly.
        autodiscover_modules("permissions")
        # The transition tables (`workflows.py`) likewise, so the matrix test sees them all.
        autodiscover_modules("workflows")
