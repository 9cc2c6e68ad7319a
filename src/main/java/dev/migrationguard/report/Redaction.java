package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.workspace.TextRange;
import java.util.regex.Pattern;

/** Masks the secret spans of a finding wherever source text is shown. */
final class Redaction {
    static final String MASK = "****";
    /** A password inside a URL's user info: {@code scheme://user:secret@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s:/@]*:)([^\\s@/]+)(@)");
    /** {@code password=secret} in JDBC URLs and connection strings. */
    private static final Pattern PARAM_PASSWORD = Pattern.compile("(?i)(\\b(?:password|pwd)=)([^;&\\s\"']+)");

    private Redaction() {
    }

    /** The text of a line with every redacted span on that line replaced by {@link #MASK}. */
    static String maskLine(String text, int line, Finding finding) {
        String out = text;
        // Right to left, so earlier spans keep their columns.
        for (TextRange r : finding.redactions().stream()
                .sorted((a, b) -> Integer.compare(b.startColumn(), a.startColumn())).toList()) {
            if (r.startLine() > line || r.endLine() < line) {
                continue;
            }
            int from = r.startLine() == line ? Math.min(r.startColumn() - 1, out.length()) : 0;
            int to = r.endLine() == line ? Math.min(r.endColumn() - 1, out.length()) : out.length();
            if (to > from) {
                out = out.substring(0, from) + MASK + out.substring(to);
            }
        }
        return out;
    }

    /** Column {@code column} of the raw line, moved to where it lands once the line's secrets are masked. */
    static int shiftColumn(String raw, int line, Finding finding, int column) {
        int shift = 0;
        for (TextRange r : finding.redactions()) {
            if (r.startLine() != line || r.endLine() != line) {
                continue;
            }
            int len = r.endColumn() - r.startColumn();
            if (r.endColumn() <= column) {
                shift += len - MASK.length();
            } else if (r.startColumn() < column) {
                shift += column - r.startColumn() - Math.min(column - r.startColumn(), MASK.length());
            }
        }
        return column - shift;
    }

    /**
     * Belt and braces for messages and fixes: rules never put a password in a message, but if one slips through,
     * this masks URL and parameter passwords before anything is printed.
     */
    static String maskMessage(String text) {
        if (!text.contains("://") && text.indexOf('=') < 0) {
            // Neither pattern can match: most messages, and running both regexes on each was a sixth of a big run.
            return text;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll(m -> isMask(m.group(2)) ? m.group()
                : java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        return PARAM_PASSWORD.matcher(out).replaceAll(m -> isMask(m.group(2)) ? m.group()
                : java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK));
    }

    private static boolean isMask(String s) {
        return s.chars().allMatch(c -> c == '*');
    }
}
