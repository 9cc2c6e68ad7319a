package dev.migrationguard.rules;

/**
 * A setting a rule accepts under its id in {@code .migration-guard.yml}.
 *
 * @param name        the key, in kebab case
 * @param type        what values it takes
 * @param description one line for {@code rules explain} and the generated config
 */
public record RuleOption(String name, Type type, String description) {

    public enum Type { INTEGER, STRING, STRING_LIST, BOOLEAN }
}
