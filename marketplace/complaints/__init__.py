"""Complaints (投诉): lodged by enterprises, answered by the office within 5 working days."""
