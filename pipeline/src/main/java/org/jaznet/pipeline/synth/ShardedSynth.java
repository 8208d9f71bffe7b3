package org.jaznet.pipeline.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jaznet.pipeline.batch.RunnerKind;
import org.jaznet.synth.RecipeKind;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthSample;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.io.AtomicFiles;
import org.jaznet.synth.io.CharBoxesJsonl;
import org.jaznet.synth.io.LabelsTsv;
import org.jaznet.synth.io.MjsynthAnnotation;
import org.jaznet.synth.run.ContactSheet;
import org.jaznet.synth.run.OutputFormat;
import org.jaznet.synth.run.RunConfig;
import org.jaznet.synth.run.RunLexicon;
import org.jaznet.synth.run.RunSummary;
import org.jaznet.synth.run.SynthRun;

/**
 * A synthetic run whose images are rendered by a Beam runner in shards ({@link RenderShards}); the index
 * files ({@code labels.tsv}, {@code annotation.txt}, {@code lexicon.txt}, {@code charboxes.jsonl}) are
 * then written once, in index order, exactly as a single-process {@link SynthRun} writes them.
 */
public final class ShardedSynth {
  /**
   * How to run.
   *
   * @param runner the Beam runner
   * @param workers parallel workers
   * @param shardSize samples per shard
   * @param resume keep images already in a non-empty output folder instead of refusing it
   * @param only shards to render (null: all); index files are written only when all are rendered
   * @param runnerArgs extra {@code --name=value} flags for the runner
   */
  public record Plan(RunnerKind runner, int workers, long shardSize, boolean resume, List<Long> only,
      List<String> runnerArgs) {
    public Plan {
      runnerArgs = runnerArgs == null ? List.of() : List.copyOf(runnerArgs);
      only = only == null ? null : List.copyOf(only);
    }

    public static Plan of(RunnerKind runner, int workers) {
      return new Plan(runner, workers, 1024, false, null, List.of());
    }

    public Plan withShardSize(long n) {
      return new Plan(runner, workers, n, resume, only, runnerArgs);
    }

    public Plan withResume(boolean r) {
      return new Plan(runner, workers, shardSize, r, only, runnerArgs);
    }

    public Plan withOnly(List<Long> shards) {
      return new Plan(runner, workers, shardSize, resume, shards, runnerArgs);
    }

    public Plan withRunnerArgs(List<String> args) {
      return new Plan(runner, workers, shardSize, resume, only, args);
    }
  }

  private ShardedSynth() {}

  /**
   * What {@code jaznet synth --runner R} runs: the run config's count, folder, format, char boxes, resume
   * and preview, rendered by the runner with {@code run.threads()} workers in shards of 1024.
   */
  public static RunSummary run(SynthConfig config, RunConfig run, RunnerKind runner, List<String> runnerArgs)
      throws SynthException {
    return run(config, RecipeKind.MJSYNTH, run, runner, runnerArgs);
  }

  /** As {@link #run(SynthConfig, RunConfig, RunnerKind, List)}, with {@code config}'s recipe named {@code recipe}. */
  public static RunSummary run(SynthConfig config, RecipeKind recipe, RunConfig run, RunnerKind runner,
      List<String> runnerArgs) throws SynthException {
    if (!config.recipe().equals(recipe.recipe())) {
      throw new IllegalArgumentException("the config's recipe is not " + recipe);
    }
    RunSummary s = run(SynthSpec.of(config, run, recipe),
        Plan.of(runner, run.threads()).withResume(run.resume()).withRunnerArgs(runnerArgs));
    if (run.preview().isPresent()) {
      SynthEngine engine = SynthEngine.create(config);
      int n = (int) Math.min(ContactSheet.SAMPLES, run.count());
      List<SynthSample> samples = new java.util.ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        samples.add(engine.render(i));
      }
      try {
        ContactSheet.write(run.preview().get(), samples);
      } catch (IOException e) {
        throw new SynthException("cannot write preview " + run.preview().get() + ": " + e.getMessage(), e);
      }
    }
    return s;
  }

  public static RunSummary run(SynthSpec spec, Plan plan) throws SynthException {
    long t0 = System.nanoTime();
    Path out = Path.of(spec.outDir());
    prepare(out, plan.resume() || plan.only() != null);
    PipelineOptions o = PipelineOptionsFactory.fromArgs(plan.runnerArgs().toArray(String[]::new)).create();
    plan.runner().configure(o, plan.workers());
    Pipeline p = Pipeline.create(o);
    RenderShards render = RenderShards.of(spec).withShardSize(plan.shardSize());
    if (plan.only() != null) {
      render = render.withShards(plan.only());
    }
    p.apply("RenderShards", render);
    try {
      p.run().waitUntilFinish();
    } catch (RuntimeException e) {
      throw new SynthException("sharded synth run into " + out + " failed: " + rootMessage(e)
          + " (complete images were kept; rerun with resume)", e);
    }
    if (plan.only() == null) {
      try {
        writeIndexFiles(spec, plan.shardSize());
      } catch (IOException e) {
        throw new SynthException("writing the index files of " + out + " failed: " + e.getMessage(), e);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long n = plan.only() == null ? spec.count()
        : plan.only().stream().mapToLong(k -> Math.min(spec.count(), (k + 1) * plan.shardSize()) - k * plan.shardSize()).sum();
    return new RunSummary(spec.count(), n, spec.count() - n, seconds, n / Math.max(seconds, 1e-9), bytesOf(out));
  }

  private static void prepare(Path out, boolean resume) throws SynthException {
    try {
      if (Files.exists(out) && !Files.isDirectory(out)) {
        throw new SynthException("output directory " + out + " exists and is not a directory");
      }
      Files.createDirectories(out);
      if (resume) {
        AtomicFiles.removeTemps(out);
        return;
      }
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new SynthException("output directory " + out
              + " is not empty: choose an empty directory, or resume to finish an interrupted run there");
        }
      }
    } catch (IOException e) {
      throw new SynthException("cannot prepare output directory " + out + ": " + e.getMessage(), e);
    }
  }

  static void writeIndexFiles(SynthSpec spec, long shardSize) throws IOException, SynthException {
    Path out = Path.of(spec.outDir());
    SynthEngine engine = SynthEngine.create(spec.synthConfig());
    SynthRun run = new SynthRun(engine, spec.runConfig());
    RunLexicon lexicon = RunLexicon.scan(engine, spec.count());
    if (spec.format() == OutputFormat.MJSYNTH) {
      MjsynthAnnotation.writeLexicon(out.resolve(MjsynthAnnotation.LEXICON_FILE_NAME), lexicon.words());
      MjsynthAnnotation.write(out.resolve(MjsynthAnnotation.FILE_NAME), run.entries(lexicon));
    }
    LabelsTsv.write(out.resolve(LabelsTsv.FILE_NAME), run.entries(lexicon));
    Path shards = out.resolve(RenderShards.SHARD_DIR);
    if (spec.charBoxes()) {
      long n = RenderShards.shardCount(spec.count(), shardSize);
      AtomicFiles.writeText(out.resolve(CharBoxesJsonl.FILE_NAME), w -> {
        for (long k = 0; k < n; k++) {
          try (BufferedReader r = Files.newBufferedReader(RenderShards.shardBoxes(out, k), StandardCharsets.UTF_8)) {
            r.transferTo(w);
          }
        }
      });
    }
    if (Files.isDirectory(shards)) {
      try (Stream<Path> s = Files.walk(shards)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  private static long bytesOf(Path out) {
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(f -> f.toString().endsWith(".jpg")).mapToLong(f -> f.toFile().length()).sum();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return String.valueOf(t.getMessage());
  }
}
