package dev.entente.simulations.workload;

import java.util.List;

/**
 * What a client intends to do, as plain data drawn when the schedule is planned. Intents that
 * depend on what the client currently reads (the calendar's one-ended edits) carry pre-drawn
 * numbers and are resolved against the client's view when they run, so execution itself draws no
 * randomness. Immutable.
 */
public sealed interface ClientOp {
  /** A canonical one-line description for the trace and for shrinking reports. */
  String describe();

  /** Reads the whole map. */
  record Read() implements ClientOp {
    @Override
    public String describe() {
      return "read";
    }
  }

  /**
   * One change writing several keys; each entry is a put (with a fresh unique value) or a delete.
   */
  record Write(List<KeyWrite> writes) implements ClientOp {
    /** Copies the list. */
    public Write {
      writes = List.copyOf(writes);
    }

    @Override
    public String describe() {
      StringBuilder b = new StringBuilder("write");
      for (KeyWrite w : writes) {
        b.append(w.delete() ? " -" : " +").append(w.key());
      }
      return b.toString();
    }
  }

  /** One key of a {@link Write}. */
  record KeyWrite(String key, boolean delete) {}

  /** Moves (or creates) calendar event {@code event}: writes start and end in one change. */
  record CalendarMove(int event, long start, long length) implements ClientOp {
    @Override
    public String describe() {
      return "move event/" + event + " " + start + "+" + length;
    }
  }

  /** Cancels calendar event {@code event}: deletes both keys in one change. */
  record CalendarCancel(int event) implements ClientOp {
    @Override
    public String describe() {
      return "cancel event/" + event;
    }
  }

  /**
   * Changes one end of event {@code event}, consistently with what the client reads: a new start
   * before the end it sees, or a new end after the start it sees. {@code amount} is a pre-drawn
   * non-negative number that picks how far.
   */
  record CalendarAdjust(int event, boolean start, long amount) implements ClientOp {
    @Override
    public String describe() {
      return "adjust event/" + event + (start ? " start " : " end ") + amount;
    }
  }

  /**
   * An edit of calendar event {@code event} under a schema rollout, spelt in whatever version the
   * client's machine runs when it executes: {@code action} 0 sets the title, 1 the time span, 2 the
   * notes, 3 the colour, 4 cancels the event; {@code a} and {@code b} are pre-drawn numbers.
   */
  record SchemaEdit(int event, int action, long a, long b) implements ClientOp {
    @Override
    public String describe() {
      return "schema-edit event/" + event + " action " + action + " " + a + " " + b;
    }
  }
}
