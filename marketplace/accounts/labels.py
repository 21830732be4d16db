"""Display labels for roles and security events; translated where shown."""

from __future__ import annotations

from marketplace.i18n import N_

__all__ = ["EVENT_LABELS", "ROLE_LABELS"]

ROLE_LABELS = {
    "enterprise": N_("Enterprise"),
    "agency": N_("Agency staff"),
    "reviewer": N_("Reviewer"),
    "admin": N_("Administrator"),
}

EVENT_LABELS = {
    "registered": N_("Registered"),
    "user_created": N_("Account created"),
    "login": N_("Signed in"),
    "login_failed": N_("Failed sign-in"),
    "login_rate_limited": N_("Sign-in refused: too many attempts"),
    "logout": N_("Signed out"),
    "password_changed": N_("Password changed"),
    "password_reset_requested": N_("Password reset requested"),
    "password_reset_unknown": N_("Password reset for an unknown address"),
    "password_reset": N_("Password reset"),
    "role_granted": N_("Role granted"),
    "role_revoked": N_("Role revoked"),
    "token_created": N_("API token created"),
    "token_used": N_("API token used"),
    "token_revoked": N_("API token revoked"),
    "member_invited": N_("Member invited"),
    "member_joined": N_("Joined the organisation"),
    "member_role_changed": N_("Member's role changed"),
    "member_removed": N_("Removed from the organisation"),
    "invitation_revoked": N_("Invitation withdrawn"),
}
