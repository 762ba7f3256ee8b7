"""Headless commands: the same services as the desktop app, for admins, scripts and tests."""
