package dev.entente.peers.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code cmd:"..."} command line into words: whitespace separates words, single or double
 * quotes group them (no escapes, no expansion: the words are given to the process as they are).
 */
public final class CommandLine {
  private CommandLine() {}

  /**
   * The words of {@code line}.
   *
   * @throws IllegalArgumentException if a quote is not closed or there is no word
   */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in command line: " + line);
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("empty command line");
    }
    return words;
  }
}
