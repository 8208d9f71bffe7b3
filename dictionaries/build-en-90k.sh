#!/usr/bin/env bash
# Rebuilds dictionaries/en-90k.txt from Debian's `scowl` package (SCOWL word lists by Kevin Atkinson).
# Usage: dictionaries/build-en-90k.sh [SCOWL_DIR]   (default /usr/share/dict/scowl)
# Selection: SCOWL size levels 10..60 (the common-word levels) of the "words", "upper" (capitalised
# words) and "proper-names" lists, for the English, American, British, British-z, Canadian and
# Australian spellings plus their variant_1 (common variant) lists; variant_2/3, abbreviations,
# contractions and the special-* lists are left out.
# Rules: accents transliterated to ASCII (kindergärtner -> kindergartner), words with an apostrophe
# (possessives, contractions) dropped, lowercased, only [a-z0-9] of length 1..23 kept, duplicates
# removed, sorted in byte order (LC_ALL=C). Output written atomically (temp file + rename).
set -euo pipefail
SCOWL_DIR="${1:-/usr/share/dict/scowl}"
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$HERE/en-90k.txt"
[ -d "$SCOWL_DIR" ] || { echo "build-en-90k: SCOWL directory '$SCOWL_DIR' not found (apt-get install scowl)" >&2; exit 1; }
mapfile -t LISTS < <(cd "$SCOWL_DIR" && ls | LC_ALL=C sort \
  | grep -E -- '-(words|upper|proper-names)\.(10|20|35|40|50|55|60)$' \
  | grep -E -- '^(english|american|british|british_z|canadian|australian)(_variant_1)?-|^variant_1-')
[ "${#LISTS[@]}" -gt 0 ] || { echo "build-en-90k: no SCOWL lists matched in '$SCOWL_DIR'" >&2; exit 1; }
TMP="$(mktemp "$HERE/.en-90k.XXXXXX")"
trap 'rm -f "$TMP"' EXIT
( cd "$SCOWL_DIR" && cat "${LISTS[@]}" ) \
  | LC_ALL=C.UTF-8 iconv -f UTF-8 -t ASCII//TRANSLIT \
  | grep -v "'" \
  | tr 'A-Z' 'a-z' \
  | LC_ALL=C grep -E '^[a-z0-9]{1,23}$' \
  | LC_ALL=C sort -u > "$TMP"
chmod 644 "$TMP"
mv -f "$TMP" "$OUT"
trap - EXIT
echo "build-en-90k: ${#LISTS[@]} SCOWL lists -> $(wc -l < "$OUT") words in $OUT"
