package dev.migrationguard.rules;

import java.util.List;
import java.util.Map;

/** The option values a user set for one rule, already checked against the rule's {@link RuleOption}s. */
public record RuleOptions(Map<String, Object> values) {

    public static final RuleOptions NONE = new RuleOptions(Map.of());

    public RuleOptions {
        values = Map.copyOf(values);
    }

    public int integer(String name, int defaultValue) {
        Object v = values.get(name);
        return v instanceof Number n ? n.intValue() : defaultValue;
    }

    public boolean bool(String name, boolean defaultValue) {
        Object v = values.get(name);
        return v instanceof Boolean b ? b : defaultValue;
    }

    public String string(String name, String defaultValue) {
        Object v = values.get(name);
        return v instanceof String s ? s : defaultValue;
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name, List<String> defaultValue) {
        Object v = values.get(name);
        return v instanceof List<?> l ? (List<String>) l : defaultValue;
    }
}
