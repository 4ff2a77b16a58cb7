package dev.entente.tla;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the output of TLC run with {@code -tool} into a {@link TlcResult}. Stateless and
 * thread-safe.
 *
 * <p>In tool mode every message TLC prints is framed as {@code @!@!@STARTMSG code:class @!@!@}, its
 * text, and {@code @!@!@ENDMSG code @!@!@}, where {@code code} is a {@code tlc2.output.EC} constant
 * and {@code class} is 1 for errors, 2 for TLC bugs, 3 for warnings and 4 for states. The parser
 * relies on the codes, never on the wording of the surrounding text, except to read the numbers and
 * names inside a message. Lines outside frames (the parser's own progress) are ignored.
 */
public final class TlcOutputParser {
  // tlc2.output.EC codes.
  static final int PROGRESS_STATS = 2200;
  private static final int INVARIANT_VIOLATED_INITIAL = 2107;
  private static final int PROPERTY_VIOLATED_INITIAL = 2108;
  private static final int INVARIANT_VIOLATED_BEHAVIOR = 2110;
  private static final int ACTION_PROPERTY_VIOLATED_BEHAVIOR = 2112;
  private static final int DEADLOCK_REACHED = 2114;
  private static final int TEMPORAL_PROPERTY_VIOLATED = 2116;
  private static final int BEHAVIOR_UP_TO_THIS_POINT = 2121;
  private static final int BACK_TO_STATE = 2122;
  private static final int SUCCESS = 2193;
  private static final int SEARCH_DEPTH = 2194;
  private static final int STATS = 2199;
  private static final int STATE_PRINT1 = 2216;
  private static final int STATE_PRINT2 = 2217;
  private static final int STATE_PRINT3 = 2218;
  private static final int COUNTER_EXAMPLE = 2264;
  private static final int CLASS_ERROR = 1;
  private static final int CLASS_BUG = 2;

  private static final Pattern START = Pattern.compile("^@!@!@STARTMSG (\\d+):(\\d+) @!@!@$");
  private static final Pattern END = Pattern.compile("^@!@!@ENDMSG (\\d+) @!@!@$");
  private static final Pattern VIOLATED =
      Pattern.compile("(?:Invariant|[Pp]roperty) (\\S+) is violated");
  private static final Pattern STATS_TEXT =
      Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
  private static final Pattern DEPTH_TEXT = Pattern.compile("search is (\\d+)");
  private static final Pattern STATE_HEADER = Pattern.compile("^(\\d+): (.*)$");
  private static final Pattern BACK_TO = Pattern.compile("(\\d+)");
  private static final Pattern ACTION_NAME = Pattern.compile("^<(\\w+)");
  private static final Pattern VARIABLE = Pattern.compile("^/\\\\ (\\w+) = (.*)$");

  /** One framed message. */
  record Message(int code, int messageClass, String text) {}

  private TlcOutputParser() {}

  /**
   * Parses complete tool-mode output.
   *
   * @param timedOut whether the runner stopped TLC at its time limit (the outcome is then {@link
   *     TlcOutcome#TIMEOUT} whatever the output says)
   * @return the result, with wall time 0 (the caller knows the real one)
   */
  public static TlcResult parse(String output, boolean timedOut) {
    List<Message> messages = messages(output);
    @Nullable TlcOutcome outcome = null;
    String violated = "";
    long generated = -1;
    long distinct = -1;
    int depth = -1;
    int backTo = 0;
    boolean success = false;
    List<TraceState> trace = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Message m : messages) {
      switch (m.code()) {
        case INVARIANT_VIOLATED_INITIAL, INVARIANT_VIOLATED_BEHAVIOR -> {
          outcome = first(outcome, TlcOutcome.INVARIANT_VIOLATED);
          violated = violated.isEmpty() ? violatedName(m.text()) : violated;
        }
        case PROPERTY_VIOLATED_INITIAL,
            ACTION_PROPERTY_VIOLATED_BEHAVIOR,
            TEMPORAL_PROPERTY_VIOLATED -> {
          outcome = first(outcome, TlcOutcome.PROPERTY_VIOLATED);
          violated = violated.isEmpty() ? violatedName(m.text()) : violated;
        }
        case DEADLOCK_REACHED -> outcome = first(outcome, TlcOutcome.DEADLOCK);
        case STATE_PRINT1, STATE_PRINT2, STATE_PRINT3 -> trace.add(state(m.text()));
        case BACK_TO_STATE -> backTo = firstNumber(m.text());
        case SUCCESS -> success = true;
        case STATS -> {
          Matcher s = STATS_TEXT.matcher(m.text());
          if (s.find()) {
            generated = number(s.group(1));
            distinct = number(s.group(2));
          }
        }
        case SEARCH_DEPTH -> {
          Matcher d = DEPTH_TEXT.matcher(m.text());
          if (d.find()) {
            depth = Integer.parseInt(d.group(1));
          }
        }
        case BEHAVIOR_UP_TO_THIS_POINT, COUNTER_EXAMPLE -> {
          // Headers of the trace that follows.
        }
        default -> {
          if (m.messageClass() == CLASS_ERROR || m.messageClass() == CLASS_BUG) {
            errors.add(m.text().strip());
          }
        }
      }
    }
    if (timedOut) {
      outcome = TlcOutcome.TIMEOUT;
    } else if (outcome == null || !errors.isEmpty()) {
      outcome = success && errors.isEmpty() ? TlcOutcome.PASSED : TlcOutcome.ERROR;
    }
    if (depth < 0 && !trace.isEmpty()) {
      depth = trace.size();
    }
    return new TlcResult(outcome, violated, generated, distinct, depth, 0, trace, backTo, errors);
  }

  /** Splits tool-mode output into its framed messages, innermost first when frames nest. */
  static List<Message> messages(String output) {
    List<Message> out = new ArrayList<>();
    Deque<int[]> open = new ArrayDeque<>();
    Deque<StringBuilder> texts = new ArrayDeque<>();
    for (String line : output.split("\\R", -1)) {
      Matcher start = START.matcher(line);
      Matcher end = END.matcher(line);
      if (start.matches()) {
        open.push(new int[] {Integer.parseInt(start.group(1)), Integer.parseInt(start.group(2))});
        texts.push(new StringBuilder());
      } else if (end.matches() && !open.isEmpty()) {
        int[] header = open.pop();
        out.add(new Message(header[0], header[1], texts.pop().toString()));
      } else if (!texts.isEmpty()) {
        texts.peek().append(line).append('\n');
      }
    }
    return out;
  }

  /** Parses one printed state: a header line, then {@code /\ name = value} entries. */
  static TraceState state(String text) {
    String[] lines = text.split("\\R");
    Matcher header = STATE_HEADER.matcher(lines.length == 0 ? "" : lines[0].strip());
    int number = 0;
    String action = "";
    if (header.matches()) {
      number = Integer.parseInt(header.group(1));
      action = actionName(header.group(2).strip());
    }
    Map<String, String> variables = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < lines.length; i++) {
      Matcher v = VARIABLE.matcher(lines[i]);
      if (v.matches()) {
        if (name != null) {
          variables.put(name, value.toString());
        }
        name = v.group(1);
        value = new StringBuilder(v.group(2).strip());
      } else if (name != null && !lines[i].isBlank()) {
        value.append(' ').append(lines[i].strip());
      }
    }
    if (name != null) {
      variables.put(name, value.toString());
    }
    return new TraceState(number, action, variables);
  }

  private static String actionName(String label) {
    Matcher a = ACTION_NAME.matcher(label);
    if (label.startsWith("<Initial predicate>")) {
      return "Initial predicate";
    }
    return a.find() ? a.group(1) : label;
  }

  private static String violatedName(String text) {
    Matcher v = VIOLATED.matcher(text);
    return v.find() ? v.group(1) : "";
  }

  private static int firstNumber(String text) {
    Matcher n = BACK_TO.matcher(text);
    return n.find() ? Integer.parseInt(n.group(1)) : 0;
  }

  private static long number(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }

  private static TlcOutcome first(@Nullable TlcOutcome current, TlcOutcome next) {
    return current == null ? next : current;
  }
}
