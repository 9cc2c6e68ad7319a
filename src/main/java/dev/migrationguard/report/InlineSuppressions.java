package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code migration-guard-ignore RULE-ID[, RULE-ID]: reason} in a comment on a finding's line or on the line
 * above it, in the comment syntax of the file: {@code --} in SQL, {@code #} in shell, YAML, Dockerfiles and
 * Makefiles, {@code //} or {@code ///} in Prisma, JavaScript, TypeScript and Java.
 */
public final class InlineSuppressions {
    private static final Pattern DIRECTIVE = Pattern.compile(
            "migration-guard-ignore\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*(?::\\s*(.*?))?\\s*(?:\\*/|-->)?\\s*$");

    private InlineSuppressions() {
    }

    /** The suppression that applies to a finding in a file, if any. */
    public static Optional<Suppression> find(SourceFile file, Finding finding) {
        List<String> markers = commentMarkers(file.path());
        int line = finding.range().startLine();
        for (int l = line; l >= Math.max(1, line - 1); l--) {
            String text = file.lineText(l);
            boolean above = l < line;
            for (String marker : markers) {
                int at = text.indexOf(marker);
                // A comment on the line above must stand alone; a trailing comment speaks for its own line only.
                if (above && at >= 0 && !text.substring(0, at).isBlank()) {
                    continue;
                }
                while (at >= 0) {
                    // `///`, `---`, `##` and `/**` open comments too: skip the rest of the opener.
                    String rest = text.substring(at + marker.length()).replaceFirst("^[/#*!-]*\\s*", "");
                    Matcher m = DIRECTIVE.matcher(rest);
                    if (m.lookingAt() && names(m.group(1), finding.ruleId())) {
                        String reason = m.group(2) == null ? "" : m.group(2).strip();
                        return Optional.of(new Suppression(Suppression.Kind.IN_SOURCE, reason, file.path() + ":" + l));
                    }
                    at = text.indexOf(marker, at + marker.length());
                }
            }
        }
        return Optional.empty();
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
