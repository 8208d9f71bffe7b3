/**
 * Training: endless batch streams (synthetic words rendered on the fly in background threads, or
 * labelled images from disk), the held-out validation sets, the {@link org.jaznet.recognizer.train.Trainer}
 * loop with incremental DICT growth, learning-rate schedules, atomic checkpoints and resume, and the
 * metrics CSV and plot. Configuration arrives as one immutable {@link org.jaznet.recognizer.train.TrainConfig}.
 */
package org.jaznet.recognizer.train;
