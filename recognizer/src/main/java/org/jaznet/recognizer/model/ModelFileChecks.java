package org.jaznet.recognizer.model;

import static org.jaznet.recognizer.model.ModelFile.CHECKSUMS;
import static org.jaznet.recognizer.model.ModelFile.MAX_BINARY_BYTES;
import static org.jaznet.recognizer.model.ModelFile.MAX_TEXT_BYTES;
import static org.jaznet.recognizer.model.ModelFile.REQUIRED;
import static org.jaznet.recognizer.model.ModelFile.sha256;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jaznet.recognizer.RecognizerException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The checks a {@link ModelFile}'s entries pass before anything is parsed or allocated from them: the checksum list
 * covers every entry and every checksum matches, every read is bounded, and an array's buffer headers declare the
 * length and type its spec allows before {@code Nd4j.read} sees the bytes. Each failure is a
 * {@link RecognizerException} naming the file and the entry.
 */
final class ModelFileChecks {
  private ModelFileChecks() {}

  static Map<String, String> readChecksums(ZipFile zip, Path file) throws IOException, RecognizerException {
    if (zip.getEntry(CHECKSUMS) == null) {
      throw new RecognizerException("model file " + file + " is not a jaznet model: no " + CHECKSUMS + " entry");
    }
    String text = new String(readLimited(zip, CHECKSUMS, 1 << 16, file), StandardCharsets.US_ASCII);
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int sep = line.indexOf("  ");
      if (sep != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
        throw new RecognizerException("model file " + file + ": malformed line in " + CHECKSUMS + ": '" + line + "'");
      }
      sums.put(line.substring(sep + 2), line.substring(0, 64));
    }
    for (String name : REQUIRED) {
      if (!sums.containsKey(name)) {
        throw new RecognizerException("model file " + file + " is not a jaznet model: " + CHECKSUMS
            + " does not cover " + name);
      }
    }
    return sums;
  }

  static void verify(ZipFile zip, Path file, Map<String, String> sums) throws IOException, RecognizerException {
    List<String> seen = new ArrayList<>();
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry e = entries.nextElement();
      String name = e.getName();
      if (name.equals(CHECKSUMS)) {
        continue;
      }
      String want = sums.get(name);
      if (want == null) {
        throw new RecognizerException("model file " + file + " has an entry not covered by its checksums: " + name);
      }
      MessageDigest md = sha256();
      long limit = name.endsWith(".bin") ? MAX_BINARY_BYTES : MAX_TEXT_BYTES;
      long n = 0;
      try (InputStream in = new DigestInputStream(zip.getInputStream(e), md)) {
        byte[] buf = new byte[1 << 16];
        int r;
        while ((r = in.read(buf)) > 0) {
          n += r;
          if (n > limit) {
            throw new RecognizerException("model file " + file + ": entry " + name + " is larger than " + limit + " bytes");
          }
        }
      } catch (ZipException ze) {
        throw new RecognizerException("model file " + file + ": entry " + name + " is corrupt: " + ze.getMessage(), ze);
      }
      String got = HexFormat.of().formatHex(md.digest());
      if (!got.equals(want)) {
        throw new RecognizerException("model file " + file + ": checksum mismatch for " + name
            + " (the file is corrupt or was modified)");
      }
      seen.add(name);
    }
    for (String name : sums.keySet()) {
      if (!seen.contains(name)) {
        throw new RecognizerException("model file " + file + " lacks the entry " + name + " listed in " + CHECKSUMS);
      }
    }
  }

  static byte[] readLimited(ZipFile zip, String name, long limit, Path file) throws IOException, RecognizerException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new RecognizerException("model file " + file + " lacks the entry " + name);
    }
    try (InputStream in = zip.getInputStream(e)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        out.write(buf, 0, r);
        if (out.size() > limit) {
          throw new RecognizerException("model file " + file + ": entry " + name + " is larger than " + limit + " bytes");
        }
      }
      return out.toByteArray();
    }
  }

  static INDArray readArray(ZipFile zip, String name, Path file, long expectedLength, DataType expectedType)
      throws IOException, RecognizerException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new RecognizerException("model file " + file + " lacks the entry " + name);
    }
    long width = expectedType.width();
    // Bounded before anything is allocated: shape header (< 1 KB) plus the expected values.
    long maxBytes = 1024 + expectedLength * width;
    if (e.getSize() > maxBytes) {
      throw new RecognizerException("model file " + file + ": entry " + name + " is " + e.getSize()
          + " bytes, more than the " + maxBytes + " its spec allows");
    }
    byte[] bytes;
    try (java.io.InputStream raw = zip.getInputStream(e)) {
      bytes = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (bytes.length > maxBytes) {
      throw new RecognizerException("model file " + file + ": entry " + name + " holds more than the "
          + maxBytes + " bytes its spec allows");
    }
    checkArrayHeader(bytes, file, name, expectedLength, expectedType);
    INDArray a;
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      a = Nd4j.read(in);
    } catch (IOException | RuntimeException | OutOfMemoryError ex) {
      throw new RecognizerException("model file " + file + ": entry " + name + " is not a readable array: " + ex, ex);
    }
    if (a == null || a.length() != expectedLength || a.dataType() != expectedType) {
      throw new RecognizerException("model file " + file + ": entry " + name + " holds "
          + (a == null ? "nothing" : a.length() + " " + a.dataType() + " values") + ", expected "
          + expectedLength + " " + expectedType + " values");
    }
    return a;
  }

  /**
   * Checks the two buffer headers {@code Nd4j.write} produces (allocation mode, length, type, values; the
   * shape buffer then the data buffer) before {@code Nd4j.read} sees the bytes: a crafted length makes the
   * native allocation fail and kill the JVM, and a zero length loads weights that point at no memory.
   */
  static void checkArrayHeader(byte[] bytes, Path file, String name, long expectedLength, DataType expectedType)
      throws RecognizerException {
    String where = "model file " + file + ": entry " + name;
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      in.readUTF();
      long shapeLength = in.readLong();
      DataType shapeType = dataType(in.readUTF(), where);
      // shape info of a rank-r array holds 2r + 4 values; parameters are rank 1 or 2
      if (shapeLength < 6 || shapeLength > 8 || (shapeType != DataType.LONG && shapeType != DataType.INT)) {
        throw new RecognizerException(where + " has a malformed shape header (" + shapeLength + " " + shapeType + ")");
      }
      in.skipNBytes(shapeLength * shapeType.width());
      in.readUTF();
      long length = in.readLong();
      DataType type = dataType(in.readUTF(), where);
      if (length != expectedLength || type != expectedType) {
        throw new RecognizerException(where + " declares " + length + " " + type + " values, expected "
            + expectedLength + " " + expectedType);
      }
      if (in.available() != length * type.width()) {
        throw new RecognizerException(where + " holds " + in.available() + " bytes of values, expected "
            + length * type.width());
      }
    } catch (IOException ex) {
      throw new RecognizerException(where + " has a truncated or malformed array header: " + ex, ex);
    }
  }

  private static DataType dataType(String name, String where) throws RecognizerException {
    try {
      return DataType.valueOf(name);
    } catch (IllegalArgumentException ex) {
      throw new RecognizerException(where + " names an unknown data type '" + name + "'");
    }
  }
}
