package org.jaznet.synth.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The layout of one form page, top to bottom: sometimes a fax header line, a letterhead (logo, company,
 * address, rule), a title, then bands of fields ({@link FormFields}), tables ({@link FormTable}),
 * checkboxes, small print, signature lines, separator rules and stamps until the page is full, and a
 * document number at the bottom corner. All randomness comes from the page's generator in a fixed order.
 */
final class FormLayout {
  private static final String[] STAMPS = "RECEIVED APPROVED PAID CONFIDENTIAL COPY FILED ENTERED URGENT".split(" ");
  private static final String[] MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(" ");

  private final FormPage p;
  private final FormFields fields;
  private final FormTable table;

  FormLayout(FormPage p) {
    this.p = p;
    this.fields = new FormFields(p);
    this.table = new FormTable(p);
  }

  void fill() {
    double y = p.top;
    if (p.r.nextDouble() < 0.3) {
      y = faxHeader(y);
    }
    if (p.r.nextDouble() < 0.8) {
      y = letterhead(y);
    }
    if (p.r.nextDouble() < 0.85) {
      y = title(y);
    }
    int misses = 0;
    while (misses < 3) {
      double gap = p.dpi * p.between(0.08, 0.35);
      double u = p.r.nextDouble();
      double next;
      if (u < 0.36) {
        next = fields.fields(y + gap);
      } else if (u < 0.52) {
        next = table.table(y + gap);
      } else if (u < 0.64) {
        next = fields.checkboxes(y + gap);
      } else if (u < 0.76) {
        next = smallPrint(y + gap);
      } else if (u < 0.84) {
        next = fields.signatures(y + gap);
      } else if (u < 0.91) {
        next = separator(y + gap);
      } else if (u < 0.96) {
        next = stamp(y + gap);
      } else {
        next = title(y + gap);
      }
      if (next < 0) {
        misses++;
      } else {
        y = next;
      }
    }
    if (p.r.nextDouble() < 0.6) {
      FormPen pen = p.pen(8 + p.r.nextInt(3), 0.2, 0);
      String id = p.text.documentNumber();
      int baseline = (int) Math.round(Math.min(p.canvas.height - pen.descent() - 2, p.bottom + pen.px() * 1.5));
      p.put(List.of(id), pen, p.right - pen.width(id), baseline, p.right + 1);
    }
    if (p.r.nextDouble() < 0.2) {
      double d = p.dpi * 0.15;
      p.canvas.frame(p.left - d, p.top - d, p.right - p.left + 2 * d, p.bottom - p.top + 2 * d, 1 + p.r.nextInt(2));
    }
  }

  /** A fax machine's line across the top: date, time, sender, number and page, in small print. */
  private double faxHeader(double y) {
    FormPen pen = p.pen(6 + p.r.nextInt(3), 0.1, 0);
    int baseline = (int) Math.round(y + pen.ascent());
    List<List<String>> items = List.of(
        List.of(MONTHS[p.r.nextInt(12)] + "-" + (1 + p.r.nextInt(28)) + "-" + (80 + p.r.nextInt(20)),
            (p.r.nextInt(24)) + ":" + (10 + p.r.nextInt(50))),
        List.of("FROM", p.text.word().toUpperCase(Locale.ROOT)),
        List.of("TO", (200 + p.r.nextInt(800)) + "-" + (1000 + p.r.nextInt(9000))),
        List.of("P." + String.format(Locale.ROOT, "%02d", 1 + p.r.nextInt(9))));
    double slot = (p.right - p.left) / (double) items.size();
    for (int i = 0; i < items.size(); i++) {
      p.put(items.get(i), pen, p.left + i * slot, baseline, p.left + (i + 1) * slot);
    }
    return baseline + pen.descent() + p.dpi * 0.15;
  }

  private double letterhead(double y) {
    double logo = p.r.nextDouble() < 0.6 ? p.dpi * p.between(0.4, 0.9) : 0;
    boolean logoRight = p.r.nextDouble() < 0.3;
    FormPen name = p.pen(14 + p.r.nextInt(11), 0.7, 0.05);
    FormPen small = p.pen(7 + p.r.nextInt(3), 0.1, 0.1);
    List<String> company = p.text.words(1 + p.r.nextInt(3), true);
    if (p.r.nextDouble() < 0.5) {
      company.replaceAll(w -> w.toUpperCase(Locale.ROOT));
    }
    double x = p.left + (logo > 0 && !logoRight ? logo + p.dpi * 0.15 : 0);
    double maxRight = p.right - (logo > 0 && logoRight ? logo + p.dpi * 0.15 : 0);
    int baseline = (int) Math.round(y + name.ascent());
    p.put(company, name, x, baseline, maxRight);
    double bottom = baseline + name.descent();
    if (p.r.nextDouble() < 0.7) {
      List<String> address = new ArrayList<>();
      address.add(Integer.toString(1 + p.r.nextInt(9999)));
      address.addAll(p.text.words(1 + p.r.nextInt(2), true));
      address.add(p.r.nextBoolean() ? "Street," : "Avenue,");
      address.addAll(p.text.words(1, true));
      int b2 = (int) Math.round(bottom + small.ascent() * 1.3);
      p.put(address, small, x, b2, maxRight);
      bottom = b2 + small.descent();
    }
    if (logo > 0) {
      FormMarks.logo(p.canvas, logoRight ? p.right - logo : p.left, y, logo, p.r);
      bottom = Math.max(bottom, y + logo);
    }
    if (p.r.nextDouble() < 0.5) {
      bottom += p.dpi * 0.06;
      FormMarks.hline(p.canvas, p.left, p.right, bottom, 1 + p.r.nextInt(4));
    }
    return bottom + p.dpi * 0.1;
  }

  private double title(double y) {
    FormPen pen = p.pen(11 + p.r.nextInt(8), 0.8, 0.05);
    List<String> words = p.r.nextBoolean() ? p.text.label() : p.text.words(1 + p.r.nextInt(4), true);
    if (p.r.nextDouble() < 0.7) {
      words.replaceAll(w -> w.replace(":", "").toUpperCase(Locale.ROOT));
      words.removeIf(String::isEmpty);
    }
    if (words.isEmpty()) {
      return y;
    }
    double h = pen.px() * 1.6;
    if (y + h > p.bottom) {
      return -1;
    }
    double w = pen.width(words);
    double x = p.r.nextDouble() < 0.6 ? (p.left + p.right - w) / 2 : p.left;
    int baseline = (int) Math.round(y + pen.ascent() + pen.px() * 0.2);
    double end = p.put(words, pen, Math.max(p.left, x), baseline, p.right);
    double u = p.r.nextDouble();
    if (u < 0.3) {
      FormMarks.hline(p.canvas, Math.max(p.left, x), end, baseline + pen.descent() + 2, 1 + p.r.nextInt(3));
    } else if (u < 0.45) {
      double pad = pen.px() * 0.3;
      p.canvas.frame(Math.max(p.left, x) - pad, baseline - pen.ascent() - pad, end - Math.max(p.left, x) + 2 * pad,
          pen.ascent() + pen.descent() + 2 * pad, 1 + p.r.nextInt(2));
    }
    return y + h;
  }

  /** A few lines of small print, sometimes framed. */
  private double smallPrint(double y) {
    FormPen pen = p.r.nextBoolean() ? p.pen(6 + p.r.nextInt(3), 0.05, 0.15) : p.pen(8 + p.r.nextInt(4), 0.05, 0.1);
    int lines = 1 + p.r.nextInt(5);
    double lineH = pen.px() * p.between(1.15, 1.45);
    double h = lines * lineH;
    if (y + h > p.bottom) {
      return -1;
    }
    List<String> words = p.text.prose(lines * 16);
    int i = 0;
    for (int l = 0; l < lines && i < words.size(); l++) {
      int baseline = (int) Math.round(y + l * lineH + pen.ascent());
      List<String> fit = FormPage.fitting(words.subList(i, words.size()), pen, p.right - p.left);
      if (fit.isEmpty()) {
        break;
      }
      p.put(fit, pen, p.left, baseline, p.right + 1);
      i += fit.size();
    }
    if (p.r.nextDouble() < 0.2) {
      double pad = pen.px() * 0.4;
      p.canvas.frame(p.left - pad, y - pad, p.right - p.left + 2 * pad, h + 2 * pad, 1);
      return y + h + pad;
    }
    return y + h;
  }

  private double separator(double y) {
    double t = p.r.nextDouble() < 0.4 ? 3 + p.r.nextInt(6) : 1 + p.r.nextInt(2);
    if (y + t + 4 > p.bottom) {
      return -1;
    }
    FormMarks.hline(p.canvas, p.left, p.right, y, t);
    if (p.r.nextDouble() < 0.3) {
      FormMarks.hline(p.canvas, p.left, p.right, y + t + 3, 1);
    }
    return y + t + 4;
  }

  /** A stamp: a faint framed word and date, somewhere across the band. */
  private double stamp(double y) {
    FormPen big = p.pen(12 + p.r.nextInt(8), 0.8, 0);
    FormPen small = p.pen(9 + p.r.nextInt(4), 0.5, 0);
    String word = p.r.nextDouble() < 0.8 ? STAMPS[p.r.nextInt(STAMPS.length)] : p.text.word().toUpperCase(Locale.ROOT);
    List<String> date = List.of(MONTHS[p.r.nextInt(12)], Integer.toString(1 + p.r.nextInt(28)),
        Integer.toString(1970 + p.r.nextInt(30)));
    double pad = big.px() * 0.5;
    double w = Math.max(big.width(word), small.width(date)) + 2 * pad;
    double h = big.px() + small.px() * 1.2 + 2 * pad;
    if (y + h > p.bottom || w > p.right - p.left) {
      return -1;
    }
    double x = p.left + (p.right - p.left - w) * p.r.nextDouble();
    int alpha = 120 + p.r.nextInt(100);
    FormMarks.stampFrame(p.canvas, x, y, w, h, 1 + p.r.nextInt(2), p.r.nextBoolean(), alpha);
    int b1 = (int) Math.round(y + pad + big.capHeight());
    p.put(List.of(word), big, x + (w - big.width(word)) / 2, b1, x + w, alpha);
    int b2 = (int) Math.round(b1 + big.descent() + small.capHeight() * 1.4);
    p.put(date, small, x + (w - small.width(date)) / 2, b2, x + w, alpha);
    return y + h;
  }
}
