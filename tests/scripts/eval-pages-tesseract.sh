#!/usr/bin/env bash
# Tesseract 5 (--psm 3, -l eng) over a page set (DIR/words.jsonl + DIR/images/), scored by jaznet's own
# page-evaluation code (org.jaznet.pages.eval: one-to-one word matching at IoU >= 0.5, "###" ignored,
# detection P/R/F, end-to-end F standard protocol and case-sensitive). Two pages run in parallel, each
# Tesseract with OMP_THREAD_LIMIT=1, so pages/s measures both cores. Writes JSON when given:
# {"n_images", "detection": {"precision","recall","f"}, "e2e": {...}, "e2e_cased": {...}, "pages_per_s", ...}
# Usage: eval-pages-tesseract.sh DIR [JSON] [--jobs N] [--psm N] [--lang L]
# Needs: tesseract, java 17, mvn (offline; compiles the pages module, sibling modules from ~/.m2).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -lt 1 ] || [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n 2,8p "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
for tool in tesseract java mvn; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "eval-pages-tesseract: '$tool' is not installed (apt-get install tesseract-ocr; JDK 17; maven)" >&2
    exit 2
  fi
done
data="$1"; shift
args=(--data "$data")
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  args+=(--json "$1"); shift
fi
cp_file="$root/pages/target/eval-classpath.txt"
(cd "$root" && mvn -o -q -Dstyle.color=never -pl pages compile) >&2
if [ ! -s "$cp_file" ] || [ "$root/pages/pom.xml" -nt "$cp_file" ] || [ "$root/pom.xml" -nt "$cp_file" ]; then
  (cd "$root" && mvn -o -q -Dstyle.color=never -pl pages dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$cp_file") >&2
fi
exec java -Xmx1g -Djava.awt.headless=true -Djaznet.home="$root" \
  -cp "$root/pages/target/classes:$(cat "$cp_file")" org.jaznet.pages.eval.TesseractEval "${args[@]}" "$@"
