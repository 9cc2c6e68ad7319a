package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.workspace.Notice;
import java.io.IOException;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...,col=...,title=RULE::message}): annotations on
 * the pull request without code scanning. Suppressed findings are not printed.
 */
public final class GithubRenderer implements Renderer {

    @Override
    public void render(Report report, Appendable out) throws IOException {
        Redaction redaction = Redaction.of(report);
        for (Result r : report.results()) {
            if (r.suppressed()) {
                continue;
            }
            Finding f = r.finding();
            String command = switch (f.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case NOTE -> "notice";
            };
            String message = redaction.text(f.message()) + (f.fix().isEmpty() ? "" : "\nFix: " + redaction.text(f.fix()));
            out.append("::").append(command)
                    .append(" file=").append(property(f.path()))
                    .append(",line=").append(String.valueOf(f.range().startLine()))
                    .append(",col=").append(String.valueOf(f.range().startColumn()))
                    .append(",endLine=").append(String.valueOf(f.range().endLine()))
                    .append(",endColumn=").append(String.valueOf(f.range().endColumn()))
                    .append(",title=").append(property(f.ruleId()))
                    .append("::").append(data(message)).append('\n');
        }
        for (Notice n : report.notices()) {
            if (n.level() != Notice.Level.NOTE) {
                out.append("::warning file=").append(property(n.path())).append(",title=migration-guard::")
                        .append(data(redaction.text(n.message()))).append('\n');
            }
        }
        for (InternalError e : report.errors()) {
            out.append("::error title=").append(property("internal error in " + e.ruleId())).append("::")
                    .append(data(redaction.text(e.message()))).append('\n');
        }
        // A plain log line: escaped, so a folder name in the target cannot start a command on a line of its own.
        out.append(Excerpt.escape(TextRenderer.summary(report))).append('\n');
    }

    /** Escapes a command's message as the Actions runner unescapes it: {@code %25 %0D %0A}. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /**
     * Escapes a command property value ({@code file=}, {@code title=}): as data, and {@code :} as {@code %3A} and
     * {@code ,} as {@code %2C}, so a file name cannot end the properties or add one.
     */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
