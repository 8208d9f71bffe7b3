package org.jaznet.synth.document;

import java.util.List;

/**
 * Bands of label:value fields, checkboxes and signature lines. Each band method takes the band's top
 * and returns its bottom, or -1 (drawing nothing) when the band does not fit above the page bottom.
 */
final class FormFields {
  /** How a field's value is set off from its label. */
  enum Style { UNDERLINE, BOXED, LEADER, PLAIN }

  private final FormPage p;

  FormFields(FormPage p) {
    this.p = p;
  }

  double fields(double y) {
    double u = p.r.nextDouble();
    int cols = u < 0.35 ? 1 : u < 0.8 ? 2 : 3;
    double s = p.r.nextDouble();
    Style style = s < 0.4 ? Style.UNDERLINE : s < 0.6 ? Style.BOXED : s < 0.75 ? Style.LEADER : Style.PLAIN;
    FormPen lab = p.pen(7 + p.r.nextInt(4), 0.45, 0.05);
    FormPen val = p.pen(8 + p.r.nextInt(5), 0.1, 0.1);
    int rows = 1 + p.r.nextInt(5);
    double rowH = style == Style.BOXED ? (lab.px() + val.px()) * p.between(1.3, 1.6) + 0.06 * p.dpi
        : Math.max(lab.px(), val.px()) * p.between(1.5, 2.4);
    double h = rows * rowH;
    if (y + h > p.bottom) {
      return -1;
    }
    double colW = (p.right - p.left) / (double) cols;
    double pad = Math.max(3, 0.05 * p.dpi);
    double t = 1 + p.r.nextInt(2);
    double valueAt = p.between(0.3, 0.55);
    boolean separators = style != Style.BOXED && cols > 1 && p.r.nextDouble() < 0.3;
    for (int row = 0; row < rows; row++) {
      double top = y + row * rowH;
      for (int col = 0; col < cols; col++) {
        double x0 = p.left + col * colW;
        double x1 = x0 + colW - pad;
        if (style == Style.BOXED) {
          boxed(lab, val, x0, x1 + pad, top, rowH, pad, t);
          continue;
        }
        int baseline = (int) Math.round(top + (rowH + val.capHeight()) / 2);
        double end = p.put(p.text.label(), lab, x0 + (separators ? pad : 0), baseline, x1);
        List<String> value = p.r.nextDouble() < 0.15 ? List.of() : p.text.value();
        double vx = Math.max(end + p.between(1, 3) * val.space(), x0 + valueAt * colW);
        switch (style) {
          case UNDERLINE -> underlined(value, val, end + p.between(0.5, 2) * lab.space(), vx, x1, baseline, t);
          case LEADER -> {
            double vend = vx + val.width(FormPage.fitting(value, val, x1 - vx));
            double lx1 = value.isEmpty() ? x1 : vx - val.space();
            boolean dashes = p.r.nextDouble() < 0.2;
            FormMarks.leader(p.canvas, end + lab.space(), lx1, baseline, Math.max(1, val.px() / 9),
                p.between(0.25, 0.5) * val.px(), dashes);
            p.put(value, val, vx, baseline, Math.max(vend, x1));
          }
          default -> p.put(value, val, p.r.nextBoolean() ? vx : end + val.space() * p.between(1, 2.5), baseline, x1);
        }
      }
    }
    if (separators) {
      for (int col = 1; col < cols; col++) {
        FormMarks.vline(p.canvas, p.left + col * colW - pad / 2, y, y + h, t);
      }
    }
    return y + h;
  }

  /** A value on an underline: the rule clear of the text, touching its bottom or crossing its descenders. */
  private void underlined(List<String> value, FormPen val, double lx0, double vx, double x1, int baseline, double t) {
    double u = p.r.nextDouble();
    double off = u < 0.3 ? p.r.nextInt(2) : u < 0.6 ? val.descent() * 0.5 : val.descent() + 1 + p.r.nextInt(3);
    if (lx0 < x1) {
      FormMarks.hline(p.canvas, lx0, x1, baseline + off, t);
    }
    p.put(value, val, Math.max(vx, lx0 + val.space() * p.between(0.3, 2)), baseline, x1);
  }

  /** A field in a ruled cell: small label at the top left, the value below it. */
  private void boxed(FormPen lab, FormPen val, double x0, double x1, double top, double rowH, double pad, double t) {
    FormMarks.hline(p.canvas, x0, x1, top, t);
    FormMarks.hline(p.canvas, x0, x1, top + rowH, t);
    FormMarks.vline(p.canvas, x0, top, top + rowH, t);
    FormMarks.vline(p.canvas, x1, top, top + rowH + t, t);
    int lb = (int) Math.round(top + t + pad * 0.6 + lab.ascent());
    p.put(p.text.label(), lab, x0 + t + pad * 0.7, lb, x1 - pad);
    if (p.r.nextDouble() < 0.85) {
      int vb = (int) Math.round(lb + lab.descent() + val.ascent() * 1.05);
      p.put(p.text.value(), val, x0 + t + pad * p.between(0.7, 3), Math.min(vb, (int) (top + rowH - val.descent())), x1 - pad);
    }
  }

  /** A band of checkboxes with their labels, sometimes after a question label. */
  double checkboxes(double y) {
    FormPen pen = p.pen(7 + p.r.nextInt(5), 0.15, 0.05);
    int n = 2 + p.r.nextInt(7);
    int cols = 1 + p.r.nextInt(4);
    int rows = (n + cols - 1) / cols;
    double rowH = pen.px() * p.between(1.6, 2.3);
    if (y + rows * rowH > p.bottom) {
      return -1;
    }
    double x = p.left;
    if (p.r.nextDouble() < 0.5) {
      x = p.put(p.text.label(), pen, x, (int) Math.round(y + (rowH + pen.capHeight()) / 2), p.right) + 2 * pen.space();
    }
    double side = Math.max(5, pen.capHeight() * p.between(1.0, 1.5));
    double t = side > 10 && p.r.nextBoolean() ? 2 : 1;
    boolean boxAfter = p.r.nextDouble() < 0.25;
    double colW = (p.right - x) / cols;
    for (int i = 0; i < n; i++) {
      double cx = x + (i % cols) * colW;
      int baseline = (int) Math.round(y + (i / cols) * rowH + (rowH + pen.capHeight()) / 2);
      int mark = p.r.nextDouble() < 0.3 ? 1 + p.r.nextInt(3) : 0;
      double gap = side * p.between(0.4, 1.2);
      List<String> label = p.text.words(1 + p.r.nextInt(3), p.r.nextDouble() < 0.4);
      double by = baseline - side + p.r.nextInt(2);
      if (boxAfter) {
        double end = p.put(label, pen, cx, baseline, cx + colW - side - gap);
        FormMarks.checkbox(p.canvas, end + gap, by, side, t, mark);
      } else {
        FormMarks.checkbox(p.canvas, cx, by, side, t, mark);
        p.put(label, pen, cx + side + gap, baseline, cx + colW - pen.space());
      }
    }
    return y + rows * rowH;
  }

  /** Signature and date lines, sometimes signed with a scribble. */
  double signatures(double y) {
    FormPen pen = p.pen(7 + p.r.nextInt(4), 0.3, 0.05);
    double rowH = pen.px() * p.between(2.2, 3.5);
    if (y + rowH > p.bottom) {
      return -1;
    }
    int n = 1 + p.r.nextInt(3);
    double w = (p.right - p.left) / (double) n;
    int baseline = (int) Math.round(y + rowH * 0.75);
    for (int i = 0; i < n; i++) {
      double x0 = p.left + i * w;
      List<String> label = i == 0 ? List.of(p.r.nextBoolean() ? "Signature:" : "Signature") : p.text.label();
      double end = p.put(label, pen, x0, baseline, x0 + w * 0.6);
      double lx1 = x0 + w - 2 * pen.space();
      if (end + pen.space() >= lx1) {
        continue;
      }
      FormMarks.hline(p.canvas, end + pen.space(), lx1, baseline + 1 + p.r.nextInt(2), 1);
      if (i == 0 && p.r.nextDouble() < 0.5) {
        FormMarks.scribble(p.canvas, end + 2 * pen.space(), Math.min(lx1, end + p.dpi * 1.8), baseline - 2,
            pen.px() * p.between(1, 2), p.r);
      }
    }
    return y + rowH;
  }
}
