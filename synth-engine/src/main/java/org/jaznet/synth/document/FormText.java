package org.jaznet.synth.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.Lexicon;

/**
 * The texts of a synthetic form: field labels ("Date:", "Account No."), values (names, numbers,
 * dates, amounts, codes), table cells and small print, drawn from a page's generator. Every text is
 * a list of words (split at spaces, as the ground truth labels them).
 */
final class FormText {
  private static final String[] LABELS = ("Name Date Address Phone Fax To From Subject Company Department Account"
      + " Total Amount Code Title Signature Approved Budget Region Brand Project Quantity Description Item Price"
      + " Cost Comments Remarks Reference Number Division Manager Contact City State Zip Country Period Start End"
      + " Type Status Location Distribution Product Program Sample Test Results Market Office Tel Telephone"
      + " Requested Received Issued Prepared Reviewed Order Invoice Unit Units Volume Weight Size Page Pages File"
      + " Job Client Agency Media Street Area Group Week Year Month Supplier Vendor Batch Lot Due Balance Net Gross"
      + " Tax Rate Hours Plant Purpose Objective Category Model Serial Estimate Actual Variance Notes").split(" ");
  private static final String[] QUALIFIERS = "No. # Name Date Code Number Type Total Code:".split(" ");
  private static final String[] MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(" ");

  private final SplittableRandom r;
  private final Lexicon lexicon;

  FormText(SplittableRandom r, Lexicon lexicon) {
    this.r = r;
    this.lexicon = lexicon;
  }

  String word() {
    return lexicon.get(r.nextInt(lexicon.size()));
  }

  String capitalized() {
    return CaseMode.CAPITALIZED.apply(word());
  }

  /** A field label of 1..3 words, often ending with a colon, sometimes upper case. */
  List<String> label() {
    List<String> ws = new ArrayList<>();
    ws.add(r.nextDouble() < 0.75 ? LABELS[r.nextInt(LABELS.length)] : capitalized());
    double u = r.nextDouble();
    if (u < 0.25) {
      ws.add(QUALIFIERS[r.nextInt(QUALIFIERS.length)]);
    } else if (u < 0.4) {
      ws.add(0, r.nextBoolean() ? LABELS[r.nextInt(LABELS.length)] : capitalized());
    }
    boolean upper = r.nextDouble() < 0.3;
    List<String> out = new ArrayList<>(ws.size());
    for (String w : ws) {
      out.add(upper ? w.toUpperCase(Locale.ROOT) : w);
    }
    String last = out.get(out.size() - 1);
    if (r.nextDouble() < 0.7 && !last.endsWith(":")) {
      out.set(out.size() - 1, last + ":");
    }
    return out;
  }

  /** A field value: a few words, a name, a number, a date, an amount, a code or a phone number. */
  List<String> value() {
    return switch (r.nextInt(8)) {
      case 0, 1 -> words(1 + r.nextInt(4), r.nextDouble() < 0.3);
      case 2 -> List.of(capitalized(), capitalized());
      case 3 -> List.of(number());
      case 4 -> date();
      case 5 -> List.of(amount());
      case 6 -> List.of(code());
      default -> List.of("(" + (200 + r.nextInt(800)) + ")", (200 + r.nextInt(800)) + "-" + (1000 + r.nextInt(9000)));
    };
  }

  /** A table cell: a number, an amount, a date, a code or one or two words. */
  List<String> cell(boolean firstColumn) {
    if (firstColumn || r.nextDouble() < 0.2) {
      return words(1 + r.nextInt(2), r.nextDouble() < 0.5);
    }
    return switch (r.nextInt(4)) {
      case 0 -> List.of(number());
      case 1 -> List.of(amount());
      case 2 -> List.of(code());
      default -> List.of(r.nextInt(100) + "%");
    };
  }

  /** {@code n} dictionary words, the first (or every one, when {@code names}) Capitalized. */
  List<String> words(int n, boolean names) {
    List<String> ws = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ws.add(names || i == 0 ? capitalized() : word());
    }
    return ws;
  }

  /** A sentence-like run of {@code n} words for small print, ending with a full stop. */
  List<String> prose(int n) {
    List<String> ws = words(n, false);
    for (int i = 1; i < n - 1; i++) {
      if (r.nextDouble() < 0.06) {
        ws.set(i, ws.get(i) + ",");
      } else if (r.nextDouble() < 0.04) {
        ws.set(i, number());
      }
    }
    ws.set(n - 1, ws.get(n - 1) + ".");
    return ws;
  }

  String number() {
    return switch (r.nextInt(3)) {
      case 0 -> Integer.toString(1 + r.nextInt(999));
      case 1 -> Integer.toString(1000 + r.nextInt(99000));
      default -> (1 + r.nextInt(99)) + "." + (10 + r.nextInt(90));
    };
  }

  String amount() {
    int whole = 1 + r.nextInt(r.nextBoolean() ? 999 : 99999);
    String s = whole >= 1000 ? (whole / 1000) + "," + String.format(Locale.ROOT, "%03d", whole % 1000)
        : Integer.toString(whole);
    return (r.nextBoolean() ? "$" : "") + s + (r.nextBoolean() ? "." + (10 + r.nextInt(90)) : "");
  }

  String code() {
    String letters = word().toUpperCase(Locale.ROOT);
    letters = letters.substring(0, Math.min(letters.length(), 1 + r.nextInt(3)));
    return letters + (r.nextBoolean() ? "-" : "") + (10 + r.nextInt(99990));
  }

  List<String> date() {
    int m = 1 + r.nextInt(12);
    int d = 1 + r.nextInt(28);
    int y = 70 + r.nextInt(30);
    return switch (r.nextInt(3)) {
      case 0 -> List.of(m + "/" + d + "/" + y);
      case 1 -> List.of(MONTHS[m - 1], d + ",", Integer.toString(1900 + y));
      default -> List.of(CaseMode.CAPITALIZED.apply(MONTHS[m - 1].toLowerCase(Locale.ROOT)) + ".", d + ",",
          Integer.toString(1900 + y));
    };
  }

  /** A ten-digit document number, as printed at a page's corner. */
  String documentNumber() {
    return Integer.toString(1 + r.nextInt(9)) + String.format(Locale.ROOT, "%09d", r.nextInt(1_000_000_000));
  }
}
