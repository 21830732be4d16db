"""Display labels for admission values; translated where shown (``_()`` in templates)."""

from __future__ import annotations

from marketplace.i18n import N_

__all__ = [
    "AGENCY_STATUS_LABELS",
    "APPLICATION_STATUS_LABELS",
    "CONTINUOUS_STATUS_LABELS",
    "CORRECTION_FIELD_LABELS",
    "ENTRY_MODE_LABELS",
    "EVENT_LABELS",
    "INVITATION_KIND_LABELS",
    "OBJECTION_STATUS_LABELS",
    "ROUND_STATUS_LABELS",
]

ROUND_STATUS_LABELS = {
    "draft": N_("Draft"),
    "announced": N_("Announced"),
    "applications_open": N_("Applications open"),
    "under_review": N_("Qualification review"),
    "scoring": N_("Merit scoring"),
    "publicity": N_("Publicity"),
    "concluded": N_("Concluded"),
}

APPLICATION_STATUS_LABELS = {
    "submitted": N_("Submitted"),
    "withdrawn": N_("Withdrawn"),
    "passed": N_("Passed the qualification review"),
    "failed": N_("Failed the qualification review"),
    "admitted": N_("Selected for admission"),
    "not_admitted": N_("Not selected"),
    "disqualified": N_("Disqualified"),
}

# A continuous application's statuses read differently: one formal check, then live.
CONTINUOUS_STATUS_LABELS = {
    "submitted": N_("Waiting for the formal check"),
    "withdrawn": N_("Withdrawn"),
    "failed": N_("Refused at the formal check"),
    "admitted": N_("Approved: admitted and live"),
}

# The dates a correction notice changes.
CORRECTION_FIELD_LABELS = {
    "opens_on": N_("Window opens"),
    "closes_on": N_("Window closes"),
    "publicity_ends_on": N_("Publicity ends"),
}

ENTRY_MODE_LABELS = {
    "round": N_("Entry by round"),
    "continuous": N_("Continuous entry"),
}

OBJECTION_STATUS_LABELS = {
    "lodged": N_("Waiting for a decision"),
    "upheld": N_("Upheld"),
    "dismissed": N_("Dismissed"),
}

INVITATION_KIND_LABELS = {
    "holder": N_("Designated monopoly holder"),
    "recruit": N_("External agency invited"),
}

AGENCY_STATUS_LABELS = {
    "applicant": N_("Applicant"),
    "admitted": N_("Admitted"),
    "suspended": N_("Suspended"),
    "exited": N_("Removed"),
}

EVENT_LABELS = {
    "entry_settings_changed": N_("Entry settings of the category changed"),
    "round_corrected": N_("Correction notice published"),
    "round_created": N_("Round created"),
    "round_updated": N_("Round changed"),
    "criteria_set": N_("Scoring criteria set"),
    "reviewer_assigned": N_("Reviewer assigned"),
    "reviewer_unassigned": N_("Reviewer withdrawn"),
    "announced": N_("Announcement published"),
    "holder_designated": N_("Monopoly holder designated, letter sent"),
    "invitation_issued": N_("Invitation letter sent"),
    "window_opened": N_("Application window opened"),
    "application_submitted": N_("Application submitted"),
    "application_updated": N_("Application changed"),
    "application_withdrawn": N_("Application withdrawn"),
    "window_closed": N_("Application window closed"),
    "holder_missing": N_("Required but missing: the designated holder did not apply"),
    "application_passed": N_("Passed the qualification review"),
    "application_failed": N_("Failed the qualification review"),
    "scoring_opened": N_("Merit scoring started"),
    "conflict_declared": N_("Conflict of interest declaration"),
    "scores_submitted": N_("Score sheet submitted"),
    "results_published": N_("Results published for publicity"),
    "objection_lodged": N_("Objection lodged"),
    "objection_upheld": N_("Objection upheld"),
    "objection_dismissed": N_("Objection dismissed"),
    "result_changed": N_("Result changed"),
    "agency_admitted": N_("Admitted; its service items are live"),
    "concluded": N_("Round concluded"),
    "agency_suspended": N_("Agency suspended"),
    "agency_reinstated": N_("Agency reinstated"),
    "agency_removed": N_("Agency removed (清退)"),
}
