/**
 * Page writers: JSON (the output contract), plain text, hOCR and ALTO v4, all from a
 * {@link org.jaznet.pages.DocumentResult}; every text is XML-escaped where the format is XML.
 */
package org.jaznet.pages.write;
