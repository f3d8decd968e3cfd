"""A short fuzz run (the long one is ``benchmarks/fuzz.py``): generated texts through ``framing.analyse`` and
generated JSONL files through the reader, checked against the output contract."""

from __future__ import annotations

import random

import framing
from framing.adversarial import contract_violations, fuzz_jsonl_line, fuzz_text, reader_violations
from framing.inputs import dumps


def test_generated_texts_meet_the_output_contract_and_are_deterministic():
    rng = random.Random(20261203)
    for _ in range(1500):
        text = fuzz_text(rng)
        report = framing.analyse(text)
        assert contract_violations(text, report) == [], repr(text)
        assert dumps(framing.analyse(text).to_dict()) == dumps(report.to_dict()), repr(text)


def test_every_line_of_generated_jsonl_files_is_accounted_for_once(tmp_path):
    rng = random.Random(20261203)
    for k in range(4):
        lines = [fuzz_jsonl_line(rng) for _ in range(500)]
        path = tmp_path / f"f{k}.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        assert reader_violations(str(path), lines) == []
