/**
 * The network: trunk architectures ({@link org.jaznet.recognizer.model.Arch}), the immutable
 * {@link org.jaznet.recognizer.model.ModelSpec}, the DL4J graph wrapper
 * {@link org.jaznet.recognizer.model.JazNet} (creation, DICT growth) and the model file format
 * ({@link org.jaznet.recognizer.model.ModelFile}).
 */
package org.jaznet.recognizer.model;
