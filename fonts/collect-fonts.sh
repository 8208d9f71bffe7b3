#!/usr/bin/env bash
# Reproduces fonts/ from the Debian font packages (provenance documentation; the files are committed).
# Usage: fonts/collect-fonts.sh            (needs the Debian packages listed in FONTS.md, a JDK 17+)
# Reads fonts.list (path under /usr/share/fonts | family | style | category), copies each face to
# fonts/NNN-<name>.<ext> (NNN = position in the list, so the fallback face DejaVu Sans sorts first),
# checks every face (size <= 2 MB; non-empty, case-distinct glyphs for a-z A-Z 0-9, via java.awt.Font),
# copies each package's Debian copyright file to licenses/<package>.copyright and writes FONTS.md.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="${FONT_SRC:-/usr/share/fonts}"
LIST="$HERE/fonts.list"
MAX_BYTES=2097152

# Licence of the font files (the "Files: *" stanza of each package's debian/copyright).
licence_of() {
  case "$1" in
    fonts-adf-*) echo "GPL-2+ with font exception" ;;
    fonts-b612) echo "OFL-1.1 / EPL-2.0 / EDL-1.0" ;;
    fonts-breip|fonts-inconsolata|fonts-oldstandard) echo "OFL-1.0" ;;
    fonts-crosextra-caladea|fonts-open-sans|fonts-roboto-slab|fonts-roboto-unhinted|fonts-jetbrains-mono) echo "Apache-2.0" ;;
    fonts-dejavu-core|fonts-dejavu-extra) echo "Bitstream Vera licence (permissive)" ;;
    fonts-freefont-ttf) echo "GPL-3+ with font exception" ;;
    fonts-go) echo "BSD-3-Clause" ;;
    fonts-hack) echo "MIT + Bitstream Vera licence" ;;
    fonts-isabella|fonts-staypuft) echo "LGPL-2+" ;;
    fonts-linuxlibertine) echo "GPL-2+ with font exception / OFL-1.1" ;;
    fonts-oxygen) echo "GPL-3+ with font exception / OFL-1.1" ;;
    fonts-sil-andika|fonts-sil-charis) echo "OFL-1.1 (RFN)" ;;
    fonts-urw-base35) echo "AGPL-3 with font exception" ;;
    fonts-anonymous-pro|fonts-averia-*|fonts-cabin|fonts-cantarell|fonts-cmu|fonts-comic-neue|\
    fonts-courier-prime|fonts-crosextra-carlito|fonts-dancingscript|fonts-ebgaramond|\
    fonts-fantasque-sans|fonts-firacode|fonts-klaudia-berenika|fonts-lato|fonts-league-spartan|\
    fonts-liberation2|fonts-lobster|fonts-lobstertwo|fonts-mplus|fonts-noto-core|fonts-noto-mono|\
    fonts-quicksand|fonts-sil-gentium|fonts-yanone-kaffeesatz) echo "OFL-1.1" ;;
    fonts-aenigma) echo "free redistribution (Brian Kent's permission, in the copyright file)" ;;
    fonts-texgyre) echo "GUST Font License" ;;
    fonts-paratype) echo "ParaType Free Font License" ;;
    fonts-dustin) echo "GPL-2" ;;
    fonts-beteckna) echo "GPL-3" ;;
    fonts-dkg-handwriting) echo "GPL-3+" ;;
    fonts-rufscript) echo "GPL-3+ with font exception" ;;
    fonts-play) echo "Apache-2.0" ;;
    fonts-tuffy|fonts-goudybookletter|fonts-prociono) echo "public domain" ;;
    fonts-f500) echo "Artistic" ;;
    fonts-fanwood) echo "MIT" ;;
    fonts-femkeklaver) echo "CC-BY-SA-3.0" ;;
    fonts-century-catalogue) echo "OFL-1.0" ;;
    fonts-arkpandora) echo "Bitstream Vera licence (permissive)" ;;
    fonts-croscore|fonts-junicode|fonts-vollkorn|fonts-inter|fonts-blankenburg|fonts-cabinsketch|fonts-junction|\
    fonts-kristi|fonts-ecolier-court|fonts-radisnoir|fonts-humor-sans|fonts-mononoki|fonts-yrsa-rasa|fonts-manrope) echo "OFL-1.1" ;;
    *) echo "collect-fonts: no licence recorded for package '$1'" >&2; return 1 ;;
  esac
}

CHECKER_DIR="$(mktemp -d)"
trap 'rm -rf "$CHECKER_DIR"' EXIT
cat > "$CHECKER_DIR/CheckFonts.java" <<'JAVA'
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.io.File;

/** Checks that each font file has non-empty, case-distinct glyphs for a-z, A-Z, 0-9. */
public class CheckFonts {
    public static void main(String[] args) {
        String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        FontRenderContext frc = new FontRenderContext(null, true, true);
        int bad = 0;
        for (String path : args) {
            String problem = null;
            try {
                Font font = Font.createFont(Font.TRUETYPE_FONT, new File(path)).deriveFont(48f);
                int upTo = font.canDisplayUpTo(chars);
                if (upTo >= 0) {
                    problem = "no glyph for '" + chars.charAt(upTo) + "'";
                } else {
                    int sameCase = 0;
                    for (int i = 0; i < chars.length() && problem == null; i++) {
                        Rectangle2D b = bounds(font, frc, chars.charAt(i));
                        if (b.getWidth() < 1 || b.getHeight() < 1) {
                            problem = "empty glyph for '" + chars.charAt(i) + "'";
                        } else if (i < 26 && b.equals(bounds(font, frc, chars.charAt(i + 26)))) {
                            sameCase++;
                        }
                    }
                    if (problem == null && sameCase > 13) {
                        problem = "lowercase drawn as capitals (" + sameCase + " letters identical)";
                    }
                }
            } catch (Exception e) {
                problem = "unreadable: " + e;
            }
            if (problem != null) {
                bad++;
                System.err.println("collect-fonts: " + path + ": " + problem);
            }
        }
        System.out.println("collect-fonts: glyph check " + (args.length - bad) + "/" + args.length + " faces OK");
        System.exit(bad == 0 ? 0 : 1);
    }

    private static Rectangle2D bounds(Font font, FontRenderContext frc, char c) {
        return font.createGlyphVector(frc, String.valueOf(c)).getOutline().getBounds2D();
    }
}
JAVA

# Every listed face must be present before the old copies are removed.
while IFS='|' read -r path _; do
  case "$path" in ''|'#'*) continue ;; esac
  [ -f "$SRC/$path" ] || { echo "collect-fonts: '$SRC/$path' not found (install its Debian package); fonts/ left as it was" >&2; exit 1; }
done < "$LIST"

rm -f "$HERE"/[0-9][0-9][0-9]-*.ttf "$HERE"/[0-9][0-9][0-9]-*.otf
mkdir -p "$HERE/licenses"
TABLE="$CHECKER_DIR/table.md"
: > "$TABLE"
n=0
declare -A PKGS=()
declare -A FAMILIES=()
while IFS='|' read -r path family style category; do
  case "$path" in ''|'#'*) continue ;; esac
  src="$SRC/$path"
  [ -f "$src" ] || { echo "collect-fonts: '$src' not found (install its Debian package)" >&2; exit 1; }
  real="$(readlink -f "$src")"
  size=$(stat -c %s "$real")
  [ "$size" -le "$MAX_BYTES" ] || { echo "collect-fonts: '$src' is $size bytes (> 2 MB)" >&2; exit 1; }
  pkg="$(dpkg -S "$real" | head -1 | cut -d: -f1)"
  lic="$(licence_of "$pkg")"
  n=$((n + 1))
  base="$(basename "$path" | tr ' ' '-')"
  dest="$(printf '%03d-%s' "$n" "$base")"
  cp "$real" "$HERE/$dest.tmp" && mv -f "$HERE/$dest.tmp" "$HERE/$dest"
  chmod 644 "$HERE/$dest"
  cp /usr/share/doc/"$pkg"/copyright "$HERE/licenses/$pkg.copyright"
  PKGS[$pkg]=1
  FAMILIES[$family]=1
  echo "| $dest | $family | $style | $category | $lic | $pkg |" >> "$TABLE"
done < "$LIST"

( cd "$HERE" && java -Djava.awt.headless=true "$CHECKER_DIR/CheckFonts.java" [0-9][0-9][0-9]-*.[to]tf )

total=$(du -cb "$HERE"/[0-9][0-9][0-9]-*.[to]tf | tail -1 | cut -f1)
{
  echo "# fonts/"
  echo
  echo "Fonts for the synthetic-text engine: **$n faces from ${#FAMILIES[@]} families**, $((total / 1024)) KiB in total,"
  echo "copied from Debian font packages by \`collect-fonts.sh\` (selection in \`fonts.list\`)."
  echo "Open licences only; each package's Debian copyright file (with the full licence texts) is in"
  echo "\`licenses/<package>.copyright\`. Every face passed the check in \`collect-fonts.sh\`: non-empty glyphs"
  echo "for a-z, A-Z and 0-9, lowercase distinct from capitals (all-caps fonts such as Bebas Neue and"
  echo "Tomson Talks were rejected). Symbol, math, dingbat and non-Latin-script fonts are not included."
  echo "Files are numbered in list order; \`001-DejaVuSans.ttf\` is the first/fallback face."
  echo
  echo "Categories: serif, sans, mono, condensed, display, handwriting (handwriting-like / script)."
  echo "Style is the face's weight/slant as named by its family."
  echo
  echo "| file | family | style | category | licence | Debian package |"
  echo "|---|---|---|---|---|---|"
  cat "$TABLE"
  echo
  echo "Counts by category: $(cut -d'|' -f5 "$TABLE" | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}' | sed 's/, $//')."
  echo
  echo "Rebuild: \`fonts/collect-fonts.sh\` (needs the packages above installed and a JDK 17+)."
} > "$HERE/FONTS.md.tmp"
mv -f "$HERE/FONTS.md.tmp" "$HERE/FONTS.md"
echo "collect-fonts: $n faces, ${#FAMILIES[@]} families, ${#PKGS[@]} packages, $total bytes"
