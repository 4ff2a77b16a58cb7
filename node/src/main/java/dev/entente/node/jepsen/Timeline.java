package dev.entente.node.jepsen;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.OpType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code timeline.html}: one self-contained page (inline SVG, no scripts, no external assets) with
 * a lane per client process, each op a bar from invocation to completion coloured by outcome (ok
 * green, fail red, info amber), and every fault window shaded across all lanes with its label.
 */
final class Timeline {
  private static final int WIDTH = 1100;
  private static final int LEFT = 70;
  private static final int LANE = 16;
  private static final int TOP = 40;

  private Timeline() {}

  static String html(History history, List<Nemesis.Window> windows, String title) {
    Map<Long, Integer> lanes = new TreeMap<>();
    long end = 1;
    for (HistoryOp op : history.ops()) {
      end = Math.max(end, op.timeNanos());
      if (!op.isNemesis()) {
        lanes.putIfAbsent(op.process(), 0);
      }
    }
    int i = 0;
    for (Map.Entry<Long, Integer> e : lanes.entrySet()) {
      e.setValue(i++);
    }
    int height = TOP + lanes.size() * LANE + 30;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"10\">%n",
            WIDTH,
            height));
    faults(svg, windows, end, height);
    for (Map.Entry<Long, Integer> e : lanes.entrySet()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"4\" y=\"%d\">process %d</text>%n",
              TOP + e.getValue() * LANE + 11,
              e.getKey()));
    }
    ops(svg, history, lanes, end);
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\">0 s</text><text x=\"%d\" y=\"%d\">%.1f s</text>%n",
            LEFT,
            height - 6,
            WIDTH - 50,
            height - 6,
            end / 1e9));
    svg.append("</svg>\n");
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
        + escape(title)
        + "</title></head><body>\n<h1>"
        + escape(title)
        + "</h1>\n<p>Ops: green ok, red fail, amber info. Shaded: fault windows"
        + " (kill red, pause purple, partition blue, clock green).</p>\n"
        + svg
        + "</body></html>\n";
  }

  /** One shaded, labelled rectangle per fault window, across every lane. */
  private static void faults(
      StringBuilder svg, List<Nemesis.Window> windows, long end, int height) {
    for (Nemesis.Window w : windows) {
      double x0 = x(w.startNanos(), end);
      double x1 = Math.max(x0 + 1, x(w.endNanos(), end));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"fault %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                  + " fill=\"%s\" fill-opacity=\"0.25\"><title>%s</title></rect>%n",
              w.kind(),
              x0,
              TOP - 14,
              x1 - x0,
              height - TOP - 16,
              colour(w.kind()),
              escape(w.label())));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
              x0 + 2,
              TOP - 18,
              escape(w.label())));
    }
  }

  /** One bar per completed op, from its invocation to its completion, in its process's lane. */
  private static void ops(StringBuilder svg, History history, Map<Long, Integer> lanes, long end) {
    Map<Long, HistoryOp> open = new HashMap<>();
    for (HistoryOp op : history.clientOps()) {
      if (op.type() == OpType.INVOKE) {
        open.put(op.process(), op);
        continue;
      }
      HistoryOp inv = open.remove(op.process());
      long start = inv == null ? op.timeNanos() : inv.timeNanos();
      double x0 = x(start, end);
      String type = op.type().name().toLowerCase(Locale.ROOT);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"op %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                  + " fill=\"%s\"><title>%s %s</title></rect>%n",
              type,
              x0,
              TOP + lanes.getOrDefault(op.process(), 0) * LANE + 2,
              Math.max(1.5, x(op.timeNanos(), end) - x0),
              LANE - 4,
              outcome(op.type()),
              op.f(),
              type));
    }
  }

  private static double x(long nanos, long end) {
    return LEFT + (WIDTH - LEFT - 10) * (double) nanos / end;
  }

  private static String outcome(OpType t) {
    return switch (t) {
      case OK -> "#2e7d32";
      case FAIL -> "#c62828";
      default -> "#f9a825";
    };
  }

  private static String colour(String kind) {
    return switch (kind) {
      case "kill" -> "#e53935";
      case "pause" -> "#8e24aa";
      case "partition" -> "#1e88e5";
      default -> "#43a047";
    };
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
