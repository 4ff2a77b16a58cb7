package dev.entente.reports;

/** Escaping for the two output languages; pure functions. */
final class Escape {
  private Escape() {}

  /** Escapes text for HTML element content and double- or single-quoted attribute values. */
  static String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escapes text for Markdown inline content, including table cells: every character that
   * CommonMark or GitHub's tables could read as syntax gets a backslash, and line breaks become
   * spaces (a table row is one line).
   */
  static String markdown(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        out.append(' ');
      } else if ("\\`*_[]<>|#!~&".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A Markdown code span around {@code text}, with a fence longer than any backtick run in it. */
  static String markdownCode(String text) {
    String flat = text.replace('\n', ' ').replace('\r', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
    return fence + pad + flat + pad + fence;
  }

  /**
   * Escapes a paragraph: {@link #markdown} plus the line-start markers that would turn it into a
   * list, a heading underline or a quote ({@code -}, {@code +}, {@code =}, {@code 1.}).
   */
  static String markdownParagraph(String text) {
    String escaped = markdown(text);
    if (!escaped.isEmpty() && "-+=".indexOf(escaped.charAt(0)) >= 0) {
      return "\\" + escaped;
    }
    return escaped.replaceFirst("^(\\d+)([.)])", "$1\\\\$2");
  }
}
