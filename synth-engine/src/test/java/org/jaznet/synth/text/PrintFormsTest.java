package org.jaznet.synth.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.text.PrintForms.Form;
import org.jaznet.synth.text.PrintForms.Kind;
import org.junit.jupiter.api.Test;

class PrintFormsTest {
  private static final String SYMBOLS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?'\"-()[]/&%$\u20ac\u00a3@#+*=";
  private static final int N = 20_000;

  private final Lexicon lexicon = Lexicon.of(List.of("alpha", "beta", "gamma", "words", "dont", "well", "known",
      "hyphenation", "a", "to", "extraordinarily"));

  @Test
  void draw_20000Draws_kindSharesNearTheTable() {
    PrintForms forms = new PrintForms(lexicon, CaseMode.MIXED);
    SplittableRandom r = new SplittableRandom(11);
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (int i = 0; i < N; i++) {
      counts.merge(forms.draw(r).kind(), 1, Integer::sum);
    }
    int total = 0;
    for (Kind k : Kind.values()) {
      double percent = 100.0 * counts.getOrDefault(k, 0) / N;
      assertThat(percent).as("%s share", k).isCloseTo(k.percent, within(1.5));
      total += k.percent;
    }
    assertThat(total).isEqualTo(100);
    assertThat(Kind.PUNCTUATED.percent).isEqualTo(30);
    assertThat(Kind.TIME.percent).isEqualTo(6);
  }

  @Test
  void draw_anyLexiconAndCaseMode_onlyPrintSymbolsAndAtMost23Characters() {
    // words too long for any form, with characters outside the set, with allowed punctuation, capitals
    Lexicon awkward = Lexicon.of(List.of("café", "naïve", "über", "abcdefghijklmnopqrstuvwxyz", "rock'n'roll",
        "e-mail", "Aachen", "x", "twentytwocharacterword", "twentythreecharacterwrd", "ok"));
    for (Lexicon lex : List.of(lexicon, awkward, Lexicon.of(List.of("straße")))) {
      for (CaseMode mode : CaseMode.values()) {
        PrintForms forms = new PrintForms(lex, mode);
        SplittableRandom r = new SplittableRandom(12);
        for (int i = 0; i < N; i++) {
          String t = forms.next(r).text();
          assertThat(t.length()).as("'%s' (%s)", t, mode).isBetween(1, 23);
          for (int k = 0; k < t.length(); k++) {
            assertThat(SYMBOLS.indexOf(t.charAt(k))).as("'%s' (%s) char %d", t, mode, k).isNotNegative();
          }
        }
      }
    }
  }

  @Test
  void draw_20000Draws_everyPrintSymbolOccurs() {
    PrintForms forms = new PrintForms(lexicon, CaseMode.MIXED);
    SplittableRandom r = new SplittableRandom(13);
    Set<Character> seen = new HashSet<>();
    for (int i = 0; i < N; i++) {
      for (char c : forms.next(r).text().toCharArray()) {
        seen.add(c);
      }
    }
    for (char c : ".,;:!?'\"-()[]/&%$\u20ac\u00a3@#+*=".toCharArray()) {
      assertThat(seen).as("symbol %s", c).contains(c);
    }
  }

  @Test
  void draw_eachKind_hasItsDocumentedShape() {
    Map<Kind, Pattern> shapes = new EnumMap<>(Kind.class);
    shapes.put(Kind.PUNCTUATED, Pattern.compile("[A-Za-z]+[.,;:!?]"));
    shapes.put(Kind.WRAPPED, Pattern.compile("[\"'(\\[]?[A-Za-z]+[\"')\\].,]*"));
    shapes.put(Kind.CONTRACTION, Pattern.compile("[A-Za-z]+'[A-Za-z]*"));
    shapes.put(Kind.HYPHENATED, Pattern.compile("[A-Za-z]+-[A-Za-z]*"));
    shapes.put(Kind.PRICE, Pattern.compile("[$\u20ac\u00a3]([0-9]{1,4}|[0-9],[0-9]{3})(\\.[0-9]{2})?"
        + "|[-+]?[0-9]{1,3}(\\.[0-9])?%"));
    shapes.put(Kind.DATE, Pattern.compile("[0-9]{2}/[0-9]{2}/[0-9]{4}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}"
        + "|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}\\.[0-9]{2}\\.([0-9]{2}|[0-9]{4})"));
    shapes.put(Kind.TIME, Pattern.compile("[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?|[0-9]{1,2}(:[0-9]{2})?(am|pm|AM|PM)"));
    shapes.put(Kind.CODE, Pattern.compile("[A-Za-z]{1,3}-[0-9]{2,5}|#[0-9]{1,4}|@[a-zA-Z]+[0-9]{0,2}"
        + "|[A-Za-z]\\+[A-Za-z]|[A-Za-z]{1,2}&[A-Za-z]{1,2}|[0-9]{1,2}[-+*][0-9]{1,2}=[0-9]{1,3}"
        + "|[A-Za-z]=-?[0-9]{1,3}|[Nn][Oo]\\.[0-9]{1,3}|[A-Za-z]+/[A-Za-z]+|[A-Za-z]+\\*"));
    shapes.put(Kind.NUMBER, Pattern.compile("-?[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]{1,3})?"));
    Pattern sum = Pattern.compile("([0-9]+)([-+*])([0-9]+)=([0-9]+)");
    PrintForms forms = new PrintForms(lexicon, CaseMode.MIXED);
    SplittableRandom r = new SplittableRandom(14);
    for (int i = 0; i < N; i++) {
      Form f = forms.draw(r);
      String t = f.word().text();
      assertThat(t).as("%s", f.kind()).matches(shapes.get(f.kind()));
      Matcher m = sum.matcher(t);
      if (f.kind() == Kind.CODE && m.matches()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        int expected = switch (m.group(2)) {
          case "+" -> a + b;
          case "-" -> a - b;
          default -> a * b;
        };
        assertThat(Integer.parseInt(m.group(4))).as(t).isEqualTo(expected);
      }
    }
  }

  @Test
  void draw_fixedCaseModes_applyToEveryLetter() {
    for (CaseMode mode : List.of(CaseMode.LOWER, CaseMode.UPPER)) {
      PrintForms forms = new PrintForms(lexicon, mode);
      SplittableRandom r = new SplittableRandom(15);
      for (int i = 0; i < 5000; i++) {
        String t = forms.next(r).text();
        assertThat(t).as("%s", mode).matches(mode == CaseMode.LOWER ? "[^A-Z]+" : "[^a-z]+");
      }
    }
    PrintForms capitalized = new PrintForms(lexicon, CaseMode.CAPITALIZED);
    SplittableRandom r = new SplittableRandom(16);
    for (int i = 0; i < 5000; i++) {
      Form f = capitalized.draw(r);
      if (f.kind() == Kind.PUNCTUATED) {
        assertThat(f.word().text()).matches("[A-Z][a-z]*[.,;:!?]");
      }
    }
  }

  @Test
  void draw_sameSeed_sameSequence() {
    PrintForms forms = new PrintForms(lexicon, CaseMode.MIXED);
    SplittableRandom a = new SplittableRandom(17);
    SplittableRandom b = new SplittableRandom(17);
    SplittableRandom c = new SplittableRandom(18);
    int differs = 0;
    for (int i = 0; i < 2000; i++) {
      Form fa = forms.draw(a);
      assertThat(new PrintForms(lexicon, CaseMode.MIXED).draw(b)).isEqualTo(fa);
      differs += forms.draw(c).equals(fa) ? 0 : 1;
    }
    assertThat(differs).isGreaterThan(1500);
  }

  @Test
  void draw_anyForm_isRandomWithTheIndexOfItsLowercaseAlphanumerics() {
    PrintForms forms = new PrintForms(lexicon, CaseMode.MIXED);
    SplittableRandom r = new SplittableRandom(19);
    int known = 0;
    for (int i = 0; i < N; i++) {
      Form f = forms.draw(r);
      Word w = f.word();
      String key = w.text().toLowerCase(java.util.Locale.ROOT).replaceAll("[^0-9a-z]", "");
      assertThat(w.random()).isTrue();
      assertThat(w.lexiconIndex()).as(w.text()).isEqualTo(lexicon.indexOf(key));
      if (f.kind() == Kind.PUNCTUATED) {
        assertThat(w.lexiconIndex()).as(w.text()).isNotNegative();
        known++;
      }
    }
    assertThat(known).isGreaterThan(5000);
    assertThat(PrintForms.alphanumericLowercase("Don't.")).isEqualTo("dont");
  }
}
