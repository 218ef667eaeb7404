"""Where the trained attribution taggers live: read by inference (`spans`), written by `train`."""

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
CUE_MODEL = "attribution-cue.v1.crfsuite"
ROLE_MODEL = "attribution-role.v1.crfsuite"
