/** Grey-image operations (blur, noise, JPEG round trip, PNG) shared by the page and scene synthesisers. */
package org.jaznet.synth.raster;
