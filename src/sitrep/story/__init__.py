"""Stories found in the stream (`streams`), then the stages of each story: text reuse between its articles
(`reuse`), then `analysis`: entities merged across articles (`entities`), claims with their independent origins
(`claims`), disputes (`disputes`), events across articles (`versions`). Their patterns are data in `patterns`."""

from sitrep.story.analysis import analyse_story
from sitrep.story.reuse import find_reuse
from sitrep.story.streams import grow_stories, profile

__all__ = ["analyse_story", "find_reuse", "grow_stories", "profile"]
