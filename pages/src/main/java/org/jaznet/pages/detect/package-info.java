/**
 * Word detection on a page: the {@link org.jaznet.pages.detect.WordDetector} interface and its document
 * (binarisation, connected components, lines, words, reading order), scene (a small fully convolutional
 * network) and automatic implementations.
 */
package org.jaznet.pages.detect;
