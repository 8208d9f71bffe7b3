/**
 * Reading whole pages: the page data model shared by the page inputs ({@code input}), word detection
 * ({@code detect}), page reading ({@code read}), the hOCR / ALTO / JSON / text writers ({@code write}) and
 * page evaluation ({@code eval}). Coordinates are always the page's own pixels, origin top left.
 */
package org.jaznet.pages;
