/**
 * Page evaluation: ground truth in {@code words.jsonl}, one-to-one box matching at IoU >= 0.5, word
 * detection precision / recall / F and end-to-end F (standard protocol and case-sensitive).
 */
package org.jaznet.pages.eval;
