#!/usr/bin/env bash
# Reproduces backgrounds/ (natural photographs without text, for the engine's colouring and
# natural-image blending stages) from Debian packages mate-backgrounds, plasma-workspace-wallpapers
# and python3-skimage. Needs ImageMagick 6 (apt-get install imagemagick).
# Usage: backgrounds/build-backgrounds.sh
# Reads backgrounds.list (source | regions), cuts each region, downscales it so that the longer side
# is 400 px (never upscales), writes sRGB JPEG quality 90 without metadata as bg-NNNN.jpg in list
# order, and writes BACKGROUNDS.md. Output is staged in a temp directory and moved into place.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
LIST="$HERE/backgrounds.list"
CONVERT="${CONVERT:-}"
if [ -z "$CONVERT" ]; then
  for c in convert-im6.q16 /usr/bin/convert magick; do
    if command -v "$c" >/dev/null && "$c" -version 2>/dev/null | grep -q ImageMagick; then CONVERT="$c"; break; fi
  done
fi
[ -n "$CONVERT" ] || { echo "build-backgrounds: ImageMagick not found (apt-get install imagemagick)" >&2; exit 1; }

licence_of() {
  case "$1" in
    mate-backgrounds|plasma-workspace-wallpapers) echo "GPL-2+" ;;
    python3-skimage)
      case "$2" in
        hubble_deep_field.jpg) echo "public domain (NASA)" ;;
        retina.jpg) echo "CC0-1.0" ;;
        *) echo "CC0-1.0" ;;
      esac ;;
    *) echo "build-backgrounds: no licence recorded for package '$1'" >&2; return 1 ;;
  esac
}

region_geometry() { # $1 region, $2 width, $3 height -> ImageMagick crop geometry
  local w=$2 h=$3 hw=$(($2 / 2)) hh=$(($3 / 2))
  case "$1" in
    full) echo "${w}x${h}+0+0" ;;
    tl) echo "${hw}x${hh}+0+0" ;;
    tr) echo "${hw}x${hh}+$((w - hw))+0" ;;
    bl) echo "${hw}x${hh}+0+$((h - hh))" ;;
    br) echo "${hw}x${hh}+$((w - hw))+$((h - hh))" ;;
    c) echo "${hw}x${hh}+$(((w - hw) / 2))+$(((h - hh) / 2))" ;;
    *) echo "build-backgrounds: unknown region '$1'" >&2; return 1 ;;
  esac
}

STAGE="$(mktemp -d "$HERE/.stage.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
TABLE="$STAGE/table.md"
: > "$TABLE"
n=0
sources=0
while IFS='|' read -r src regions; do
  case "$src" in ''|'#'*) continue ;; esac
  [ -f "$src" ] || { echo "build-backgrounds: '$src' not found (install its Debian package)" >&2; exit 1; }
  pkg="$(dpkg -S "$(readlink -f "$src")" | head -1 | cut -d: -f1)"
  lic="$(licence_of "$pkg" "$(basename "$src")")"
  read -r w h < <("$CONVERT" "$src[0]" -format '%w %h\n' info: 2>/dev/null | head -1)
  sources=$((sources + 1))
  for r in $regions; do
    n=$((n + 1))
    name="$(printf 'bg-%04d.jpg' "$n")"
    geo="$(region_geometry "$r" "$w" "$h")"
    "$CONVERT" -quiet "$src[0]" -crop "$geo" +repage -resize '400x400>' -colorspace sRGB -type TrueColor -strip \
      -quality 90 "$STAGE/$name"
    echo "| $name | $pkg | $src | $r ($geo) | $lic |" >> "$TABLE"
  done
done < "$LIST"

rm -f "$HERE"/bg-[0-9][0-9][0-9][0-9].jpg
mv "$STAGE"/bg-*.jpg "$HERE"/
chmod 644 "$HERE"/bg-*.jpg
total=$(du -cb "$HERE"/bg-*.jpg | tail -1 | cut -f1)
{
  echo "# backgrounds/"
  echo
  echo "**$n natural photographs without text or logos** ($((total / 1024)) KiB), cut from $sources licence-clear"
  echo "photographs shipped by Debian packages, for the synthetic-text engine's base colouring (k-means of"
  echo "natural images) and natural-image blending stages. Each is downscaled so that its longer side is"
  echo "400 px, sRGB JPEG quality 90, metadata stripped. Built by \`build-backgrounds.sh\` from"
  echo "\`backgrounds.list\`; every image was looked at to make sure it shows no text."
  echo
  echo "Several images come from one large photo: the whole photo and up to four quadrants or its centre (region column;"
  echo "geometry in source pixels). This was needed to reach the count, since the Debian packages hold"
  echo "only about 30 text-free natural photographs; the quadrants are distinct textures at a larger scale."
  echo "Regions left out are listed with reasons in \`backgrounds.list\` (a small sign on a boat; flat sky/fog)."
  echo "Abstract, rendered, flat-gradient and logo wallpapers were left out, as were scikit-image samples"
  echo "with text, logos or unclear licence (astronaut, motorcycle, rocket, coins, text, page, moon, ihc)."
  echo
  echo "Licences: mate-backgrounds and plasma-workspace-wallpapers images are GPL-2+ (copyright holders"
  echo "in \`/usr/share/doc/<package>/copyright\`, copied to \`licenses/\`); scikit-image sample photos are"
  echo "CC0 (coffee, camera, chelsea, brick, grass, gravel, retina, per the \`skimage.data\` docstrings) or"
  echo "public domain (hubble_deep_field, NASA)."
  echo
  echo "| file | source package | original file | region | licence |"
  echo "|---|---|---|---|---|"
  cat "$TABLE"
  echo
  echo "Rebuild: \`backgrounds/build-backgrounds.sh\` (needs the three packages and ImageMagick)."
} > "$STAGE/BACKGROUNDS.md"
mv -f "$STAGE/BACKGROUNDS.md" "$HERE/BACKGROUNDS.md"
mkdir -p "$HERE/licenses"
for p in mate-backgrounds plasma-workspace-wallpapers python3-skimage; do
  cp "/usr/share/doc/$p/copyright" "$HERE/licenses/$p.copyright"
done
echo "build-backgrounds: $n images from $sources photographs, $total bytes"
