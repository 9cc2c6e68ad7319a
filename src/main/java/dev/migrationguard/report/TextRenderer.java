package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.io.IOException;
import java.util.Optional;

/**
 * ESLint/rustc style: {@code path:line:col  severity  message  rule-id}, the source line with a caret under the
 * finding, the fix, and a summary line with counts. Suppressed findings are left out but counted.
 */
public final class TextRenderer implements Renderer {

    @Override
    public void render(Report report, Appendable out) throws IOException {
        Redaction redaction = Redaction.of(report);
        for (Result result : report.results()) {
            if (!result.suppressed()) {
                renderFinding(report, redaction, result.finding(), out);
            }
        }
        for (Notice notice : report.notices()) {
            if (notice.level() != Notice.Level.NOTE) {
                out.append(Excerpt.escape(location(notice.path()))).append("  ").append(notice.level().name().toLowerCase())
                        .append("  ").append(Excerpt.escape(redaction.text(notice.message()))).append("  (not linted)\n");
            }
        }
        for (InternalError error : report.errors()) {
            out.append("internal error in rule ").append(error.ruleId())
                    .append(error.path().isEmpty() ? "" : " on " + Excerpt.escape(error.path()))
                    .append(": ").append(Excerpt.escape(redaction.text(error.message())))
                    .append("\n  (this is a bug in migration-guard; the other rules ran; please report it)\n");
        }
        out.append(summary(report)).append('\n');
    }

    private static String location(String path) {
        return path.isEmpty() ? "." : path;
    }

    private static void renderFinding(Report report, Redaction redaction, Finding f, Appendable out)
            throws IOException {
        TextRange r = f.range();
        out.append(Excerpt.escape(f.path())).append(':').append(String.valueOf(r.startLine())).append(':')
                .append(String.valueOf(r.startColumn())).append("  ").append(f.severity().label()).append("  ")
                .append(Excerpt.escape(redaction.text(f.message()))).append("  ").append(f.ruleId()).append('\n');
        Optional<SourceFile> file = Redaction.source(report, f);
        if (file.isPresent() && r.startLine() <= file.get().lineCount()) {
            Redaction.MaskedLine masked = redaction.line(f, file.get(), r.startLine());
            String shown = masked.text();
            String gutter = " ".repeat(String.valueOf(r.startLine()).length());
            int from = masked.column(r.startColumn());
            int to = r.endLine() == r.startLine() ? masked.column(r.endColumn()) : shown.length() + 1;
            Excerpt.Shown window = Excerpt.window(shown, from - 1, to - 1);
            out.append("  ").append(String.valueOf(r.startLine())).append(" | ").append(window.text()).append('\n');
            out.append("  ").append(gutter).append(" | ")
                    .append(" ".repeat(window.caretFrom()))
                    .append("^".repeat(window.caretWidth())).append('\n');
        }
        if (!f.fix().isEmpty()) {
            out.append("  = fix: ").append(Excerpt.escape(redaction.text(f.fix()))).append('\n');
        }
        out.append('\n');
    }

    static String summary(Report report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long notes = report.count(Severity.NOTE);
        long total = errors + warnings + notes;
        StringBuilder s = new StringBuilder();
        s.append(total == 0 ? "no problems" : total + (total == 1 ? " problem" : " problems"))
                .append(" (").append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
                .append(notes).append(notes == 1 ? " note)" : " notes)");
        long baselined = report.baselinedCount();
        long inSource = report.suppressedCount() - baselined;
        if (inSource > 0) {
            s.append(", ").append(inSource).append(" suppressed");
        }
        if (baselined > 0) {
            s.append(", ").append(baselined).append(" baselined");
        }
        s.append(" in ").append(report.target());
        int notJudged = report.coverage().appliedNotJudged();
        if (notJudged > 0) {
            s.append("; ").append(notJudged).append(notJudged == 1 ? " applied migration" : " applied migrations")
                    .append(" not re-judged; --all-migrations to audit them");
        }
        return s.toString();
    }
}
