"""Which URLs are pages worth loading, what kind each is, and which object fills its id.

Pure functions over URL names and routes, so the selection is tested without a server.
The harness walks the URLconf, keeps the names `page_kind` accepts, fills their ids
with `object_key`, then probes each once and drops what does not answer 200 with HTML
or JSON (a POST-only action answers 405, a form of another role 404 or 302).
"""

import re

LIST = "list"
DASHBOARD = "dashboard"
DETAIL = "detail"
REPORT = "report"
API = "api"
KINDS = (DASHBOARD, LIST, DETAIL, REPORT, API)

# The trivial page every ratio is measured against: no query beyond the session.
TRIVIAL_PAGE = "accounts:login"

# Not pages of the work: the admin site guards itself; accounts are forms of one user;
# the schema documents the API rather than reading data.
SKIPPED_NAMESPACES = ("admin:", "accounts:")
SKIPPED_NAMES = {
    "set_language", "core:verify_lookup", "api:schema", "awards:print_job",
    # A public photo (an image, not a page) and POST-only steps whose names read as pages.
    "exemplars:board_photo", "filings:filing_accept", "initiatives:initiative_vote",
    "initiatives:initiative_score",
}  # fmt: skip
# Forms and actions: words in a URL name that say it writes, or shows a form to write.
ACTION_WORDS = {
    "create", "edit", "new", "import", "upload", "preview", "template", "export", "merge",
    "step", "submit", "return", "approve", "launch", "attach", "start", "rotate", "set",
    "confirm", "lock", "deadline", "open", "cast", "count", "revoke", "print", "forward",
    "answer", "apply", "cancel", "assign", "unassign", "dissolved", "add", "remove",
    "decide", "reopen", "change", "draft", "dossier", "objection", "verify", "feed",
    "report", "letter", "file", "download", "attachment", "document", "pdf", "printer",
    "agenda", "attendance", "appoint", "bulk", "draw", "commend", "consent", "photos",
    "evidence", "refuse", "request", "recognise", "above", "save", "delete", "retire",
    "prepare", "sign", "register",
}  # fmt: skip
# A route whose last segment is a file name (`.docx`, `<str:fmt>`) serves a download.
FILE_ROUTE = re.compile(r"\.(?:[a-z0-9]+|<[^>]+>)/?\$?$")
REPORT_NAMES = {"records:screening", "awards:quota"}
REPORT_NAMESPACES = ("reports:",)
DASHBOARD_NAMES = {"home:index", "plans:dashboard"}

# Object kinds an id can be taken from, as "app_label.Model".
MODELS = {
    "unit": "org.Unit",
    "person": "org.Person",
    "cluster": "org.Cluster",
    "reorganisation": "org.Reorganisation",
    "plan": "plans.Plan",
    "task": "plans.Task",
    "movement": "movements.Movement",
    "registration": "movements.Registration",
    "scorecard": "scoring.Scorecard",
    "proposal": "scoring.ClusterProposal",
    "nomination": "awards.Nomination",
    "batch": "awards.Batch",
    "decision": "awards.Decision",
    "job": "records.ScreeningJob",
    "meeting": "awards.Meeting",
    "contest": "contests.Contest",
    "entry": "contests.Entry",
    "round": "contests.Round",
    "sheet": "contests.Sheet",
    "ceremony": "ceremonies.Ceremony",
    "exemplar": "exemplars.Exemplar",
    "filing": "filings.Filing",
    "initiative": "initiatives.Initiative",
    "initiative_council": "initiatives.InitiativeCouncil",
    "visit": "inspections.Visit",
    "session": "training.TrainingSession",
}
# Names whose first word is not the object of their id (`plans:unit_plans` lists the
# unit plans of one plan).
OBJECT_OVERRIDES = {
    "plans:unit_plans": "plan",
    "records:screening_job": "job",
    "records:screening_result": "job",
    "contests:public_detail": "contest",
    "contests:public_enter": "contest",
    "contests:accept_waiting": "contest",
    "initiatives:council_detail": "initiative_council",
}


def local_words(url_name: str) -> list[str]:
    """The words of a URL name after its namespace: `api:unit-detail` -> [unit, detail]."""
    local = url_name.rsplit(":", 1)[-1]
    return [word for word in re.split(r"[_\-]", local) if word and word != "api"]


def is_api(url_name: str, route: str) -> bool:
    return url_name.startswith("api:") or "-" in url_name.rsplit(":", 1)[-1] or "api/" in route


def page_kind(url_name: str, route: str, arguments: tuple[str, ...]) -> str | None:
    """The kind of page a URL serves, or None when it is not a page to load.

    `arguments` are the route's parameter names; a page may take only an id (`pk`).
    """
    if url_name == TRIVIAL_PAGE:
        return None
    if url_name.startswith(SKIPPED_NAMESPACES) or url_name in SKIPPED_NAMES:
        return None
    if FILE_ROUTE.search(route) or "format" in arguments:
        return None
    if set(arguments) - {"pk"}:
        return None
    if ACTION_WORDS & set(local_words(url_name)):
        return None
    if is_api(url_name, route):
        return API
    if url_name in DASHBOARD_NAMES:
        return DASHBOARD
    if url_name in REPORT_NAMES or url_name.startswith(REPORT_NAMESPACES):
        return REPORT
    return DETAIL if arguments else LIST


def object_key(url_name: str) -> str | None:
    """Which kind of object (a key of MODELS) fills the page's `pk`, or None if none fits."""
    if url_name in OBJECT_OVERRIDES:
        return OBJECT_OVERRIDES[url_name]
    for word in local_words(url_name):
        if word in MODELS:
            return word
    return None
