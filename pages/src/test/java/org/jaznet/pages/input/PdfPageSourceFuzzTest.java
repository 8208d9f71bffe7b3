package org.jaznet.pages.input;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the PDF reader: {@link PageSources#open(String, byte[], PageLimits)} and the first two
 * pages of arbitrary bytes yield pages within the limits or a PageException naming the source; any other
 * throwable, an OOM or a hang is a finding. Seeds in {@code PdfPageSourceFuzzTestInputs/}.
 */
class PdfPageSourceFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void open_anyBytes_pagesOrPageException(byte[] bytes) {
    FuzzRead.openAndRead(bytes);
  }
}
