/** Speed benchmark of the network: training and inference images/s, single-image latency, GFLOP/s. */
package org.jaznet.recognizer.bench;
