"""Benchmarks of Ketamine Viewer: start-up against a bare Qt window, filtering, memory. Run ``python benchmarks/run.py``."""
