"""Every write made on the admin site leaves an audit entry through `audit.services.record`.

`AuditedAdminMixin` records adds, changes and deletions with their before and
after (many-to-many fields and inline rows included); the project's admins use it
(`AuditedModelAdmin`, `AuditedUserAdmin`). Admins registered by Django or other
libraries (groups, for instance) are wrapped in it when the app is ready
(`audit_every_admin`), so no model can be changed on the admin site unseen. A
model admin that can add, change and delete nothing needs no wrapping.
"""

from types import SimpleNamespace

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin
from django.db import transaction

from vinhdanh.audit.services import record, snapshot


def _action(obj, verb: str) -> str:
    return f"admin.{obj._meta.label_lower}.{verb}"


def _stored(obj) -> dict | None:
    """The object as the database holds it, before the form's values were applied."""
    if obj.pk is None:
        return None
    return snapshot(type(obj)._base_manager.filter(pk=obj.pk).first())


class AuditedAdminMixin:
    def save_model(self, request, obj, form, change):
        # Many-to-many values are saved after this, in save_related: the entry is written there.
        form._audit_before = _stored(obj) if change else None
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        obj = form.instance
        record(
            actor=request.user,
            action=_action(obj, "change" if change else "add"),
            instance=obj,
            before=getattr(form, "_audit_before", None),
            after=snapshot(obj),
        )

    def save_formset(self, request, form, formset, change):
        befores = {
            id(form.instance): (form.instance.pk, _stored(form.instance))
            for form in formset.initial_forms
        }
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            record(
                actor=request.user, action=_action(obj, "add"), instance=obj, after=snapshot(obj)
            )
        for obj, _fields in formset.changed_objects:
            record(
                actor=request.user,
                action=_action(obj, "change"),
                instance=obj,
                before=befores[id(obj)][1],
                after=snapshot(obj),
            )
        for obj in formset.deleted_objects:
            pk, before = befores[id(obj)]
            record(
                actor=request.user,
                action=_action(obj, "delete"),
                instance=obj,
                object_id=str(pk),
                before=before,
            )

    def delete_model(self, request, obj):
        # Written first, in the admin view's transaction: a refused deletion rolls it back.
        record(
            actor=request.user, action=_action(obj, "delete"), instance=obj, before=snapshot(obj)
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic(using=queryset.db):
            for obj in queryset:
                record(
                    actor=request.user,
                    action=_action(obj, "delete"),
                    instance=obj,
                    before=snapshot(obj),
                )
            super().delete_queryset(request, queryset)


class AuditedModelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    pass


class AuditedUserAdmin(AuditedAdminMixin, UserAdmin):
    """Also records a password set by an administrator (never the password or its hash)."""

    def user_change_password(self, request, id, form_url=""):
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and response.status_code == 302:
                user = self.get_object(request, unquote(id))
                record(
                    actor=request.user,
                    action=_action(user, "password"),
                    instance=user,
                    note="Quản trị viên đặt lại mật khẩu.",
                )
        return response


class _Superuser:
    is_active = is_staff = is_superuser = True

    def has_perm(self, perm, obj=None) -> bool:
        return True


def is_read_only(model_admin) -> bool:
    """True if even a superuser may add, change and delete nothing through `model_admin`."""
    request = SimpleNamespace(user=_Superuser(), method="GET", GET={}, POST={})
    try:
        return not (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        )
    except Exception:  # a check that needs more of a real request: count the admin as writing
        return False


def is_audited(model_admin) -> bool:
    return isinstance(model_admin, AuditedAdminMixin)


def audit_every_admin(site=admin.site) -> None:
    """Re-register, wrapped in the mixin, every admin of `site` that writes unaudited."""
    for model, model_admin in list(site._registry.items()):
        if is_audited(model_admin) or is_read_only(model_admin):
            continue
        audited = type(
            f"Audited{type(model_admin).__name__}", (AuditedAdminMixin, type(model_admin)), {}
        )
        site.unregister(model)
        site.register(model, audited)
