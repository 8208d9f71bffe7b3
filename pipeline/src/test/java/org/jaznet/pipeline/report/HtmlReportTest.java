package org.jaznet.pipeline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir Path dir;

  @Test
  void write_resultsAndFailures_listsBothWithThumbnailAndVerdict() throws Exception {
    Path img = dir.resolve("a.png");
    ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY), "png", img.toFile());
    Path run = Files.createDirectories(dir.resolve("run"));
    Files.writeString(run.resolve("results-00000-of-00001.jsonl"),
        "{\"source\":\"" + img + "\",\"text\":\"hello\",\"confidence\":0.9,\"label\":\"Hello\"}\n"
            + "{\"source\":\"x.zip!b.png\",\"text\":\"wor\",\"confidence\":0.2,\"label\":\"World\"}\n");
    Files.writeString(run.resolve("failures-00000-of-00001.jsonl"),
        "{\"source\":\"bad<1>.png\",\"reason\":\"not an image\"}\n");
    Path out = dir.resolve("report.html");

    HtmlReport.write(run, out, new HtmlReport.Summary("demo", 2, 1, 0.5, 123), 100);

    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(html).contains("data:image/png;base64,").contains("<b>hello</b>").contains("&#10003;")
        .contains("&#10007;").contains("bad&lt;1&gt;.png").contains("not an image").contains("50.0 %");
    assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(org.jaznet.synth.io.AtomicFiles.TEMP_SUFFIX))).isEmpty();
  }

}
