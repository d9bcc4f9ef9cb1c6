"""Who may open which page: every URL name of the URLconf, for the public and every role.

The table ACCESS below classifies every URL name. The test walks the URLconf, so a
new page that nobody classified fails the suite instead of escaping the check.
Pages with ids are requested with real demo objects: one owned by ward A (Hoàng
Liệt, officer canbo.hoangliet), one by ward B (Định Công, officer canbo.dinhcong),
both members of cluster 1 headed by Đại Kim (cumtruong), and where it matters one
of a unit outside the cluster. A ward officer must get 404 on the other ward's
objects; organisation-wide roles get 200; the cluster head gets the cluster's
scoring pages and nothing else of the wards.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from vinhdanh.audit.models import AuditEntry
from vinhdanh.awards.models import (
    Attachment,
    Ballot,
    Batch,
    Certificate,
    Decision,
    Nomination,
    Objection,
    PrinterProfile,
    PrintJob,
    Revocation,
    State,
    Submission,
    Transition,
)
from vinhdanh.awards.services import meetings as meeting_services
from vinhdanh.awards.workflows import STEP_ACTIONS
from vinhdanh.ceremonies import services as ceremony_services
from vinhdanh.ceremonies.models import Ceremony
from vinhdanh.contests.models import Contest
from vinhdanh.contests.models import Sheet as ContestSheet
from vinhdanh.documents.tests import builders
from vinhdanh.exemplars.models import Exemplar, ExemplarEvidence, ExemplarPhoto
from vinhdanh.filings.demo import sample_filing
from vinhdanh.initiatives.models import Initiative, InitiativeCouncil, InitiativeEvidence
from vinhdanh.inspections.models import Finding, FollowUp, InspectionPlan, Visit
from vinhdanh.movements.models import Movement, MovementDocument, Registration, RegistrationState
from vinhdanh.org.models import Cluster, Person, Reorganisation, Unit
from vinhdanh.plans import services as plan_services
from vinhdanh.plans.models import Plan, ProgressReport, ReportAttachment, Task, UnitPlanSubmission
from vinhdanh.records.models import Rating, RecordImport, ScreeningJob
from vinhdanh.reports.models import WorkBody, WorkStaff
from vinhdanh.scoring.models import BallotRound, ClusterProposal, Scorecard, ScoreEvidence
from vinhdanh.signing.models import SignedDocument, SigningCertificate, TrustRoot
from vinhdanh.training import services as training_services
from vinhdanh.training.models import Attendee, TrainingSession

# Who may open a page (GET). Each kind's expected answer per identity is in `expected`;
# the anonymous public is sent to the login page (302) unless the kind says otherwise.
PUBLIC = "public"  # everyone, signed in or not: 200
LOGIN_FORM = "login form"  # anonymous: 200; a signed-in user is sent on (302)
REDIRECT = "public redirect"  # everyone is sent on (302), never to the login page
FEED = "calendar feed"  # the random token is the key: 200 for everyone who has it
SIGNED_IN = "signed in"  # every role: 200
SIGNED_IN_SENT_ON = "signed in, sent on"  # every role is sent on (302), never to the login page
ORG_WIDE = "organisation-wide"  # admin, standing office, council member, leader: 200
OFFICE = "standing office"  # admin and standing office: 200
OFFICE_AND_LEADER = "office and leader"  # admin, standing office, leader (print, dossier)
PROPOSERS = "proposers"  # admin, standing office, ward officers, the cluster head
IMPORTER = "the importer"  # only the user who uploaded the plan (the standing office)
SCOPED = "scoped to the owning unit"  # org-wide roles: 200; a unit: 200 own, 404 other
SCOPED_CHANGE = "change, scoped"  # admin, office and the owning unit: 200; others 404
CLUSTER = "scoped to the cluster"  # as SCOPED, and the cluster head sees the cluster's rows
SENT = "as its movement"  # org-wide roles: 200; a unit: 200 where the movement was sent to it
ACTION = "POST only"  # GET is refused (405, or the login page); see the POSTs below
PUBLIC_ACTION = "public POST"  # Django's set_language: a GET is sent back (302)
API = "API"  # every role: 200; anonymous: 403 (no login page for machines)
API_SCOPED = "API, scoped"  # as SCOPED; anonymous 403
API_CLUSTER = "API, cluster"  # as CLUSTER; anonymous 403
# A contest's score sheet: only its judge (a ward officer of `owners`) opens it; every other
# identity, the office included, is refused.
JUDGE = "the sheet's judge"
DJANGO_ADMIN = "Django admin"  # staff only; checked through admin:index
ADMINISTRATOR = "administrator"  # the instance administrator only (a council's signing key)
# The one-stop systems' API (filings): only a client's bearer token opens it, no account does.
ONE_STOP = "one-stop API"  # every identity: 401
ONE_STOP_TOKEN = "one-stop token exchange"  # POST only, open to anyone: GET is 405

# url name -> (who, which demo objects fill its arguments).
ACCESS: dict[str, tuple[str, str | None]] = {
    # public pages
    "home:index": (PUBLIC, None),
    "core:verify_lookup": (REDIRECT, None),
    "accounts:login": (LOGIN_FORM, None),
    "awards:public_list": (PUBLIC, None),
    "awards:public_objection": (PUBLIC, "announced"),
    "awards:verify": (PUBLIC, "certificate_token"),
    "signing:verify": (PUBLIC, "signed_token"),
    "exemplars:board_index": (PUBLIC, None),
    "exemplars:board": (PUBLIC, "board"),
    "exemplars:board_photo": (PUBLIC, "board_photo"),
    "plans:unit_feed": (FEED, "feed_token"),
    "accounts:password_reset": (PUBLIC, None),
    "accounts:password_reset_done": (PUBLIC, None),
    "accounts:password_reset_confirm": (PUBLIC, "reset_link"),
    "accounts:password_reset_complete": (PUBLIC, None),
    # any signed-in user
    "accounts:password_change": (SIGNED_IN, None),
    "accounts:password_change_done": (SIGNED_IN, None),
    "accounts:security": (SIGNED_IN, None),
    "accounts:second_factor_enrol": (SIGNED_IN, None),
    # Without a device (no demo user has one) the code page sends on to enrolment.
    "accounts:second_factor_verify": (SIGNED_IN_SENT_ON, None),
    "home:search": (SIGNED_IN, None),
    "org:unit_tree": (SIGNED_IN, None),
    "org:person_list": (SIGNED_IN, None),
    "org:people_template": (SIGNED_IN, None),
    "awards:nomination_charts": (SIGNED_IN, None),
    "org:cluster_list": (SIGNED_IN, None),
    "org:council": (SIGNED_IN, None),
    "plans:plan_list": (SIGNED_IN, None),
    "plans:dashboard": (SIGNED_IN, None),
    "plans:my_tasks": (SIGNED_IN, None),
    "plans:notifications": (SIGNED_IN, None),
    "plans:feeds": (SIGNED_IN, None),
    "plans:plan_detail": (SIGNED_IN, "plan"),
    "plans:plan_timeline": (SIGNED_IN, "plan"),
    "plans:plan_calendar": (SIGNED_IN, "plan"),
    "plans:export_docx": (SIGNED_IN, "plan"),
    "plans:export_xlsx": (SIGNED_IN, "plan"),
    "plans:unit_plans": (SIGNED_IN, "plan"),
    "records:screening": (SIGNED_IN, None),
    "records:kept": (SIGNED_IN, None),
    "records:record_list": (SIGNED_IN, "record_kind"),
    "records:record_template": (SIGNED_IN, "record_kind"),
    # The records a unit keeps: the office and unit officers (records.keep_records).
    "records:record_create": (PROPOSERS, "record_kind"),
    "records:record_import": (PROPOSERS, "record_kind"),
    "records:record_edit": (SCOPED_CHANGE, "kept_record"),
    "records:record_delete": (SCOPED_CHANGE, "kept_record"),
    "records:record_import_preview": (IMPORTER, "record_import"),
    "records:record_import_apply": (ACTION, "record_import"),
    "rules:settings": (SIGNED_IN, None),
    "reports:award_statistics": (SIGNED_IN, None),
    "reports:form_0601": (SIGNED_IN, None),
    "reports:form_0602": (SIGNED_IN, None),
    "reports:form_0603": (SIGNED_IN, None),
    "reports:form_0604": (SIGNED_IN, None),
    "reports:form_0605": (SIGNED_IN, None),
    "reports:person_categories": (SIGNED_IN, None),
    # The council's lists of the staff and bodies doing the work (forms 0604, 0605).
    "reports:work_staff": (OFFICE, None),
    "reports:work_staff_delete": (ACTION, "work_staff_row"),
    "reports:work_body_delete": (ACTION, "work_body_row"),
    "movements:movement_list": (SIGNED_IN, None),
    "training:session_list": (SIGNED_IN, None),
    "inspections:plan_list": (SIGNED_IN, None),
    "ceremonies:ceremony_list": (SIGNED_IN, None),
    "ceremonies:ceremony_detail": (SIGNED_IN, "ceremony"),
    "ceremonies:programme_docx": (SIGNED_IN, "ceremony"),
    "ceremonies:script_docx": (SIGNED_IN, "ceremony"),
    "ceremonies:ceremony_create": (OFFICE, None),
    "ceremonies:ceremony_edit": (OFFICE, "ceremony_draft"),
    "ceremonies:certificates_pdf": (OFFICE, "ceremony"),
    "ceremonies:reception_new": (PROPOSERS, None),
    "ceremonies:ceremony_step": (ACTION, "ceremony_step"),
    "ceremonies:draw": (ACTION, "ceremony"),
    "ceremonies:attendance": (ACTION, "ceremony"),
    "ceremonies:move": (ACTION, "honouree"),
    "inspections:follow_up_list": (SIGNED_IN, None),
    "inspections:plan_create": (OFFICE, None),
    "inspections:plan_detail": (SCOPED, "inspection_plan"),
    "inspections:plan_edit": (OFFICE, "inspection_plan"),
    "inspections:summary_docx": (OFFICE_AND_LEADER, "inspection_plan"),
    "inspections:visit_detail": (SCOPED, "inspection_visit"),
    "inspections:minutes_docx": (SCOPED, "inspection_visit"),
    "inspections:evidence_file": (SCOPED, "inspection_evidence"),
    "inspections:plan_step": (ACTION, "inspection_plan_step"),
    "inspections:team_add": (ACTION, "inspection_plan"),
    "inspections:visit_add": (ACTION, "inspection_plan"),
    "inspections:findings_save": (ACTION, "inspection_visit"),
    "inspections:visit_step": (ACTION, "inspection_visit_step"),
    "inspections:follow_up_add": (ACTION, "inspection_visit"),
    "inspections:follow_up_step": (ACTION, "inspection_follow_up_step"),
    "training:session_detail": (SIGNED_IN, "training_session"),
    "training:invitation_docx": (SIGNED_IN, "training_session"),
    "training:session_create": (OFFICE, None),
    "training:session_edit": (OFFICE, "training_draft"),
    "training:report_docx": (OFFICE_AND_LEADER, "training_session"),
    "training:evaluation": (SCOPED, "training_attendee"),
    "training:material_file": (SENT, "training_material"),
    "training:session_step": (ACTION, "training_step"),
    "training:material_add": (ACTION, "training_session"),
    "training:register": (ACTION, "training_session"),
    "training:attendance": (ACTION, "training_session"),
    "training:withdraw": (ACTION, "training_attendee"),
    "exemplars:exemplar_list": (SIGNED_IN, None),
    "exemplars:exemplar_create": (PROPOSERS, None),
    "exemplars:exemplar_detail": (SCOPED, "exemplar"),
    "exemplars:exemplar_edit": (SCOPED_CHANGE, "exemplar"),
    "exemplars:photo_file": (SCOPED, "exemplar_photo"),
    "exemplars:evidence_file": (SCOPED, "exemplar_evidence"),
    "exemplars:report_docx": (OFFICE, "exemplar_report"),
    "exemplars:exemplar_step": (ACTION, "exemplar_step"),
    "exemplars:exemplar_photos": (ACTION, "exemplar"),
    "exemplars:photo_remove": (ACTION, "exemplar_photo"),
    "exemplars:exemplar_evidence": (ACTION, "exemplar"),
    "exemplars:exemplar_consent": (ACTION, "exemplar"),
    "exemplars:exemplar_commend": (ACTION, "exemplar"),
    "initiatives:initiative_list": (SIGNED_IN, None),
    "initiatives:council_list": (SIGNED_IN, None),
    "initiatives:council_detail": (SIGNED_IN, "initiative_council"),
    "initiatives:initiative_create": (PROPOSERS, None),
    "initiatives:initiative_detail": (SCOPED, "initiative"),
    "initiatives:initiative_edit": (SCOPED_CHANGE, "editable_initiative"),
    "initiatives:evidence_file": (SCOPED, "initiative_evidence"),
    "initiatives:decision_docx": (SCOPED, "recognised_initiative"),
    "initiatives:initiative_score": (ACTION, "initiative"),
    "initiatives:initiative_vote": (ACTION, "initiative"),
    "initiatives:initiative_recognise": (ACTION, "initiative"),
    "initiatives:initiative_result_above": (ACTION, "initiative"),
    "initiatives:initiative_action": (ACTION, "initiative_step"),
    "initiatives:council_add_member": (ACTION, "initiative_council"),
    "initiatives:council_end_member": (ACTION, "initiative_member"),
    "movements:registration_list": (SIGNED_IN, None),
    "movements:registration_template": (SIGNED_IN, None),
    "movements:movement_detail": (SIGNED_IN, "launched_movement"),
    "movements:launch_docx": (SIGNED_IN, "launched_movement"),
    "scoring:cluster_list": (SIGNED_IN, None),
    "scoring:sheet_template": (SIGNED_IN, None),
    "awards:nomination_list": (SIGNED_IN, None),
    "awards:title_list": (SIGNED_IN, None),
    "awards:nomination_preview": (PROPOSERS, None),
    "awards:person_choices": (PROPOSERS, None),
    "awards:unit_choices": (PROPOSERS, None),
    "awards:vote_list": (SIGNED_IN, None),
    "awards:quota": (ORG_WIDE, None),
    "awards:batch_list": (SIGNED_IN, None),
    "awards:decision_list": (SIGNED_IN, None),
    "awards:inbox": (ORG_WIDE, None),
    # Council meetings: the council's side only; another council's meeting is not found.
    "awards:meeting_list": (ORG_WIDE, None),
    "awards:meeting_create": (OFFICE, None),
    "awards:meeting_detail": (ORG_WIDE, "meeting"),
    "awards:meeting_minutes": (ORG_WIDE, "meeting"),
    "awards:meeting_agenda": (ACTION, "meeting"),
    "awards:meeting_agenda_remove": (ACTION, "meeting_item"),
    "awards:meeting_attendance": (ACTION, "meeting"),
    "awards:meeting_count": (ACTION, "meeting_item"),
    "awards:meeting_ballot": (ACTION, "meeting_item"),
    "awards:meeting_step": (ACTION, "meeting_step"),
    "awards:nomination_to_meeting": (ACTION, "nomination"),
    # organisation-wide roles, or the standing office alone
    "home:audit_log": (OFFICE, None),
    "plans:import_upload": (OFFICE, None),
    "plans:import_preview": (IMPORTER, "plan_import"),
    "plans:import_file": (IMPORTER, "plan_import"),
    "plans:task_add": (OFFICE, "plan"),
    "plans:task_edit": (OFFICE, "task"),
    "movements:movement_edit": (OFFICE, "launched_movement"),
    "movements:registrations_export": (OFFICE, "movement_export"),
    "movements:registrations_year_export": (OFFICE, "year_export"),
    "awards:print_job": (OFFICE_AND_LEADER, "print_job"),
    "awards:print_download": (OFFICE_AND_LEADER, "print_job"),
    "awards:printer_test": (OFFICE_AND_LEADER, "printer"),
    "awards:dossier_zip": (OFFICE_AND_LEADER, "passed_nomination"),
    # pages of a unit's own work
    "org:person_create": (PROPOSERS, None),
    # Whoever may add people somewhere (org.import_people); the others are refused at once.
    "org:people_import": (PROPOSERS, None),
    "awards:nomination_create": (PROPOSERS, None),
    # Only who may create a movement opens its form (movements.create_movement).
    "movements:movement_create": (PROPOSERS, None),
    # objects owned by a unit
    "org:unit_detail": (SCOPED, "unit"),
    "org:person_detail": (SCOPED, "person"),
    "org:person_edit": (SCOPED_CHANGE, "person"),
    "org:cluster_detail": (CLUSTER, "cluster"),
    "org:reorganisation_list": (OFFICE, None),
    "org:reorganisation_create": (OFFICE, None),
    "org:reorganisation_moves_template": (OFFICE, None),
    "org:reorganisation_detail": (OFFICE, "reorganisation"),
    "plans:task_detail": (SCOPED, "task"),
    "plans:unit_plan_file": (SCOPED, "unit_plan"),
    "plans:attachment": (SCOPED, "report_attachment"),
    "records:screening_detail": (SCOPED, "screening"),
    "records:screening_job": (SCOPED, "screening_job"),
    "records:screening_result": (SCOPED, "screening_job"),
    "records:screening_export": (SCOPED, "screening_job"),
    "movements:registration_detail": (SCOPED, "registration"),
    "movements:document_file": (SENT, "movement_document"),
    "scoring:cluster_year": (CLUSTER, "cluster"),
    "scoring:ranking_xlsx": (CLUSTER, "cluster"),
    "scoring:covenant_docx": (CLUSTER, "cluster"),
    "scoring:report_docx": (CLUSTER, "cluster_report"),
    "scoring:scorecard": (CLUSTER, "scorecard"),
    "scoring:evidence_file": (CLUSTER, "evidence"),
    "awards:nomination_detail": (SCOPED, "nomination"),
    "awards:nomination_edit": (SCOPED_CHANGE, "draft"),
    "awards:nomination_verdict": (SCOPED, "nomination"),
    "awards:attachment_download": (SCOPED, "attachment"),
    "awards:report_template": (SCOPED, "nomination"),
    "awards:person_history": (SCOPED, "person"),
    "awards:unit_history": (SCOPED, "unit"),
    "awards:batch_detail": (SCOPED, "batch"),
    "awards:batch_letter": (SCOPED, "batch"),
    # The tờ trình of the district's council sending a dossier up: no ward's to read.
    "awards:submission_letter": (SCOPED, "submission"),
    "awards:decision_detail": (SCOPED, "decision"),
    "awards:decision_document": (SCOPED, "decision_document"),
    "awards:certificate_pdf": (SCOPED, "certificate"),
    # signing: the council's certificates, a decision's signing page and its signed PDFs
    "signing:certificate_list": (OFFICE_AND_LEADER, None),
    "signing:certificate_file": (ADMINISTRATOR, "signing_certificate"),
    "signing:decision_signing": (SCOPED, "decision"),
    "signing:document_file": (SCOPED, "signed_document"),
    "signing:certificate_upload": (ACTION, None),
    "signing:certificate_retire": (ACTION, "signing_certificate"),
    "signing:trust_root_upload": (ACTION, None),
    "signing:trust_root_remove": (ACTION, "trust_root"),
    "signing:sign_decision": (ACTION, "decision"),
    "signing:prepare": (ACTION, "decision"),
    "signing:upload_signed": (ACTION, "decision"),
    "signing:sign_certificate": (ACTION, "certificate"),
    # The decision revoking an award: seen by the unit whose award it revokes.
    "awards:revocation_document": (SCOPED, "revocation"),
    # The council's fund: its council side reads it, the office plans it.
    "awards:fund_ledger": (ORG_WIDE, None),
    "awards:fund_export": (ORG_WIDE, None),
    # actions (POST only); nominations' actions are also POSTed below
    "accounts:logout": (ACTION, None),
    "records:screening_start": (ACTION, None),
    "accounts:recovery_codes_regenerate": (ACTION, None),
    "accounts:second_factor_disable": (ACTION, None),
    "accounts:act_for_council": (ACTION, None),
    "plans:feed_create": (ACTION, None),
    "plans:feed_revoke": (ACTION, "feed"),
    "set_language": (PUBLIC_ACTION, None),
    "org:unit_merge": (ACTION, "unit"),
    "org:reorganisation_add_successor": (ACTION, "reorganisation"),
    "org:reorganisation_remove_successor": (ACTION, "reorganisation"),
    "org:reorganisation_dissolved": (ACTION, "reorganisation"),
    "org:reorganisation_assign": (ACTION, "reorganisation"),
    "org:reorganisation_unassign": (ACTION, "reorganisation"),
    "org:reorganisation_import": (ACTION, "reorganisation"),
    "org:reorganisation_apply": (ACTION, "reorganisation"),
    "org:reorganisation_cancel": (ACTION, "reorganisation"),
    "plans:import_confirm": (ACTION, "plan_import"),
    "plans:task_report": (ACTION, "task"),
    "plans:task_reopen": (ACTION, "task"),
    "plans:task_remove": (ACTION, "task"),
    "plans:unit_plan_decide": (ACTION, "unit_plan_step"),
    "rules:change_setting": (ACTION, "setting"),
    "movements:movement_launch": (ACTION, "launched_movement"),
    "movements:movement_attach": (ACTION, "launched_movement"),
    "movements:registration_start": (ACTION, "launched_movement"),
    "movements:registration_submit": (ACTION, "registration"),
    "movements:registration_return": (ACTION, "registration"),
    "movements:registration_approve": (ACTION, "registration"),
    "movements:registration_import": (ACTION, "registration"),
    "scoring:cluster_rotate": (ACTION, "cluster"),
    "scoring:cluster_appoint_head": (ACTION, "cluster"),
    "scoring:covenant_set": (ACTION, "cluster"),
    "scoring:covenant_confirm": (ACTION, "cluster"),
    "scoring:sheet_import": (ACTION, "cluster"),
    "scoring:sheet_lock": (ACTION, "cluster"),
    "scoring:sheet_deadline": (ACTION, "cluster"),
    "scoring:ballot_open": (ACTION, "cluster"),
    "scoring:evidence_attach": (ACTION, "scorecard"),
    "scoring:scorecard_submit": (ACTION, "scorecard"),
    "scoring:ballot_cast": (ACTION, "ballot"),
    "scoring:ballot_count": (ACTION, "ballot"),
    "awards:draft_from_proposals": (ACTION, None),
    "awards:dossier_export": (ACTION, None),
    "awards:batch_create": (ACTION, None),
    "awards:decision_create": (ACTION, None),
    "awards:forward_selected": (ACTION, None),
    "awards:bulk_confirm": (ACTION, None),
    "awards:bulk_apply": (ACTION, None),
    "awards:attachment_upload": (ACTION, "nomination"),
    "awards:nomination_step": (ACTION, "nomination_step"),
    "awards:ballot_cast": (ACTION, "nomination"),
    "awards:objection_answer": (ACTION, "objection"),
    "awards:batch_submit": (ACTION, "batch"),
    "awards:decision_revoke": (ACTION, "decision"),
    "awards:print_start": (ACTION, "decision"),
    "awards:certificate_revoke": (ACTION, "certificate"),
    "awards:fund_plan": (ACTION, None),
    # the read-only APIs
    "api:schema": (API, None),
    "api:api-root": (API, None),
    "api:unit-list": (API, None),
    "api:person-list": (API, None),
    "api:cluster-list": (API, None),
    "api:task-list": (API, None),
    "api:nomination-list": (API, None),
    "api:decision-list": (API, None),
    "api:unit-detail": (API_SCOPED, "unit"),
    "api:person-detail": (API_SCOPED, "person"),
    "api:cluster-detail": (API_CLUSTER, "cluster"),
    "api:task-detail": (API_SCOPED, "task"),
    "api:nomination-detail": (API_SCOPED, "nomination"),
    "api:decision-detail": (API_SCOPED, "decision"),
    "api:eligibility-list": (API, None),
    "api:nomination-verdict": (API_SCOPED, "nomination"),
    "movements:api-root": (API, None),
    "movements:api-movement-list": (API, None),
    "movements:api-movement-detail": (API, "launched_movement"),
    "movements:api-registration-list": (API, None),
    "movements:api-registration-detail": (API_SCOPED, "registration"),
    "scoring:api-root": (API, None),
    "scoring:api-proposal-list": (API, None),
    "scoring:api-proposal-detail": (API_CLUSTER, "proposal"),
    # writing contests: the public's pages
    "contests:public_list": (PUBLIC, None),
    "contests:public_detail": (PUBLIC, "contest"),
    "contests:public_enter": (PUBLIC, "contest"),
    "contests:public_status": (PUBLIC, None),
    # the office's and the judges' pages (a contest is its council's; a judge sees it too)
    "contests:contest_list": (SIGNED_IN, None),
    "contests:my_sheets": (SIGNED_IN, None),
    "contests:contest_create": (OFFICE, None),
    "contests:contest_detail": (SCOPED, "contest"),
    "contests:decision_docx": (SCOPED, "contest"),
    "contests:contest_edit": (OFFICE, "contest"),
    "contests:contest_judges": (OFFICE, "contest"),
    "contests:entry_detail": (OFFICE, "contest_entry"),
    "contests:entry_file": (OFFICE, "contest_entry"),
    "contests:round_detail": (OFFICE, "contest_round"),
    "contests:sheet_detail": (JUDGE, "contest_sheet"),
    "contests:sheet_file": (JUDGE, "contest_sheet"),
    "contests:contest_step": (ACTION, "contest_step"),
    "contests:round_add": (ACTION, "contest"),
    "contests:accept_waiting": (ACTION, "contest"),
    "contests:decide": (ACTION, "contest"),
    "contests:entry_step": (ACTION, "contest_entry_step"),
    "contests:round_step": (ACTION, "contest_round_step"),
    "contests:round_assign": (ACTION, "contest_round"),
    "contests:round_delete": (ACTION, "contest_round"),
    "contests:round_assign_one": (ACTION, "contest_round"),
    "contests:sheet_scores": (ACTION, "contest_sheet"),
    "contests:sheet_step": (ACTION, "contest_sheet_step"),
    "contests:sheet_replace": (ACTION, "contest_sheet"),
    # online filings: the public pages, the office's pages, the one-stop API
    "filings:public_kinds": (PUBLIC, None),
    "filings:public_form": (PUBLIC, "filing_kind"),
    "filings:public_lookup": (PUBLIC, None),
    "filings:public_status": (REDIRECT, None),  # to the look-up until a filing is proven
    "filings:public_forget": (ACTION, None),
    "filings:filing_list": (OFFICE, None),
    "filings:filing_detail": (OFFICE, "filing"),
    "filings:filing_request_more": (ACTION, "filing"),
    "filings:filing_accept": (ACTION, "filing"),
    "filings:filing_refuse": (ACTION, "filing"),
    "filings:attachment_file": (OFFICE, "filing_attachment"),
    "api:filings:token": (ONE_STOP_TOKEN, None),
    "api:filings:kinds": (ONE_STOP, None),
    "api:filings:file": (ONE_STOP, None),
    "api:filings:status": (ONE_STOP, "filing_code"),
    "api:filings:result": (ONE_STOP, "filing_code"),
    "api:filings:attach": (ONE_STOP, "filing_code"),
    "api:filings:supplement": (ONE_STOP, "filing_code"),
}
# The views that serve a stored file answer the anonymous "not found", never the login
# page, so a file's address tells nothing (core.files.private_file_view).
PRIVATE_FILES = {
    "plans:unit_plan_file",
    "plans:attachment",
    "plans:import_file",
    "movements:document_file",
    "training:material_file",
    "inspections:evidence_file",
    "initiatives:evidence_file",
    "scoring:evidence_file",
    "exemplars:photo_file",
    "exemplars:evidence_file",
    "awards:attachment_download",
    "awards:batch_letter",
    "awards:print_download",
    "records:screening_export",
    "awards:submission_letter",
    "signing:certificate_file",
    "signing:document_file",
    "contests:entry_file",
    "contests:sheet_file",
    "filings:attachment_file",
}
# Whole namespaces classified at once: Django's admin site guards its own pages.
NAMESPACES = {"admin:": DJANGO_ADMIN}

# Identities: anonymous, every role of the demo, and both ward officers.
ANONYMOUS = "anonymous"
OFFICE_USERS = {"admin", "thuongtruc"}
ORG_WIDE_USERS = OFFICE_USERS | {"uyvien", "chutich"}
PRINT_USERS = OFFICE_USERS | {"chutich"}
WARD = {"canbo.hoangliet": "A", "canbo.dinhcong": "B"}
CLUSTER_HEAD = "cumtruong"
IDENTITIES = [ANONYMOUS, *sorted(ORG_WIDE_USERS), *WARD, CLUSTER_HEAD]

LOGIN = "/accounts/login/"
REFUSED = {403, 404}


@dataclass(frozen=True)
class Target:
    """One demo object that fills a URL's arguments, and who owns it.

    `owners` holds "A" and/or "B" for the wards; `cluster_1` says whether it belongs
    to the cluster the cluster head heads (where CLUSTER pages let them in), or for a
    movement's document whether the movement was sent to the cluster head's ward.
    """

    kwargs: dict = field(hash=False)
    owners: frozenset = frozenset()
    cluster_1: bool = False


def _named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


URL_NAMES = sorted(set(_named_patterns()))


def test_every_url_name_is_classified():
    unclassified = [
        name for name in URL_NAMES if name not in ACCESS and not name.startswith(tuple(NAMESPACES))
    ]
    assert not unclassified, (
        "These URL names have no line in ACCESS (tests/test_url_matrix.py), so nobody "
        "checks who may open them. Add one line per name: (kind, key). The kind says who "
        "may GET it (PUBLIC, SIGNED_IN, ORG_WIDE, OFFICE, SCOPED for an object of one "
        "unit, CLUSTER, ACTION for POST-only, API..., all listed at the top of the file); "
        "the key names the demo objects that fill the URL's arguments (a key of `targets`, "
        'e.g. "nomination", "attachment", "unit_plan"; add one there for a new kind of '
        "object, with an object of ward A and one of ward B), or None without arguments. "
        "A view that serves a stored file is usually SCOPED with the key of its owner "
        f"object. Unclassified: {unclassified}"
    )
    stale = sorted(set(ACCESS) - set(URL_NAMES))
    assert not stale, f"ACCESS lists URL names that no longer exist: {stale}"
    assert set(ACCESS) >= PRIVATE_FILES


def _units():
    return Unit.objects.get(code="phuong-hoang-liet"), Unit.objects.get(code="phuong-dinh-cong")


def _by_unit(queryset, unit_field: str, *, cluster_1=False):
    """The first object of ward A and of ward B in `queryset`, with its owner."""
    ward_a, ward_b = _units()
    found = []
    for unit, owner in ((ward_a, "A"), (ward_b, "B")):
        value = unit.pk if unit_field == "pk" else unit
        obj = queryset.filter(**{unit_field: value}).order_by("pk").first()
        assert obj is not None, f"the demo has no {queryset.model.__name__} of {unit}"
        found.append((obj, frozenset({owner})))
    return [(obj, owners, cluster_1) for obj, owners in found]


def _pk_targets(queryset, unit_field, *, arg="pk", cluster_1=False, outsider=None):
    targets = [
        Target({arg: obj.pk}, owners, in_cluster)
        for obj, owners, in_cluster in _by_unit(queryset, unit_field, cluster_1=cluster_1)
    ]
    if outsider is not None:
        targets.append(Target({arg: outsider.pk}))
    return targets


def _make_missing_objects(office, officer_a, officer_b) -> dict:
    """Objects the demo lacks but the matrix needs: one per ward, or one for the office."""
    ward_a, ward_b = _units()
    made = {}
    made["batches"] = [
        Batch.objects.create(unit=unit, year=2021, name=f"Đợt thử {unit.name}", created_by=user)
        for unit, user in ((ward_a, officer_a), (ward_b, officer_b))
    ]
    for batch in made["batches"]:
        batch.letter.save("to-trinh.docx", ContentFile(b"PK\x03\x04"), save=True)
    movement = Movement.objects.filter(registrations__unit=ward_b).first()
    Registration.objects.get_or_create(
        movement=movement, unit=ward_a, defaults={"state": RegistrationState.DRAFT}
    )
    # The demo's report attachment is the standing office's: each ward gets one.
    task = Task.objects.filter(lead_units__code="phong-noi-vu").order_by("pk").first()
    for unit, user in ((ward_a, officer_a), (ward_b, officer_b)):
        report = ProgressReport.objects.create(
            task=task, unit=unit, author=user, reported_on=datetime.date(2021, 6, 1), percent=50
        )
        attachment = ReportAttachment(report=report, original_name="bao-cao.txt", kind="txt")
        attachment.size = 4
        attachment.file.save("bao-cao.txt", ContentFile(b"test"), save=True)
    # The demo has score evidence of one unit of cluster 1 only: each ward of cluster 1
    # gets one, and so does a ward of cluster 2.
    outsider = Unit.objects.get(code="phuong-tan-mai")
    for unit, user in ((ward_a, officer_a), (ward_b, officer_b), (outsider, office)):
        card = Scorecard.objects.filter(sheet__cluster__year=2021, unit=unit).first()
        evidence = ScoreEvidence(
            score=card.scores.first(), name="minh-chung.txt", kind="txt", uploaded_by=user
        )
        evidence.file.save("minh-chung.txt", ContentFile(b"test"), save=True)
    announced = Nomination.objects.get(state=State.ANNOUNCED)
    made["objection"] = Objection.objects.create(
        notice=announced.notices.first(), filed_by="Người góp ý", content="Ý kiến"
    )
    made["printer"] = PrinterProfile.objects.create(name="Máy in thử")
    made["meeting"] = meeting_services.create_meeting(
        office, title="Phiên họp thử", held_on=datetime.date(2021, 12, 1)
    )
    made["meeting_item"] = meeting_services.add_to_agenda(office, made["meeting"], announced)
    # A finished background screening of each ward.
    made["screening_jobs"] = [
        ScreeningJob.objects.create(unit=unit, year=2021, requested_by=user, status="done")
        for unit, user in ((ward_a, officer_a), (ward_b, officer_b))
    ]
    for job in made["screening_jobs"]:
        job.export.save("ra-soat.xlsx", ContentFile(b"PK\x03\x04"), save=True)
    made["reorganisation"] = Reorganisation.objects.create(
        name="Sắp xếp thử", effective_on=datetime.date(2025, 7, 1), created_by=office,
        council=office.council,
    )  # fmt: skip
    # A records import previewed by the office (a preview is its uploader's own).
    made["record_import"] = RecordImport.objects.create(
        kind="ratings", original_name="xep-loai.xlsx", rows=[], created_by=office
    )
    # The demo's plan import is confirmed already (its preview sends on to the plan).
    made["plan_import"] = plan_services.preview_import(
        actor=office, filename="ke-hoach.txt", content=builders.seed_bytes()
    )
    # The demo's session took place; the matrix also edits a draft, and reads a material.
    session = TrainingSession.objects.get(year=2021, state="reported")
    made["training_draft"] = training_services.create_session(
        office,
        title="Lớp tập huấn thử",
        year=2021,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        place="Hội trường",
        capacity=10,
    )
    made["training_material"] = training_services.add_material(
        office, session, name="Tài liệu", filename="tai-lieu.txt", content=b"tai lieu tap huan"
    )
    made["ceremony_draft"] = ceremony_services.create_ceremony(
        office, kind="awards", year=2021, title="Lễ thử", held_at=session.starts_at,
        place="Hội trường",
    )  # fmt: skip
    # A row of each of the council's lists of forms 0604 and 0605.
    made["work_staff"] = WorkStaff.objects.create(
        council=office.council, year=2021, full_name="Lê Thị Hoa", gender="female",
        birth_year=1985, education="university", started_year=2015,
    )  # fmt: skip
    made["work_body"] = WorkBody.objects.create(
        council=office.council, year=2021, kind="local_section", name="Phòng Nội vụ"
    )
    made["feeds"] = [
        plan_services.create_feed_token(actor=user, unit=unit)
        for unit, user in ((ward_a, officer_a), (ward_b, officer_b))
    ]
    return made


def targets(made) -> dict[str, list[Target]]:
    """For each key of ACCESS, the demo objects that fill the URL's arguments."""
    _, ward_b = _units()
    outsider_unit = Unit.objects.get(code="phuong-tan-mai")
    cluster_1 = Cluster.objects.get(year=2021, code="cum-1")
    cluster_2 = Cluster.objects.get(year=2021, code="cum-2")
    nominations = Nomination.objects.all()
    plan = Plan.objects.first()
    decision = Decision.objects.first()
    everyone = frozenset({"A", "B"})
    single = {
        "plan": Target({"pk": plan.pk}, everyone, True),
        "plan_import": Target({"pk": made["plan_import"].pk}),
        "launched_movement": Target(
            {"pk": Movement.objects.filter(registrations__unit=ward_b).first().pk}, everyone, True
        ),
        "movement_export": Target(
            {"pk": Movement.objects.filter(registrations__unit=ward_b).first().pk, "fmt": "xlsx"}
        ),
        "year_export": Target({"year": 2021, "fmt": "xlsx"}),
        "print_job": Target({"pk": PrintJob.objects.exclude(file="").first().pk}),
        "printer": Target({"pk": made["printer"].pk}),
        "reorganisation": Target({"pk": made["reorganisation"].pk}),
        "setting": Target({"name": "any-setting"}),  # only reversed for a refused GET
        "feed_token": Target({"token": made["feeds"][0].secret}, everyone, True),
        # A real account, a forged token: the page says the link is invalid.
        "reset_link": Target(
            {
                "uidb64": urlsafe_base64_encode(force_bytes(made["feeds"][0].token.owner_id)),
                "token": "khong-hop-le",
            },
            everyone,
            True,
        ),
        "certificate_token": Target({"token": Certificate.objects.first().token}, everyone, True),
        "signed_token": Target({"token": SignedDocument.objects.first().token}, everyone, True),
        "announced": Target({"pk": nominations.get(state=State.ANNOUNCED).pk}, everyone, True),
        "objection": Target(
            {"pk": made["objection"].notice.nomination_id, "objection_id": made["objection"].pk},
            frozenset({"A"}),
        ),
        "ballot": Target({"pk": BallotRound.objects.first().pk}),
        "record_kind": Target({"kind": "ratings"}, everyone, True),
        "record_import": Target({"pk": made["record_import"].pk}),
        "work_staff_row": Target({"pk": made["work_staff"].pk}),
        "work_body_row": Target({"pk": made["work_body"].pk}),
    }
    session = TrainingSession.objects.get(year=2021, state="reported")
    # Every ward was invited to the district's session, the cluster head's included.
    single["training_session"] = Target({"pk": session.pk}, everyone, True)
    single["training_step"] = Target({"pk": session.pk, "action": "announce"})
    single["training_draft"] = Target({"pk": made["training_draft"].pk})
    single["training_material"] = Target(
        {"pk": session.pk, "material_id": made["training_material"].pk}, everyone, True
    )
    inspection = InspectionPlan.objects.get(year=2021)
    # Both wards were inspected, so both see the plan (each only its own visit); the
    # cluster head's ward was not.
    single["inspection_plan"] = Target({"pk": inspection.pk}, everyone)
    single["inspection_plan_step"] = Target({"pk": inspection.pk, "action": "issue"})
    ceremony = Ceremony.objects.get(year=2021, state="reported")
    # Every ward was invited to the district's conference, the cluster head's included.
    single["ceremony"] = Target({"pk": ceremony.pk}, everyone, True)
    single["ceremony_step"] = Target({"pk": ceremony.pk, "action": "invite"})
    single["ceremony_draft"] = Target({"pk": made["ceremony_draft"].pk})
    single["honouree"] = Target({"honouree_id": ceremony.honourees.first().pk})
    filing = sample_filing()
    single["filing_kind"] = Target({"code": filing.kind.code}, everyone, True)
    single["filing"] = Target({"pk": filing.pk})
    single["filing_code"] = Target({"code": filing.code})
    single["filing_attachment"] = Target(
        {"pk": filing.pk, "attachment_id": filing.attachments.first().pk}
    )
    single["meeting"] = Target({"pk": made["meeting"].pk})
    single["meeting_item"] = Target({"pk": made["meeting"].pk, "item_id": made["meeting_item"].pk})
    single["meeting_step"] = Target({"pk": made["meeting"].pk, "action": "open"})
    table = {key: [value] for key, value in single.items()}
    table["decision"] = [Target({"pk": decision.pk}, everyone)]
    table["submission"] = [Target({"pk": Submission.objects.order_by("pk").first().pk})]
    table["decision_document"] = [Target({"pk": decision.pk, "fmt": "docx"}, everyone)]
    signed = SignedDocument.objects.filter(decision=decision, status="signed").first()
    table["signed_document"] = [Target({"pk": signed.pk}, everyone)]
    table["signing_certificate"] = [Target({"pk": SigningCertificate.objects.first().pk})]
    table["trust_root"] = [Target({"pk": TrustRoot.objects.first().pk})]
    table["unit"] = _pk_targets(Unit.objects.all(), "pk", outsider=outsider_unit)
    table["person"] = _pk_targets(Person.objects.all(), "unit")
    table["screening"] = [
        Target({"person_pk": t.kwargs["pk"], "title_id": "chien_si_thi_dua_co_so"}, t.owners)
        for t in table["person"]
    ]
    table["kept_record"] = [
        Target({"kind": "ratings", **t.kwargs}, t.owners)
        for t in _pk_targets(Rating.objects.filter(person__isnull=False), "person__unit")
    ]
    table["screening_job"] = [
        Target({"pk": job.pk}, frozenset({owner}))
        for job, owner in zip(made["screening_jobs"], "AB", strict=True)
    ]
    table["nomination"] = _pk_targets(nominations.exclude(attachments=None), "unit")
    # Only ward B has a draft in the demo.
    table["draft"] = [
        Target({"pk": nominations.get(unit=ward_b, state=State.DRAFT).pk}, frozenset({"B"}))
    ]
    table["passed_nomination"] = _pk_targets(
        nominations.filter(state__in=[State.VOTED, State.FORWARDED, State.DECIDED]), "unit"
    )
    table["nomination_step"] = [
        Target({**t.kwargs, "action": "submit"}, t.owners) for t in table["nomination"]
    ]
    table["attachment"] = [
        Target({"pk": a.nomination_id, "attachment_id": a.pk}, owners)
        for a, owners, _ in _by_unit(Attachment.objects.all(), "nomination__unit")
    ]
    table["certificate"] = _pk_targets(Certificate.objects.all(), "nomination__unit")
    # The demo revokes one award (ward B's): its revocation decision, seen by that ward.
    ward_a, ward_b = _units()
    table["revocation"] = [
        Target({"pk": revocation.pk}, frozenset({"A" if unit_id == ward_a.pk else "B"}))
        for revocation, unit_id in (
            (r, r.certificates.values_list("nomination__unit_id", flat=True).first())
            for r in Revocation.objects.filter(whole=False).order_by("pk")[:1]
        )
    ]
    assert table["revocation"], "the demo has no revocation decision"
    table["batch"] = [
        Target({"pk": batch.pk}, frozenset({owner}))
        for batch, owner in zip(made["batches"], "AB", strict=True)
    ]
    table["registration"] = _pk_targets(Registration.objects.all(), "unit")
    table["inspection_visit"] = _pk_targets(Visit.objects.all(), "unit")
    table["inspection_visit_step"] = [
        Target({**t.kwargs, "action": "conduct"}, t.owners) for t in table["inspection_visit"]
    ]
    # The demo's evidence file is Hoàng Liệt's (ward A); its follow-up items are Định Công's
    # (ward B) and Tân Mai's.
    table["inspection_evidence"] = [
        Target({"pk": Finding.objects.exclude(evidence_file="").get().pk}, frozenset({"A"}))
    ]
    table["inspection_follow_up_step"] = [
        Target(
            {"follow_up_id": FollowUp.objects.get(visit__unit=ward_b).pk, "action": "complete"},
            frozenset({"B"}),
        )
    ]
    table["training_attendee"] = _pk_targets(Attendee.objects.all(), "unit", arg="attendee_id")
    # A task the standing office leads: neither ward sees it.
    table["task"] = [
        Target({"pk": Task.objects.filter(lead_units__code="phong-noi-vu").first().pk})
    ]
    table["unit_plan"] = _pk_targets(UnitPlanSubmission.objects.all(), "unit")
    table["unit_plan_step"] = [
        Target({**t.kwargs, "action": "accept"}, t.owners) for t in table["unit_plan"]
    ]
    table["report_attachment"] = _pk_targets(ReportAttachment.objects.all(), "report__unit")
    table["cluster"] = [
        Target({"pk": cluster_1.pk}, everyone, True),
        Target({"pk": cluster_2.pk}, frozenset(), False),
    ]
    table["cluster_report"] = [
        Target({**t.kwargs, "period": "mid"}, t.owners, t.cluster_1) for t in table["cluster"]
    ]
    table["scorecard"] = _pk_targets(
        Scorecard.objects.filter(sheet__cluster=cluster_1),
        "unit",
        cluster_1=True,
        outsider=Scorecard.objects.get(sheet__cluster=cluster_2, unit=outsider_unit),
    )
    evidence = ScoreEvidence.objects.select_related("score")
    table["evidence"] = [
        Target({"pk": e.score.scorecard_id, "evidence_id": e.pk}, owners, in_cluster)
        for e, owners, in_cluster in _by_unit(
            evidence.filter(score__scorecard__sheet__cluster=cluster_1),
            "score__scorecard__unit",
            cluster_1=True,
        )
    ]
    outsider_evidence = evidence.filter(score__scorecard__unit=outsider_unit).first()
    table["evidence"].append(
        Target({"pk": outsider_evidence.score.scorecard_id, "evidence_id": outsider_evidence.pk})
    )
    # The district's movement was sent to every ward; Định Công's own one only to itself.
    documents = MovementDocument.objects.all()
    table["movement_document"] = [
        Target({"pk": d.movement_id, "document_id": d.pk}, owners, cluster_head)
        for d, owners, cluster_head in (
            (documents.get(movement__parent=None), everyone, True),
            (documents.get(movement__parent__isnull=False), frozenset({"B"}), False),
        )
    ]
    table["feed"] = [
        Target({"pk": new.token.pk}, frozenset({owner}))
        for new, owner in zip(made["feeds"], "AB", strict=True)
    ]
    table["exemplar"] = _pk_targets(Exemplar.objects.all(), "unit")
    table["exemplar_step"] = [
        Target({**t.kwargs, "action": "propose"}, t.owners) for t in table["exemplar"]
    ]
    table["exemplar_photo"] = [
        Target({"pk": p.exemplar_id, "photo_id": p.pk}, owners)
        for p, owners, _ in _by_unit(ExemplarPhoto.objects.all(), "exemplar__unit")
    ]
    table["exemplar_evidence"] = [
        Target({"pk": e.exemplar_id, "item_id": e.pk}, owners)
        for e, owners, _ in _by_unit(ExemplarEvidence.objects.all(), "exemplar__unit")
    ]
    table["exemplar_report"] = [Target({"year": 2021})]
    board = Exemplar.objects.filter(state="published").order_by("pk").first()
    table["board"] = [Target({"council_id": board.council_id}, everyone, True)]
    table["board_photo"] = [
        Target(
            {
                "pk": ExemplarPhoto.objects.filter(
                    exemplar__state="published", exemplar__consent_given=True
                )
                .order_by("pk")
                .first()
                .pk
            },
            everyone,
            True,
        )
    ]
    # The demo's 2021 contest: Định Công's officer is one of its judges.
    contest = Contest.objects.get(year=2021, unit__code="hoang-mai")
    judge_b = frozenset({"B"})
    table["contest"] = [Target({"pk": contest.pk}, judge_b)]
    table["contest_step"] = [Target({"pk": contest.pk, "action": "open"}, judge_b)]
    entry = contest.entries.exclude(file="").order_by("pk").first()
    table["contest_entry"] = [Target({"pk": entry.pk})]
    table["contest_entry_step"] = [Target({"pk": entry.pk, "action": "accept"})]
    first_round = contest.rounds.get(number=1)
    table["contest_round"] = [Target({"pk": first_round.pk})]
    table["contest_round_step"] = [Target({"pk": first_round.pk, "action": "open"})]
    sheet = (
        ContestSheet.objects.filter(round__contest=contest, judge__username="canbo.dinhcong")
        .exclude(entry__file="")
        .order_by("pk")
        .first()
    )
    table["contest_sheet"] = [Target({"pk": sheet.pk}, judge_b)]
    table["contest_sheet_step"] = [Target({"pk": sheet.pk, "action": "submit"}, judge_b)]
    own = Initiative.objects.filter(forwarded_from__isnull=True)
    table["initiative"] = _pk_targets(own, "unit")
    table["initiative_step"] = [
        Target({**t.kwargs, "action": "submit"}, t.owners) for t in table["initiative"]
    ]
    table["editable_initiative"] = _pk_targets(own.filter(state__in=["draft", "returned"]), "unit")
    table["recognised_initiative"] = _pk_targets(
        own.filter(state__in=["recognised", "recognised_up"]), "unit"
    )
    table["initiative_evidence"] = [
        Target({"pk": e.initiative_id, "evidence_id": e.pk}, owners)
        for e, owners, _ in _by_unit(
            InitiativeEvidence.objects.filter(initiative__forwarded_from__isnull=True),
            "initiative__unit",
        )
    ]
    council = InitiativeCouncil.objects.get(unit__code="hoang-mai")
    table["initiative_council"] = [Target({"pk": council.pk}, everyone, True)]
    table["initiative_member"] = [
        Target({"pk": council.pk, "member_id": council.members.order_by("pk").first().pk}, everyone)
    ]
    proposal = ClusterProposal.objects.first()
    table["proposal"] = [
        Target({"pk": proposal.pk}, frozenset(), proposal.cluster_id == cluster_1.pk)
    ]
    return table


ROLE_SETS = {
    ORG_WIDE: ORG_WIDE_USERS,
    OFFICE: OFFICE_USERS,
    OFFICE_AND_LEADER: OFFICE_USERS | {"chutich"},
    PROPOSERS: OFFICE_USERS | set(WARD) | {CLUSTER_HEAD},
    IMPORTER: {"thuongtruc"},
    ADMINISTRATOR: {"admin"},
}
API_KINDS = {API, API_SCOPED, API_CLUSTER}


def expected(kind: str, identity: str, target: Target | None) -> set[int]:
    """The statuses a GET may answer for this identity (302 means the login page)."""
    if kind in (PUBLIC, FEED):
        return {200}
    if kind == ONE_STOP:
        return {401}
    if kind == ONE_STOP_TOKEN:
        return {405}
    if kind in (REDIRECT, PUBLIC_ACTION):
        return {302}
    if identity == ANONYMOUS:
        if kind == LOGIN_FORM:
            return {200}
        if kind in API_KINDS:
            return {403}
        return {302, 405} if kind == ACTION else {302}
    if kind == LOGIN_FORM:
        return {302}
    if kind in (SIGNED_IN, API):
        return {200}
    if kind == SIGNED_IN_SENT_ON:
        return {302}
    if kind == ACTION:
        return {405}
    if kind in ROLE_SETS:
        return {200} if identity in ROLE_SETS[kind] else REFUSED
    unit = WARD.get(identity)
    if kind == JUDGE:
        return {200} if unit in target.owners else REFUSED
    if kind == SCOPED_CHANGE:
        if identity in OFFICE_USERS:
            return {200}
        return {200} if unit in target.owners else {404}
    if kind in (SCOPED, CLUSTER, SENT, API_SCOPED, API_CLUSTER):
        if identity in ORG_WIDE_USERS:
            return {200}
        if unit is not None:
            return {200} if unit in target.owners else {404}
        if identity == CLUSTER_HEAD:
            return {200} if kind in (CLUSTER, SENT, API_CLUSTER) and target.cluster_1 else {404}
    raise AssertionError(f"no expectation for {kind!r} and {identity!r}")


def _is_login(location: str) -> bool:
    return location.startswith(LOGIN) or location.startswith("/admin/login/")


def _requests(table):
    for name in URL_NAMES:
        if name.startswith(tuple(NAMESPACES)):
            continue
        kind, key = ACCESS[name]
        for target in table[key] if key else [None]:
            yield name, kind, target, reverse(name, kwargs=target.kwargs if target else None)


def _client(identity, demo_user) -> Client:
    client = Client(raise_request_exception=False)
    if identity != ANONYMOUS:
        client.force_login(demo_user(identity))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("identity", IDENTITIES)
def test_every_page_answers_each_identity_as_the_table_says(demo_user, identity):
    """One identity a test: pytest-xdist spreads the ~1,700 requests over the cores."""
    made = _make_missing_objects(
        demo_user("thuongtruc"), demo_user("canbo.hoangliet"), demo_user("canbo.dinhcong")
    )
    requests = list(_requests(targets(made)))
    client = _client(identity, demo_user)
    wrong = []
    for name, kind, target, url in requests:
        if identity == ANONYMOUS and name in PRIVATE_FILES:
            allowed = {404}
        else:
            allowed = expected(kind, identity, target)
        response = client.get(url)
        status = response.status_code
        if status not in allowed:
            wrong.append(f"{identity} GET {url} ({name}, {kind}): {status}, not {allowed}")
        elif status == 302 and _is_login(response["Location"]) != (
            identity == ANONYMOUS and kind not in (REDIRECT, PUBLIC_ACTION)
        ):
            # The public is sent to sign in; a signed-in user never is.
            wrong.append(f"{identity} GET {url} ({name}): 302 to {response['Location']}")
    listed = "\n".join(wrong)
    assert not wrong, f"{len(wrong)} of {len(requests)} answers differ from ACCESS:\n{listed}"
    # Every identity asks for every page: more than 500 answers checked over all of them.
    assert len(requests) * len(IDENTITIES) > 500


@pytest.mark.django_db
def test_the_django_admin_is_for_staff(demo_user):
    for identity in IDENTITIES:
        response = _client(identity, demo_user).get(reverse("admin:index"))
        if identity == "admin":
            assert response.status_code == 200
        else:
            assert response.status_code == 302 and "/admin/login/" in response["Location"]


def _awards_state() -> dict:
    """Everything a nomination action could change, to compare before and after."""
    return {
        "nominations": list(
            Nomination.objects.order_by("pk").values_list("pk", "state", "version", "achievements")
        ),
        "transitions": Transition.objects.count(),
        "attachments": Attachment.objects.count(),
        "objections": list(Objection.objects.order_by("pk").values_list("pk", "answer")),
        "ballots": Ballot.objects.count(),
        "batches": list(Batch.objects.order_by("pk").values_list("pk", "submitted_at")),
        "certificates": list(Certificate.objects.order_by("pk").values_list("pk", "revoked_at")),
        "audit": AuditEntry.objects.count(),
    }


def _nomination_posts(nomination, objection_ids) -> list[tuple[str, dict]]:
    """Every POST a nomination's page offers, with the data a real form would send."""
    pk = nomination.pk
    component = nomination.title.components.first()
    posts = [
        (
            reverse("awards:nomination_edit", args=[pk]),
            {
                "title": nomination.title_id,
                "basis": nomination.basis_id,
                "year": nomination.year,
                "achievements": "Sửa trái phép",
                "version": nomination.version,
            },
        ),
        (
            reverse("awards:attachment_upload", args=[pk]),
            {
                "component": component.code if component else "",
                "file": ContentFile(b"%PDF-1.4\n", name="to-trinh.pdf"),
            },
        ),
        (reverse("awards:ballot_cast", args=[pk]), {"choice": "agree"}),
    ]
    posts += [
        (
            reverse("awards:nomination_step", args=[pk, action]),
            {
                "note": "Trả lại",
                "passed": "1",
                "starts_on": "2021-01-01",
                "ends_on": "2031-01-01",
                "version": nomination.version,
            },
        )
        for action in STEP_ACTIONS
    ]
    posts += [
        (reverse("awards:objection_answer", args=[pk, objection_id]), {"answer": "Trả lời"})
        for objection_id in objection_ids
    ]
    return posts


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("attacker", "victim"), [("canbo.dinhcong", "A"), ("canbo.hoangliet", "B")]
)
def test_another_wards_officer_cannot_act_on_a_nomination(demo_user, attacker, victim):
    ward_a, ward_b = _units()
    victim_unit = ward_a if victim == "A" else ward_b
    announced = Nomination.objects.get(state=State.ANNOUNCED)
    Objection.objects.create(notice=announced.notices.first(), filed_by="X", content="Ý kiến")
    made = _make_missing_objects(
        demo_user("thuongtruc"), demo_user("canbo.hoangliet"), demo_user("canbo.dinhcong")
    )
    client = _client(attacker, demo_user)
    posts = []
    for nomination in Nomination.objects.filter(unit=victim_unit).select_related("title"):
        objections = Objection.objects.filter(notice__nomination=nomination)
        posts += _nomination_posts(nomination, objections.values_list("pk", flat=True))
    posts += [
        (
            reverse("awards:batch_submit", args=[batch.pk]),
            {"number": "01/TTr", "letter_date": "2021-12-01"},
        )
        for batch in made["batches"]
        if batch.unit_id == victim_unit.pk
    ]
    posts += [
        (reverse("awards:certificate_revoke", args=[certificate.pk]), {"note": "Sai"})
        for certificate in Certificate.objects.filter(nomination__unit=victim_unit)
    ]
    assert len(posts) > 50
    before = _awards_state()
    answers = {url: client.post(url, data).status_code for url, data in posts}
    assert answers == {url: 404 for url, _ in posts}
    assert _awards_state() == before


@pytest.mark.django_db
def test_the_owning_wards_officer_may_act_through_the_same_posts(demo_user):
    """The refusals above are about scope, not about malformed requests."""
    draft = Nomination.objects.get(state=State.DRAFT, unit__code="phuong-dinh-cong")
    client = _client("canbo.dinhcong", demo_user)
    url, data = _nomination_posts(draft, [])[0]
    assert client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.achievements == "Sửa trái phép"


@pytest.mark.django_db
def test_post_only_actions_on_another_wards_objects_are_not_found(demo_user):
    """Every POST-only URL whose object belongs to one ward, POSTed by the other ward."""
    made = _make_missing_objects(
        demo_user("thuongtruc"), demo_user("canbo.hoangliet"), demo_user("canbo.dinhcong")
    )
    table = targets(made)
    clients = {unit: _client(identity, demo_user) for identity, unit in WARD.items()}
    posts = [
        (unit, reverse(name, kwargs=target.kwargs))
        for name, (kind, key) in ACCESS.items()
        if kind == ACTION and key
        for target in table[key]
        if len(target.owners) == 1
        for unit in WARD.values()
        if unit not in target.owners
    ]
    assert len(posts) > 15
    before = AuditEntry.objects.count(), _awards_state()
    answers = {(unit, url): clients[unit].post(url, {}).status_code for unit, url in posts}
    assert answers == {post: 404 for post in posts}
    assert (AuditEntry.objects.count(), _awards_state()) == before


@pytest.mark.django_db
def test_a_forged_password_reset_link_says_it_is_invalid(demo_user):
    """The matrix opens the reset page with a forged token: it must refuse, not offer a form."""
    officer = demo_user("canbo.hoangliet")
    uidb64 = urlsafe_base64_encode(force_bytes(officer.pk))
    url = reverse("accounts:password_reset_confirm", args=[uidb64, "khong-hop-le"])
    response = Client().get(url)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="reset-invalid"' in content
    assert "không hợp lệ" in content
    assert 'name="new_password1"' not in content
