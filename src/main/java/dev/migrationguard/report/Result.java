package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import java.util.Optional;

/** A finding as reported: with its suppression, if one applies. */
public record Result(Finding finding, Optional<Suppression> suppression) {

    public boolean suppressed() {
        return suppression.isPresent();
    }
}
