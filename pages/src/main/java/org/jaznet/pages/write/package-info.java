/**
 * Page writers: the reading of one input file ({@link org.jaznet.pages.DocumentResult}) as JSON (the
 * output contract), plain text, hOCR 1.2 or ALTO v4, one {@link org.jaznet.pages.write.PageWriter}
 * per {@link org.jaznet.pages.write.PageFormat} from {@link org.jaznet.pages.write.PageWriters#of}.
 * {@link org.jaznet.pages.write.PageFiles#writeAtomically} puts a reading in
 * {@code <dir>/<input file name><suffix>} through a temporary file and an atomic rename, so a reader
 * sees the old file or the whole new one, never a part.
 *
 * <p>All writers write UTF-8 and leave the stream open. Words are laid out in reading order: a new
 * block where a word's block number changes, a new line where its block or line number changes; a
 * block's or line's box is the union of its words'.
 *
 * <ul>
 *   <li>JSON: {@code {"source", "pages": [{"page", "width", "height", "words": [{"box": [x, y, w, h],
 *       "text", "confidence", "line", "block"}]}]}}, confidence rounded to 4 decimals.
 *   <li>TEXT: words joined by a space, each line ended by {@code \n}, a blank line between blocks,
 *       {@code \f} between pages.
 *   <li>hOCR: XHTML with {@code ocr_page}, {@code ocr_carea}, {@code ocr_par}, {@code ocr_line},
 *       {@code ocrx_word} ({@code bbox}, {@code x_wconf} = round(confidence * 100)).
 *   <li>ALTO: namespace {@code http://www.loc.gov/standards/alto/ns-v4#}, schema 4.2, pixel units;
 *       Page / PrintSpace / TextBlock / TextLine / String (WC, CONTENT) with SP between Strings;
 *       valid against the official XSD, so a document without pages (no valid ALTO) is refused.
 * </ul>
 *
 * <p>The XML formats are written with the JDK's StAX writer, so every text is escaped; characters
 * that XML 1.0 cannot carry at all (C0 controls other than tab, newline and carriage return, lone
 * surrogates, U+FFFE, U+FFFF) are removed first ({@link org.jaznet.pages.write.XmlChars}), and in
 * attribute values tab, newline and carriage return become spaces. JSON and text keep every
 * character except lone surrogates, which no UTF encoding can carry.
 */
package org.jaznet.pages.write;
