"""A realistic, seeded demo city for trying the app, demos and benchmarks."""
