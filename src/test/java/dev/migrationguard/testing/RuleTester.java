package dev.migrationguard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one rule on a snapshot, and compares its findings with expectations written beside the input, Error Prone
 * style: a comment {@code expect: rule-id} (after {@code --}, {@code #}, {@code //} or inside a JSON string
 * value named "//expect") marks the line that must be flagged; {@code expect-next-line: rule-id} marks the next.
 * An extra finding fails as surely as a missing one.
 */
public final class RuleTester {
    private static final Pattern MARKER = Pattern.compile("expect(-next-line)?: ?([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");

    private RuleTester() {
    }

    public static List<Finding> run(Rule rule, Snapshot snapshot) {
        return run(rule, snapshot, RuleOptions.NONE);
    }

    public static List<Finding> run(Rule rule, Snapshot snapshot, RuleOptions options) {
        Findings findings = new Findings(RulePages.load(rule.id()));
        rule.check(new RuleContext(snapshot, options), findings);
        return findings.all();
    }

    /** {@code path:line:col rule-id} for each finding, sorted: the form expectations are compared in. */
    public static List<String> locations(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.path() + ":" + f.range().startLine() + ":" + f.range().startColumn() + " " + f.ruleId())
                .sorted()
                .toList();
    }

    /** {@code path:line rule-id} for each marker in the snapshot's files that names {@code ruleId}. */
    public static List<String> expectedLines(Snapshot snapshot, String ruleId) {
        TreeSet<String> out = new TreeSet<>();
        for (String path : snapshot.paths()) {
            SourceFile file = snapshot.read(path).orElse(null);
            if (file == null) {
                continue;
            }
            for (int line = 1; line <= file.lineCount(); line++) {
                Matcher m = MARKER.matcher(file.lineText(line));
                while (m.find()) {
                    int target = m.group(1) == null ? line : line + 1;
                    for (String id : m.group(2).split("\\s*,\\s*")) {
                        if (id.equals(ruleId)) {
                            out.add(path + ":" + target + " " + id);
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Runs the rule and asserts its findings are exactly the lines its markers name. */
    public static List<Finding> assertMatchesMarkers(Rule rule, Snapshot snapshot) {
        List<Finding> findings = run(rule, snapshot);
        List<String> actual = findings.stream()
                .map(f -> f.path() + ":" + f.range().startLine() + " " + f.ruleId())
                .sorted().distinct().toList();
        assertEquals(expectedLines(snapshot, rule.id()), actual,
                () -> "findings differ from the expect: markers; findings were " + locations(findings));
        return findings;
    }
}
