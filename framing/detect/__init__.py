"""Detectors: one heuristic per module, each a pure function from a prepared document to findings."""
