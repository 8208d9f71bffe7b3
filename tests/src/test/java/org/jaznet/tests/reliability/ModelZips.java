package org.jaznet.tests.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jaznet.recognizer.model.ModelFile;

/** Reads a model zip into memory and writes edited copies of it (with or without fresh checksums). */
final class ModelZips {
  private ModelZips() {}

  /** Every entry of a zip, in order. */
  static Map<String, byte[]> read(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        try (InputStream in = z.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  /** Writes the entries as a zip, in order. */
  static Path write(Path file, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** The entries with {@code checksums.sha256} recomputed over every other entry (what a forger would do). */
  static Map<String, byte[]> withFreshChecksums(Map<String, byte[]> entries) {
    Map<String, byte[]> out = new LinkedHashMap<>(entries);
    out.remove(ModelFile.CHECKSUMS);
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, byte[]> e : out.entrySet()) {
      sb.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
    }
    out.put(ModelFile.CHECKSUMS, sb.toString().getBytes(StandardCharsets.US_ASCII));
    return out;
  }

  /**
   * A copy of an {@code Nd4j.write} array (two buffers, each {@code UTF allocation-mode, long length, UTF
   * type, values}) cut to its first 4 KB, with the second (data) buffer's declared length set to {@code len}.
   */
  static byte[] withDataLength(byte[] nd4j, long len) {
    byte[] mode = "MIXED_DATA_TYPES".getBytes(StandardCharsets.US_ASCII);
    int seen = 0;
    for (int i = 0; i + mode.length + 8 <= nd4j.length; i++) {
      if (java.util.Arrays.equals(nd4j, i, i + mode.length, mode, 0, mode.length) && ++seen == 2) {
        byte[] out = java.util.Arrays.copyOf(nd4j, Math.min(nd4j.length, 4096));
        java.nio.ByteBuffer.wrap(out, i + mode.length, 8).putLong(len);
        return out;
      }
    }
    throw new IllegalArgumentException("not an Nd4j.write array with two MIXED_DATA_TYPES buffers");
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
