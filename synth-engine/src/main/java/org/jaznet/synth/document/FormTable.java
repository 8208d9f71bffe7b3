package org.jaznet.synth.document;

import java.util.List;

/** A table band: a header row, cells of items, numbers, amounts and codes, and its ruling. */
final class FormTable {
  /** Which rules a table has. */
  enum Grid { FULL, ROWS, HEADER }

  private final FormPage p;

  FormTable(FormPage p) {
    this.p = p;
  }

  /** Lays out a table at {@code y}; returns its bottom, or -1 (nothing drawn) when it does not fit. */
  double table(double y) {
    int cols = 2 + p.r.nextInt(5);
    int rows = 2 + p.r.nextInt(7);
    FormPen head = p.pen(7 + p.r.nextInt(4), 0.7, 0.05);
    FormPen cell = p.pen(7 + p.r.nextInt(4), 0.05, 0.05);
    double rowH = Math.max(head.px(), cell.px()) * p.between(1.5, 2.2);
    double h = rowH * (rows + 1);
    if (y + h > p.bottom) {
      return -1;
    }
    double u = p.r.nextDouble();
    Grid grid = u < 0.45 ? Grid.FULL : u < 0.8 ? Grid.ROWS : Grid.HEADER;
    double[] xs = columns(cols);
    double t = 1 + (p.r.nextDouble() < 0.3 ? 1 : 0);
    double pad = Math.max(3, cell.space());
    if (p.r.nextDouble() < 0.25) {
      p.canvas.rect(xs[0], y, xs[cols] - xs[0], rowH, 30 + p.r.nextInt(50));
    }
    boolean[] rightAligned = new boolean[cols];
    for (int c = 0; c < cols; c++) {
      rightAligned[c] = c > 0 && p.r.nextDouble() < 0.6;
      List<String> label = p.text.label();
      String last = label.get(label.size() - 1);
      if (last.endsWith(":")) {
        label = new java.util.ArrayList<>(label);
        label.set(label.size() - 1, last.substring(0, last.length() - 1));
      }
      set(label, head, xs[c] + pad, xs[c + 1] - pad, (int) Math.round(y + (rowH + head.capHeight()) / 2), false);
    }
    for (int row = 1; row <= rows; row++) {
      int baseline = (int) Math.round(y + row * rowH + (rowH + cell.capHeight()) / 2);
      for (int c = 0; c < cols; c++) {
        if (p.r.nextDouble() < 0.1) {
          continue; // an empty cell
        }
        set(p.text.cell(c == 0), cell, xs[c] + pad, xs[c + 1] - pad, baseline, rightAligned[c]);
      }
    }
    rules(grid, xs, y, rowH, rows, t);
    return y + h + t;
  }

  private void set(List<String> words, FormPen pen, double x0, double x1, int baseline, boolean right) {
    List<String> fit = FormPage.fitting(words, pen, x1 - x0);
    if (fit.isEmpty()) {
      return;
    }
    double x = right ? x1 - pen.width(fit) : x0;
    p.put(fit, pen, x, baseline, x1 + 1);
  }

  private double[] columns(int cols) {
    double[] weight = new double[cols];
    double sum = 0;
    for (int c = 0; c < cols; c++) {
      weight[c] = (c == 0 ? 2 : 1) + 1.5 * p.r.nextDouble();
      sum += weight[c];
    }
    double width = (p.right - p.left) * p.between(0.6, 1.0);
    double[] xs = new double[cols + 1];
    xs[0] = p.left + (p.r.nextDouble() < 0.3 ? (p.right - p.left - width) / 2 : 0);
    for (int c = 0; c < cols; c++) {
      xs[c + 1] = xs[c] + width * weight[c] / sum;
    }
    return xs;
  }

  private void rules(Grid grid, double[] xs, double y, double rowH, int rows, double t) {
    PageCanvas c = p.canvas;
    double x0 = xs[0];
    double x1 = xs[xs.length - 1];
    double bottom = y + rowH * (rows + 1);
    FormMarks.hline(c, x0, x1, y + rowH, t);
    FormMarks.hline(c, x0, x1 + t, bottom, t);
    if (grid != Grid.HEADER) {
      FormMarks.hline(c, x0, x1, y, t);
    }
    if (grid == Grid.ROWS || grid == Grid.FULL) {
      for (int row = 2; row <= rows; row++) {
        FormMarks.hline(c, x0, x1, y + row * rowH, 1);
      }
    }
    if (grid == Grid.FULL) {
      for (double x : xs) {
        FormMarks.vline(c, x, y, bottom, t);
      }
    }
  }
}
