"""Admission operations, one module per step: the only code that changes admission state,
and its read queries.

- ``rounds``: draft, criteria, reviewers, the round's steps, its public reads;
- ``letters``: the designated holder's and the invited agencies' letters;
- ``applications``: applying, changing, withdrawing;
- ``review``: the window's close and the qualification review;
- ``scoring``: conflict declarations, score sheets, ranking;
- ``publicity``: results, objections, conclusion;
- ``management``: suspension, reinstatement, removal;
- ``common``: what they share (limits, audit trail, checks).

Callers import the step module they need.
"""
