"""Audit engine: rooms made current, scans classified (found, moved, unknown, repeat), missing lists."""
