#!/usr/bin/env bash
# jaznet versus Tesseract on the real word sets (../shared/data/real/IC13_1015, ../shared/data/mjsynth)
# in one run: `./jaznet eval` per head and fused, unconstrained and with dictionaries/en-90k.txt as
# lexicon, and Tesseract --psm 8, all with the standard protocol; prints one Markdown table and writes it
# to --out (default runs/compare-real.md), every figure to --json (default: --out with .json).
# Usage: compare-real.sh [MODEL] [--out FILE] [--json FILE] [--data DIR]... [--lexicon FILE] [--jobs N]
#                        [--tesseract-only]
# Exit: 0 all ran; 3 jaznet eval failed (Tesseract half still written); 1 Tesseract failed; 2 bad usage.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in tesseract python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "compare-real: '$tool' is not installed (apt-get install tesseract-ocr python3)" >&2
    exit 2
  fi
done
exec python3 "$here/compare_real.py" "$@"
