/**
 * Page reading: detection, then every detected word of many pages through the batched recognizer, then
 * the words grouped back per page in reading order.
 */
package org.jaznet.pages.read;
