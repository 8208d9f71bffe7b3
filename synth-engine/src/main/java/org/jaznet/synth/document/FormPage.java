package org.jaznet.synth.document;

import java.util.List;
import java.util.SplittableRandom;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.font.FontChoice;

/**
 * What the parts of a form layout share: the page's generator, canvas, texts, resolution and content
 * column, and setting words with a {@link FormPen}. Not thread-safe (one per page).
 */
final class FormPage {
  /** Characters a form may draw besides letters: a face is picked only if it covers them. */
  static final String PICK_TEXT = "Aa0123456789.,;:%/$-#()";

  final SplittableRandom r;
  final PageCanvas canvas;
  final FormText text;
  final int dpi;
  final int left;
  final int right;
  final int top;
  final int bottom;
  private final FontCatalog fonts;

  FormPage(SplittableRandom r, PageCanvas canvas, FormText text, FontCatalog fonts, int dpi, int[] margins) {
    this.r = r;
    this.canvas = canvas;
    this.text = text;
    this.fonts = fonts;
    this.dpi = dpi;
    this.left = margins[0];
    this.right = canvas.width - margins[1];
    this.top = margins[2];
    this.bottom = canvas.height - margins[3];
  }

  /** A random face at {@code pt} points. */
  FormPen pen(double pt, double boldP, double italicP) {
    FontChoice f = fonts.pick(PICK_TEXT, boldP, italicP, r);
    double px = pt * dpi / 72.0;
    int boldDx = f.syntheticBold() ? Math.max(1, (int) Math.round(px / 20)) : 0;
    return FormPen.of(canvas.font(f, px), boldDx, px);
  }

  /** Uniform in [lo, hi). */
  double between(double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** As {@link #put(List, FormPen, double, int, double, int)} at full ink. */
  double put(List<String> words, FormPen pen, double x, int baseline, double maxRight) {
    return put(words, pen, x, baseline, maxRight, 255);
  }

  /**
   * Sets {@code words} from {@code x} on {@code baseline}, one space apart, as far as they fit before
   * {@code maxRight}; returns the right end of the last word set ({@code x} when none fit).
   */
  double put(List<String> words, FormPen pen, double x, int baseline, double maxRight, int alpha) {
    double end = x;
    double cur = x;
    for (String w : words) {
      double adv = pen.width(w);
      if (cur + adv > maxRight) {
        break;
      }
      canvas.draw(w, pen.font(), pen.boldDx(), (int) Math.round(cur), baseline, alpha);
      end = cur + adv;
      cur = end + pen.space();
    }
    return end;
  }

  /** The words of {@code words} that fit in {@code width} from the first on. */
  static List<String> fitting(List<String> words, FormPen pen, double width) {
    int n = 0;
    double w = 0;
    for (String s : words) {
      double add = (n == 0 ? 0 : pen.space()) + pen.width(s);
      if (w + add > width) {
        break;
      }
      w += add;
      n++;
    }
    return words.subList(0, n);
  }
}
