package dev.migrationguard.testing;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule for engine tests: flags each {@code DANGER}; a {@code DANGER secret=xyz} also redacts {@code xyz}, and a
 * file containing {@code THROW} makes it fail, to test isolation of failing rules.
 */
public final class MarkerRule implements Rule {
    private static final Pattern WORD = Pattern.compile("DANGER(?: secret=(\\S+))?");

    @Override
    public String id() {
        return "test-marker";
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("limit", RuleOption.Type.INTEGER, "report at most this many"));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        int limit = context.options().integer("limit", Integer.MAX_VALUE);
        int reported = 0;
        for (String path : context.snapshot().paths()) {
            SourceFile file = context.snapshot().read(path).orElse(null);
            if (file == null) {
                continue;
            }
            if (file.text().contains("THROW")) {
                throw new IllegalStateException("marker rule asked to fail");
            }
            Matcher m = WORD.matcher(file.text());
            while (m.find() && reported < limit) {
                Findings.Builder b = findings.at(file, m.start(), m.start() + "DANGER".length())
                        .message("the word DANGER appears")
                        .fix("remove it");
                if (m.group(1) != null) {
                    b.redact(file.range(m.start(1), m.end(1))).key("DANGER secret");
                }
                b.report();
                reported++;
            }
        }
    }
}
