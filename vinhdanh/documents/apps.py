from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "vinhdanh.documents"
    label = "documents"
    verbose_name = "Văn bản"
