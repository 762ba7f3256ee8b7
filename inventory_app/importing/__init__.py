"""Bringing inventories in from CSV/XLSX (mapping, validation, preview) and out again. No Qt."""
