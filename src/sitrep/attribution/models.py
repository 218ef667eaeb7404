"""Where the trained attribution taggers live: read by inference (`spans`, `encoder`), written by `train` and
`train_encoder`."""

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
CUE_MODEL = "attribution-cue.v1.crfsuite"
ROLE_MODEL = "attribution-role.v1.crfsuite"
ENCODER_MODEL = "attribution-roles.v1.int8.onnx"
ENCODER_TOKENIZER = "attribution-roles.v1.tokenizer.json"
