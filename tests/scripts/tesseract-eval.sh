#!/usr/bin/env bash
# Tesseract 5 (--psm 8, one word per image) over a labels.tsv folder, scored with the standard protocol
# (lowercase, keep [0-9a-z], exact match). Prints accuracy, n and images/s; --json FILE writes
# {"dataset", "n", "tool": "tesseract", "accuracy", "images_per_second"}. See tests/README.md.
# Usage: tesseract-eval.sh DATA_DIR [--json FILE] [--predictions FILE] [--jobs N] [--tessdata-dir DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in tesseract python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "tesseract-eval: '$tool' is not installed (apt-get install tesseract-ocr python3)" >&2
    exit 2
  fi
done
exec python3 "$here/tesseract_eval.py" "$@"
