/**
 * Page inputs, opened with {@link org.jaznet.pages.input.PageSources#open(java.nio.file.Path, PageLimits)}
 * (or from bytes) as a {@link org.jaznet.pages.input.PageSource} that decodes one page at a time.
 *
 * <p>The format is recognised from the leading bytes ({@link org.jaznet.pages.input.InputFormat}), never
 * from the file name:
 *
 * <ul>
 *   <li>PNG, JPEG, BMP: {@link org.jaznet.pages.input.ImagePageSource}, one page, read with ImageIO;
 *   <li>TIFF ({@code II*} / {@code MM*}): {@link org.jaznet.pages.input.TiffPageSource}, one page per
 *       directory, read with the JDK's ImageIO TIFF plugin (multi-page, bilevel, LZW, PackBits, Deflate,
 *       CCITT Group 3/4, JPEG); BigTIFF is not supported;
 *   <li>PDF ({@code %PDF-}, possibly after up to 1 KB of junk): {@link org.jaznet.pages.input.PdfPageSource},
 *       rendered with Apache PDFBox at {@link org.jaznet.pages.input.PageLimits#dpi()} to grey; stream
 *       buffers spill from memory to temporary files.
 * </ul>
 *
 * <p>Every page becomes an 8-bit grey or BGR {@link org.jaznet.pages.PageImage}: transparency is composited
 * on white, 16-bit samples are scaled to 8 bits, bilevel pages become grey 0/255 with their photometric
 * interpretation (WhiteIsZero / BlackIsZero) honoured.
 *
 * <p>Limits ({@link org.jaznet.pages.input.PageLimits}) are checked before anything is decoded or
 * rendered: a file with more than {@code maxPages} pages (or none) is refused when opened; a page whose
 * declared size (image header, TIFF directory, or PDF crop box x dpi / 72) exceeds {@code maxPixels} is
 * refused when requested, and other pages stay readable. A TIFF directory chain that loops, and strips or
 * tiles beyond the end of the file, are refused as well. Encrypted PDFs that need a password, and malformed
 * files of any format, are refused. Every refusal is a {@link org.jaznet.pages.PageException} whose message
 * names the input ({@code source}, or {@code source#page=N} for one page) and the reason.
 */
package org.jaznet.pages.input;
