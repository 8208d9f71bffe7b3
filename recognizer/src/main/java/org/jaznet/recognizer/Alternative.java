package org.jaznet.recognizer;

/** One of the top-k candidate readings of the fused result. */
public record Alternative(String text, double confidence) {}
