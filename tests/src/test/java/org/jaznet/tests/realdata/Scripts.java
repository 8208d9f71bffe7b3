package org.jaznet.tests.realdata;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the shell scripts of {@code tests/scripts/} as the user would, capturing their output. */
final class Scripts {
  private Scripts() {}

  /** What a script run left: exit status and its two output streams. */
  record Run(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }

  /** The tests module's folder (surefire sets {@code basedir}; an IDE runs in the module folder). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  /** The repository root (parent of the tests module). */
  static Path repoDir() {
    return moduleDir().getParent();
  }

  static Path script(String name) {
    Path p = moduleDir().resolve("scripts").resolve(name);
    if (!Files.isExecutable(p)) {
      throw new IllegalStateException("script " + p + " is missing or not executable");
    }
    return p;
  }

  /** Whether {@code tool} is on the PATH. */
  static boolean installed(String tool) {
    try {
      Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs {@code script args...} from the repository root; kills it and fails after {@code timeout}. */
  static Run run(String script, List<String> args, Duration timeout) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(script(script).toString());
    cmd.addAll(args);
    Path out = Files.createTempFile("jaznet-script-", ".out");
    Path err = Files.createTempFile("jaznet-script-", ".err");
    try {
      Process p = new ProcessBuilder(cmd).directory(repoDir().toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException(cmd + " did not finish within " + timeout);
      }
      return new Run(p.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
