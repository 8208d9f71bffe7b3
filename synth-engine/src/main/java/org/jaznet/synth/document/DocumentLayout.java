package org.jaznet.synth.document;

/** What kind of page {@link DocumentSynth} lays out. */
public enum DocumentLayout {
  /** Running text: headings and paragraphs in one or two columns (the original document look). */
  TEXT,
  /**
   * Forms: letterheads, titles, label:value fields on underlines, in boxes or with dotted leaders,
   * tables with grids, checkboxes, small print, signatures, stamps and logos, scanned noisily
   * ({@link FormLayout}, {@link FormScan}).
   */
  FORMS,
  /** Each page a form with probability {@link DocumentConfig#formShare()}, otherwise running text. */
  MIXED
}
