package org.jaznet.pages.read;

/**
 * Where a reading spent its time, summed over pages (detection runs on several threads, so the sums
 * can exceed the wall time).
 *
 * @param pages pages read
 * @param words words read
 * @param decodeNanos decoding or rendering pages
 * @param detectNanos word detection and cutting words out
 * @param recognizeNanos the recogniser's forward passes and decoding
 * @param wallNanos wall time of the whole reading
 */
public record ReadTimes(long pages, long words, long decodeNanos, long detectNanos, long recognizeNanos, long wallNanos) {
  public static final ReadTimes ZERO = new ReadTimes(0, 0, 0, 0, 0, 0);

  public ReadTimes plus(ReadTimes o) {
    return new ReadTimes(pages + o.pages, words + o.words, decodeNanos + o.decodeNanos, detectNanos + o.detectNanos,
        recognizeNanos + o.recognizeNanos, wallNanos + o.wallNanos);
  }

  public double pagesPerSecond() {
    return wallNanos == 0 ? 0 : pages * 1e9 / wallNanos;
  }

  public double wordsPerSecond() {
    return wallNanos == 0 ? 0 : words * 1e9 / wallNanos;
  }

  private static double msPer(long nanos, long n) {
    return n == 0 ? 0 : nanos / 1e6 / n;
  }

  public double decodeMsPerPage() {
    return msPer(decodeNanos, pages);
  }

  public double detectMsPerPage() {
    return msPer(detectNanos, pages);
  }

  public double recognizeMsPerPage() {
    return msPer(recognizeNanos, pages);
  }
}
