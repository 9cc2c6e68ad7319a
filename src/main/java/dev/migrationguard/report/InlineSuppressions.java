package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code migration-guard-ignore RULE-ID[, RULE-ID]: reason} in a comment on a finding's line or on the line
 * above it, in the comment syntax of the file: {@code --} in SQL, {@code #} in shell, YAML, Dockerfiles and
 * Makefiles, {@code //} or {@code ///} in Prisma, JavaScript, TypeScript and Java.
 */
public final class InlineSuppressions {
    private static final String DIRECTIVE = "migration-guard-ignore";
    private static final String OPENER_CHARS = "/#*!-";

    /** The directives read so far, by file and line: a line is read once however many findings it holds. */
    private final Map<SourceFile, Map<Integer, List<Directive>>> read = new IdentityHashMap<>();

    /** One directive on a line: its rule ids, its reason, and whether it stands alone (may speak for the next line). */
    private record Directive(String ids, String reason, boolean standalone) {
    }

    /** The suppression that applies to a finding in a file, if any (reading the file's lines afresh). */
    public static Optional<Suppression> find(SourceFile file, Finding finding) {
        return new InlineSuppressions().lookUp(file, finding);
    }

    /** As {@link #find}, remembering each line's directives for the next finding. */
    public Optional<Suppression> lookUp(SourceFile file, Finding finding) {
        int line = finding.range().startLine();
        for (int l = line; l >= Math.max(1, line - 1); l--) {
            boolean above = l < line;
            for (Directive d : directives(file, l)) {
                if ((!above || d.standalone()) && names(d.ids(), finding.ruleId())) {
                    return Optional.of(new Suppression(Suppression.Kind.IN_SOURCE, d.reason(), file.path() + ":" + l));
                }
            }
        }
        return Optional.empty();
    }

    private List<Directive> directives(SourceFile file, int line) {
        return read.computeIfAbsent(file, f -> new HashMap<>())
                .computeIfAbsent(line, l -> parse(file.lineText(l), commentMarkers(file.path())));
    }

    /**
     * The directives of one line, in one pass per comment marker: each marker's opener run ({@code ///}, {@code ##},
     * {@code /**}) is skipped once, so a line of a hundred thousand markers costs its length, not its square.
     * A directive stands alone when its marker is the first of its kind on the line and only blanks precede it.
     */
    static List<Directive> parse(String text, List<String> markers) {
        if (!text.contains(DIRECTIVE)) {
            return List.of();
        }
        List<Directive> out = new ArrayList<>();
        for (String marker : markers) {
            int first = text.indexOf(marker);
            boolean standalone = first >= 0 && text.substring(0, first).isBlank();
            int at = first;
            while (at >= 0) {
                int i = at + marker.length();
                while (i < text.length() && OPENER_CHARS.indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
                while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                Directive d = directiveAt(text, i, standalone);
                if (d != null) {
                    out.add(d);
                }
                at = text.indexOf(marker, Math.max(i, at + marker.length()));
            }
        }
        return out;
    }

    /**
     * {@code migration-guard-ignore ID[, ID][: reason]} starting at {@code i}, ending the line (after an optional
     * {@code * /} or {@code -->} closer); null when there is none.
     */
    private static Directive directiveAt(String text, int i, boolean standalone) {
        if (!text.startsWith(DIRECTIVE, i)) {
            return null;
        }
        int n = text.length();
        int j = i + DIRECTIVE.length();
        int blanks = j;
        while (j < n && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j == blanks) {
            return null;
        }
        int idsStart = j;
        int idsEnd;
        while (true) {
            int idStart = j;
            while (j < n && isIdChar(text.charAt(j))) {
                j++;
            }
            if (j == idStart) {
                return null;
            }
            idsEnd = j;
            int k = j;
            while (k < n && Character.isWhitespace(text.charAt(k))) {
                k++;
            }
            if (k < n && text.charAt(k) == ',') {
                k++;
                while (k < n && Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                j = k;
                continue;
            }
            j = k;
            break;
        }
        String ids = text.substring(idsStart, idsEnd);
        String reason = "";
        if (j < n && text.charAt(j) == ':') {
            reason = text.substring(j + 1);
            j = n;
        }
        String rest = text.substring(j).strip();
        if (!rest.isEmpty() && !rest.equals("*/") && !rest.equals("-->")) {
            return null;
        }
        reason = reason.strip();
        if (reason.endsWith("*/")) {
            reason = reason.substring(0, reason.length() - 2).strip();
        } else if (reason.endsWith("-->")) {
            reason = reason.substring(0, reason.length() - 3).strip();
        }
        return new Directive(ids, reason, standalone);
    }

    private static boolean isIdChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean names(String list, String ruleId) {
        for (String id : list.split("\\s*,\\s*")) {
            if (id.equals(ruleId) || id.equals("all")) {
                return true;
            }
        }
        return false;
    }

    /** The comment openers of a file, by its name. */
    static List<String> commentMarkers(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot + 1) : "";
        return switch (ext) {
            case "sql" -> List.of("--", "/*");
            case "prisma", "js", "mjs", "cjs", "ts", "mts", "cts", "jsx", "tsx", "java", "kt", "jsonc" -> List.of("//", "/*");
            case "sh", "bash", "zsh", "yml", "yaml", "toml", "properties", "env", "py", "rb", "mk", "dockerfile" -> List.of("#");
            case "md", "html", "xml" -> List.of("<!--");
            default -> List.of("#", "--", "//");
        };
    }
}
