/**
 * Page inputs: PNG, JPEG, TIFF (multi-page, 1-bit, LZW, Group 4) and PDF (rendered with Apache PDFBox at a
 * chosen DPI), opened as a {@link org.jaznet.pages.input.PageSource} one page at a time, with size and page
 * limits checked before anything is rendered.
 */
package org.jaznet.pages.input;
