package dev.migrationguard.testing;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;

/** A rule that always fails, for tests of rule isolation. */
public final class ThrowingRule implements Rule {
    @Override
    public String id() {
        return "test-throwing";
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        context.snapshot().paths().stream().findFirst().ifPresent(p -> context.snapshot().read(p));
        throw new IllegalStateException("boom");
    }
}
