package dev.iamunit.iac.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

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
import org.apiguardian.api.API;

/**
 * A source file's text, read as both Terraform and CloudFormation read theirs: UTF-8, a leading
 * byte order mark ignored. Bytes that are not UTF-8 are an error naming the line and column where
 * they are, not a decoder's stack trace; a file larger than the caller's limit is refused before it
 * is read, so that a stray binary or log file cannot exhaust the heap.
 */
@API(status = INTERNAL, since = "0.1")
public final class SourceText {

  private SourceText() {}

  /**
   * The text of {@code file}.
   *
   * @param name the file as locations name it
   * @param reader who reads only UTF-8, for the message: {@code Terraform}, {@code CloudFormation}
   * @param maxBytes the largest file accepted
   */
  public static String read(Path file, String name, String reader, long maxBytes) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new TemplateException("the file is " + size / (1024 * 1024) + " MB; IAMUnit reads " + reader + " files of up to "
            + maxBytes / (1024 * 1024) + " MB. Is it really " + reader + " source?", SourceLocation.of(name, 0, 0));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TemplateException("cannot read the file: " + e, SourceLocation.of(name, 0, 0));
    }
    return decode(bytes, name, reader);
  }

  /** UTF-8 {@code bytes} as text, without a byte order mark. */
  public static String decode(byte[] bytes, String name, String reader) {
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
      throw new TemplateException(String.format("the file is not UTF-8: byte 0x%02X cannot appear here; "
          + "%s reads only UTF-8: save the file as UTF-8", bytes[in.position()] & 0xFF, reader), position(out, name));
    }
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Whether the character at {@code i} ends a line: LF, or a CR not followed by LF (the CR of CR
   * LF is not counted, its LF is), so that every reader of a file numbers its lines alike.
   */
  public static boolean endsLine(CharSequence text, int i) {
    char c = text.charAt(i);
    return c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
  }

  /** Line and column just after {@code decoded}, counting CR LF, LF and a lone CR as one line end. */
  private static SourceLocation position(CharSequence decoded, String name) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (endsLine(decoded, i)) {
        line++;
        column = 1;
      } else if (c != '\r' && c != '\uFEFF') {
        column++;
      }
    }
    return SourceLocation.of(name, line, column);
  }
}
