"""Admission rounds (入驻遴选): monopoly agencies required, competitive ones on merit,
absent ones recruited from outside the city."""
