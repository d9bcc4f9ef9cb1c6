from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from vinhdanh.accounts import access
from vinhdanh.accounts.councils import acting_council
from vinhdanh.core.downloads import XLSX, download
from vinhdanh.core.paging import capped_page
from vinhdanh.org import import_token, selectors, services
from vinhdanh.org.forms import PeopleImportForm, PersonForm, UnitMergeForm
from vinhdanh.org.merging import merge_units
from vinhdanh.org.models import COUNCIL_ROLE_ORDER, Cluster, Person, Unit
from vinhdanh.org.people_import import template_workbook
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service


def _posted(request) -> tuple:
    """A POST binds its form even when empty (so an empty post shows what is missing)."""
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


@login_required
def unit_tree(request):
    """The council's unit and the units directly under it; deeper ones are counted, listed
    on each unit's page, and drawn with ?all=1."""
    units = list(selectors.units_for(request.user))
    council = acting_council(request.user)
    depth = None
    if request.GET.get("all") != "1" and council is not None:
        depth = selectors.unit_depth(council.unit) + 1
    forest = selectors.unit_forest(units, max_depth=depth)
    return render(request, "org/unit_tree.html", {"forest": forest, "whole": depth is None})


def _unit_page(request, unit: Unit, merge_form=None, status: int = 200):
    people = capped_page(selectors.people_for(request.user, unit=unit), request)
    can_merge = unit.is_active and allows(request.user, "org.merge_units", unit)
    if can_merge and merge_form is None:
        merge_form = UnitMergeForm(candidates=_merge_candidates(request, unit))
    context = {
        "unit": unit,
        "ancestors": [a for a in unit.ancestors() if access.can(request.user, access.VIEW, a)],
        "children": selectors.units_for(request.user).filter(parent=unit),
        "people": people,
        "clusters": Cluster.objects.filter(members=unit).select_related("head"),
        "can_merge": can_merge,
        "merge_form": merge_form,
        "absorbed": unit.absorbed_units.all(),
        "predecessors": _visible_links(request.user, unit.successions_in, "predecessor"),
        "successors": _visible_links(request.user, unit.successions_out, "successor"),
    }
    return render(request, "org/unit_detail.html", context, status=status)


def _visible_links(user, links, side: str) -> list[tuple]:
    """Succession links with whether the user may open the unit at the other end."""
    rows = list(links.select_related(side))
    ids = [getattr(row, f"{side}_id") for row in rows]
    visible = set(
        access.scope_queryset(user, Unit.objects.filter(pk__in=ids)).values_list("pk", flat=True)
    )
    return [(row, getattr(row, f"{side}_id") in visible) for row in rows]


def _unit(request, pk: int) -> Unit:
    return access.get_visible_or_404(
        request.user, Unit.objects.select_related("level", "parent", "merged_into"), pk=pk
    )


def _merge_candidates(request, unit: Unit):
    return (
        selectors.units_for(request.user)
        .filter(is_active=True, level=unit.level)
        .exclude(pk=unit.pk)
    )


@login_required
def unit_detail(request, pk: int):
    return _unit_page(request, _unit(request, pk))


@login_required
@require_http_methods(["POST"])
def unit_merge(request, pk: int):
    target = _unit(request, pk)
    form = UnitMergeForm(request.POST, candidates=_merge_candidates(request, target))

    def merge():
        return merge_units(
            actor=request.user,
            sources=list(form.cleaned_data["sources"]),
            target=target,
            effective_on=form.cleaned_data["effective_on"],
        )

    if run_service(form, merge) is None:
        return _unit_page(request, target, merge_form=form, status=400)
    messages.success(
        request,
        _("Đã sáp nhập %(count)d đơn vị vào %(target)s.")
        % {"count": len(form.cleaned_data["sources"]), "target": target},
    )
    return redirect("org:unit_detail", pk=pk)


@login_required
def person_list(request):
    query = request.GET.get("q", "").strip()
    units = (
        selectors.units_for(request.user)
        .filter(is_active=True)
        .select_related(None)
        .only("pk", "name", "path")
    )
    unit = _chosen_unit(request, units)
    people = capped_page(selectors.people_for(request.user, query, unit=unit), request)
    template = "org/_people_table.html" if request.htmx else "org/person_list.html"
    context = {
        "people": people,
        "query": query,
        "units": units,
        "unit": unit,
        "unit_param": f"unit={unit.pk}" if unit else "",
        "can_add": allows(request.user, "org.add_people"),
    }
    return render(request, template, context)


def _chosen_unit(request, units) -> Unit | None:
    """The unit filter: a unit in the user's scope, or none (an unknown id filters nothing)."""
    raw = request.GET.get("unit", "")
    if not raw.isdigit():
        return None
    return units.filter(pk=int(raw)).first()


@login_required
def person_detail(request, pk: int):
    person = access.get_visible_or_404(request.user, Person.objects.select_related("unit"), pk=pk)
    context = {
        "person": person,
        "can_change": allows(request.user, "org.change_person", person),
        "unit_history": person.unit_history.select_related("unit"),
    }
    return render(request, "org/person_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int | None = None):
    person = None
    if pk is not None:
        person = access.get_visible_or_404(request.user, Person.objects.all(), access.CHANGE, pk=pk)
    elif not allows(request.user, "org.add_people"):
        raise PermissionDenied(_("Bạn không có quyền thêm cá nhân."))
    units = access.scope_queryset(request.user, Unit.objects.all(), access.CHANGE)
    form = PersonForm(*_posted(request), instance=person, units=units)
    if request.method == "POST":
        # The form only validates input; the service re-checks scope and writes the audit entry.
        saved = run_service(form, lambda: _save_person(request.user, form, person))
        if saved is not None:
            messages.success(request, _("Đã lưu thông tin cá nhân “%(name)s”.") % {"name": saved})
            return redirect("org:person_detail", pk=saved.pk)
    return render(request, "org/person_form.html", {"form": form, "person": person})


def _save_person(actor, form, person=None):
    data = dict(form.cleaned_data)
    if person is None:
        return services.create_person(actor=actor, **data)
    # The form wrote its values onto its instance: the service starts from the stored row.
    return services.update_person(actor=actor, person=Person.objects.get(pk=person.pk), **data)


@login_required
@require_http_methods(["GET", "POST"])
def people_import(request):
    """Upload, then a preview of who is added and what changes for whom, then apply."""
    if not allows(request.user, "org.import_people"):
        raise PermissionDenied(_("Bạn không có quyền nhập cá nhân."))
    if request.method == "POST" and "plan" in request.POST:
        return _people_import_apply(request)
    form = PeopleImportForm(*_posted(request))
    rows: list = []

    def preview():
        upload = form.cleaned_data["file"]
        try:
            return services.preview_people_import(
                actor=request.user, filename=upload.name, content=upload.read()
            )
        except services.PeopleImportRefused as refused:
            rows.extend(refused.errors)
            raise

    context = {"form": form, "errors": rows}
    if request.method == "POST":
        plan = run_service(form, preview)
        if plan is not None:
            context.update(plan=plan, token=import_token.sign(request.user, plan))
    status = 400 if form.errors else 200
    return render(request, "org/people_import.html", context, status=status)


def _people_import_apply(request):
    context = {"form": PeopleImportForm()}
    plan = import_token.read(request.user, request.POST["plan"])
    if plan is None:
        context["refusal"] = _("Bản xem trước đã hết hạn hoặc không hợp lệ; hãy tải tệp lên lại.")
        return render(request, "org/people_import.html", context, status=400)
    try:
        created, updated = services.apply_people_import(actor=request.user, plan=plan)
    except services.PeopleImportRefused as refused:
        context.update(refusal=refused.messages[0], errors=refused.errors)
        return render(request, "org/people_import.html", context, status=400)
    messages.success(
        request,
        _("Đã thêm %(created)d và cập nhật %(updated)d cá nhân.")
        % {"created": len(created), "updated": len(updated)},
    )
    return redirect("org:person_list")


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
    council = acting_council(request.user)
    members = []
    if council is not None:
        members = sorted(
            council.members.select_related("person__unit", "user"),
            key=lambda member: (COUNCIL_ROLE_ORDER.index(member.role), member.person.sort_key),
        )
    return render(request, "org/council.html", {"council": council, "members": members})
