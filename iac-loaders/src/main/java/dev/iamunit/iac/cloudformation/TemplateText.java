package dev.iamunit.iac.cloudformation;

import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A template file's text. CloudFormation reads templates as UTF-8 ("Template format": "You can
 * author templates in JSON or YAML ... encoded in UTF-8"), so bytes that are not UTF-8 are an
 * error naming the line and column where they are, not a decoder's stack trace.
 */
final class TemplateText {

  private TemplateText() {}

  static String read(Path file, String name) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TemplateException("cannot read the template: " + e.getMessage(), SourceLocation.of(name, 0, 0));
    }
    return decode(bytes, name);
  }

  static String decode(byte[] bytes, String name) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    out.flip();
    if (result.isError()) {
      throw new TemplateException(String.format("the template is not UTF-8: byte 0x%02X cannot appear here; "
          + "CloudFormation reads templates as UTF-8: save the file as UTF-8", bytes[in.position()] & 0xFF),
          position(out, name));
    }
    return out.toString();
  }

  /** Line and column just after {@code decoded}, counting CR LF, LF and a lone CR as one line end. */
  private static SourceLocation position(CharSequence decoded, String name) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == decoded.length() || decoded.charAt(i + 1) != '\n')) {
        line++;
        column = 1;
      } else if (c != '\r' && c != '\uFEFF') {
        column++;
      }
    }
    return SourceLocation.of(name, line, column);
  }
}
