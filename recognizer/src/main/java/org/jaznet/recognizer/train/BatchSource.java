package org.jaznet.recognizer.train;

/** An endless supply of training batches, produced ahead in background threads. */
public interface BatchSource extends AutoCloseable {
  /** The next batch, blocking until it is ready. */
  Batch next() throws InterruptedException;

  /** Stops the background threads. */
  @Override
  void close();
}
