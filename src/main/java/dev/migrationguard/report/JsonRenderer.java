package dev.migrationguard.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.Notice;
import java.io.IOException;
import java.util.Locale;

/**
 * One stable document per run (documented in the README, version 1): tool, target, summary counts, findings with
 * 1-based positions and exclusive end columns, notices about files not linted, and internal errors.
 */
public final class JsonRenderer implements Renderer {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public void render(Report report, Appendable out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", SCHEMA_VERSION);
        root.putObject("tool").put("name", ToolVersion.NAME).put("version", ToolVersion.VERSION);
        root.put("target", report.target());
        root.putObject("summary")
                .put("errors", report.count(Severity.ERROR))
                .put("warnings", report.count(Severity.WARNING))
                .put("notes", report.count(Severity.NOTE))
                .put("suppressed", report.suppressedCount())
                .put("baselined", report.baselinedCount())
                .put("commits", report.coverage().commits())
                .put("migrations", report.coverage().migrations())
                .put("appliedMigrationsNotJudged", report.coverage().appliedNotJudged());
        Redaction redaction = Redaction.of(report);
        ArrayNode findings = root.putArray("findings");
        for (Result r : report.results()) {
            Finding f = r.finding();
            ObjectNode n = findings.addObject();
            n.put("ruleId", f.ruleId())
                    .put("severity", f.severity().label())
                    .put("path", f.path())
                    .put("line", f.range().startLine())
                    .put("column", f.range().startColumn())
                    .put("endLine", f.range().endLine())
                    .put("endColumn", f.range().endColumn())
                    .put("message", redaction.text(f.message()))
                    .put("fix", redaction.text(f.fix()))
                    .put("fingerprint", f.fingerprint())
                    .put("suppressed", r.suppressed());
            r.suppression().ifPresent(s -> n.putObject("suppression")
                    .put("kind", s.kind() == Suppression.Kind.IN_SOURCE ? "inSource" : "external")
                    .put("justification", redaction.text(s.justification())));
            ObjectNode props = n.putObject("properties");
            f.properties().forEach((k, v) -> props.put(k, redaction.text(v)));
        }
        ArrayNode notices = root.putArray("notices");
        for (Notice notice : report.notices()) {
            notices.addObject().put("level", notice.level().name().toLowerCase(Locale.ROOT))
                    .put("path", notice.path()).put("message", redaction.text(notice.message()));
        }
        ArrayNode errors = root.putArray("errors");
        for (InternalError e : report.errors()) {
            errors.addObject().put("ruleId", e.ruleId()).put("path", e.path()).put("message", redaction.text(e.message()));
        }
        try {
            out.append(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
    }
}
