import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from vinhdanh.accounts import access
from vinhdanh.core.downloads import DOCX, XLSX, download
from vinhdanh.core.feedback import refusal_messages, run_action
from vinhdanh.core.files import private_file_view, serve_private
from vinhdanh.documents.admin_xlsx import list_workbook
from vinhdanh.movements.letterheads import letterhead_for
from vinhdanh.org.models import Cluster
from vinhdanh.scoring import cluster_year, reports, rules, selectors, services, sheet_import
from vinhdanh.scoring.models import BallotCast, BallotRound, Covenant, Scorecard, ScoreEvidence


def _cluster(request, pk):
    return access.get_visible_or_404(
        request.user, Cluster.objects.select_related("head", "deputy", "council"), pk=pk
    )


@login_required
def cluster_list(request):
    clusters = selectors.clusters_for(request.user).prefetch_related("members")
    return render(request, "scoring/cluster_list.html", {"clusters": clusters})


@login_required
def cluster_year_view(request, pk: int):
    cluster = _cluster(request, pk)
    sheet = getattr(cluster, "criteria_sheet", None)
    covenant = Covenant.objects.filter(cluster=cluster).first()
    signed_units = set(covenant.signatures.values_list("unit_id", flat=True)) if covenant else set()
    is_member = bool(request.user.unit_id and cluster.members.filter(pk=request.user.unit_id))
    ballots = []
    for ballot in BallotRound.objects.filter(cluster=cluster):
        now = timezone.now()
        ballot.is_open = ballot.opens_at <= now <= ballot.closes_at and not ballot.counted_at
        ballot.voted = BallotCast.objects.filter(round=ballot, voter_unit_id=request.user.unit_id)
        ballot.cast_count = ballot.casts.count()
        ballots.append(ballot)
    names = {u.pk: u.name for u in cluster.members.all()}
    for ballot in ballots:
        ballot.rows = [(names.get(r["unit"], "?"), r["votes"], r["elected"]) for r in ballot.result]
    context = {
        "cluster": cluster,
        "members": cluster.members.all(),
        "followers": cluster.followers.select_related("person"),
        "sheet": sheet,
        "ranking": selectors.ranking(sheet) if sheet else [],
        "cards": selectors.scorecards_for(request.user, sheet) if sheet else [],
        "covenant": covenant,
        "signed_units": signed_units,
        "is_member": is_member,
        "is_office": access.role_of(request.user) in services.OFFICE,
        "ballots": ballots,
        "proposals": cluster.proposals.select_related("unit"),
        "history": selectors.cluster_history(cluster),
        "tie_breaks": rules.TIE_BREAK_RULES,
    }
    return render(request, "scoring/cluster_year.html", context)


@private_file_view
def evidence_file(request, pk: int, evidence_id: int):
    card = access.get_visible_or_404(request.user, Scorecard.objects, pk=pk)
    evidence = ScoreEvidence.objects.filter(pk=evidence_id, score__scorecard=card).first()
    if evidence is None:
        raise Http404(_("Không tìm thấy."))
    return serve_private(request, evidence.file, download_name=evidence.name)


@login_required
def scorecard_view(request, pk: int):
    card = access.get_visible_or_404(
        request.user, Scorecard.objects.select_related("sheet__cluster", "unit"), pk=pk
    )
    stage = services.stage_for(request.user, card)
    if request.method == "POST" and stage:
        changes, versions = {}, {}
        for score in card.scores.all():
            key = f"points-{score.criterion_id}"
            if key in request.POST:
                changes[score.criterion_id] = (
                    request.POST[key],
                    request.POST.get(f"note-{score.criterion_id}", ""),
                )
                version = request.POST.get(f"version-{score.criterion_id}", "")
                versions[score.criterion_id] = int(version) if version.isdigit() else -1
        try:
            count = services.save_scores(
                request.user, card, stage=stage, changes=changes, versions=versions
            )
        except (ValidationError, PermissionDenied) as error:
            for text in refusal_messages(error):
                messages.error(request, text)
        else:
            messages.success(request, _("Đã lưu %(count)d tiêu chí.") % {"count": count})
        return redirect("scoring:scorecard", pk)
    context = {
        "card": card,
        "sheet": card.sheet,
        "scores": card.scores.select_related("criterion__section", "updated_by").prefetch_related(
            "evidence_files"
        ),
        "stage": stage,
        "stage_field": {
            "self": "self_points",
            "review": "review_points",
            "final": "final_points",
        }.get(stage),
        "totals": selectors.card_totals(card),
        "locked": card.sheet.is_locked and stage != services.FINAL,
    }
    return render(request, "scoring/scorecard.html", context)


@login_required
@require_POST
def evidence_attach(request, pk: int):
    card = access.get_visible_or_404(request.user, Scorecard.objects, pk=pk)
    upload = request.FILES.get("file")
    criterion = request.POST.get("criterion", "")
    if upload is None or not criterion.isdigit():
        messages.error(request, _("Vui lòng chọn tiêu chí và tệp minh chứng."))
    else:
        run_action(
            request,
            lambda: services.attach_evidence(
                request.user,
                card,
                criterion_id=int(criterion),
                filename=upload.name,
                content=upload.read(),
            ),
            _("Đã đính kèm minh chứng."),
        )
    return redirect("scoring:scorecard", pk)


@login_required
@require_POST
def scorecard_submit(request, pk: int):
    card = access.get_visible_or_404(request.user, Scorecard.objects, pk=pk)
    run_action(
        request,
        lambda: services.submit_scorecard(request.user, card),
        _("Đã gửi kết quả tự chấm tới cụm trưởng."),
    )
    return redirect("scoring:scorecard", pk)


@login_required
@require_POST
def covenant_confirm(request, pk: int):
    cluster = _cluster(request, pk)
    covenant = Covenant.objects.filter(cluster=cluster).first()
    if covenant is None:
        messages.error(request, _("Cụm chưa có giao ước."))
    else:
        run_action(
            request,
            lambda: cluster_year.confirm_covenant(request.user, covenant),
            _("Đơn vị đã xác nhận ký giao ước."),
        )
    return redirect("scoring:cluster_year", pk)


@login_required
@require_POST
def covenant_set(request, pk: int):
    cluster = _cluster(request, pk)
    run_action(
        request,
        lambda: cluster_year.set_covenant(
            request.user, cluster, text=request.POST.get("text", ""), signed_on=timezone.localdate()
        ),
        _("Đã lưu giao ước."),
    )
    return redirect("scoring:cluster_year", pk)


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
    upload = request.FILES.get("file")
    deadline = request.POST.get("deadline", "")
    try:
        day = datetime.date.fromisoformat(deadline) if deadline else None
    except ValueError:
        day = None
    if upload is None:
        messages.error(request, _("Vui lòng chọn tệp Excel (.xlsx)."))
    else:
        run_action(
            request,
            lambda: services.import_sheet(
                request.user,
                cluster,
                filename=upload.name,
                content=upload.read(),
                title=request.POST.get("title", ""),
                deadline=day,
            ),
            _("Đã nhập bảng tiêu chí."),
        )
    return redirect("scoring:cluster_year", pk)


@login_required
def sheet_template(request):
    return download(sheet_import.template(), "mau-bang-tieu-chi.xlsx", XLSX)


@login_required
@require_POST
def sheet_lock(request, pk: int):
    cluster = _cluster(request, pk)
    sheet = getattr(cluster, "criteria_sheet", None)
    action = request.POST.get("action")
    if sheet is not None:
        service = services.finalise_sheet if action == "finalise" else services.lock_sheet
        run_action(request, lambda: service(request.user, sheet), _("Đã cập nhật bảng điểm."))
    return redirect("scoring:cluster_year", pk)


@login_required
@require_POST
def ballot_open(request, pk: int):
    cluster = _cluster(request, pk)
    start = timezone.now()
    days = request.POST.get("days", "3")
    run_action(
        request,
        lambda: cluster_year.open_ballot(
            request.user,
            cluster,
            title=request.POST.get("title") or _("Suy tôn đơn vị dẫn đầu"),
            opens_at=start,
            closes_at=start + datetime.timedelta(days=int(days) if days.isdigit() else 3),
            seats=int(request.POST.get("seats") or 2),
        ),
        _("Đã mở đợt bỏ phiếu suy tôn."),
    )
    return redirect("scoring:cluster_year", pk)


def _ballot(request, pk):
    return access.get_visible_or_404(request.user, BallotRound.objects, pk=pk)


@login_required
@require_POST
def ballot_cast(request, pk: int):
    ballot = _ballot(request, pk)
    chosen = [int(v) for v in request.POST.getlist("unit") if v.isdigit()]
    run_action(
        request,
        lambda: cluster_year.cast_ballot(request.user, ballot, chosen),
        _("Đã ghi nhận phiếu bầu của đơn vị."),
    )
    return redirect("scoring:cluster_year", ballot.cluster_id)


@login_required
@require_POST
def ballot_count(request, pk: int):
    ballot = _ballot(request, pk)
    if request.POST.get("action") == "propose":
        run_action(
            request,
            lambda: cluster_year.propose_titles(request.user, ballot),
            _("Đã lập đề nghị khen thưởng cho các đơn vị dẫn đầu."),
        )
    else:
        run_action(
            request, lambda: cluster_year.count_ballot(request.user, ballot), _("Đã kiểm phiếu.")
        )
    return redirect("scoring:cluster_year", ballot.cluster_id)


@login_required
def ranking_xlsx(request, pk: int):
    cluster = _cluster(request, pk)
    sheet = getattr(cluster, "criteria_sheet", None)
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
    content = list_workbook(
        letterhead_for(cluster.head or cluster.council.unit),
        title=f"Kết quả chấm điểm, xếp hạng {cluster.name} năm {cluster.year}",
        date=timezone.localdate(),
        headers=["Hạng", "Đơn vị", "Điểm tiêu chí", "Điểm thưởng", "Điểm trừ", "Tổng điểm"],
        rows=rows,
        sheet_title="Xếp hạng",
    )
    return download(content, f"xep-hang-{cluster.code}-{cluster.year}.xlsx", XLSX)


@login_required
@require_POST
def cluster_rotate(request, pk: int):
    cluster = _cluster(request, pk)
    try:
        new = cluster_year.rotate_cluster(request.user, cluster, cluster.year + 1)
    except (ValidationError, PermissionDenied) as error:
        for text in refusal_messages(error):
            messages.error(request, text)
        return redirect("scoring:cluster_year", pk)
    messages.success(
        request, _("Đã lập cụm năm %(year)d (luân phiên cụm trưởng).") % {"year": new.year}
    )
    return redirect("scoring:cluster_year", new.pk)
