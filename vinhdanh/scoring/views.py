"""Pages of the cluster's year. Every write posts a form (scoring/forms.py) and runs its
service through `run_service`: on success the page says so and reloads, on a refusal it is
shown again with the form's errors and what was typed."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core import charts
from vinhdanh.core.downloads import DOCX, XLSX, download
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.documents.admin_xlsx import official_workbook
from vinhdanh.movements.letterheads import letterhead_for
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import cluster_year, reports, rules, selectors, services, sheet_import
from vinhdanh.scoring import forms as scoring_forms
from vinhdanh.scoring import permissions as perms
from vinhdanh.scoring.models import BallotCast, BallotRound, Covenant, Scorecard, ScoreEvidence
from vinhdanh.scoring.workflows import BALLOTS, FINAL, SCORECARDS, SHEETS
from vinhdanh.workflow.permissions import allows
from vinhdanh.workflow.views import run_service


def _cluster(request, pk):
    # The members are prefetched: the page lists them, and the permissions of every ballot
    # and of the covenant read them.
    return access.get_visible_or_404(
        request.user,
        Cluster.objects.select_related("head", "deputy", "council").prefetch_related("members"),
        pk=pk,
    )


def _sheet_of(cluster):
    return getattr(cluster, "criteria_sheet", None)


def _covenant_of(cluster):
    try:
        return cluster.covenant
    except Covenant.DoesNotExist:
        return None


def _done(request, form, success, target, page):
    """After `run_service`: a refused form is shown again on `page`, else off to `target`."""
    if form.errors:
        return page(form)
    messages.success(request, success)
    return redirect(*target)


@login_required
def cluster_list(request):
    clusters = selectors.clusters_for(request.user).prefetch_related("members")
    return render(request, "scoring/cluster_list.html", {"clusters": clusters})


def _ballots(request, cluster, members, failed=None):
    """The cluster's rounds with their counts, what this user may do on each, their forms."""
    user = request.user
    voted = BallotCast.objects.filter(round=OuterRef("pk"), voter_unit_id=user.unit_id)
    # Through the cluster's manager, so every round's `cluster` is this one (members read once).
    rounds = cluster.ballots.annotate(cast_count=Count("casts"), voted=Exists(voted))
    names = {unit.pk: unit.name for unit in members}
    now = timezone.now()
    ballots = []
    for ballot in rounds:
        ballot.is_open = ballot.accepts_votes(now)
        ballot.rows = [(names.get(r["unit"], "?"), r["votes"], r["elected"]) for r in ballot.result]
        ballot.actions = {action.name for action in BALLOTS.available(user, ballot)}
        ballot.may_cast = allows(user, perms.CAST_BALLOT, ballot)
        ballot.may_propose = allows(user, perms.PROPOSE_TITLES, ballot)
        ballot.action_form = scoring_forms.BallotActionForm(
            initial={"version": ballot.version}, auto_id=False
        )
        ballot.cast_form = scoring_forms.CastBallotForm(members, auto_id=f"b{ballot.pk}-%s")
        if failed is not None and failed[0] == ballot.pk:
            setattr(ballot, failed[1], failed[2])
        ballots.append(ballot)
    return ballots


def _cluster_page(request, cluster, *, failed=None, ballot_form=None, **forms):
    """The cluster's year; `forms` replace the page's empty forms (a refused one, bound)."""
    user = request.user
    sheet = _sheet_of(cluster)
    covenant = _covenant_of(cluster)
    members = list(cluster.members.all())
    signed_units = set(covenant.signatures.values_list("unit_id", flat=True)) if covenant else set()
    ranking = selectors.ranking(sheet) if sheet else []
    sheet_actions = {a.name for a in SHEETS.available(user, sheet)} if sheet else set()
    context = {
        "score_chart": score_chart(cluster, ranking) if ranking else None,
        "cluster": cluster,
        "members": members,
        "followers": cluster.followers.select_related("person"),
        "sheet": sheet,
        "sheet_actions": sheet_actions,
        # What locking or finalising now would leave out: the step then needs a reason.
        "closing_gaps": services.closing_gaps(sheet)
        if sheet_actions & {"lock", "finalise"}
        else [],
        "ranking": ranking,
        "cards": set(selectors.scorecards_for(user, sheet).values_list("pk", flat=True))
        if sheet
        else set(),
        "covenant": covenant,
        "signed_units": signed_units,
        "ballots": _ballots(request, cluster, members, ballot_form),
        "proposals": cluster.proposals.select_related("unit"),
        "history": selectors.cluster_history(cluster),
        "tie_breaks": rules.TIE_BREAK_RULES,
        "failed": failed,
        "import_form": scoring_forms.SheetImportForm(auto_id="import-%s"),
        "sheet_action_form": scoring_forms.SheetActionForm(
            initial={"version": sheet.version if sheet else None}, auto_id=False
        ),
        "deadline_form": scoring_forms.DeadlineForm(
            initial={
                "version": sheet.version if sheet else None,
                "deadline": sheet.deadline if sheet else None,
            },
            auto_id="deadline-%s",
        ),
        "covenant_form": scoring_forms.CovenantForm(auto_id="covenant-%s"),
        "sign_form": scoring_forms.SignCovenantForm(),
        "rotate_form": scoring_forms.RotateClusterForm(),
        "appoint_form": scoring_forms.AppointHeadForm(
            cluster.members.all(), initial={"unit": cluster.head_id}, auto_id="appoint-%s"
        ),
        "open_ballot_form": scoring_forms.OpenBallotForm(auto_id="ballot-%s"),
    }
    context.update(forms)
    return render(request, "scoring/cluster_year.html", context)


def score_chart(cluster, ranking) -> charts.Chart:
    """The members' points as the ranking counts them, one bar each, best first."""
    return charts.Chart(
        key="diem-cum",
        title=_("Điểm thi đua của các đơn vị %(cluster)s năm %(year)s")
        % {"cluster": cluster.name, "year": cluster.year},
        labels=[str(row.extra["unit"]) for row in ranking],
        series=[
            charts.Series(_("Điểm tiêu chí"), [row.totals.standard for row in ranking]),
            charts.Series(_("Điểm thưởng"), [row.totals.bonus for row in ranking]),
            charts.Series(_("Điểm trừ"), [row.totals.penalty for row in ranking]),
            charts.Series(_("Tổng điểm"), [row.totals.total for row in ranking]),
        ],
        kind="horizontal",
        label_header=_("Đơn vị"),
    )


@login_required
def cluster_year_view(request, pk: int):
    cluster = _cluster(request, pk)
    if request.GET.get("chart"):
        sheet = _sheet_of(cluster)
        ranking = selectors.ranking(sheet) if sheet else []
        if exported := charts.requested_export(request, [score_chart(cluster, ranking)]):
            return exported
    return _cluster_page(request, cluster)


@private_file_view
def evidence_file(request, pk: int, evidence_id: int):
    card = access.get_visible_or_404(request.user, Scorecard.objects, pk=pk)
    evidence = ScoreEvidence.objects.filter(pk=evidence_id, score__scorecard=card).first()
    if evidence is None:
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, evidence.file, download_name=evidence.name)


def _card(request, pk):
    return access.get_visible_or_404(
        request.user,
        Scorecard.objects.select_related("sheet__cluster", "unit"),
        pk=pk,
    )


def _card_scores(card) -> list:
    return list(
        card.scores.select_related("criterion__section", "updated_by").prefetch_related(
            "evidence_files"
        )
    )


def _scorecard_page(request, card, *, failed=None, **forms):
    """The card's table; `forms` replace its empty forms (a refused one, bound)."""
    user = request.user
    stage = services.stage_for(user, card)
    scores_form = forms.pop("scores_form", None)
    scores = scores_form.scores if scores_form is not None else _card_scores(card)
    closed = services.closed_reason(card, stage) if stage else None
    editable = stage is not None and closed is None
    if scores_form is None and editable:
        scores_form = scoring_forms.ScoresForm(scores, stage)
    context = {
        "card": card,
        "sheet": card.sheet,
        "scores": scores_form.rows() if scores_form is not None else scores,
        "stage": stage,
        "editable": editable and scores_form is not None,
        "closed": closed,
        "totals": selectors.totals_of(scores),
        "locked": card.sheet.is_locked and stage != FINAL,
        "card_actions": {a.name for a in SCORECARDS.available(user, card)},
        "failed": failed,
        "evidence_form": scoring_forms.EvidenceForm(scores),
        "submit_form": scoring_forms.SubmitScorecardForm(
            initial={"version": card.version}, auto_id=False
        ),
    }
    context.update(forms)
    return render(request, "scoring/scorecard.html", context)


@login_required
def scorecard_view(request, pk: int):
    card = _card(request, pk)
    if request.method != "POST":
        return _scorecard_page(request, card)
    stage = services.stage_for(request.user, card)
    if stage is None:
        raise PermissionDenied(_("Bạn không có quyền thực hiện thao tác này."))
    form = scoring_forms.ScoresForm(_card_scores(card), stage, request.POST)

    def save():
        try:
            return services.save_scores(
                request.user, card, stage=stage, changes=form.changes, versions=form.versions
            )
        except services.ScoreCellErrors as refused:
            # Each refusal on its cell; the page comes back with every typed value.
            form.add_cell_errors(refused.cells)
            if refused.plain:
                form.add_error(None, refused.plain)
            return None

    count = run_service(form, save)
    return _done(
        request,
        form,
        _("Đã lưu %(count)d tiêu chí.") % {"count": count or 0},
        ("scoring:scorecard", pk),
        lambda form: _scorecard_page(request, card, failed=form, scores_form=form),
    )


@login_required
@require_POST
def evidence_attach(request, pk: int):
    card = _card(request, pk)
    form = scoring_forms.EvidenceForm(_card_scores(card), request.POST, request.FILES)

    def attach():
        return services.attach_evidence_files(
            request.user,
            card,
            criterion_id=form.cleaned_data["criterion"],
            files=[(upload.name, upload.read()) for upload in form.cleaned_data["file"]],
        )

    attached = run_service(form, attach)
    return _done(
        request,
        form,
        _("Đã đính kèm %(count)d tệp minh chứng.") % {"count": len(attached or [])},
        ("scoring:scorecard", pk),
        lambda form: _scorecard_page(request, card, failed=form, evidence_form=form),
    )


@login_required
@require_POST
def scorecard_submit(request, pk: int):
    card = _card(request, pk)
    form = scoring_forms.SubmitScorecardForm(request.POST, action=SCORECARDS.action("submit"))
    run_service(
        form,
        lambda: services.submit_scorecard(
            request.user, card, expected_version=form.cleaned_data["version"]
        ),
    )
    return _done(
        request,
        form,
        _("Đã gửi kết quả tự chấm tới cụm trưởng."),
        ("scoring:scorecard", pk),
        lambda form: _scorecard_page(request, card, failed=form, submit_form=form),
    )


def _on_cluster_page(request, cluster, name):
    """How a refused form of the cluster's page is shown again: in its place, with errors."""
    return lambda form: _cluster_page(request, cluster, failed=form, **{name: form})


@login_required
@require_POST
def covenant_confirm(request, pk: int):
    cluster = _cluster(request, pk)
    covenant = _covenant_of(cluster)
    form = scoring_forms.SignCovenantForm(request.POST)
    if covenant is None:
        form.add_error(None, _("Cụm chưa có giao ước."))
    else:
        run_service(form, cluster_year.confirm_covenant, request.user, covenant)
    return _done(
        request,
        form,
        _("Đơn vị đã xác nhận ký giao ước."),
        ("scoring:cluster_year", pk),
        _on_cluster_page(request, cluster, "sign_form"),
    )


@login_required
@require_POST
def covenant_set(request, pk: int):
    cluster = _cluster(request, pk)
    form = scoring_forms.CovenantForm(request.POST, auto_id="covenant-%s")
    run_service(
        form,
        lambda: cluster_year.set_covenant(
            request.user,
            cluster,
            text=form.cleaned_data["text"],
            signed_on=timezone.localdate(),
        ),
    )
    return _done(
        request,
        form,
        _("Đã lưu giao ước."),
        ("scoring:cluster_year", pk),
        _on_cluster_page(request, cluster, "covenant_form"),
    )


@login_required
def covenant_docx(request, pk: int):
    cluster = _cluster(request, pk)
    covenant = access.get_visible_or_404(request.user, Covenant.objects, cluster=cluster)
    return download(reports.covenant_document(covenant), f"giao-uoc-{cluster.code}.docx", DOCX)


@login_required
def report_docx(request, pk: int, period: str):
    cluster = _cluster(request, pk)
    name = "so-ket" if period == reports.MID_YEAR else "tong-ket"
    return download(
        reports.cluster_report(cluster, period), f"{name}-{cluster.code}-{cluster.year}.docx", DOCX
    )


@login_required
@require_POST
def sheet_import_view(request, pk: int):
    cluster = _cluster(request, pk)
    form = scoring_forms.SheetImportForm(request.POST, request.FILES, auto_id="import-%s")

    def import_sheet():
        upload = form.cleaned_data["file"]
        return services.import_sheet(
            request.user,
            cluster,
            filename=upload.name,
            content=upload.read(),
            title=form.cleaned_data["title"],
            deadline=form.cleaned_data["deadline"],
            past_deadline_ok=form.cleaned_data["past_deadline_ok"],
        )

    run_service(form, import_sheet)
    return _done(
        request,
        form,
        _("Đã nhập bảng tiêu chí."),
        ("scoring:cluster_year", pk),
        _on_cluster_page(request, cluster, "import_form"),
    )


@login_required
def sheet_template(request):
    return download(sheet_import.template(), "mau-bang-tieu-chi.xlsx", XLSX)


def _cluster_and_sheet(request, pk):
    cluster = _cluster(request, pk)
    sheet = _sheet_of(cluster)
    if sheet is None:
        raise Http404(_("Cụm chưa có bảng tiêu chí."))
    return cluster, sheet


@login_required
@require_POST
def sheet_lock(request, pk: int):
    cluster, sheet = _cluster_and_sheet(request, pk)
    form = scoring_forms.SheetActionForm(request.POST, auto_id=False)
    services_by_action = {"lock": services.lock_sheet, "finalise": services.finalise_sheet}
    run_service(
        form,
        lambda: services_by_action[form.cleaned_data["action"]](
            request.user,
            sheet,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["note"],
        ),
    )
    return _done(
        request,
        form,
        _("Đã cập nhật bảng điểm."),
        ("scoring:cluster_year", pk),
        _on_cluster_page(request, cluster, "sheet_action_form"),
    )


@login_required
@require_POST
def sheet_deadline(request, pk: int):
    cluster, sheet = _cluster_and_sheet(request, pk)
    form = scoring_forms.DeadlineForm(request.POST, auto_id="deadline-%s")
    run_service(
        form,
        lambda: services.set_deadline(
            request.user,
            sheet,
            form.cleaned_data["deadline"],
            expected_version=form.cleaned_data["version"],
        ),
    )
    return _done(
        request,
        form,
        _("Đã đặt hạn chấm điểm."),
        ("scoring:cluster_year", pk),
        _on_cluster_page(request, cluster, "deadline_form"),
    )


@login_required
@require_POST
def ballot_open(request, pk: int):
    cluster = _cluster(request, pk)
    form = scoring_forms.OpenBallotForm(request.POST, auto_id="ballot-%s")

    def open_ballot():
        start = timezone.now()
        return cluster_year.open_ballot(
            request.user,
            cluster,
            title=form.cleaned_data["title"] or _("Suy tôn đơn vị dẫn đầu"),
            opens_at=start,
            closes_at=start + datetime.timedelta(days=form.cleaned_data["days"]),
            seats=form.cleaned_data["seats"],
        )

    run_service(form, open_ballot)
    return _done(
        request,
        form,
        _("Đã mở đợt bỏ phiếu suy tôn."),
        ("scoring:cluster_year", pk),
        _on_cluster_page(request, cluster, "open_ballot_form"),
    )


def _ballot(request, pk):
    ballot = access.get_visible_or_404(request.user, BallotRound.objects, pk=pk)
    return _cluster(request, ballot.cluster_id), ballot


def _on_ballot(request, cluster, ballot, name):
    """A refused form of one round, shown again in that round's place."""
    return lambda form: _cluster_page(
        request, cluster, failed=form, ballot_form=(ballot.pk, name, form)
    )


@login_required
@require_POST
def ballot_cast(request, pk: int):
    cluster, ballot = _ballot(request, pk)
    form = scoring_forms.CastBallotForm(
        cluster.members.all(), request.POST, auto_id=f"b{ballot.pk}-%s"
    )
    run_service(
        form, lambda: cluster_year.cast_ballot(request.user, ballot, form.cleaned_data["unit"])
    )
    return _done(
        request,
        form,
        _("Đã ghi nhận phiếu bầu của đơn vị."),
        ("scoring:cluster_year", cluster.pk),
        _on_ballot(request, cluster, ballot, "cast_form"),
    )


@login_required
@require_POST
def ballot_count(request, pk: int):
    cluster, ballot = _ballot(request, pk)
    form = scoring_forms.BallotActionForm(request.POST, auto_id=False)
    propose = form.is_valid() and form.cleaned_data["action"] == "propose"
    if propose:
        run_service(form, cluster_year.propose_titles, request.user, ballot)
        success = _("Đã lập đề nghị khen thưởng cho các đơn vị dẫn đầu.")
    else:
        run_service(
            form,
            lambda: cluster_year.count_ballot(
                request.user, ballot, expected_version=form.cleaned_data["version"]
            ),
        )
        success = _("Đã kiểm phiếu.")
    return _done(
        request,
        form,
        success,
        ("scoring:cluster_year", cluster.pk),
        _on_ballot(request, cluster, ballot, "action_form"),
    )


@login_required
def ranking_xlsx(request, pk: int):
    cluster = _cluster(request, pk)
    sheet = _sheet_of(cluster)
    rows = [
        [
            row.rank,
            row.extra["unit"].name,
            row.totals.standard,
            row.totals.bonus,
            row.totals.penalty,
            row.totals.total,
        ]
        for row in (selectors.ranking(sheet) if sheet else [])
    ]
    content = official_workbook(
        letterhead_for(cluster.head or cluster.council.unit),
        title="BẢNG TỔNG HỢP",
        subject=f"Kết quả chấm điểm, xếp hạng {cluster.name} năm {cluster.year}",
        date=timezone.localdate(),
        headers=["Hạng", "Đơn vị", "Điểm tiêu chí", "Điểm thưởng", "Điểm trừ", "Tổng điểm"],
        rows=rows,
        widths=[8, 40, 14, 14, 12, 14],
        sheet_title="Xếp hạng",
        signers=(("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"), ("CỤM TRƯỞNG", "(Ký tên, đóng dấu)")),
    )
    return download(content, f"xep-hang-{cluster.code}-{cluster.year}.xlsx", XLSX)


@login_required
@require_POST
def cluster_appoint_head(request, pk: int):
    cluster = _cluster(request, pk)
    form = scoring_forms.AppointHeadForm(cluster.members.all(), request.POST, auto_id="appoint-%s")
    run_service(
        form,
        lambda: cluster_year.appoint_cluster_head(request.user, cluster, form.cleaned_data["unit"]),
    )
    if form.errors:
        return _on_cluster_page(request, cluster, "appoint_form")(form)
    messages.success(
        request,
        _("Đã cử %(unit)s làm cụm trưởng; cán bộ của đơn vị đã có quyền cụm trưởng.")
        % {"unit": form.cleaned_data["unit"]},
    )
    return redirect("scoring:cluster_year", cluster.pk)


@login_required
@require_POST
def cluster_rotate(request, pk: int):
    cluster = _cluster(request, pk)
    form = scoring_forms.RotateClusterForm(request.POST)
    new = run_service(form, cluster_year.rotate_cluster, request.user, cluster, cluster.year + 1)
    if form.errors:
        return _on_cluster_page(request, cluster, "rotate_form")(form)
    messages.success(
        request, _("Đã lập cụm năm %(year)d (luân phiên cụm trưởng).") % {"year": new.year}
    )
    return redirect("scoring:cluster_year", new.pk)
