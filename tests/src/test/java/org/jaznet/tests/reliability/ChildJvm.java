package org.jaznet.tests.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jaznet.synth.ProjectPaths;

/**
 * Starts a Java main class in a child JVM with this test JVM's class path, the DL4J flags of the build
 * and its own heap limit, so that a test can kill it (SIGKILL) or watch it die without dying itself.
 */
final class ChildJvm {
  private final List<String> command;
  private final Path log;

  private ChildJvm(List<String> command, Path log) {
    this.command = command;
    this.log = log;
  }

  /** {@code java <jvmArgs> -cp <test class path> mainClass args...}; output goes to {@code log}. */
  static ChildJvm of(Path log, List<String> jvmArgs, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.add("-Dorg.eclipse.deeplearning4j.helpers.disable=false");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Djaznet.home=" + ProjectPaths.home());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return new ChildJvm(cmd, log);
  }

  /** The {@code jaznet} CLI ({@code org.jaznet.cli.JaznetCli}) with the given arguments. */
  static ChildJvm cli(Path log, List<String> jvmArgs, List<String> args) {
    return of(log, jvmArgs, "org.jaznet.cli.JaznetCli", args);
  }

  Process start() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    return pb.start();
  }

  /** Runs to the end (or kills it after {@code timeout}) and returns the exit code; -1 on timeout. */
  int run(Duration timeout) throws IOException, InterruptedException {
    Process p = start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.destroyForcibly().waitFor();
      return -1;
    }
    return p.exitValue();
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /** SIGKILL (no shutdown hooks, no finally blocks) and wait for the process to be gone. */
  static void kill(Process p) throws InterruptedException {
    p.destroyForcibly();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("child JVM " + p.pid() + " survived SIGKILL for 30 s");
    }
  }

  /** Peak resident set of a live process (VmHWM in /proc), in kB, or -1 where /proc is absent. */
  static long peakRssKb(long pid) {
    return procStatus(pid, "VmHWM:");
  }

  /** Current resident set (VmRSS), in kB, or -1. */
  static long rssKb(long pid) {
    return procStatus(pid, "VmRSS:");
  }

  private static long procStatus(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
