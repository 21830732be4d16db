"""Owner-side selection: purchase requests (采购公告), registrations, the draw, contracts."""
