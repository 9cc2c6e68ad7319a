package dev.migrationguard.rules;

import java.util.List;

/**
 * A rule's metadata and documentation, read from its page {@code rules/<id>.md}: the front matter gives the
 * fields, the body is the explanation shown by {@code rules explain} and in SARIF help.
 */
public record RuleInfo(
        String id,
        String name,
        String category,
        Severity defaultSeverity,
        String summary,
        List<String> tags,
        String body) {

    /** The documentation link for a rule, used as SARIF {@code helpUri}. */
    public String helpUri() {
        return RulePages.DOCS_BASE + id + ".md";
    }

    /** The body's first paragraph after the title: SARIF's {@code fullDescription}. */
    public String fullDescription() {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("#")) {
                if (out.length() > 0) {
                    break;
                }
                continue;
            }
            if (t.isEmpty()) {
                if (out.length() > 0) {
                    break;
                }
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(t);
        }
        return out.length() == 0 ? summary : out.toString();
    }
}
