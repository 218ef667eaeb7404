"""Attribution: who said what. `spans` finds cue, source and content with the trained taggers
(`features`, `models`) and the span repairs; `assembly` resolves speakers (`speakers`), quotations
(`quotes`) and reporting chains and channels (`chains`). Training (`train`) and scoring (`evaluation`)
stand apart from inference. Cue words and channels are data in `lexicon`."""

from sitrep.attribution.assembly import document_attributions
from sitrep.attribution.spans import SPAN_REPAIRS, as_gold_shape, find_spans

__all__ = ["SPAN_REPAIRS", "as_gold_shape", "document_attributions", "find_spans"]
