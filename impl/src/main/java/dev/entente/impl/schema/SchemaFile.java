package dev.entente.impl.schema;

import dev.entente.model.schema.Field;
import dev.entente.model.schema.FieldType;
import dev.entente.model.schema.Invariant;
import dev.entente.model.schema.KeyPattern;
import dev.entente.model.schema.Lens;
import dev.entente.model.schema.LensStep;
import dev.entente.model.schema.Schema;
import dev.entente.model.schema.SchemaChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a schema file (JSON; the format is in {@code docs/schema-evolution.md}) into a {@link
 * SchemaChain} and type-checks its lenses with {@link LensChecker}. Every refusal is a {@link
 * SchemaException} naming the line: JSON syntax, a missing or mistyped member, a bad key pattern or
 * type, a lens that does not type-check, a lossy step not declared lossy. Stateless.
 */
public final class SchemaFile {
  private SchemaFile() {}

  /** The checked chain {@code text} declares; {@code source} names it in errors. */
  public static SchemaChain parse(String source, String text) throws SchemaException {
    Reader r = new Reader(source);
    JsonNode root = JsonNode.parse(source, text);
    Map<String, JsonNode> top = r.object(root, "the schema file");
    List<Schema> versions = new ArrayList<>();
    for (JsonNode v : r.list(r.member(top, root, "versions"), "versions")) {
      versions.add(r.version(v, versions.size() + 1));
    }
    List<LensStep> steps = new ArrayList<>();
    List<List<Integer>> lines = new ArrayList<>();
    JsonNode stepsNode = top.get("steps");
    for (JsonNode s : stepsNode == null ? List.<JsonNode>of() : r.list(stepsNode, "steps")) {
      List<Integer> lensLines = new ArrayList<>();
      steps.add(r.step(s, steps.size() + 1, lensLines));
      lines.add(lensLines);
    }
    SchemaChain chain = r.guard(root, () -> new SchemaChain(versions, steps));
    for (LensChecker.Problem p : LensChecker.check(chain)) {
      int line = p.lens() < 0 ? root.line() : lines.get(p.step() - 1).get(p.lens());
      throw new SchemaException(source, line, p.message());
    }
    return chain;
  }

  /** The typed accessors, each naming the line of what it refuses. */
  private record Reader(String source) {
    interface Build<T> {
      T get();
    }

    <T> T guard(JsonNode at, Build<T> build) throws SchemaException {
      try {
        return build.get();
      } catch (IllegalArgumentException e) {
        throw new SchemaException(source, at.line(), String.valueOf(e.getMessage()));
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, JsonNode> object(JsonNode n, String what) throws SchemaException {
      if (n.value() instanceof Map<?, ?> m) {
        return (Map<String, JsonNode>) m;
      }
      throw new SchemaException(source, n.line(), what + " must be a JSON object");
    }

    @SuppressWarnings("unchecked")
    List<JsonNode> list(JsonNode n, String what) throws SchemaException {
      if (n.value() instanceof List<?> l) {
        return (List<JsonNode>) l;
      }
      throw new SchemaException(source, n.line(), what + " must be a JSON array");
    }

    JsonNode member(Map<String, JsonNode> o, JsonNode at, String name) throws SchemaException {
      JsonNode n = o.get(name);
      if (n == null) {
        throw new SchemaException(source, at.line(), "missing member \"" + name + "\"");
      }
      return n;
    }

    String text(Map<String, JsonNode> o, JsonNode at, String name) throws SchemaException {
      JsonNode n = member(o, at, name);
      if (n.value() instanceof String s) {
        return s;
      }
      throw new SchemaException(source, n.line(), "\"" + name + "\" must be a string");
    }

    long number(Map<String, JsonNode> o, JsonNode at, String name) throws SchemaException {
      JsonNode n = member(o, at, name);
      if (n.value() instanceof Number x && x.doubleValue() == x.longValue()) {
        return x.longValue();
      }
      throw new SchemaException(source, n.line(), "\"" + name + "\" must be an integer");
    }

    Schema version(JsonNode node, int expected) throws SchemaException {
      Map<String, JsonNode> o = object(node, "a version");
      long v = number(o, node, "version");
      if (v != expected) {
        throw new SchemaException(
            source, node.line(), "expected version " + expected + ", was " + v);
      }
      List<Field> fields = new ArrayList<>();
      for (JsonNode f : list(member(o, node, "fields"), "fields")) {
        fields.add(field(f));
      }
      List<Invariant> invariants = new ArrayList<>();
      JsonNode inv = o.get("invariants");
      for (JsonNode i : inv == null ? List.<JsonNode>of() : list(inv, "invariants")) {
        invariants.add(invariant(i));
      }
      return guard(node, () -> new Schema(expected, fields, invariants));
    }

    private Field field(JsonNode n) throws SchemaException {
      String s = n.value() instanceof String t ? t : "";
      int colon = s.lastIndexOf(':');
      if (colon < 0) {
        throw new SchemaException(
            source, n.line(), "a field is \"pattern: type\", was '" + s + "'");
      }
      return guard(
          n,
          () ->
              new Field(
                  new KeyPattern(s.substring(0, colon).trim()),
                  FieldType.parse(s.substring(colon + 1).trim())));
    }

    private Invariant invariant(JsonNode n) throws SchemaException {
      String s = n.value() instanceof String t ? t : "";
      String[] sides = s.split("<", -1);
      if (sides.length != 2) {
        throw new SchemaException(source, n.line(), "an invariant is \"a < b\", was '" + s + "'");
      }
      return guard(
          n, () -> new Invariant(new KeyPattern(sides[0].trim()), new KeyPattern(sides[1].trim())));
    }

    LensStep step(JsonNode node, int expected, List<Integer> lensLines) throws SchemaException {
      Map<String, JsonNode> o = object(node, "a lens step");
      long from = number(o, node, "from");
      if (from != expected) {
        throw new SchemaException(
            source, node.line(), "expected from " + expected + ", was " + from);
      }
      JsonNode lossyNode = o.get("lossy");
      boolean lossy = lossyNode != null && Boolean.TRUE.equals(lossyNode.value());
      List<Lens> lenses = new ArrayList<>();
      for (JsonNode l : list(member(o, node, "lenses"), "lenses")) {
        lenses.add(lens(l));
        lensLines.add(l.line());
      }
      return guard(node, () -> new LensStep(expected, lossy, lenses));
    }

    private Lens lens(JsonNode n) throws SchemaException {
      Map<String, JsonNode> o = object(n, "a lens");
      if (o.containsKey("rename")) {
        String from = text(o, n, "rename");
        String to = text(o, n, "to");
        return guard(n, () -> new Lens.Rename(new KeyPattern(from), new KeyPattern(to)));
      } else if (o.containsKey("remove")) {
        String p = text(o, n, "remove");
        return guard(n, () -> new Lens.Remove(new KeyPattern(p)));
      } else if (o.containsKey("add")) {
        String p = text(o, n, "add");
        String type = text(o, n, "type");
        String d = text(o, n, "default");
        return guard(n, () -> new Lens.Add(new KeyPattern(p), FieldType.parse(type), d));
      } else if (o.containsKey("convert")) {
        String p = text(o, n, "convert");
        String from = text(o, n, "from");
        String to = text(o, n, "to");
        return guard(
            n,
            () -> new Lens.Convert(new KeyPattern(p), FieldType.parse(from), FieldType.parse(to)));
      } else if (o.containsKey("split")) {
        return split(n, o);
      }
      throw new SchemaException(
          source, n.line(), "a lens is one of rename, remove, add, convert, split");
    }

    private Lens split(JsonNode n, Map<String, JsonNode> o) throws SchemaException {
      String from = text(o, n, "split");
      List<JsonNode> into = list(member(o, n, "into"), "\"into\"");
      String sep = text(o, n, "separator");
      if (into.size() != 2
          || !(into.get(0).value() instanceof String a)
          || !(into.get(1).value() instanceof String b)) {
        throw new SchemaException(source, n.line(), "\"into\" must be two key patterns");
      }
      return guard(
          n, () -> new Lens.Split(new KeyPattern(from), new KeyPattern(a), new KeyPattern(b), sep));
    }
  }
}
