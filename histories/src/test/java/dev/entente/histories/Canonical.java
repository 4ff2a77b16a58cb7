package dev.entente.histories;

import dev.entente.model.history.History;
import dev.entente.model.history.HistoryOp;
import dev.entente.model.history.Keyword;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A history with the differences JSON cannot express erased: keywords become strings and map keys
 * become their text, as elle-cli's JSON twins write them.
 */
final class Canonical {
  private Canonical() {}

  static List<List<Object>> of(History history) {
    List<List<Object>> out = new ArrayList<>();
    for (HistoryOp op : history.ops()) {
      List<Object> row = new ArrayList<>();
      row.add(op.index());
      row.add(op.type());
      row.add(op.process());
      row.add(op.f().name());
      row.add(value(op.value()));
      row.add(op.timeNanos());
      row.add(value(op.error()));
      out.add(row);
    }
    return out;
  }

  static Object value(Object v) {
    if (v instanceof Keyword k) {
      return k.name();
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(x -> out.add(value(x)));
      return out;
    }
    if (v instanceof Set<?> set) {
      Set<Object> out = new LinkedHashSet<>();
      set.forEach(x -> out.add(value(x)));
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put(String.valueOf(value(k)), value(x)));
      return out;
    }
    return v;
  }
}
