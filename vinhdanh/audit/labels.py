"""What each audit action code means, in words: the log reads as Vietnamese sentences.

`ACTION_LABELS` holds, for every code a service, a shared step or the workflow engine
writes (`record(action=...)`), the verb phrase that follows "đã": "Nguyễn Văn A đã
*thẩm định hồ sơ đề nghị* “…” lúc …". `audit/tests/test_labels.py` reads every
`record(...)` call and every declared workflow action and fails on a code without a
label, so a new code cannot reach the page as `awards.vote.close`.

Codes of the admin site (`admin.<app>.<model>.<verb>`) are described from the model's
own name. A code no table knows (an entry written by an older version) is still a
sentence: "đã thực hiện một thao tác trên …".
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    # accounts
    "accounts.act_for_council": _("chuyển sang làm việc cho Hội đồng"),
    "accounts.recovery_code_used": _("đăng nhập bằng mã khôi phục"),
    "accounts.recovery_codes_replaced": _("tạo lại mã khôi phục xác thực hai lớp"),
    "accounts.second_factor_disabled": _("tắt xác thực hai lớp"),
    "accounts.second_factor_enrolled": _("bật xác thực hai lớp"),
    # awards: council meetings
    "awards.meeting.create": _("lập phiên họp Hội đồng"),
    "awards.meeting.agenda_add": _("đưa hồ sơ vào chương trình phiên họp"),
    "awards.meeting.agenda_remove": _("bỏ hồ sơ khỏi chương trình phiên họp"),
    "awards.meeting.attendance": _("ghi nhận thành phần dự phiên họp"),
    "awards.meeting.count": _("ghi kết quả biểu quyết tại phiên họp"),
    "awards.meeting.ballot": _("biểu quyết trực tuyến tại phiên họp"),
    "awards.meeting.open": _("khai mạc phiên họp Hội đồng"),
    "awards.meeting.close": _("kết thúc phiên họp Hội đồng"),
    # records kept by units
    "records.rating.delete": _("xóa kết quả xếp loại"),
    "records.initiative.update": _("sửa sáng kiến được công nhận"),
    "records.initiative.delete": _("xóa sáng kiến được công nhận"),
    "records.discipline.update": _("sửa quyết định kỷ luật"),
    "records.discipline.delete": _("xóa quyết định kỷ luật"),
    "records.import.preview": _("xem trước tệp nhập hồ sơ"),
    "records.import.apply": _("nhập hồ sơ từ tệp Excel"),
    # scoring: cluster heads
    "scoring.cluster.appoint_head": _("chỉ định cụm trưởng"),
    "scoring.cluster_head.grant": _("trao quyền cụm trưởng"),
    "scoring.cluster_head.revoke": _("thu hồi quyền cụm trưởng"),
    # org
    "org.unit.create": _("thêm đơn vị"),
    "org.unit.update": _("sửa thông tin đơn vị"),
    "org.unit.end": _("ghi nhận chấm dứt hoạt động của đơn vị"),
    "org.unit.merge": _("hợp nhất đơn vị"),
    "org.person.create": _("thêm cá nhân"),
    "org.person.update": _("sửa thông tin cá nhân"),
    "org.reorganisation.create": _("lập đợt sắp xếp đơn vị"),
    "org.reorganisation.add_successor": _("thêm đơn vị kế thừa vào đợt sắp xếp"),
    "org.reorganisation.remove_successor": _("bỏ đơn vị kế thừa khỏi đợt sắp xếp"),
    "org.reorganisation.set_dissolved": _("chọn đơn vị giải thể trong đợt sắp xếp"),
    "org.reorganisation.assign": _("phân cá nhân về đơn vị kế thừa"),
    "org.reorganisation.unassign": _("bỏ phân cá nhân về đơn vị kế thừa"),
    "org.reorganisation.import_moves": _("nhập danh sách chuyển cá nhân của đợt sắp xếp"),
    "org.reorganisation.apply": _("áp dụng đợt sắp xếp đơn vị"),
    "org.reorganisation.cancel": _("hủy đợt sắp xếp đơn vị"),
    # plans
    "plans.plan.import": _("nhập kế hoạch"),
    "plans.plan.update": _("sửa kế hoạch"),
    "plans.plan_import.preview": _("xem trước bản nhập kế hoạch"),
    "plans.task.progress": _("cập nhật tiến độ nhiệm vụ"),
    "plans.task.done": _("ghi nhận hoàn thành nhiệm vụ"),
    "plans.task.reopen": _("mở lại nhiệm vụ"),
    "plans.report.submit": _("gửi báo cáo tiến độ"),
    "plans.assignment.progress": _("cập nhật tiến độ phần việc của đơn vị"),
    "plans.assignment.done": _("ghi nhận đơn vị hoàn thành phần việc"),
    "plans.assignment.reopen": _("mở lại phần việc của đơn vị"),
    "plans.task.added": _("thêm nhiệm vụ vào kế hoạch"),
    "plans.task.edited": _("sửa nhiệm vụ của kế hoạch"),
    "plans.task.reassigned": _("giao lại đơn vị thực hiện nhiệm vụ"),
    "plans.task.removed": _("bỏ nhiệm vụ khỏi kế hoạch"),
    "plans.reminder.no_recipient": _("ghi nhận nhắc việc không có người nhận"),
    "plans.reminder.send": _("gửi nhắc việc"),
    "plans.notification.read_all": _("đánh dấu đã đọc mọi thông báo"),
    "plans.feed_token.create": _("tạo liên kết lịch nhiệm vụ"),
    "plans.feed_token.revoke": _("thu hồi liên kết lịch nhiệm vụ"),
    "plans.unit_plan.submit": _("gửi kế hoạch của đơn vị"),
    "plans.unit_plan.resubmit": _("gửi lại kế hoạch của đơn vị"),
    "plans.unit_plan.accept": _("tiếp nhận kế hoạch của đơn vị"),
    "plans.unit_plan.return": _("trả lại kế hoạch của đơn vị"),
    # exemplars
    "exemplars.exemplar.create": _("đề xuất gương điển hình (dự thảo)"),
    "exemplars.exemplar.update": _("sửa gương điển hình"),
    "exemplars.exemplar.attach_photos": _("thêm ảnh vào gương điển hình"),
    "exemplars.exemplar.attach_evidence": _("thêm minh chứng vào gương điển hình"),
    "exemplars.exemplar.remove_photo": _("gỡ ảnh khỏi gương điển hình"),
    "exemplars.exemplar.consent": _("ghi nhận sự đồng ý công bố tên và ảnh của gương điển hình"),
    "exemplars.exemplar.consent_withdrawn": _(
        "ghi nhận việc không đồng ý, rút lại đồng ý công bố tên và ảnh của gương điển hình"
    ),
    "exemplars.exemplar.propose": _("gửi đề xuất gương điển hình"),
    "exemplars.exemplar.verify": _("xác minh gương điển hình"),
    "exemplars.exemplar.return": _("trả lại gương điển hình để bổ sung"),
    "exemplars.exemplar.refuse": _("không công nhận gương điển hình"),
    "exemplars.exemplar.publish": _("công bố gương điển hình lên bảng vàng"),
    "exemplars.exemplar.withdraw": _("gỡ gương điển hình khỏi bảng vàng"),
    "exemplars.exemplar.commend": _("lập hồ sơ khen thưởng đột xuất từ gương điển hình"),
    # reports
    "reports.work_staff.add": _("thêm công chức làm công tác thi đua, khen thưởng"),
    "reports.work_staff.remove": _("xóa công chức làm công tác thi đua, khen thưởng"),
    "reports.work_body.add": _("thêm tổ chức làm công tác thi đua, khen thưởng"),
    "reports.work_body.remove": _("xóa tổ chức làm công tác thi đua, khen thưởng"),
    "reports.person_category.set": _("phân loại cá nhân theo năm"),
    # initiatives
    "initiatives.council.create": _("lập Hội đồng sáng kiến"),
    "initiatives.council.add_member": _("thêm thành viên Hội đồng sáng kiến"),
    "initiatives.council.end_member": _("ghi ngày thôi tham gia Hội đồng sáng kiến"),
    "initiatives.evidence.attach": _("đính kèm minh chứng sáng kiến"),
    "initiatives.initiative.create": _("đăng ký sáng kiến"),
    "initiatives.initiative.update": _("sửa hồ sơ sáng kiến"),
    "initiatives.initiative.submit": _("gửi sáng kiến tới Hội đồng sáng kiến"),
    "initiatives.initiative.start_review": _("đưa sáng kiến ra Hội đồng sáng kiến xét"),
    "initiatives.initiative.return": _("trả lại hồ sơ sáng kiến để bổ sung"),
    "initiatives.initiative.score": _("chấm điểm sáng kiến"),
    "initiatives.initiative.vote": _("ghi kết quả biểu quyết của Hội đồng sáng kiến"),
    "initiatives.initiative.recognise": _("công nhận sáng kiến"),
    "initiatives.initiative.reject": _("không công nhận sáng kiến"),
    "initiatives.initiative.propose_up": _("đề nghị cấp trên công nhận sáng kiến"),
    "initiatives.initiative.receive": _("nhận đề nghị công nhận sáng kiến của cấp dưới"),
    "initiatives.initiative.recognised_above": _("ghi nhận cấp trên công nhận sáng kiến"),
    "initiatives.initiative.refused_above": _("ghi nhận cấp trên không công nhận sáng kiến"),
    # filings
    "filings.filing.file": _("nhận hồ sơ nộp trực tuyến"),
    "filings.attachment.add": _("nhận thêm tệp của hồ sơ trực tuyến"),
    "filings.filing.request_more": _("yêu cầu bổ sung hồ sơ trực tuyến"),
    "filings.filing.supplement": _("nhận phần bổ sung của hồ sơ trực tuyến"),
    "filings.filing.accept": _("chấp nhận hồ sơ trực tuyến, lập hồ sơ khen thưởng"),
    "filings.filing.refuse": _("từ chối hồ sơ trực tuyến"),
    "filings.api_client.create": _("tạo ứng dụng kết nối API"),
    "filings.api_client.new_secret": _("tạo mã bí mật mới cho ứng dụng kết nối API"),
    # movements
    "ceremonies.ceremony.create": _("tạo hội nghị, lễ trao tặng"),
    "ceremonies.ceremony.update": _("sửa hội nghị, lễ trao tặng"),
    "ceremonies.ceremony.invite": _("gửi giấy mời dự hội nghị"),
    "ceremonies.ceremony.hold": _("xác nhận đã tổ chức hội nghị"),
    "ceremonies.ceremony.report": _("báo cáo kết quả hội nghị"),
    "ceremonies.ceremony.cancel": _("hủy hội nghị"),
    "ceremonies.honourees.draw": _("lập danh sách trao tặng từ các quyết định"),
    "ceremonies.honourees.reorder": _("đổi thứ tự trao tặng"),
    "ceremonies.attendance.record": _("ghi danh sách có mặt tại hội nghị"),
    "ceremonies.reception.record": _("ghi lễ đón nhận danh hiệu"),
    "inspections.plan.create": _("lập kế hoạch kiểm tra công tác thi đua, khen thưởng"),
    "inspections.plan.update": _("sửa kế hoạch kiểm tra"),
    "inspections.plan.issue": _("ban hành kế hoạch kiểm tra"),
    "inspections.plan.close": _("tổng kết kế hoạch kiểm tra"),
    "inspections.team.add": _("lập đoàn kiểm tra"),
    "inspections.visit.schedule": _("lên lịch kiểm tra đơn vị"),
    "inspections.visit.conduct": _("hoàn thành kiểm tra đơn vị"),
    "inspections.visit.sign": _("ký biên bản kiểm tra"),
    "inspections.visit.reopen": _("mở lại kết quả kiểm tra để sửa"),
    "inspections.findings.record": _("ghi kết quả kiểm tra"),
    "inspections.follow_up.add": _("giao việc khắc phục sau kiểm tra"),
    "inspections.follow_up.complete": _("báo cáo đã khắc phục sau kiểm tra"),
    "inspections.follow_up.reopen": _("yêu cầu tiếp tục khắc phục sau kiểm tra"),
    "training.session.create": _("tạo lớp tập huấn"),
    "training.session.update": _("sửa lớp tập huấn"),
    "training.session.announce": _("gửi giấy mời dự lớp tập huấn"),
    "training.session.hold": _("xác nhận đã tổ chức lớp tập huấn"),
    "training.session.report": _("báo cáo kết quả lớp tập huấn"),
    "training.session.cancel": _("hủy lớp tập huấn"),
    "training.material.add": _("thêm tài liệu tập huấn"),
    "training.attendee.register": _("đăng ký người dự tập huấn"),
    "training.attendee.withdraw": _("rút tên người dự tập huấn"),
    "training.attendance.record": _("điểm danh lớp tập huấn"),
    "training.evaluation.save": _("lưu phiếu đánh giá lớp tập huấn"),
    "movements.movement.create": _("tạo phong trào thi đua"),
    "movements.movement.update": _("sửa phong trào thi đua"),
    "movements.movement.launch": _("phát động phong trào thi đua"),
    "movements.movement.close": _("tổng kết phong trào thi đua"),
    "movements.document.attach": _("đính kèm văn bản vào phong trào"),
    "movements.registration.start": _("lập bản đăng ký thi đua"),
    "movements.registration.save": _("lưu danh sách đăng ký thi đua"),
    "movements.registration.submit": _("gửi bản đăng ký thi đua"),
    "movements.registration.return": _("trả lại bản đăng ký thi đua để bổ sung"),
    "movements.registration.approve": _("duyệt bản đăng ký thi đua"),
    # writing contests
    "contests.contest.create": _("tạo cuộc thi viết"),
    "contests.contest.update": _("sửa thể lệ cuộc thi viết"),
    "contests.contest.set_judges": _("chọn Ban Giám khảo cuộc thi viết"),
    "contests.contest.open": _("phát động, mở nhận bài cuộc thi viết"),
    "contests.contest.close_entries": _("kết thúc nhận bài cuộc thi viết"),
    "contests.contest.decide": _("quyết định trao giải cuộc thi viết"),
    "contests.decision.issue": _("ban hành quyết định trao giải cuộc thi viết"),
    "contests.round.create": _("thêm vòng chấm cuộc thi viết"),
    "contests.round.assign": _("phân công giám khảo chấm vòng thi"),
    "contests.round.delete": _("xóa vòng chấm cuộc thi viết"),
    "contests.round.open": _("mở vòng chấm cuộc thi viết"),
    "contests.round.close": _("tổng hợp kết quả vòng chấm"),
    "contests.entry.submit": _("gửi bài dự thi"),
    "contests.entry.accept": _("nhận bài dự thi vào chấm"),
    "contests.entry.reject": _("không nhận bài dự thi"),
    "contests.entry.advance": _("đưa bài dự thi vào chung khảo"),
    "contests.entry.eliminate": _("dừng bài dự thi ở vòng sơ khảo"),
    "contests.entry.award": _("trao giải cho bài dự thi"),
    "contests.entry.not_award": _("ghi bài dự thi không đoạt giải"),
    "contests.sheet.assign": _("phân công giám khảo chấm bài"),
    "contests.sheet.score": _("ghi điểm phiếu chấm"),
    "contests.sheet.submit": _("nộp phiếu chấm"),
    "contests.sheet.declare_conflict": _("báo xung đột lợi ích khi chấm bài"),
    "contests.sheet.replace": _("thay giám khảo chấm bài"),
    # records
    "records.rating.create": _("ghi kết quả xếp loại"),
    "records.rating.update": _("sửa kết quả xếp loại"),
    "records.award.create": _("ghi khen thưởng đã nhận"),
    "records.initiative.create": _("ghi sáng kiến"),
    "records.discipline.create": _("ghi kỷ luật"),
    "records.screening.request": _("yêu cầu rà soát điều kiện khen thưởng"),
    # rules
    "rules.setting.set": _("đặt tham số quy tắc xét khen"),
    "rules.setting.reset": _("đưa tham số quy tắc xét khen về mặc định"),
    # scoring
    "scoring.cluster.rotate": _("luân phiên cụm trưởng"),
    "scoring.covenant.set": _("lập giao ước thi đua của cụm"),
    "scoring.covenant.confirm": _("xác nhận giao ước thi đua của cụm"),
    "scoring.sheet.create": _("lập bảng tiêu chí chấm điểm"),
    "scoring.sheet.replace": _("thay bảng tiêu chí chấm điểm"),
    "scoring.sheet.deadline": _("đặt hạn chấm điểm"),
    "scoring.sheet.lock": _("khóa bảng tiêu chí chấm điểm"),
    "scoring.sheet.finalise": _("chốt kết quả chấm điểm"),
    "scoring.scorecard.submit": _("gửi kết quả tự chấm điểm"),
    "scoring.scorecard.review": _("thẩm định bảng điểm"),
    "scoring.score.self": _("tự chấm điểm tiêu chí"),
    "scoring.score.review": _("chấm điểm thẩm định tiêu chí"),
    "scoring.score.final": _("chốt điểm tiêu chí"),
    "scoring.evidence.attach": _("đính kèm minh chứng chấm điểm"),
    "scoring.ballot.open": _("mở đợt bỏ phiếu suy tôn của cụm"),
    "scoring.ballot.cast": _("bỏ phiếu suy tôn"),
    "scoring.ballot.count": _("kiểm phiếu suy tôn"),
    "scoring.proposal.create": _("đề xuất đơn vị dẫn đầu cụm"),
    "scoring.proposal.replace": _("thay đề xuất đơn vị dẫn đầu cụm"),
    # awards
    "awards.nomination.create": _("lập hồ sơ đề nghị khen thưởng"),
    "awards.nomination.update": _("sửa hồ sơ đề nghị khen thưởng"),
    "awards.nomination.submit": _("gửi hồ sơ đề nghị khen thưởng"),
    "awards.nomination.resubmit": _("gửi lại hồ sơ đề nghị đã bổ sung"),
    "awards.nomination.return": _("trả lại hồ sơ đề nghị để bổ sung"),
    "awards.nomination.appraise": _("thẩm định hồ sơ đề nghị"),
    "awards.nomination.announce": _("công khai lấy ý kiến hồ sơ đề nghị"),
    "awards.nomination.open_vote": _("đưa hồ sơ đề nghị ra Hội đồng bỏ phiếu"),
    "awards.nomination.close_vote": _("kết thúc bỏ phiếu hồ sơ đề nghị"),
    "awards.nomination.decide": _("ban hành quyết định khen thưởng cho hồ sơ"),
    "awards.nomination.forward": _("trình cấp trên hồ sơ đề nghị"),
    "awards.nomination.send_back": _("trả lại cấp dưới hồ sơ đề nghị"),
    "awards.nomination.returned_above": _("ghi nhận cấp trên trả lại hồ sơ đề nghị"),
    "awards.nomination.decided_above": _("ghi nhận cấp trên quyết định hồ sơ đề nghị"),
    "awards.nomination.record_higher": _("ghi nhận quyết định của cấp trên cho hồ sơ"),
    "awards.nomination.hand_over": _("ghi nhận trao tặng khen thưởng của hồ sơ"),
    "awards.nomination.revoke": _("thu hồi khen thưởng của hồ sơ"),
    "awards.nomination.receive": _("tiếp nhận hồ sơ đề nghị từ cấp dưới"),
    "awards.attachment.add": _("đính kèm tài liệu vào hồ sơ"),
    "awards.attachment.copy_up": _("chuyển tài liệu kèm hồ sơ lên cấp trên"),
    "awards.appraisal.create": _("ghi kết quả thẩm định"),
    "awards.notice.create": _("đăng thông báo công khai danh sách đề nghị"),
    "awards.objection.file": _("ghi nhận ý kiến phản ánh"),
    "awards.objection.answer": _("trả lời ý kiến phản ánh"),
    "awards.objection.forget_contact": _("xóa thông tin liên hệ của người phản ánh"),
    "awards.vote.open": _("mở phiên biểu quyết của Hội đồng"),
    "awards.vote.ballot": _("bỏ phiếu biểu quyết"),
    "awards.vote.paper_ballot": _("ghi phiếu biểu quyết trên giấy"),
    "awards.vote.close": _("kết thúc phiên biểu quyết của Hội đồng"),
    "awards.batch.create": _("lập tờ trình đề nghị khen thưởng"),
    "awards.batch.submit": _("gửi tờ trình đề nghị khen thưởng"),
    "awards.submission.send": _("gửi hồ sơ lên cấp trên"),
    "awards.decision.issue": _("ban hành quyết định khen thưởng"),
    "awards.decision.record_higher": _("ghi nhận quyết định khen thưởng của cấp trên"),
    "awards.decision.revoke": _("thu hồi quyết định khen thưởng"),
    "awards.decision.revoke_certificates": _("thu hồi giấy chứng nhận theo quyết định"),
    "awards.revocation.issue": _("ban hành quyết định hủy bỏ, thu hồi khen thưởng"),
    "awards.fund.plan": _("nhập quỹ thi đua, khen thưởng dự kiến"),
    "awards.fund.bonus": _("ghi chi tiền thưởng vào quỹ thi đua, khen thưởng"),
    "awards.fund.return": _("ghi thu hồi tiền thưởng vào quỹ thi đua, khen thưởng"),
    "awards.certificate.issue": _("cấp giấy chứng nhận khen thưởng"),
    "awards.certificate.revoke": _("thu hồi giấy chứng nhận khen thưởng"),
    "awards.print.request": _("yêu cầu in hàng loạt"),
    # signing: certificates, trust roots and signed PDFs
    "signing.certificate.upload": _("tải lên chứng thư số của Hội đồng"),
    "signing.certificate.retire": _("ngừng dùng chứng thư số của Hội đồng"),
    "signing.trust_root.add": _("thêm chứng thư gốc tin cậy"),
    "signing.trust_root.remove": _("bỏ chứng thư gốc tin cậy"),
    "signing.decision.sign": _("ký số quyết định khen thưởng"),
    "signing.certificate_pdf.sign": _("ký số giấy chứng nhận khen thưởng"),
    "signing.prepare": _("tải bản PDF để ký số ngoài hệ thống"),
    "signing.signed_upload": _("tải lên bản PDF đã ký số"),
}

# The admin site's verbs (`admin_audit._action`).
ADMIN_VERBS = {
    "add": _("thêm %(model)s trên trang quản trị"),
    "change": _("sửa %(model)s trên trang quản trị"),
    "delete": _("xóa %(model)s trên trang quản trị"),
    "password": _("đặt lại mật khẩu của %(model)s trên trang quản trị"),
}
UNKNOWN = _("thực hiện một thao tác trên")


def _admin_label(code: str) -> str | None:
    parts = code.split(".")
    if len(parts) != 4 or parts[0] != "admin" or parts[3] not in ADMIN_VERBS:
        return None
    try:
        model = apps.get_model(parts[1], parts[2])
    except LookupError:
        name = _("đối tượng")
    else:
        name = model._meta.verbose_name
    return str(ADMIN_VERBS[parts[3]]) % {"model": str(name).lower()}


def action_label(code: str) -> str:
    """The verb phrase of `code` ("thẩm định hồ sơ đề nghị"), never the code itself."""
    if code in ACTION_LABELS:
        return str(ACTION_LABELS[code])
    return _admin_label(code) or str(UNKNOWN)


def is_known(code: str) -> bool:
    return code in ACTION_LABELS or _admin_label(code) is not None
