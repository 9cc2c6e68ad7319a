package dev.migrationguard.rules;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; the order is from most to least severe. */
public enum Severity {
    ERROR, WARNING, NOTE;

    /** The lower-case name used in config, CLI options, JSON and SARIF levels. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
