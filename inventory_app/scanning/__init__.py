"""Frames to codes: frame sources, the decoder chain, confirmation and debouncing. No Qt."""
