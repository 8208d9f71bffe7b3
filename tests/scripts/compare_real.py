#!/usr/bin/env python3
"""jaznet versus Tesseract on the real word sets, side by side in one Markdown table.

Called by compare-real.sh (see tests/README.md). For every dataset folder: `./jaznet eval` without and
with the full dictionary as lexicon (the JSON contract of issues 3 and 5), then Tesseract --psm 8
through tesseract_eval.py; all scored with the standard protocol (lowercase, keep [0-9a-z], exact
match). Writes the table (--out) and every figure as JSON (--json), both atomically.

Exit status: 0 all ran; 3 the Tesseract half ran but `./jaznet eval` failed somewhere (the table says
where and why); 1 Tesseract failed; 2 bad arguments.
"""

import argparse
import datetime
import json
import os
import re
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tesseract_eval  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEAD_ORDER = ["dict", "char", "ngram", "ctc", "fused"]
_SPEED = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(?:images/s|img/s)")


class JaznetFailure(Exception):
    pass


def jaznet_command():
    """How to run jaznet: $JAZNET (a command line, e.g. 'java -jar cli/target/jaznet.jar') or ./jaznet."""
    override = os.environ.get("JAZNET", "").strip()
    return shlex.split(override) if override else [os.path.join(REPO, "jaznet")]


def default_datasets():
    shared = os.environ.get("JAZNET_SHARED_DATA", os.path.join(REPO, "..", "shared", "data"))
    return [os.path.normpath(os.path.join(shared, "real", "IC13_1015")),
            os.path.normpath(os.path.join(shared, "mjsynth"))]


def check_eval_json(doc, source, need_lexicon):
    """Raises JaznetFailure unless doc follows the `jaznet eval --json` contract."""
    def fail(why):
        raise JaznetFailure(f"{source}: {why}")
    if not isinstance(doc, dict):
        fail("not a JSON object")
    if not isinstance(doc.get("dataset"), str):
        fail("'dataset' is not a string")
    if not isinstance(doc.get("n"), int) or isinstance(doc.get("n"), bool) or doc["n"] < 1:
        fail(f"'n' is not a positive integer: {doc.get('n')!r}")
    heads = doc.get("heads")
    if not isinstance(heads, dict) or not heads:
        fail("'heads' is not a non-empty object")
    if "fused" not in heads:
        fail("'heads' has no 'fused' entry")
    for name, modes in heads.items():
        if not isinstance(modes, dict):
            fail(f"heads.{name} is not an object")
        for mode in ("unconstrained", "lexicon"):
            if mode not in modes:
                fail(f"heads.{name} has no '{mode}'")
            value = modes[mode]
            if value is None and (mode == "unconstrained" or need_lexicon):
                fail(f"heads.{name}.{mode} is null")
            if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)
                                      or not 0.0 <= value <= 1.0):
                fail(f"heads.{name}.{mode} is not a fraction in [0,1]: {value!r}")


def why(output):
    """The telling part of a failed `./jaznet` run's output."""
    lines = [l.strip() for l in output.splitlines() if l.strip()]
    errors = [l for l in lines if l.startswith("[ERROR]") and len(l) > len("[ERROR] ")]
    if "jaznet: building the jar" in output and errors:
        return "the launcher could not build the jar: " + errors[0] + (" " + errors[1] if len(errors) > 1 else "")
    return " | ".join(lines[-3:]) if lines else "no output"


def run_jaznet_eval(data_dir, model, lexicon, work, tag, extra=()):
    """One `./jaznet eval` run: (its JSON, images/s, how the speed was measured)."""
    json_path = os.path.join(work, f"jaznet-{tag}.json")
    log_path = os.path.join(work, f"jaznet-{tag}.log")
    if os.path.exists(json_path):
        os.unlink(json_path)
    args = ["eval", "--data", data_dir, "--json", json_path]
    if model:
        args += ["--model", model]
    if lexicon:
        args += ["--lexicon", lexicon]
    args += list(extra)
    cmd = jaznet_command() + args
    started = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
        output = proc.stdout.decode("utf-8", errors="replace")
        log.write(output)
    seconds = time.monotonic() - started
    if proc.returncode != 0:
        raise JaznetFailure(f"`jaznet {' '.join(args)}` exited with {proc.returncode} ({why(output)}); log: {log_path}")
    try:
        with open(json_path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        raise JaznetFailure(f"`jaznet eval` wrote no readable JSON at {json_path}: {e}; log: {log_path}")
    check_eval_json(doc, json_path, need_lexicon=bool(lexicon))
    speeds = _SPEED.findall(output)
    if speeds:
        return doc, float(speeds[-1]), "reported by jaznet eval"
    return doc, doc["n"] / seconds, "wall clock, including JVM start and model load"


def jaznet_half(data_dirs, model, lexicon, work):
    """{dataset dir: {"unconstrained": run, "lexicon": run, "no_lm": run}} or raises JaznetFailure before any eval.

    "no_lm" is the unconstrained run with `--no-lm`: the fused reading of the heads alone, without the
    character language model the recognizer uses by default."""
    proc = subprocess.run(jaznet_command() + ["eval", "--help"], cwd=REPO,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    if proc.returncode != 0:
        raise JaznetFailure(f"`jaznet eval --help` exited with {proc.returncode} "
                            f"({why(proc.stdout.decode('utf-8', 'replace'))})")
    results = {}
    for d in data_dirs:
        name = os.path.basename(d)
        per_mode = {}
        for mode, lex, extra in (("unconstrained", None, ()), ("lexicon", lexicon, ()), ("no_lm", None, ("--no-lm",))):
            try:
                doc, speed, how = run_jaznet_eval(d, model, lex, work, f"{name}-{mode}", extra)
                per_mode[mode] = {"status": "ok", "eval": doc, "images_per_second": speed, "speed_measured": how}
            except JaznetFailure as e:
                per_mode[mode] = {"status": "failed", "message": str(e)}
            print(f"compare-real: jaznet {name} {mode}: {per_mode[mode].get('status')}", file=sys.stderr)
        results[d] = per_mode
    return results


def pct(x):
    return "—" if x is None else f"{100 * x:.1f} %"


def speed(x):
    return "—" if x is None else f"{x:.0f}"


def table(summary):
    sets = summary["datasets"]
    head = "| system | head | lexicon | " + " | ".join(
        f"{s['dataset']} (n={s['n']}) | images/s" for s in sets) + " |"
    lines = [head, "|" + "---|" * (3 + 2 * len(sets))]
    lex_name = os.path.basename(summary["lexicon"]) if summary["lexicon"] else "—"
    notes = []
    jaz = summary["jaznet"]
    if jaz["status"] in ("failed", "skipped"):
        lines.append(f"| jaznet | — | — | " + " | ".join("not run | —" for _ in sets) + " |")
        notes.append(f"jaznet was not evaluated ({jaz['status']}): {jaz['message']}")
    else:
        heads = []
        for s in sets:
            for mode in ("unconstrained", "lexicon"):
                run = s["jaznet"][mode]
                if run["status"] == "ok":
                    heads += [h for h in run["eval"]["heads"] if h not in heads]
                else:
                    notes.append(f"jaznet {s['dataset']} {mode}: {run['message']}")
        heads.sort(key=lambda h: (HEAD_ORDER.index(h) if h in HEAD_ORDER else len(HEAD_ORDER), h))
        if not heads:
            lines.append(f"| jaznet | — | — | " + " | ".join("failed | —" for _ in sets) + " |")
        for mode, mode_name in (("unconstrained", "none"), ("lexicon", lex_name)):
            for h in heads:
                cells = []
                for s in sets:
                    run = s["jaznet"][mode]
                    if run["status"] != "ok":
                        cells.append("failed | —")
                        continue
                    value = run["eval"]["heads"].get(h, {}).get(mode)
                    cells.append(f"{pct(value)} | {speed(run['images_per_second'])}")
                lines.append(f"| jaznet | {h} | {mode_name} | " + " | ".join(cells) + " |")
            if mode == "unconstrained":
                cells = []
                for s in sets:
                    run = s["jaznet"].get("no_lm", {"status": "failed", "message": "not run"})
                    if run["status"] != "ok":
                        cells.append("failed | —")
                        continue
                    cells.append(f"{pct(run['eval']['heads'].get('fused', {}).get('unconstrained'))} | "
                                 f"{speed(run['images_per_second'])}")
                lines.append("| jaznet | fused, no LM (`--no-lm`) | none | " + " | ".join(cells) + " |")
                for proto in ("cased", "full"):
                    for h in [x for x in ("ctc", "fused") if x in heads]:
                        cells = []
                        for s in sets:
                            run = s["jaznet"]["unconstrained"]
                            if run["status"] != "ok":
                                cells.append("failed | —")
                                continue
                            cells.append(f"{pct(run['eval']['heads'].get(h, {}).get(proto))} | "
                                         f"{speed(run['images_per_second'])}")
                        lines.append(f"| jaznet | {h}, {proto} protocol | none | " + " | ".join(cells) + " |")
        for s in sets:
            for mode in ("unconstrained", "lexicon", "no_lm"):
                run = s["jaznet"].get(mode, {"status": "missing"})
                if run["status"] == "failed" and mode == "no_lm":
                    notes.append(f"jaznet {s['dataset']} --no-lm: {run['message']}")
                if run["status"] == "ok" and run["eval"]["n"] != s["n"]:
                    notes.append(f"jaznet {s['dataset']} {mode} scored n={run['eval']['n']}, labels.tsv has {s['n']}")
        hows = {s["jaznet"][m]["speed_measured"] for s in sets for m in ("unconstrained", "lexicon")
                if s["jaznet"][m]["status"] == "ok"}
        if hows:
            notes.append("jaznet images/s: " + "; ".join(sorted(hows)) + " (all heads of one eval run share it)")
    lines.append(f"| {summary['tesseract_version']} | --psm 8 | none | " + " | ".join(
        f"{pct(s['tesseract']['accuracy'])} | {speed(s['tesseract']['images_per_second'])}" for s in sets) + " |")
    for proto in ("cased", "full"):
        lines.append(f"| {summary['tesseract_version']} | --psm 8, {proto} protocol | none | " + " | ".join(
            f"{pct(s['tesseract'].get('accuracy_' + proto))} | {speed(s['tesseract']['images_per_second'])}"
            for s in sets) + " |")
    cpu = ", ".join("%.0f" % (1000 * s["tesseract"]["cpu_seconds_per_image"]) for s in sets)
    notes.append(f"Tesseract images/s: wall clock with {summary['tesseract_jobs']} processes "
                 f"(one per core, OMP_THREAD_LIMIT=1); CPU per image: {cpu} ms")
    for s in sets:
        if s["tesseract"]["failures"]:
            notes.append(f"Tesseract could not read {s['tesseract']['failures']} image(s) of {s['dataset']} (counted wrong)")
    out = [f"Standard protocol: {tesseract_eval.PROTOCOL}; cased: {tesseract_eval.CASED_PROTOCOL}; full: "
           f"{tesseract_eval.FULL_PROTOCOL}. Model: {summary['model'] or 'default'}. "
           f"Run {summary['date']} on {summary['cores']} cores.", "", *lines, ""]
    out += [f"- {n}" for n in notes]
    return "\n".join(out) + "\n"


def main(argv):
    p = argparse.ArgumentParser(prog="compare-real.sh",
                                description="jaznet (per head, fused; with and without lexicon) vs Tesseract on real word sets")
    p.add_argument("model", nargs="?", metavar="MODEL", help="model file (default: the shipped default model)")
    p.add_argument("--out", default=os.path.join(REPO, "runs", "compare-real.md"), metavar="FILE",
                   help="Markdown table (default: runs/compare-real.md)")
    p.add_argument("--json", default=None, metavar="FILE",
                   help="every figure as JSON (default: the --out path with .json)")
    p.add_argument("--data", action="append", metavar="DIR",
                   help="a labels.tsv folder; repeatable (default: ../shared/data/real/IC13_1015 and ../shared/data/mjsynth)")
    p.add_argument("--lexicon", default=os.path.join(REPO, "dictionaries", "en-90k.txt"), metavar="FILE",
                   help="lexicon of the constrained mode (default: dictionaries/en-90k.txt)")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="tesseract processes")
    p.add_argument("--tesseract-only", action="store_true", help="skip jaznet (checks the Tesseract half)")
    args = p.parse_args(argv)
    data_dirs = [os.path.abspath(d) for d in (args.data or default_datasets())]
    for d in data_dirs:
        if not os.path.isfile(os.path.join(d, "labels.tsv")):
            p.error(f"dataset {d} has no labels.tsv")
    if args.model and not os.path.isfile(args.model):
        p.error(f"MODEL {args.model} is not a file")
    if not args.tesseract_only and not os.path.isfile(args.lexicon):
        p.error(f"lexicon {args.lexicon} is not a file")
    if args.jobs < 1:
        p.error(f"--jobs must be >= 1, got {args.jobs}")
    json_out = args.json or (os.path.splitext(args.out)[0] + ".json")
    work = os.path.splitext(os.path.abspath(args.out))[0] + "-logs"
    os.makedirs(work, exist_ok=True)
    model = os.path.abspath(args.model) if args.model else None

    if args.tesseract_only:
        jaz = {"status": "skipped", "message": "--tesseract-only"}
        jaz_runs = {}
    else:
        try:
            jaz_runs = jaznet_half(data_dirs, model, os.path.abspath(args.lexicon), work)
            jaz = {"status": "ok"}
        except JaznetFailure as e:
            jaz, jaz_runs = {"status": "failed", "message": str(e)}, {}
            print(f"compare-real: jaznet half failed: {e}", file=sys.stderr)

    datasets = []
    for d in data_dirs:
        try:
            t = tesseract_eval.evaluate(d, args.jobs)
        except (tesseract_eval.UsageError, OSError) as e:
            print(f"compare-real: tesseract on {d} failed: {e}", file=sys.stderr)
            return 1
        print(f"compare-real: tesseract {t['dataset']}: {pct(t['accuracy'])}, {t['images_per_second']:.1f} images/s",
              file=sys.stderr)
        datasets.append({
            "dataset": t["dataset"], "dir": d, "n": t["n"],
            "tesseract": {k: t[k] for k in ("accuracy", "accuracy_cased", "accuracy_full", "images_per_second", "cpu_seconds_per_image", "failures", "n")},
            "jaznet": jaz_runs.get(d, {}),
        })
    version = subprocess.run(["tesseract", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             check=False).stdout.decode("utf-8", "replace").splitlines()
    summary = {
        "protocol": tesseract_eval.PROTOCOL,
        "model": model,
        "lexicon": os.path.abspath(args.lexicon),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "tesseract_version": version[0].strip().replace("tesseract", "Tesseract") if version else "Tesseract",
        "tesseract_jobs": args.jobs,
        "jaznet": jaz,
        "datasets": datasets,
    }
    if jaz["status"] == "ok" and any(s["jaznet"][m]["status"] != "ok" for s in datasets
                                     for m in ("unconstrained", "lexicon", "no_lm")):
        jaz["status"] = "partial"
        jaz["message"] = "some `jaznet eval` runs failed (see the notes)"
    text = table(summary)
    tesseract_eval.write_atomically(args.out, text)
    tesseract_eval.write_atomically(json_out, json.dumps(summary, indent=2) + "\n")
    print(text)
    print(f"compare-real: wrote {args.out} and {json_out}", file=sys.stderr)
    return 0 if jaz["status"] in ("ok", "skipped") else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
