package org.jaznet.pages.detect.scene;

import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;
import org.jaznet.synth.document.DocWord;
import org.jaznet.synth.scene.Scene;
import org.jaznet.synth.scene.SceneSynth;

/**
 * Scenes from synth-engine's {@link SceneSynth} as detector samples: sample {@code i} is scene {@code i}
 * of {@code seed}. Training and validation use different seeds, so no validation scene is ever trained on.
 *
 * @param synth the renderer
 * @param seed the scene stream's seed
 */
public record SynthScenes(SceneSynth synth, long seed) implements SceneSample.Source {
  @Override
  public SceneSample sample(long index) {
    Scene s = synth.render(seed, index);
    byte[] grey = ((DataBufferByte) s.image().getRaster().getDataBuffer()).getData();
    List<PageBox> boxes = new ArrayList<>(s.words().size());
    for (DocWord w : s.words()) {
      boxes.add(new PageBox(w.x(), w.y(), w.w(), w.h()));
    }
    return new SceneSample(grey, s.image().getWidth(), s.image().getHeight(), boxes);
  }
}
