from django.urls import path

from vinhdanh.plans.views import importing, living, plans, tasks, units

app_name = "plans"
urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("import/", importing.upload, name="import_upload"),
    path("import/<int:pk>/", importing.preview, name="import_preview"),
    path("import/<int:pk>/file/", importing.import_file, name="import_file"),
    path("import/<int:pk>/confirm/", importing.confirm, name="import_confirm"),
    path("dashboard/", plans.dashboard, name="dashboard"),
    path("my-tasks/", tasks.my_tasks, name="my_tasks"),
    path("notifications/", tasks.notifications, name="notifications"),
    path("feed/", units.feed_page, name="feeds"),
    path("feed/new/", units.feed_create, name="feed_create"),
    path("feed/<int:pk>/revoke/", units.feed_revoke, name="feed_revoke"),
    path("feed/<str:token>.ics", units.unit_feed, name="unit_feed"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/timeline/", plans.plan_timeline, name="plan_timeline"),
    path("<int:pk>/calendar/", plans.plan_calendar, name="plan_calendar"),
    path("<int:pk>/export.docx", plans.export_docx, name="export_docx"),
    path("<int:pk>/export.xlsx", plans.export_xlsx, name="export_xlsx"),
    path("<int:pk>/unit-plans/", units.unit_plans, name="unit_plans"),
    path("unit-plans/<int:pk>/file/", units.unit_plan_file, name="unit_plan_file"),
    path("unit-plans/<int:pk>/<slug:action>/", units.unit_plan_decide, name="unit_plan_decide"),
    path("<int:pk>/tasks/new/", living.task_add, name="task_add"),
    path("tasks/<int:pk>/edit/", living.task_edit, name="task_edit"),
    path("tasks/<int:pk>/remove/", living.task_remove, name="task_remove"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("tasks/<int:pk>/report/", tasks.report, name="task_report"),
    path("tasks/<int:pk>/reopen/", tasks.reopen, name="task_reopen"),
    path("attachments/<int:pk>/", tasks.attachment, name="attachment"),
]
