"""The whole-corpus stages: text reuse between articles (`reuse`), then `analysis`: entities merged
across articles (`entities`), claims with their independent origins (`claims`), disputes (`disputes`).
Their patterns are data in `patterns`."""

from sitrep.story.analysis import analyse_story
from sitrep.story.reuse import find_reuse

__all__ = ["analyse_story", "find_reuse"]
