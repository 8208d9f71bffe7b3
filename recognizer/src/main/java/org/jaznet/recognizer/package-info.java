/**
 * The library API: {@link org.jaznet.recognizer.Recognizer} (load a model file, read word images, thread-safe)
 * and its result records {@link org.jaznet.recognizer.Recognition}, {@link org.jaznet.recognizer.HeadResult},
 * {@link org.jaznet.recognizer.Alternative}; the heads ({@link org.jaznet.recognizer.HeadKind}) and the one
 * checked exception for bad input ({@link org.jaznet.recognizer.RecognizerException}).
 */
package org.jaznet.recognizer;
