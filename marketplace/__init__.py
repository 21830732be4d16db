"""中介服务超市: an open marketplace for the intermediary services project approval needs."""

__version__ = "0.1.0"
