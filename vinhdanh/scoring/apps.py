from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "vinhdanh.scoring"
    label = "scoring"
    verbose_name = "Chấm điểm, xếp hạng cụm"
    menu_items: list = []
