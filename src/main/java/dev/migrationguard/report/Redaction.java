package dev.migrationguard.report;

import dev.migrationguard.code.ConnectionUrls;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Masks every secret a run found, wherever text is shown. One is made per report from all its findings (suppressed
 * ones too): a source line shown for one finding is masked with the secret spans of every finding in that version
 * of the file, and any text (message, fix, property, notice) with the text of every secret found anywhere, so a
 * password one rule found never leaks through another rule's excerpt or message.
 */
final class Redaction {
    static final String MASK = "****";
    /** Secrets shorter than this are masked only where their span is known, not wherever their text appears. */
    private static final int MIN_LITERAL = 4;

    /** Secret spans by file version ({@link #key}). */
    private final Map<String, List<TextRange>> spans;
    /** The secrets' text, longest first, so a secret that contains another is masked whole. */
    private final List<String> secrets;

    private Redaction(Map<String, List<TextRange>> spans, List<String> secrets) {
        this.spans = spans;
        this.secrets = secrets;
    }

    /** Everything the report's findings mark as secret. */
    static Redaction of(Report report) {
        Map<String, List<TextRange>> spans = new HashMap<>();
        TreeSet<String> secrets = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (Result result : report.results()) {
            Finding f = result.finding();
            if (f.redactions().isEmpty()) {
                continue;
            }
            spans.computeIfAbsent(key(f), k -> new ArrayList<>()).addAll(f.redactions());
            Optional<SourceFile> file = source(report, f);
            if (file.isEmpty()) {
                continue;
            }
            for (TextRange r : f.redactions()) {
                String secret = text(file.get(), r);
                if (secret.length() >= MIN_LITERAL && !isMask(secret)) {
                    secrets.add(secret);
                }
            }
        }
        // Always a new one, never a shared empty instance: it holds this render's masked lines (see maskedLines).
        return new Redaction(spans, List.copyOf(secrets));
    }

    /**
     * The version of the file a finding's positions refer to: for a finding about a past commit, the file as that
     * commit had it, never today's.
     */
    static Optional<SourceFile> source(Report report, Finding f) {
        if (f.properties().containsKey("commit")) {
            return Optional.ofNullable(f.source());
        }
        return report.snapshot() == null ? Optional.empty() : report.snapshot().read(f.path());
    }

    /**
     * Lines masked so far in this render, by the file read and line: findings that share a long line mask it once.
     * Keyed by the file itself, not its path, so a line shown is always a line of the text passed in (a cache by
     * path once outlived its report and showed another repository's line).
     */
    private final Map<SourceFile, Map<Integer, MaskedLine>> maskedLines = new IdentityHashMap<>();

    /** As {@link #line(Finding, int, String)}, reading the line from {@code file}, each line once per render. */
    MaskedLine line(Finding f, SourceFile file, int line) {
        return maskedLines.computeIfAbsent(file, k -> new HashMap<>())
                .computeIfAbsent(line, k -> line(f, line, file.lineText(line)));
    }

    /** Source line {@code line} of the finding's file, as shown: every secret known on it masked. */
    MaskedLine line(Finding f, int line, String raw) {
        List<int[]> masked = new ArrayList<>();
        for (TextRange r : spans.getOrDefault(key(f), List.of())) {
            if (r.startLine() > line || r.endLine() < line) {
                continue;
            }
            int from = r.startLine() == line ? Math.min(r.startColumn() - 1, raw.length()) : 0;
            int to = r.endLine() == line ? Math.min(r.endColumn() - 1, raw.length()) : raw.length();
            if (to > from) {
                masked.add(new int[] {from, to});
            }
        }
        for (String secret : secrets) {
            for (int at = raw.indexOf(secret); at >= 0; at = raw.indexOf(secret, at + secret.length())) {
                masked.add(new int[] {at, at + secret.length()});
            }
        }
        addPatternSpans(raw, masked);
        return MaskedLine.of(raw, masked);
    }

    /** A message, fix, property or notice with every known secret and every URL or parameter password masked. */
    String text(String s) {
        String out = s;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return patterns(out);
    }

    /**
     * Masks URL and parameter passwords in any text, with no finding to go on: what rules put in messages never
     * holds a password, but a message that quotes a command, or a config error that echoes a bad value, might.
     */
    static String patterns(String text) {
        List<int[]> masked = new ArrayList<>();
        addPatternSpans(text, masked);
        return masked.isEmpty() ? text : MaskedLine.of(text, masked).text();
    }

    /**
     * Every form of password the credentials rule knows, found without its context or judgement
     * ({@link ConnectionUrls#secretSpans}): a form the rule learns must be found there too, so every renderer and
     * standard error mask it.
     */
    private static void addPatternSpans(String text, List<int[]> masked) {
        for (int[] span : ConnectionUrls.secretSpans(text)) {
            if (!isMask(text.substring(span[0], span[1]))) {
                masked.add(span);
            }
        }
    }

    private static String key(Finding f) {
        return f.path() + '\0' + f.properties().getOrDefault("commit", "");
    }

    private static String text(SourceFile file, TextRange r) {
        if (r.startLine() > file.lineCount() || r.endLine() > file.lineCount()) {
            return "";
        }
        int from = file.offset(r.startLine(), r.startColumn());
        int to = file.offset(r.endLine(), r.endColumn());
        return to > from ? file.text().substring(from, to) : "";
    }

    private static boolean isMask(String s) {
        return s.chars().allMatch(c -> c == '*');
    }

    /**
     * A line with some spans replaced by {@link #MASK}.
     *
     * @param text  the line as shown
     * @param spans the masked spans of the raw line, {@code [from, to)} 0-based, sorted and disjoint
     */
    record MaskedLine(String text, List<int[]> spans) {

        static MaskedLine of(String raw, List<int[]> unsorted) {
            if (unsorted.isEmpty()) {
                return new MaskedLine(raw, List.of());
            }
            List<int[]> sorted = new ArrayList<>(unsorted);
            sorted.sort(Comparator.comparingInt((int[] s) -> s[0]));
            List<int[]> merged = new ArrayList<>();
            for (int[] s : sorted) {
                int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && s[0] <= last[1]) {
                    last[1] = Math.max(last[1], s[1]);
                } else {
                    merged.add(new int[] {s[0], s[1]});
                }
            }
            StringBuilder out = new StringBuilder(raw.length());
            int at = 0;
            for (int[] s : merged) {
                out.append(raw, at, s[0]).append(MASK);
                at = s[1];
            }
            out.append(raw, at, raw.length());
            return new MaskedLine(out.toString(), List.copyOf(merged));
        }

        /** 1-based column of the raw line, moved to where it lands in the masked text. */
        int column(int rawColumn) {
            int index = rawColumn - 1;
            int shift = 0;
            for (int[] s : spans) {
                if (s[1] <= index) {
                    shift += s[1] - s[0] - MASK.length();
                } else if (s[0] < index) {
                    shift += index - s[0] - Math.min(index - s[0], MASK.length());
                }
            }
            return rawColumn - shift;
        }
    }
}
