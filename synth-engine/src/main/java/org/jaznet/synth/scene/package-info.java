/**
 * Synthetic scene photographs with exact word boxes ({@link org.jaznet.synth.scene.SceneSynth}), the
 * scene detector's training data and development set, written by {@code jaznet synth --scenes}.
 */
package org.jaznet.synth.scene;
