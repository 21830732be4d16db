"""Every background job of the marketplace, listed once.

The web application, the arq worker (``workers.settings``) and the command line register
this list with the job queue when they start (``register_jobs``); a job is known only if
it is here. A new job: write the coroutine ``name(ctx, *args)`` in its domain and add it.
"""

from __future__ import annotations

from marketplace.core import jobs
from marketplace.core.mail import send_email
from marketplace.core.outbox import deliver_outbox
from marketplace.orders.tasks import sweep_orders
from marketplace.payments.stripe_gateway import refund_order
from marketplace.search.index import sync_search

__all__ = ["JOB_FUNCTIONS", "register_jobs"]

JOB_FUNCTIONS = (deliver_outbox, send_email, sweep_orders, refund_order, sync_search)


def register_jobs() -> None:
    jobs.register(*JOB_FUNCTIONS)
