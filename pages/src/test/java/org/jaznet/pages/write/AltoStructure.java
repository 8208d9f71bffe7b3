package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The part of the ALTO 4 content model this project writes, checked element by element: order of
 * children, required attributes, numeric attributes, unique NCName ids. The official XSD
 * ({@link AltoSchema}) validates the same files; this names the part of the model that the writer
 * promises, with readable failures, and checks ids across the file.
 */
final class AltoStructure {
  static final String NS = "http://www.loc.gov/standards/alto/ns-v4#";

  private AltoStructure() {}

  static void check(Document d) {
    Element alto = d.getDocumentElement();
    assertThat(alto.getLocalName()).isEqualTo("alto");
    assertThat(alto.getNamespaceURI()).isEqualTo(NS);
    Set<String> ids = new HashSet<>();
    List<Element> top = Fixtures.children(alto);
    assertThat(top).extracting(Element::getLocalName).containsExactly("Description", "Layout");
    for (Element e : top) {
      assertThat(e.getNamespaceURI()).isEqualTo(NS);
    }
    Element desc = top.get(0);
    assertThat(Fixtures.children(desc)).extracting(Element::getLocalName)
        .containsExactly("MeasurementUnit", "sourceImageInformation", "OCRProcessing");
    assertThat(Fixtures.children(desc).get(0).getTextContent()).isEqualTo("pixel");
    assertThat(Fixtures.children(Fixtures.children(desc).get(1))).extracting(Element::getLocalName).containsExactly("fileName");
    Element ocr = Fixtures.children(desc).get(2);
    id(ocr, ids, true);
    assertThat(Fixtures.children(ocr)).extracting(Element::getLocalName).containsExactly("ocrProcessingStep");
    Element step = Fixtures.children(ocr).get(0);
    assertThat(Fixtures.children(step)).extracting(Element::getLocalName).containsExactly("processingSoftware");
    assertThat(Fixtures.children(Fixtures.children(step).get(0))).extracting(Element::getLocalName).containsExactly("softwareName");

    List<Element> pages = Fixtures.children(top.get(1));
    assertThat(pages).isNotEmpty().allSatisfy(p -> assertThat(p.getLocalName()).isEqualTo("Page"));
    for (Element page : pages) {
      id(page, ids, true);
      number(page, "PHYSICAL_IMG_NR", true);
      number(page, "WIDTH", false);
      number(page, "HEIGHT", false);
      List<Element> spaces = Fixtures.children(page);
      assertThat(spaces).extracting(Element::getLocalName).containsExactly("PrintSpace");
      Element ps = spaces.get(0);
      boxAttributes(ps);
      for (Element block : Fixtures.children(ps)) {
        assertThat(block.getLocalName()).isEqualTo("TextBlock");
        id(block, ids, true);
        boxAttributes(block);
        for (Element line : Fixtures.children(block)) {
          assertThat(line.getLocalName()).isEqualTo("TextLine");
          id(line, ids, false);
          boxAttributes(line);
          checkLine(line, ids);
        }
      }
    }
  }

  /** (String SP?)+ without HYP: starts and ends with a String, no two SP in a row. */
  private static void checkLine(Element line, Set<String> ids) {
    List<Element> items = Fixtures.children(line);
    assertThat(items).isNotEmpty();
    assertThat(items.get(0).getLocalName()).isEqualTo("String");
    assertThat(items.get(items.size() - 1).getLocalName()).isEqualTo("String");
    String prev = "";
    for (Element e : items) {
      assertThat(e.getLocalName()).isIn("String", "SP");
      assertThat(e.getLocalName().equals("SP") && prev.equals("SP")).as("two SP in a row").isFalse();
      assertThat(Fixtures.children(e)).isEmpty();
      boxAttributes(e);
      if (e.getLocalName().equals("String")) {
        id(e, ids, false);
        assertThat(e.hasAttribute("CONTENT")).as("CONTENT is required").isTrue();
        if (e.hasAttribute("WC")) {
          assertThat(Float.parseFloat(e.getAttribute("WC"))).isBetween(0f, 1f);
        }
      } else {
        assertThat(e.hasAttribute("ID")).isFalse();
      }
      prev = e.getLocalName();
    }
  }

  private static void boxAttributes(Element e) {
    for (String a : List.of("HPOS", "VPOS", "WIDTH", "HEIGHT")) {
      number(e, a, false);
    }
  }

  private static void number(Element e, String attr, boolean required) {
    if (required) {
      assertThat(e.hasAttribute(attr)).as("%s@%s is required", e.getLocalName(), attr).isTrue();
    }
    if (e.hasAttribute(attr)) {
      assertThat(Float.parseFloat(e.getAttribute(attr))).as("%s@%s", e.getLocalName(), attr).isNotNaN();
    }
  }

  private static void id(Element e, Set<String> ids, boolean required) {
    if (required) {
      assertThat(e.hasAttribute("ID")).as("%s@ID is required", e.getLocalName()).isTrue();
    }
    if (e.hasAttribute("ID")) {
      String id = e.getAttribute("ID");
      assertThat(id).matches("[A-Za-z_][A-Za-z0-9_.-]*");
      assertThat(ids.add(id)).as("duplicate ID %s", id).isTrue();
    }
  }
}
