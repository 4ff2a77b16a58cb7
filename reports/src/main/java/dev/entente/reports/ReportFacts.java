package dev.entente.reports;

import dev.entente.reports.ReportDocument.Machine;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts shared by both renderers, so HTML and Markdown say the same things in the same order. Pure
 * functions.
 */
final class ReportFacts {
  private ReportFacts() {}

  /** Label and value pairs for the header, in display order. */
  static List<String[]> of(ReportDocument document) {
    Machine machine = document.machine();
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"JDK", machine.jdk()});
    facts.add(new String[] {"Cores", Integer.toString(machine.cores())});
    if (machine.os() != null) {
      facts.add(new String[] {"OS", machine.os()});
    }
    String dirty = Boolean.TRUE.equals(machine.dirty()) ? " (uncommitted changes)" : "";
    facts.add(new String[] {"Commit", machine.commit() + dirty});
    if (document.mode() != null) {
      facts.add(new String[] {"Mode", document.mode()});
    }
    if (document.seeds() != null) {
      long first = document.seeds().first();
      long count = document.seeds().count();
      String range = count == 1 ? Long.toString(first) : first + "\u2013" + (first + count - 1);
      facts.add(new String[] {"Seeds", range + " (" + count + (count == 1 ? " seed)" : " seeds)")});
    }
    return facts;
  }

  /** Splits text into paragraphs at blank lines; single line breaks become spaces. */
  static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String block : text.strip().split("\\R\\s*\\R")) {
      String joined = block.strip().replaceAll("\\s*\\R\\s*", " ");
      if (!joined.isEmpty()) {
        paragraphs.add(joined);
      }
    }
    return paragraphs;
  }
}
