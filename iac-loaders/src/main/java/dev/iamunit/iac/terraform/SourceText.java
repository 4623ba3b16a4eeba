package dev.iamunit.iac.terraform;

import dev.iamunit.iac.TemplateException;
import dev.iamunit.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a Terraform file (.tf, .tf.json, .tfvars, a plan, a file given to {@code file()}) as
 * Terraform does: UTF-8, with a leading byte order mark ignored. A file that is not UTF-8, or too
 * large to be source, is a clear error naming it, not a decoder's stack trace.
 */
final class SourceText {

  /**
   * Larger than any Terraform source or plan a policy test needs (the largest generated
   * .tf.json in the shared corpus is under 1 MB); it keeps a stray binary or log file from
   * exhausting the heap.
   */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  private SourceText() {}

  /**
   * The text of {@code file}, without a byte order mark.
   *
   * @param name the file as locations name it
   */
  static String read(Path file, String name) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new TemplateException("the file is " + size / (1024 * 1024) + " MB; IAMUnit reads Terraform files of up to "
            + MAX_BYTES / (1024 * 1024) + " MB. Is it really Terraform source?", SourceLocation.of(name, 0, 0));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new TemplateException("cannot read the file: " + e, SourceLocation.of(name, 0, 0));
    }
    return decode(bytes, name);
  }

  /** UTF-8 {@code bytes} as text, without a byte order mark; invalid bytes are an error at their line. */
  static String decode(byte[] bytes, String name) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int at = firstInvalidByte(bytes);
      int line = 1;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new TemplateException(String.format("the file is not UTF-8 text: byte 0x%02X at offset %d is not valid UTF-8;"
          + " Terraform reads only UTF-8, so save the file as UTF-8", bytes[at] & 0xFF, at), SourceLocation.of(name, line, 0));
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The offset of the first byte that does not decode, found by decoding in steps. */
  private static int firstInvalidByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      var result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        return Math.max(0, bytes.length - 1);
      }
      out.clear();
    }
  }
}
