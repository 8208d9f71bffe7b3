package org.jaznet.pages.eval;

import java.util.List;

/**
 * Scores summed over a set (micro-averaged: counts are added over pages, then precision / recall / F
 * computed once), with the wall time of the whole run.
 *
 * @param pages the per-page scores, in set order
 * @param wallSeconds wall time over all pages (the engine and the scoring), for {@link #pagesPerSecond}
 */
public record EvalTotals(List<PageScores> pages, double wallSeconds) {
  public EvalTotals {
    pages = List.copyOf(pages);
  }

  public int images() {
    return pages.size();
  }

  public Prf detection() {
    return pages.stream().map(PageScores::detection).reduce(Prf.ZERO, Prf::plus);
  }

  public Prf e2e() {
    return pages.stream().map(PageScores::e2e).reduce(Prf.ZERO, Prf::plus);
  }

  public Prf e2eCased() {
    return pages.stream().map(PageScores::e2eCased).reduce(Prf.ZERO, Prf::plus);
  }

  /** Pages per second of wall time; 0 when no time was measured. */
  public double pagesPerSecond() {
    return wallSeconds <= 0 ? 0 : pages.size() / wallSeconds;
  }

  /** Mean engine time per page in milliseconds (a per-page cost, unlike wall time with parallel pages). */
  public double msPerPage() {
    return pages.isEmpty() ? 0 : pages.stream().mapToDouble(PageScores::millis).sum() / pages.size();
  }
}
