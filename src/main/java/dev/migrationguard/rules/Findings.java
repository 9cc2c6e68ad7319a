package dev.migrationguard.rules;

import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the findings of one rule; the rule's id and default severity fill in what a rule leaves out. */
public final class Findings {
    private final RuleInfo rule;
    private final List<Finding> reported = new ArrayList<>();

    public Findings(RuleInfo rule) {
        this.rule = rule;
    }

    public RuleInfo rule() {
        return rule;
    }

    /** Starts a finding on the characters {@code [start, end)} of a file. */
    public Builder at(SourceFile file, int start, int end) {
        return new Builder(file.path(), file.range(start, end), file.text().substring(start, end));
    }

    /** Starts a finding on a range whose text is already known (or irrelevant, as for a whole file). */
    public Builder at(String path, TextRange range, String matchedText) {
        return new Builder(path, range, matchedText);
    }

    public List<Finding> all() {
        return List.copyOf(reported);
    }

    /** Fills in one finding; {@link #report()} adds it. */
    public final class Builder {
        private final String path;
        private final TextRange range;
        private String key;
        private Severity severity = rule.defaultSeverity();
        private String message;
        private String fix = "";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<TextRange> redactions = new ArrayList<>();
        private SourceFile source;

        private Builder(String path, TextRange range, String matchedText) {
            this.path = path;
            this.range = range;
            this.key = matchedText;
        }

        public Builder message(String text) {
            this.message = text;
            return this;
        }

        public Builder fix(String text) {
            this.fix = text;
            return this;
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        /** Identity for the fingerprint when the matched text alone is not it (default: the matched text). */
        public Builder key(String value) {
            this.key = value;
            return this;
        }

        public Builder property(String name, String value) {
            properties.put(name, value);
            return this;
        }

        /** The file as the rule read it, for a finding about a version other than the one under lint. */
        public Builder source(SourceFile file) {
            this.source = file;
            return this;
        }

        /** Marks a span that holds a secret: every output masks it. */
        public Builder redact(TextRange span) {
            redactions.add(span);
            return this;
        }

        public void report() {
            if (message == null) {
                throw new IllegalStateException(rule.id() + " reported a finding without a message");
            }
            reported.add(new Finding(rule.id(), severity, path, range, message, fix,
                    Finding.fingerprintOf(rule.id(), path, key), properties, redactions, source));
        }
    }
}
