/**
 * Real-data evaluation: jaznet against Tesseract on the shared real word sets, through the scripts in
 * {@code tests/scripts/} (see tests/README.md). {@link org.jaznet.tests.realdata.ScriptsTest} checks
 * the scripts on a tiny rendered folder in the default build (it needs the {@code tesseract} binary);
 * {@link org.jaznet.tests.realdata.RealDataComparisonTest} runs the full comparison only with
 * {@code -Djaznet.realdata=true}, and checks the issue-5 target only with
 * {@code -Djaznet.realdata.targets=true} as well.
 */
package org.jaznet.tests.realdata;
