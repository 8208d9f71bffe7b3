package org.jaznet.pipeline.batch;

import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/** Runs a {@link TestPipeline} from JUnit 5: applies its JUnit 4 rule by hand around the test body. */
final class BeamTests {
  interface Body {
    void run(TestPipeline p) throws Exception;
  }

  private BeamTests() {}

  static void withPipeline(Class<?> test, String name, Body body) throws Throwable {
    TestPipeline p = TestPipeline.create();
    p.apply(new Statement() {
      @Override
      public void evaluate() throws Throwable {
        body.run(p);
      }
    }, Description.createTestDescription(test, name)).evaluate();
  }
}
