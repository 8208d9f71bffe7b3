#!/usr/bin/env python3
"""Tesseract on a labels.tsv word-crop folder, scored with the standard protocol.

Called by tesseract-eval.sh (see tests/README.md). Standard protocol: prediction and label are
lowercased, every character outside [0-9a-z] is dropped, then the two must match exactly.

Speed: one tesseract process per image spends most of its time loading the model, so the images are
dealt round-robin into one list file per worker and each worker runs ONE tesseract process over its
list (OMP_THREAD_LIMIT=1, one process per core). Tesseract aborts a list at the first unreadable
image; the worker then records that image as a failure and restarts on the rest of its list.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time

PROTOCOL = "lowercase, keep [0-9a-z], exact match"
_NOT_ALNUM = re.compile(r"[^0-9a-z]")


def normalise(text):
    """The standard protocol's normal form of a word."""
    return _NOT_ALNUM.sub("", text.lower())


_NOT_CASED = re.compile(r"[^0-9A-Za-z]")
_SPACE = re.compile(r"\s+")
CASED_PROTOCOL = "keep [A-Za-z0-9], exact match"
FULL_PROTOCOL = "every character but white space kept, exact match"


def normalise_cased(text):
    """The case-sensitive protocol's form (as jaznet's Protocol.normaliseCased)."""
    return _NOT_CASED.sub("", text)


def normalise_full(text):
    """The full protocol's form: white space removed (as jaznet's Protocol.normaliseFull)."""
    return _SPACE.sub("", text)


class UsageError(Exception):
    pass


def read_labels(data_dir):
    """[(relative path, absolute path, label)] from DATA_DIR/labels.tsv; UsageError on a bad line."""
    labels_path = os.path.join(data_dir, "labels.tsv")
    if not os.path.isfile(labels_path):
        raise UsageError(f"{data_dir}: no labels.tsv (expected '<path relative to images/>\\t<label>' lines)")
    image_root = os.path.join(data_dir, "images")
    if not os.path.isdir(image_root):
        image_root = data_dir
    entries = []
    with open(labels_path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0] or not parts[1]:
                raise UsageError(f"{labels_path} line {number}: expected '<image path>\\t<label>', got {line!r}")
            entries.append((parts[0], os.path.join(image_root, parts[0]), parts[1]))
    if not entries:
        raise UsageError(f"{labels_path}: no labelled images")
    return entries


def parse_tsv(tsv_text):
    """{page number (1-based): recognised text} from tesseract's TSV output; a page with no word maps to ''."""
    pages = {}
    for row in tsv_text.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        page = int(cols[1])
        if cols[0] == "1":
            pages.setdefault(page, "")
        elif cols[0] == "5":
            pages[page] = pages.get(page, "") + ("" if not pages.get(page) else " ") + cols[11]
    return pages


def run_worker(items, tessdata_args, workdir, worker_id, predictions, failures, lock):
    """Reads every (index, absolute path) of items with one tesseract process, restarting after a failure."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    start = 0
    while start < len(items):
        rest = items[start:]
        list_path = os.path.join(workdir, f"worker-{worker_id}.txt")
        with open(list_path, "w", encoding="utf-8") as f:
            f.writelines(path + "\n" for _, path in rest)
        proc = subprocess.run(
            ["tesseract", list_path, "stdout", "--psm", "8", *tessdata_args, "tsv"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=False)
        pages = parse_tsv(proc.stdout.decode("utf-8", errors="replace"))
        done = max(pages) if pages else 0
        with lock:
            for page in range(1, done + 1):
                predictions[rest[page - 1][0]] = pages.get(page, "")
        if proc.returncode == 0 and done == len(rest):
            return
        if done >= len(rest):
            return
        index, path = rest[done]
        reason = _reason(proc.stderr.decode("utf-8", errors="replace"), proc.returncode)
        with lock:
            failures[index] = reason
        start += done + 1


def _reason(stderr, returncode):
    lines = [l.strip() for l in stderr.splitlines() if l.strip() and not l.startswith("Page ")]
    tail = "; ".join(lines[-2:]) if lines else ""
    return f"tesseract exited with {returncode}" + (f": {tail}" if tail else "")


def evaluate(data_dir, jobs, tessdata_dir=None):
    entries = read_labels(data_dir)
    predictions, failures, lock = {}, {}, threading.Lock()
    for i, (rel, path, _) in enumerate(entries):
        if not os.path.isfile(path):
            failures[i] = "image file missing"
    todo = [(i, entries[i][1]) for i in range(len(entries)) if i not in failures]
    shards = [todo[w::jobs] for w in range(jobs)]
    tessdata_args = ["--tessdata-dir", tessdata_dir] if tessdata_dir else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tesseract-eval-") as workdir:
        threads = [threading.Thread(target=run_worker,
                                    args=(shard, tessdata_args, workdir, w, predictions, failures, lock))
                   for w, shard in enumerate(shards) if shard]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rows, correct, cased, full = [], 0, 0, 0
    for i, (rel, _, label) in enumerate(entries):
        if i in failures:
            rows.append((rel, label, "", False, failures[i]))
            continue
        pred = predictions.get(i)
        if pred is None:
            failures[i] = "tesseract gave no output for this image"
            rows.append((rel, label, "", False, failures[i]))
            continue
        ok = normalise(pred) == normalise(label)
        correct += ok
        cased += normalise_cased(label) != "" and normalise_cased(pred) == normalise_cased(label)
        full += normalise_full(label) != "" and normalise_full(pred) == normalise_full(label)
        rows.append((rel, label, pred, ok, ""))
    n = len(entries)
    return {
        "dataset": os.path.basename(os.path.normpath(data_dir)),
        "n": n,
        "correct": correct,
        "failures": len(failures),
        "accuracy": correct / n,
        "accuracy_cased": cased / n,
        "accuracy_full": full / n,
        "seconds": seconds,
        "images_per_second": n / seconds if seconds > 0 else 0.0,
        "cpu_seconds_per_image": cpu / n,
        "rows": rows,
    }


def write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def main(argv):
    p = argparse.ArgumentParser(prog="tesseract-eval.sh",
                                description="Tesseract (--psm 8) on a labels.tsv folder, standard protocol.")
    p.add_argument("data_dir", metavar="DATA_DIR", help="folder with labels.tsv and images/")
    p.add_argument("--json", metavar="FILE", help="write {dataset, n, tool, accuracy, images_per_second}")
    p.add_argument("--predictions", metavar="FILE",
                   help="write one TSV line per image: path, label, prediction, correct (1/0), failure reason")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                   help="tesseract processes in parallel (default: min(2, cores))")
    p.add_argument("--tessdata-dir", metavar="DIR", help="passed to tesseract")
    args = p.parse_args(argv)
    if args.jobs < 1:
        p.error(f"--jobs must be >= 1, got {args.jobs}")
    if not os.path.isdir(args.data_dir):
        p.error(f"DATA_DIR {args.data_dir} is not a folder")
    try:
        r = evaluate(args.data_dir, args.jobs, args.tessdata_dir)
    except UsageError as e:
        print(f"tesseract-eval: {e}", file=sys.stderr)
        return 2
    for rel, _, _, _, reason in r["rows"]:
        if reason:
            print(f"tesseract-eval: failed {rel}: {reason}", file=sys.stderr)
    print(f"dataset: {r['dataset']}")
    print(f"protocol: {PROTOCOL}")
    print(f"n: {r['n']}")
    print(f"correct: {r['correct']}")
    print(f"failures: {r['failures']}")
    print(f"accuracy: {100 * r['accuracy']:.2f} %")
    print(f"images/s: {r['images_per_second']:.1f} ({args.jobs} tesseract processes, {r['seconds']:.1f} s wall)")
    print(f"cpu: {1000 * r['cpu_seconds_per_image']:.1f} ms per image")
    if args.json:
        doc = {"dataset": r["dataset"], "n": r["n"], "tool": "tesseract",
               "accuracy": r["accuracy"], "images_per_second": r["images_per_second"]}
        write_atomically(args.json, json.dumps(doc) + "\n")
    if args.predictions:
        lines = ["path\tlabel\tprediction\tcorrect\tfailure\n"]
        for rel, label, pred, ok, reason in r["rows"]:
            clean = lambda s: s.replace("\t", " ").replace("\n", " ")
            lines.append(f"{rel}\t{clean(label)}\t{clean(pred)}\t{int(ok)}\t{reason}\n")
        write_atomically(args.predictions, "".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
