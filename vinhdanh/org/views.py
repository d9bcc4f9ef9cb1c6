import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vinhdanh.accounts import access
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.feedback import run_action
from vinhdanh.org import selectors, services
from vinhdanh.org.forms import PeopleImportForm, PersonForm
from vinhdanh.org.merging import merge_units
from vinhdanh.org.models import COUNCIL_ROLE_ORDER, Cluster, Council, Person, Unit
from vinhdanh.org.people_import import template_workbook


@login_required
def unit_tree(request):
    units = list(selectors.units_for(request.user))
    return render(request, "org/unit_tree.html", {"forest": selectors.unit_forest(units)})


@login_required
def unit_detail(request, pk: int):
    unit = access.get_visible_or_404(
        request.user, Unit.objects.select_related("level", "parent"), pk=pk
    )
    people = Paginator(selectors.people_for(request.user, unit=unit), 25).get_page(
        request.GET.get("page")
    )
    context = {
        "unit": unit,
        "ancestors": [a for a in unit.ancestors() if access.can(request.user, access.VIEW, a)],
        "children": selectors.units_for(request.user).filter(parent=unit),
        "people": people,
        "clusters": Cluster.objects.filter(members=unit).select_related("head"),
        "can_change": access.can(request.user, access.CHANGE, unit),
        "can_merge": access.role_of(request.user) in access.ORGANISATION_WIDE_EDITORS
        and unit.is_active,
        "merge_candidates": selectors.units_for(request.user)
        .filter(is_active=True, level=unit.level)
        .exclude(pk=unit.pk),
        "absorbed": unit.absorbed_units.all(),
        "today": datetime.date.today(),
    }
    return render(request, "org/unit_detail.html", context)


@login_required
@require_http_methods(["POST"])
def unit_merge(request, pk: int):
    target = access.get_visible_or_404(request.user, Unit.objects.all(), pk=pk)
    ids = [int(value) for value in request.POST.getlist("sources") if value.isdigit()]
    sources = list(selectors.units_for(request.user).filter(pk__in=ids))
    try:
        effective_on = datetime.date.fromisoformat(request.POST.get("effective_on", ""))
    except ValueError:
        messages.error(request, _("Nhập ngày sáp nhập hợp lệ."))
        return redirect("org:unit_detail", pk=pk)
    run_action(
        request,
        lambda: merge_units(
            actor=request.user, sources=sources, target=target, effective_on=effective_on
        ),
        _("Đã sáp nhập %(count)d đơn vị vào %(target)s.")
        % {"count": len(sources), "target": target},
    )
    return redirect("org:unit_detail", pk=pk)


@login_required
def person_list(request):
    query = request.GET.get("q", "").strip()
    people = Paginator(selectors.people_for(request.user, query), 25).get_page(
        request.GET.get("page")
    )
    template = "org/_people_table.html" if request.htmx else "org/person_list.html"
    can_add = access.role_of(request.user) in access.ORGANISATION_WIDE_EDITORS or (
        request.user.unit_id and access.can_create_in(request.user, request.user.unit)
    )
    return render(request, template, {"people": people, "query": query, "can_add": can_add})


@login_required
def person_detail(request, pk: int):
    person = access.get_visible_or_404(request.user, Person.objects.select_related("unit"), pk=pk)
    context = {
        "person": person,
        "can_change": access.can(request.user, access.CHANGE, person),
    }
    return render(request, "org/person_detail.html", context)


def _save_person(request, form, person=None):
    data = dict(form.cleaned_data)
    try:
        if person is None:
            return services.create_person(actor=request.user, **data)
        return services.update_person(actor=request.user, person=person, **data)
    except ValidationError as error:
        form.add_error(None, error)
    except PermissionDenied as error:
        form.add_error(None, str(error))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int | None = None):
    person = None
    if pk is not None:
        person = access.get_visible_or_404(request.user, Person.objects.all(), access.CHANGE, pk=pk)
    units = selectors.units_for(request.user)
    if access.role_of(request.user) not in access.ORGANISATION_WIDE_EDITORS:
        units = access.scope_queryset(request.user, Unit.objects.all(), access.CHANGE)
        if not units.exists():
            raise PermissionDenied(_("Bạn không có quyền thêm cá nhân."))
    form = PersonForm(request.POST or None, instance=person, units=units)
    if request.method == "POST" and form.is_valid():
        # The form only validated input; the service re-checks scope and writes the audit entry.
        if person is not None:
            person = Person.objects.get(pk=person.pk)
        saved = _save_person(request, form, person)
        if saved is not None:
            messages.success(request, _("Đã lưu thông tin cá nhân “%(name)s”.") % {"name": saved})
            return redirect("org:person_detail", pk=saved.pk)
    return render(request, "org/person_form.html", {"form": form, "person": person})


@login_required
@require_http_methods(["GET", "POST"])
def people_import(request):
    form = PeopleImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data["file"]
            created = services.import_people(
                actor=request.user, filename=upload.name, content=upload.read()
            )
        except services.PeopleImportRefused as refused:
            errors = refused.errors
            messages.error(
                request,
                _("Tệp bị từ chối, chưa nhập dòng nào: %(count)d dòng có lỗi.")
                % {"count": len(errors)},
            )
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã nhập %(count)d cá nhân.") % {"count": len(created)})
            return redirect("org:person_list")
    return render(request, "org/people_import.html", {"form": form, "errors": errors})


@login_required
def people_template(request):
    return download(template_workbook(), "mau-danh-sach-ca-nhan.xlsx", XLSX)


@login_required
def cluster_list(request):
    clusters = selectors.clusters_for(request.user).prefetch_related("followers__person")
    return render(request, "org/cluster_list.html", {"clusters": clusters})


@login_required
def cluster_detail(request, pk: int):
    cluster = access.get_visible_or_404(
        request.user, Cluster.objects.select_related("head", "deputy", "council"), pk=pk
    )
    context = {
        "cluster": cluster,
        "members": cluster.members.select_related("level").order_by("sort_key"),
        "followers": cluster.followers.select_related("person"),
    }
    return render(request, "org/cluster_detail.html", context)


@login_required
def council(request):
    council = Council.objects.select_related("unit", "standing_office").first()
    members = []
    if council is not None:
        members = sorted(
            council.members.select_related("person__unit", "user"),
            key=lambda member: (COUNCIL_ROLE_ORDER.index(member.role), member.person.sort_key),
        )
    return render(request, "org/council.html", {"council": council, "members": members})
