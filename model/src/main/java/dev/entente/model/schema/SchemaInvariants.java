package dev.entente.model.schema;

import dev.entente.model.Key;
import dev.entente.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Judges a version's declared invariants over the known part of a view. Stateless. */
public final class SchemaInvariants {
  private SchemaInvariants() {}

  /** Each broken invariant instance, as a sentence; empty when all hold. */
  public static List<String> violations(Schema schema, Map<Key, Value> known) {
    List<String> out = new ArrayList<>();
    for (Invariant inv : schema.invariants()) {
      Field left = schema.field(inv.left());
      Field right = schema.field(inv.right());
      if (left == null || right == null) {
        continue;
      }
      for (Map.Entry<Key, Value> e : known.entrySet()) {
        Map<String, String> b = inv.left().match(e.getKey());
        if (b == null) {
          continue;
        }
        Key rightKey = inv.right().bind(b);
        Value other = known.get(rightKey);
        if (other == null) {
          continue;
        }
        OptionalLong a = left.type().number(e.getValue().value());
        OptionalLong c = right.type().number(other.value());
        if (a.isPresent() && c.isPresent() && a.getAsLong() >= c.getAsLong()) {
          out.add(e.getKey() + "=" + e.getValue() + " is not below " + rightKey + "=" + other);
        }
      }
    }
    return out;
  }
}
