package org.jaznet.pipeline.pages;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.jaznet.pages.detect.DetectorKind;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pages.write.PageFormat;
import org.jaznet.pipeline.batch.BatchOptions;

/** Options of the page-reading pipeline: the batch options plus the page format, detector and limits. */
public interface PagesOptions extends BatchOptions {
  @Description("Page output format: JSON, TEXT, HOCR or ALTO (one file per input file)")
  @Default.Enum("JSON")
  PageFormat getPageFormat();

  void setPageFormat(PageFormat value);

  @Description("Word detector: DOC, SCENE or AUTO")
  @Default.Enum("AUTO")
  DetectorKind getDetector();

  void setDetector(DetectorKind value);

  @Description("Scene detector model file (SCENE and AUTO); unset: the shipped models/jaznet-scene-detector.zip")
  String getSceneModel();

  void setSceneModel(String value);

  @Description("PDF render resolution")
  @Default.Integer(PageLimits.DEFAULT_DPI)
  int getDpi();

  void setDpi(int value);

  @Description("Most pages read from one file")
  @Default.Integer(PageLimits.DEFAULT_MAX_PAGES)
  int getMaxPages();

  void setMaxPages(int value);

  @Description("Most pixels of one page, checked before decoding")
  @Default.Long(PageLimits.DEFAULT_MAX_PIXELS)
  long getMaxPixels();

  void setMaxPixels(long value);
}
