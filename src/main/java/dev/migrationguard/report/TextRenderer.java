package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ESLint/rustc style, grouped by file: the file's path, then for each finding {@code line:col  severity  rule-id
 * message} (the rule id before the message, so a wrapped line keeps it), the source line with a caret under the
 * finding, and the fix; last a summary line with counts and what was judged. Suppressed findings are left out but
 * counted. In colour when asked ({@code --color}, {@code NO_COLOR}, {@code FORCE_COLOR}, a terminal).
 */
public final class TextRenderer implements Renderer {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String UNDERLINE = "\u001b[4m";
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";

    private final boolean color;

    public TextRenderer() {
        this(false);
    }

    public TextRenderer(boolean color) {
        this.color = color;
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private String severity(Severity severity) {
        String code = switch (severity) {
            case ERROR -> RED;
            case WARNING -> YELLOW;
            case NOTE -> CYAN;
        };
        return paint(code, severity.label());
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        Redaction redaction = Redaction.of(report);
        String file = null;
        for (Result result : report.results()) {
            if (!result.suppressed()) {
                if (!result.finding().path().equals(file)) {
                    file = result.finding().path();
                    out.append(paint(UNDERLINE, Excerpt.escape(location(file)))).append('\n');
                }
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
        String summary = Excerpt.escape(summary(report));
        out.append(color ? paint(BOLD + (report.count(Severity.ERROR) > 0 ? RED : report.count(Severity.WARNING) > 0
                ? YELLOW : GREEN), summary) : summary).append('\n');
    }

    private static String location(String path) {
        return path.isEmpty() ? "." : path;
    }

    private void renderFinding(Report report, Redaction redaction, Finding f, Appendable out)
            throws IOException {
        TextRange r = f.range();
        out.append("  ").append(String.valueOf(r.startLine())).append(':').append(String.valueOf(r.startColumn()))
                .append("  ").append(severity(f.severity())).append("  ").append(paint(DIM, f.ruleId())).append("  ")
                .append(Excerpt.escape(redaction.text(f.message()))).append('\n');
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
            out.append("  = ").append(paint(GREEN, "fix")).append(": ").append(Excerpt.escape(redaction.text(f.fix())))
                    .append('\n');
        }
        out.append('\n');
    }

    static String summary(Report report) {
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        long notes = report.count(Severity.NOTE);
        long total = errors + warnings + notes;
        StringBuilder s = new StringBuilder();
        int failed = report.errors().size();
        // A rule that failed found nothing, not "no problems": say the count is incomplete.
        s.append(failed > 0 ? "incomplete: " + failed + (failed == 1 ? " rule" : " rules") + " failed; " : "")
                .append(total == 0 ? (failed > 0 ? "0 problems found by the other rules" : "no problems")
                        : total + (total == 1 ? " problem" : " problems"))
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
        Report.Coverage judged = report.coverage();
        List<String> what = new ArrayList<>();
        if (judged.commits() > 0) {
            what.add(String.format(Locale.ROOT, "%,d", judged.commits()) + (judged.commits() == 1 ? " commit" : " commits"));
        }
        if (judged.migrations() > 0) {
            what.add(String.format(Locale.ROOT, "%,d", judged.migrations())
                    + (judged.migrations() == 1 ? " migration" : " migrations"));
        }
        if (!what.isEmpty()) {
            s.append(" (").append(String.join(", ", what)).append(')');
        }
        int notJudged = report.coverage().appliedNotJudged();
        if (notJudged > 0) {
            s.append("; ").append(notJudged).append(notJudged == 1 ? " applied migration" : " applied migrations")
                    .append(" not re-judged; --all-migrations to audit them");
        }
        return s.toString();
    }
}
