/**
 * Colours and textures from natural photographs: {@link org.jaznet.synth.colour.BackdropLibrary} decodes
 * every photo once, at load time, to a small grey array and k-means clusters of its grey levels
 * ({@link org.jaznet.synth.colour.GreyClusters}); stages sample colours from the clusters and blend
 * random crops of the arrays into the layers, as MJSynth does. For colour output the library also
 * measures each cluster's hue in the colour photo ({@link org.jaznet.synth.colour.ChromaClusters}).
 */
package org.jaznet.synth.colour;
