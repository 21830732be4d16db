"""Background jobs on arq (Redis) or in-process: index sync, notifications, deadline sweeps.

Filled in by the jobs that the orders and search issues bring.
"""
