package org.jaznet.pages.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * The official ALTO 4.2 XSD, when a copy is at hand: system property {@code jaznet.alto.xsd} (a file
 * path) or the test resource {@code org/jaznet/pages/write/alto-4-2.xsd}. Its import of the XLink
 * schema is resolved to {@code xlink.xsd} beside it; every other import is refused, so validation
 * never touches the network.
 */
final class AltoSchema {
  static final String RESOURCE = "/org/jaznet/pages/write/alto-4-2.xsd";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";

  private AltoSchema() {}

  /** The schema, or null when no copy of the XSD is available. */
  static Schema load() {
    try {
      URL xsd = locate();
      if (xsd == null) {
        return null;
      }
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

  private static URL locate() throws IOException {
    String prop = System.getProperty("jaznet.alto.xsd");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toUri().toURL();
    }
    return AltoSchema.class.getResource(RESOURCE);
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
