package dev.timbre.agent.session;

import dev.timbre.agent.transcript.DynamicVariableUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dynamic variables tools set through their {@code assignments}, over the conversation's initial ones.
 * {@code system__} names are refused (reserved) and null values ignored; at most {@link #MAX} names (new names past it
 * are ignored). Loop thread only.
 */
final class AssignedVariables {
    /** Variables tools may add beyond the initial ones. */
    static final int MAX = 100;

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** The assigned values, in assignment order (a view). */
    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Takes {@code assigned} and returns the changes, for the tool result's {@code dynamic_variable_updates}.
     *
     * @param before every variable's value before (to report the old ones)
     * @param atSecs the time of the change, Unix seconds
     */
    List<DynamicVariableUpdate> assign(Map<String, Object> assigned, Map<String, Object> before, double atSecs,
                                       String toolName, String toolRequestId) {
        List<DynamicVariableUpdate> updates = new ArrayList<>();
        for (Map.Entry<String, Object> e : assigned.entrySet()) {
            if (e.getKey().startsWith("system__") || e.getValue() == null) continue;
            if (!values.containsKey(e.getKey()) && values.size() >= MAX) continue;
            values.put(e.getKey(), e.getValue());
            Object old = before.get(e.getKey());
            updates.add(new DynamicVariableUpdate(e.getKey(), old == null ? null : String.valueOf(old), String.valueOf(e.getValue()),
                    atSecs, toolName, toolRequestId));
        }
        return updates;
    }
}
