"""A new form cannot forget the upload gate: every file field of every form is gated."""

import importlib
import pkgutil

import pytest
from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

import vinhdanh
from vinhdanh.core.tests import attacks
from vinhdanh.core.upload_fields import GatedFileField
from vinhdanh.core.uploads import SPREADSHEET


def _all_form_classes():
    for module in pkgutil.walk_packages(vinhdanh.__path__, "vinhdanh."):
        name = module.name
        if ".tests" in name or ".migrations" in name or name.endswith("settings_test"):
            continue
        if name.rsplit(".", 1)[-1] in {"forms", "views"} or ".views." in name:
            importlib.import_module(name)
    stack, seen = [forms.BaseForm], set()
    while stack:
        for subclass in stack.pop().__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                stack.append(subclass)
    return [form for form in seen if form.__module__.startswith("vinhdanh.")]


def test_every_file_field_of_every_form_passes_the_gate():
    forms_found = _all_form_classes()
    ungated = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in forms_found
        for name, field in getattr(form, "base_fields", {}).items()
        if isinstance(field, forms.FileField) and not isinstance(field, GatedFileField)
    ]
    assert ungated == []
    gated = {form.__name__ for form in forms_found for field in form.base_fields.values()
             if isinstance(field, GatedFileField)}  # fmt: skip
    assert {"PeopleImportForm", "DocumentForm", "ImportForm", "AttachmentForm"} <= gated


@pytest.mark.django_db
def test_no_admin_page_takes_an_upload_past_the_gate():
    editable_files = [
        f"{model._meta.label}.{field.name}"
        for model, model_admin in admin.site._registry.items()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
        and field.name not in model_admin.get_readonly_fields(None)
    ]
    assert editable_files == []


class _Form(forms.Form):
    file = GatedFileField(allowed=SPREADSHEET, max_bytes=1024 * 1024)


def _form(name: str, content: bytes) -> _Form:
    return _Form(data={}, files={"file": SimpleUploadedFile(name, content)})


def test_the_field_refuses_an_attack_beside_the_field_in_vietnamese():
    form = _form("danh-sach.xlsx", attacks.billion_laughs())
    assert not form.is_valid()
    assert "DOCTYPE/ENTITY" in form.errors["file"][0]


def test_the_field_refuses_a_file_too_large_before_reading_it():
    form = _form("danh-sach.xlsx", b"PK\x03\x04" + b"0" * (2 * 1024 * 1024))
    assert not form.is_valid()
    assert "Tệp quá lớn: tối đa 1 MB" in form.errors["file"][0]


def test_the_field_gives_back_the_file_ready_to_read_with_its_kind():
    content = attacks.real_workbook()
    form = _form("danh-sach.xlsx", content)
    assert form.is_valid()
    upload = form.cleaned_data["file"]
    assert upload.kind == "xlsx"
    assert upload.read() == content
