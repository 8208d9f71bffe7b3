package org.jaznet.synth.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Looks keys up in an LMDB data file ({@code data.mdb}) of the main (unnamed) database, read-only, trusting
 * nothing in the file. Why not lmdbjava: native LMDB memory-maps the file and follows its page numbers
 * without bounds checks, so a corrupt or hostile file kills the JVM (finding F9 in tests/RELIABILITY.md).
 * Here every page number, offset, length and overflow count is checked against the file and page size
 * before it is used, the descent is limited to {@value #MAX_DEPTH} levels (LMDB's own cursor depth) with a
 * cycle check, and no value larger than {@value #MAX_VALUE_BYTES} bytes or than the file is allocated.
 * Anything that does not add up is an {@link IOException} naming the file and the problem.
 *
 * <p>Reads the on-disk format of LMDB 0.9 (data version 1) as written on 64-bit little-endian machines
 * (x86-64, arm64): default byte-wise key order, no duplicate-sorted or integer-key main database. Pages are
 * read on demand with positional reads ({@link FileChannel#read(ByteBuffer, long)}), so a lookup costs one
 * page read per tree level plus the value's overflow pages, and the file is never loaded whole.
 *
 * <p>The meta page is read once, at {@link #open}: lookups see the last transaction committed before that.
 * No reader lock is taken, so the file must not be written while it is read (a concurrent writer may reuse
 * pages; the checks then turn that into errors, not crashes). Thread-safe.
 */
final class LmdbFile implements Closeable {
  /** LMDB's cursor stack depth: no valid tree is deeper. */
  static final int MAX_DEPTH = 32;
  /** Largest value returned; a word image is kilobytes, so anything near this is corruption. */
  static final int MAX_VALUE_BYTES = 256 << 20;

  private static final int MAGIC = 0xBEEFC0DE;
  private static final int DATA_VERSION = 1;
  private static final int MIN_PAGE_SIZE = 512;
  private static final int MAX_PAGE_SIZE = 65536;
  private static final long NO_PAGE = -1L;

  // Page header: page number (u64) @0, padding (u16) @8, flags (u16) @10, then either the free-space
  // bounds lower (u16) @12 and upper (u16) @14, or for an overflow page its page count (u32) @12.
  // Branch and leaf pages continue with an array of u16 node offsets (from the page start) up to lower.
  private static final int PAGE_HEADER = 16;
  private static final int P_BRANCH = 0x01;
  private static final int P_LEAF = 0x02;
  private static final int P_OVERFLOW = 0x04;
  private static final int P_META = 0x08;
  private static final int P_LEAF2 = 0x20;
  private static final int P_SUBP = 0x40;
  private static final int PAGE_TYPES = P_BRANCH | P_LEAF | P_OVERFLOW | P_META | P_LEAF2 | P_SUBP;

  // Node header: lo (u16) @0, hi (u16) @2, flags (u16) @4, key size (u16) @6, then key and data. In a leaf,
  // lo | hi << 16 is the data size; in a branch, lo | hi << 16 | flags << 32 is the child page.
  private static final int NODE_HEADER = 8;
  private static final int F_BIGDATA = 0x01;

  // Meta page body, after the page header: magic (u32) @0, version (u32) @4, map address @8, map size @16,
  // two database records (free pages, main) @24 and @72, last used page @120, transaction id @128.
  // A database record: pad (u32; the free-page record's holds the page size) @0, flags (u16) @4,
  // depth (u16) @6, branch/leaf/overflow page counts @8..@31, entries @32, root page @40.
  private static final int META_BYTES = 136;
  private static final int META_PAGE_SIZE = 24;
  private static final int META_MAIN_DB = 72;
  private static final int META_LAST_PAGE = 120;
  private static final int META_TXN_ID = 128;
  private static final int DB_FLAGS = 4;
  private static final int DB_DEPTH = 6;
  private static final int DB_ENTRIES = 32;
  private static final int DB_ROOT = 40;

  private final Path file;
  private final long fileSize;
  private final int pageSize;
  private final long lastPage;
  private final long root;
  private final int depth;
  private final long entries;
  private final Object reopenLock = new Object();
  private volatile FileChannel channel;
  private volatile boolean closed;

  private record Meta(int pageSize, long lastPage, long txnId, long root, int depth, long entries) {}

  private LmdbFile(Path file, FileChannel channel) throws IOException {
    this.file = file;
    this.channel = channel;
    this.fileSize = channel.size();
    Meta meta = pickMeta();
    this.pageSize = meta.pageSize();
    this.lastPage = meta.lastPage();
    this.root = meta.root();
    this.depth = meta.depth();
    this.entries = meta.entries();
  }

  /**
   * Opens {@code file} (a {@code data.mdb}) and picks its newest valid meta page.
   *
   * @throws IOException naming the file if it is missing, not a regular file, or not a readable LMDB
   */
  static LmdbFile open(Path file) throws IOException {
    // A FIFO would block in open() and a device never ends; only regular files are read.
    if (!Files.isRegularFile(file)) {
      throw new IOException("LMDB file " + file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new IOException("cannot open LMDB file " + file + ": " + e, e);
    }
    try {
      return new LmdbFile(file, ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** The number of key/value pairs the main database records. */
  long entries() {
    return entries;
  }

  /** The depth of the main database's tree as its meta page records it (1: the root is a leaf). */
  int depth() {
    return depth;
  }

  /** The page size the file was written with. */
  int pageSize() {
    return pageSize;
  }

  /** The value stored under {@code key}, or null if there is none. */
  byte[] get(byte[] key) throws IOException {
    if (root == NO_PAGE) {
      return null;
    }
    long[] path = new long[MAX_DEPTH];
    long pgno = root;
    for (int level = 0; level < MAX_DEPTH; level++) {
      for (int i = 0; i < level; i++) {
        if (path[i] == pgno) {
          throw corrupt("the tree search returns to page %d (a cycle)", pgno);
        }
      }
      path[level] = pgno;
      ByteBuffer page = treePage(pgno);
      int type = page.getShort(10) & PAGE_TYPES;
      if (type != P_BRANCH && type != P_LEAF) {
        throw corrupt("page %d on the search path is neither a branch nor a leaf page (flags 0x%04x)",
            pgno, page.getShort(10) & 0xFFFF);
      }
      int n = nodeCount(page, pgno);
      if (type == P_LEAF) {
        return leafValue(page, pgno, n, key);
      }
      pgno = childPage(page, pgno, branchIndex(page, pgno, n, key));
    }
    throw corrupt("the tree is deeper than %d levels", MAX_DEPTH);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    channel.close();
  }

  private Meta pickMeta() throws IOException {
    if (fileSize < 2L * MIN_PAGE_SIZE) {
      throw new IOException("LMDB file " + file + " is too small (" + fileSize + " bytes) to hold its two meta pages");
    }
    List<String> problems = new ArrayList<>();
    Meta m0 = null;
    try {
      m0 = meta(0, 0, 0);
    } catch (MetaProblem e) {
      problems.add("meta page 0: " + e.getMessage());
    }
    Meta m1 = null;
    if (m0 != null) {
      try {
        m1 = meta(1, m0.pageSize(), m0.pageSize());
      } catch (MetaProblem e) {
        problems.add("meta page 1: " + e.getMessage());
      }
    } else {
      // Page 1 starts one page in, and the page size is written in page 0: try every size LMDB could use.
      for (int size = MIN_PAGE_SIZE; size <= MAX_PAGE_SIZE && m1 == null; size *= 2) {
        try {
          m1 = meta(1, size, size);
        } catch (MetaProblem e) {
          if (size == 4096) {
            problems.add("meta page 1 (at 4096): " + e.getMessage());
          }
        }
      }
    }
    if (m0 == null && m1 == null) {
      throw new IOException("LMDB file " + file + " has no valid meta page: " + String.join("; ", problems));
    }
    if (m0 == null || m1 == null) {
      return m0 == null ? m1 : m0;
    }
    return Long.compareUnsigned(m1.txnId(), m0.txnId()) > 0 ? m1 : m0;
  }

  /** The meta page {@code slot} at {@code offset}; {@code pageSize} > 0: the size it must declare. */
  private Meta meta(int slot, long offset, int pageSize) throws IOException {
    if (offset + PAGE_HEADER + META_BYTES > fileSize) {
      throw new MetaProblem("lies beyond the end of the file (" + fileSize + " bytes)");
    }
    ByteBuffer b = read(offset, PAGE_HEADER + META_BYTES);
    long pgno = b.getLong(0);
    int flags = b.getShort(10) & 0xFFFF;
    if (pgno != slot || (flags & PAGE_TYPES) != P_META) {
      throw new MetaProblem(String.format(Locale.ROOT, "is not a meta page (page number %s, flags 0x%04x)",
          Long.toUnsignedString(pgno), flags));
    }
    int m = PAGE_HEADER;
    int magic = b.getInt(m);
    if (magic != MAGIC) {
      throw new MetaProblem(String.format(Locale.ROOT,
          "magic 0x%08x is not LMDB's 0x%08x (not an LMDB file, or not written on a little-endian machine)",
          magic, MAGIC));
    }
    int version = b.getInt(m + 4);
    if (version != DATA_VERSION) {
      throw new MetaProblem("data format version " + Integer.toUnsignedString(version) + " is not " + DATA_VERSION);
    }
    int declared = b.getInt(m + META_PAGE_SIZE);
    if (declared < MIN_PAGE_SIZE || declared > MAX_PAGE_SIZE || Integer.bitCount(declared) != 1) {
      throw new MetaProblem("page size " + Integer.toUnsignedString(declared) + " is not a power of two in "
          + MIN_PAGE_SIZE + ".." + MAX_PAGE_SIZE + " (or the file was written on a 32-bit machine)");
    }
    if (pageSize > 0 && declared != pageSize) {
      throw new MetaProblem("page size " + declared + " differs from meta page 0's " + pageSize);
    }
    long last = b.getLong(m + META_LAST_PAGE);
    if (last < 1) {
      throw new MetaProblem("last page " + Long.toUnsignedString(last) + " is not a page number");
    }
    int db = m + META_MAIN_DB;
    int dbFlags = b.getShort(db + DB_FLAGS) & 0xFFFF;
    if (dbFlags != 0) {
      throw new MetaProblem(String.format(Locale.ROOT, "the main database has flags 0x%04x (reverse, integer or "
          + "duplicate keys), which this reader does not support", dbFlags));
    }
    long rootPage = b.getLong(db + DB_ROOT);
    int depth = b.getShort(db + DB_DEPTH) & 0xFFFF;
    if (rootPage != NO_PAGE) {
      if (rootPage < 2 || Long.compareUnsigned(rootPage, last) > 0) {
        throw new MetaProblem("root page " + Long.toUnsignedString(rootPage) + " is outside pages 2.." + last);
      }
      if (depth < 1 || depth > MAX_DEPTH) {
        throw new MetaProblem("tree depth " + depth + " is outside 1.." + MAX_DEPTH);
      }
    }
    return new Meta(declared, last, b.getLong(m + META_TXN_ID), rootPage, depth, b.getLong(db + DB_ENTRIES));
  }

  /** Page {@code pgno} of the tree (never a meta page), whole, with its recorded page number checked. */
  private ByteBuffer treePage(long pgno) throws IOException {
    checkPageNumber(pgno, "tree page");
    if (pgno >= fileSize / pageSize) {
      throw corrupt("page %d lies beyond the end of the file (%d bytes, %d whole pages): truncated?",
          pgno, fileSize, fileSize / pageSize);
    }
    ByteBuffer page = read(pgno * pageSize, pageSize);
    if (page.getLong(0) != pgno) {
      throw corrupt("page %d records itself as page %s", pgno, Long.toUnsignedString(page.getLong(0)));
    }
    return page;
  }

  private void checkPageNumber(long pgno, String what) throws IOException {
    if (pgno < 2 || pgno > lastPage) {
      throw corrupt("%s number %s is outside the file's pages 2..%d", what, Long.toUnsignedString(pgno), lastPage);
    }
  }

  /** The node count of a branch or leaf page, after checking its free-space bounds. */
  private int nodeCount(ByteBuffer page, long pgno) throws IOException {
    int lower = page.getShort(12) & 0xFFFF;
    int upper = page.getShort(14) & 0xFFFF;
    if (lower < PAGE_HEADER || (lower - PAGE_HEADER) % 2 != 0 || upper < lower || upper > pageSize) {
      throw corrupt("page %d has impossible free-space bounds lower=%d upper=%d (page size %d)",
          pgno, lower, upper, pageSize);
    }
    return (lower - PAGE_HEADER) / 2;
  }

  /** Offset of node {@code i}, checked to lie with its header and key inside the page's node area. */
  private int node(ByteBuffer page, long pgno, int i) throws IOException {
    int upper = page.getShort(14) & 0xFFFF;
    int off = page.getShort(PAGE_HEADER + 2 * i) & 0xFFFF;
    if (off < upper || off + NODE_HEADER > pageSize) {
      throw corrupt("node %d of page %d starts at %d, outside the page's node area %d..%d",
          i, pgno, off, upper, pageSize);
    }
    int keySize = page.getShort(off + 6) & 0xFFFF;
    if (off + NODE_HEADER + keySize > pageSize) {
      throw corrupt("the %d-byte key of node %d of page %d runs past the end of the page", keySize, i, pgno);
    }
    return off;
  }

  /** Compares node {@code off}'s key with {@code key} as LMDB's default order does (unsigned bytes, then length). */
  private static int compareKey(ByteBuffer page, int off, byte[] key) {
    int keySize = page.getShort(off + 6) & 0xFFFF;
    int start = off + NODE_HEADER;
    int common = Math.min(keySize, key.length);
    for (int i = 0; i < common; i++) {
      int c = Integer.compare(page.get(start + i) & 0xFF, key[i] & 0xFF);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(keySize, key.length);
  }

  /** The child to descend into: the last node whose key is <= {@code key}; node 0's key stands for minus infinity. */
  private int branchIndex(ByteBuffer page, long pgno, int n, byte[] key) throws IOException {
    if (n == 0) {
      throw corrupt("branch page %d has no nodes", pgno);
    }
    int found = 0;
    int lo = 1;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compareKey(page, node(page, pgno, mid), key) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private long childPage(ByteBuffer page, long pgno, int i) throws IOException {
    int off = node(page, pgno, i);
    long child = (page.getShort(off) & 0xFFFFL) | (page.getShort(off + 2) & 0xFFFFL) << 16
        | (page.getShort(off + 4) & 0xFFFFL) << 32;
    checkPageNumber(child, "child page of page " + pgno + " node " + i + ": page");
    return child;
  }

  private byte[] leafValue(ByteBuffer page, long pgno, int n, byte[] key) throws IOException {
    int lo = 0;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int off = node(page, pgno, mid);
      int c = compareKey(page, off, key);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return value(page, pgno, mid, off);
      }
    }
    return null;
  }

  private byte[] value(ByteBuffer page, long pgno, int i, int off) throws IOException {
    long size = (page.getShort(off) & 0xFFFFL) | (page.getShort(off + 2) & 0xFFFFL) << 16;
    int flags = page.getShort(off + 4) & 0xFFFF;
    int data = off + NODE_HEADER + (page.getShort(off + 6) & 0xFFFF);
    if (flags == 0) {
      if (data + size > pageSize) {
        throw corrupt("the %d-byte value of node %d of page %d runs past the end of the page", size, i, pgno);
      }
      byte[] v = new byte[(int) size];
      page.get(data, v);
      return v;
    }
    if (flags != F_BIGDATA) {
      throw corrupt("node %d of page %d has flags 0x%04x, not those of a value (sub-databases and duplicate "
          + "values are not supported)", i, pgno, flags);
    }
    if (data + 8 > pageSize) {
      throw corrupt("the overflow page number of node %d of page %d runs past the end of the page", i, pgno);
    }
    return overflowValue(page.getLong(data), size, pgno, i);
  }

  /** A value of {@code size} bytes stored on the overflow pages starting at {@code first}. */
  private byte[] overflowValue(long first, long size, long pgno, int i) throws IOException {
    String owner = "the value of node " + i + " of page " + pgno;
    checkPageNumber(first, "overflow page of " + owner + ": page");
    if (size > MAX_VALUE_BYTES) {
      throw corrupt("%s declares %d bytes, over the %d-byte limit", owner, size, MAX_VALUE_BYTES);
    }
    if (first >= fileSize / pageSize) {
      throw corrupt("overflow page %d of %s lies beyond the end of the file (%d bytes): truncated?",
          first, owner, fileSize);
    }
    long start = first * pageSize;
    if (start + PAGE_HEADER + size > fileSize) {
      throw corrupt("%s (%d bytes from overflow page %d) runs past the end of the file (%d bytes): truncated?",
          owner, size, first, fileSize);
    }
    ByteBuffer head = read(start, PAGE_HEADER);
    if (head.getLong(0) != first) {
      throw corrupt("overflow page %d records itself as page %s", first, Long.toUnsignedString(head.getLong(0)));
    }
    int flags = head.getShort(10) & 0xFFFF;
    if ((flags & PAGE_TYPES) != P_OVERFLOW) {
      throw corrupt("page %d, holding %s, is not an overflow page (flags 0x%04x)", first, owner, flags);
    }
    long pages = head.getInt(12) & 0xFFFFFFFFL;
    if (pages < 1 || pages > lastPage - first + 1) {
      throw corrupt("overflow page %d spans %d pages, past the file's last page %d", first, pages, lastPage);
    }
    if (PAGE_HEADER + size > pages * pageSize) {
      throw corrupt("%s declares %d bytes, more than its %d overflow pages hold", owner, size, pages);
    }
    return read(start + PAGE_HEADER, (int) size).array();
  }

  private IOException corrupt(String format, Object... args) {
    return new IOException("corrupt LMDB file " + file + ": " + String.format(Locale.ROOT, format, args));
  }

  /** {@code length} bytes at {@code position}, little-endian; the end of the file is an error, not a short read. */
  private ByteBuffer read(long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    boolean reopened = false;
    while (true) {
      FileChannel ch = channel;
      try {
        while (b.hasRemaining()) {
          if (ch.read(b, position + b.position()) < 0) {
            throw corrupt("%d bytes at offset %d lie beyond the end of the file (%d bytes now): truncated?",
                length, position, ch.size());
          }
        }
        return b;
      } catch (ClosedChannelException e) {
        // Interrupting any thread in a positional read closes the channel for every thread; only close()
        // and the interrupted thread itself should see that.
        if (closed) {
          throw new IOException("LMDB file " + file + " is closed", e);
        }
        if (Thread.currentThread().isInterrupted()) {
          InterruptedIOException ie = new InterruptedIOException("interrupted while reading LMDB file " + file);
          ie.initCause(e);
          throw ie;
        }
        if (reopened) {
          throw new IOException("cannot read LMDB file " + file + ": " + e, e);
        }
        reopen(ch);
        reopened = true;
      }
    }
  }

  private void reopen(FileChannel broken) throws IOException {
    synchronized (reopenLock) {
      if (channel == broken && !closed) {
        try {
          channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
          throw new IOException("cannot reopen LMDB file " + file + ": " + e, e);
        }
        if (closed) {
          channel.close();
        }
      }
    }
  }

  /** A reason one meta page is unusable; the other may still be. */
  private static final class MetaProblem extends IOException {
    MetaProblem(String message) {
      super(message);
    }
  }
}
