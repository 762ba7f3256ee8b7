"""Day-to-day care that needs no Qt: versions of everything (for --version and the About box) and the
log privacy filter. Backups live in ``storage.backups`` so the sync code may call them too."""
