"""The comparison layer measured on BASIL dev (../shared/data/basil): event grouping and validity.

    python benchmarks/compare_basil.py            # prints the figures quoted in docs/compare.md

1. Event grouping: pairwise precision / recall / F1 of framing.compare.group_events against BASIL's triplets
   (each event covered by Fox News, the New York Times and HuffPost), over thresholds, with and without the date
   window, with and without the one-article-per-source constraint.
2. Validity: per article, Spearman's rho between our loaded-term rate and the density of annotated lexical-bias
   spans (writer's voice vs spans outside quotations; all voices vs all lexical spans; and, as a control,
   against informational-bias spans, which a word list should *not* track), with bootstrap intervals; per
   event, how often we order two articles of a triplet the way the annotations do.
"""

from __future__ import annotations

import json
import sys

import pandas as pd

from framing.compare.validity import basil_event_grouping, basil_validity, default_basil_dir


def main() -> int:
    d = default_basil_dir()
    if not d.exists():
        print(f"BASIL not found at {d}", file=sys.stderr)
        return 1
    pd.set_option("display.width", 160)
    g = basil_event_grouping(d)
    print("## Event grouping on BASIL dev (135 articles, 45 triplets)\n")
    print(g.round(3).to_string(index=False))
    v = basil_validity(d)
    print("\n## Validity figures\n")
    print(json.dumps(v.figures, indent=2, default=float))
    print("\n## Per event (our order vs the annotations' order)\n")
    print(v.per_event[["our_order", "gold_order", "pairs_agree", "pairs_disagree", "top_match"]]
          .to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
