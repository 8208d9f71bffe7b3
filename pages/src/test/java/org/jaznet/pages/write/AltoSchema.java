package org.jaznet.pages.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official ALTO 4.2 XSD, shipped as the test resource {@value #RESOURCE} with the XLink schema it
 * imports ({@code xlink.xsd} beside it; sources and licences in {@code SCHEMAS.md} there). System
 * property {@code jaznet.alto.xsd} (a file path, with its {@code xlink.xsd} beside it) validates
 * against another copy instead. A missing schema is a failure, never a skip. The ALTO import of the
 * XLink schema is resolved to the local copy; every other import is refused, so validation never
 * touches the network.
 */
final class AltoSchema {
  static final String RESOURCE = "/org/jaznet/pages/write/alto-4-2.xsd";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";

  private static Schema cached;

  private AltoSchema() {}

  /** The compiled schema (compiled once); fails the test when the XSD is not there. */
  static synchronized Schema load() {
    if (cached == null) {
      cached = compile(locate());
    }
    return cached;
  }

  private static Schema compile(URL xsd) {
    try {
      URL xlink = new URL(xsd, "xlink.xsd");
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setResourceResolver(new Resolver(xlink));
      try (InputStream in = xsd.openStream()) {
        return f.newSchema(new StreamSource(in, xsd.toExternalForm()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SAXException e) {
      throw new AssertionError("ALTO XSD does not load: " + e.getMessage(), e);
    }
  }

  /**
   * Every error and warning the schema finds in {@code xml} (empty when it is valid). The schema given
   * is the only one used: the document's xsi:schemaLocation is not fetched, nor is any DTD.
   */
  static List<String> problems(byte[] xml) {
    Validator v = load().newValidator();
    List<String> problems = new ArrayList<>();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setErrorHandler(new ErrorHandler() {
        @Override public void warning(SAXParseException e) { problems.add("warning " + where(e)); }
        @Override public void error(SAXParseException e) { problems.add("error " + where(e)); }
        @Override public void fatalError(SAXParseException e) { problems.add("fatal " + where(e)); }
      });
      v.validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXParseException e) {
      // already reported to the handler
    } catch (SAXException e) {
      problems.add("error " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  private static String where(SAXParseException e) {
    return e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
  }

  /** Where the XSD is: the property's file, else the shipped resource; an AssertionError if neither. */
  static URL locate() {
    String prop = System.getProperty("jaznet.alto.xsd");
    if (prop != null && !prop.isBlank()) {
      Path p = Path.of(prop);
      if (!Files.isRegularFile(p)) {
        throw new AssertionError("-Djaznet.alto.xsd=" + prop + ": no such file");
      }
      try {
        return p.toUri().toURL();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    URL url = AltoSchema.class.getResource(RESOURCE);
    if (url == null) {
      throw new AssertionError("the ALTO 4.2 XSD is missing from the test class path: " + RESOURCE);
    }
    return url;
  }

  /** Gives the XLink import from the local copy; refuses anything else. */
  private record Resolver(URL xlink) implements LSResourceResolver {
    @Override
    public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
      if (!XLINK_NS.equals(namespace)) {
        throw new IllegalStateException("schema import not available offline: " + namespace + " " + systemId);
      }
      try (InputStream in = xlink.openStream()) {
        return new Input(in.readAllBytes(), xlink.toExternalForm());
      } catch (IOException e) {
        throw new UncheckedIOException("xlink.xsd beside the ALTO XSD: " + xlink, e);
      }
    }
  }

  private static final class Input implements LSInput {
    private final byte[] bytes;
    private String systemId;

    Input(byte[] bytes, String systemId) {
      this.bytes = bytes;
      this.systemId = systemId;
    }

    @Override public Reader getCharacterStream() { return null; }
    @Override public void setCharacterStream(Reader r) {}
    @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
    @Override public void setByteStream(InputStream s) {}
    @Override public String getStringData() { return null; }
    @Override public void setStringData(String s) {}
    @Override public String getSystemId() { return systemId; }
    @Override public void setSystemId(String s) { systemId = s; }
    @Override public String getPublicId() { return null; }
    @Override public void setPublicId(String s) {}
    @Override public String getBaseURI() { return systemId; }
    @Override public void setBaseURI(String s) {}
    @Override public String getEncoding() { return null; }
    @Override public void setEncoding(String s) {}
    @Override public boolean getCertifiedText() { return false; }
    @Override public void setCertifiedText(boolean b) {}
  }
}
