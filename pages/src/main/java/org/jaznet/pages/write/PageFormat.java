package org.jaznet.pages.write;

/** Output formats of a page reading, with the file name suffix each adds to the input's name. */
public enum PageFormat {
  /** {@code {"source", "pages": [{"page", "width", "height", "words": [{"box", "text", "confidence", "line", "block"}]}]}}. */
  JSON(".json"),
  /** Plain text: one line of text per line read, a blank line between blocks, a form feed between pages. */
  TEXT(".txt"),
  /** hOCR 1.2: {@code ocr_page}, {@code ocr_carea}, {@code ocr_par}, {@code ocr_line}, {@code ocrx_word} with bbox and x_wconf. */
  HOCR(".hocr"),
  /** ALTO v4: Page, PrintSpace, TextBlock, TextLine, String with HPOS/VPOS/WIDTH/HEIGHT/WC/CONTENT. */
  ALTO(".alto.xml");

  private final String suffix;

  PageFormat(String suffix) {
    this.suffix = suffix;
  }

  /** Appended to the input's file name: {@code a.png} gives {@code a.png.json}. */
  public String suffix() {
    return suffix;
  }
}
