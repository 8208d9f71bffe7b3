/**
 * Synthetic document pages with exact word boxes, for developing and evaluating page reading:
 * {@link org.jaznet.synth.document.DocumentSynth} lays out dictionary text in one or two columns with
 * headings and paragraphs in several faces and sizes, records each word's tight ink box, then gives the
 * page a scanned look (rotation, blur, noise, JPEG). {@link org.jaznet.synth.document.DocumentLayout#FORMS}
 * pages are forms instead ({@link org.jaznet.synth.document.FormSynth}: fields on underlines and in boxes,
 * tables, checkboxes, dotted leaders, stamps, logos, heavier wear), whose rules and marks are no words. Output layout: {@code DIR/images/page-00001.png} and
 * {@code DIR/words.jsonl}, as the real FUNSD evaluation sets.
 */
package org.jaznet.synth.document;
