"""Inventory service: register, edit, find and list devices, sites and rooms."""
