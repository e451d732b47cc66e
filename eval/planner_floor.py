"""How near the planner with a check could come to the bare view: its floor, under load.

    python eval/planner_floor.py [--postgres] [--seconds 4] [--rounds 3] [--json out.json]

`handhold bench` measures the planner with a check (a POST of the draft form: the try
counted and the words saved in one commit, the words checked, the whole page drawn) against
the logged-in bare view. This runs the same bench, with the same seeded couples, server and
clients, on three pages only, each in rounds alternating with the bare view:

- `planner_check_alone`: the draft form read and its words checked, then the bare view's
  small page (bench-only, handhold/config/bench_urls.py);
- `planner_check_and_save`: that, and the try counted and the words saved in one commit,
  through the planner's own `count_and_save`: what every check must do before anything is
  drawn;
- `planner_check`: the planner itself.

The second one's ratio is the most the planner could reach if drawing its page, reading the
journey row for the navigation and building its form cost nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handhold import bench  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--couples", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args()
    method, path, form = bench.PAGES["planner_check"]
    bench.PAGES = {
        "planner_check_alone": (method, "/bench/planner-check-alone/", form),
        "planner_check_and_save": (method, "/bench/planner-check-and-save/", form),
        "planner_check": (method, path, form),
    }
    args.quick = False
    args.compare_synchronous = False
    return bench.run(args)


if __name__ == "__main__":
    sys.exit(main())
