package org.jaznet.recognizer.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run's curves: one row per report interval (loss, rate, speed) and per validation (accuracies),
 * written as CSV and as a PNG plot, both atomically. A resumed run reads the rows back and continues.
 */
public final class MetricsLog {
  static final String HEADER =
      "step,images,seconds,learning_rate,loss,images_per_s,dict_active,char_unseen,char_seen,dict_seen,ngram_f1";

  /** One row; NaN where the row does not measure the column. */
  public record Row(long step, long images, double seconds, double learningRate, double loss,
      double imagesPerSecond, int dictActive, double charUnseen, double charSeen, double dictSeen, double ngramF1) {
    String csv() {
      return String.format(Locale.ROOT, "%d,%d,%.1f,%s,%s,%s,%d,%s,%s,%s,%s", step, images, seconds, num(learningRate),
          num(loss), num(imagesPerSecond), dictActive, num(charUnseen), num(charSeen), num(dictSeen), num(ngramF1));
    }

    private static String num(double v) {
      return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    static Row parse(String line) {
      String[] f = line.split(",", -1);
      if (f.length != 11) {
        throw new IllegalArgumentException("expected 11 fields, got " + f.length);
      }
      return new Row(Long.parseLong(f[0]), Long.parseLong(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]),
          Integer.parseInt(f[6]), d(f[7]), d(f[8]), d(f[9]), d(f[10]));
    }

    private static double d(String s) {
      return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
  }

  private final Path csv;
  private final Path png;
  private final List<Row> rows = new ArrayList<>();

  public MetricsLog(Path csv, Path png) {
    this.csv = csv;
    this.png = png;
  }

  /** Reads back the rows of an earlier run up to {@code step} (a missing or damaged file gives none). */
  public void resumeAt(long step) {
    rows.clear();
    if (!Files.isRegularFile(csv)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      for (int i = 1; i < lines.size(); i++) {
        Row r = Row.parse(lines.get(i));
        if (r.step() <= step) {
          rows.add(r);
        }
      }
    } catch (IOException | RuntimeException e) {
      rows.clear();
    }
  }

  public void add(Row row) {
    rows.add(row);
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Writes the CSV and the PNG. */
  public void write() throws IOException {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    for (Row r : rows) {
      sb.append(r.csv()).append('\n');
    }
    Checkpoints.writeAtomically(csv, sb.toString().getBytes(StandardCharsets.UTF_8));
    Checkpoints.writeAtomically(png, BitmapEncoder.getBitmapBytes(chart(), BitmapEncoder.BitmapFormat.PNG));
  }

  XYChart chart() {
    XYChart chart = new XYChartBuilder().width(900).height(500).title("jaznet training")
        .xAxisTitle("step").yAxisTitle("loss").build();
    chart.setYAxisGroupTitle(1, "validation accuracy");
    chart.getStyler().setMarkerSize(4);
    series(chart, "loss", 0, Row::loss);
    series(chart, "CHAR unseen words", 1, Row::charUnseen);
    series(chart, "CHAR seen words", 1, Row::charSeen);
    series(chart, "DICT active classes", 1, Row::dictSeen);
    series(chart, "NGRAM F1", 1, Row::ngramF1);
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no data yet", new double[] {0}, new double[] {0});
    }
    return chart;
  }

  private void series(XYChart chart, String name, int axis, ToDoubleFunction<Row> f) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (Row r : rows) {
      double v = f.applyAsDouble(r);
      if (!Double.isNaN(v) && Double.isFinite(v)) {
        xs.add((double) r.step());
        ys.add(v);
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name, xs, ys);
    s.setYAxisGroup(axis);
    s.setMarker(axis == 0 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
  }
}
