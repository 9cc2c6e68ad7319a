package dev.migrationguard.rules.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.schema.DriftReports;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.PrismaDiffComparison;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Prisma's own verdict is the reference: for every corpus folder with a PRISMA-DIFF.sql (what
 * {@code prisma migrate diff --from-migrations ... --to-schema ...} prints for it), the whole set of
 * {@code schema-drift} findings names exactly the elements its statements name, each where it belongs (the schema
 * element, or the migration for an object only the migrations have), and nothing else.
 */
class PrismaDiffCorpusTest {
    /** Disagreements not fixed yet: ours-only lines start with "+", Prisma-only lines with "-". */
    private static final Map<String, List<String>> GAPS = Map.of(
            "ghostfolio", List.of("+column Account.currency @schema", "+column User.provider @schema",
                    "+column User.role @schema"),
            "inbox-zero", List.of("+column ContactResearch.sources @schema",
                    "+index AvailabilitySchedule_emailAccountId_default_key @migration",
                    "+index DraftSendLog_replyMemorySentText_createdAt_idx @migration",
                    "+index Newsletter_emailAccountId_lower_email_key @migration",
                    "+index Newsletter_patternAnalyzed_emailAccountId_lowerEmail_idx @migration",
                    "+index SnoozedThread_one_active_per_thread_idx @migration",
                    "+index ThreadTracker_emailAccountId_type_resolved_followUpAppliedA_idx @schema"),
            "langfuse", List.of("+column blob_storage_integrations.export_field_groups @schema",
                    "+column comments.path @schema", "+column comments.range_end @schema",
                    "+column comments.range_start @schema", "+column evaluation_rules.time_scope @schema",
                    "+column evaluator_versions.vars @schema",
                    "+column in_app_agent_conversations.always_allowed_tools @schema",
                    "+column llm_api_keys.custom_models @schema", "+column llm_api_keys.extra_header_keys @schema",
                    "+column monitors.trigger_ids @schema", "+column web_callout_endpoints.request_header_keys @schema",
                    "+index dataset_item_media_pending_key @migration",
                    "+index dataset_items_id_project_id_valid_from_key @migration",
                    "+index default_views_project_user_view_key @migration",
                    "+index default_views_project_view_key @migration", "+index idx_comments_content_gin @migration",
                    "+index in_app_agent_runs_active_conversation_key @migration",
                    "+index monitors_scheduler_rescue_idx @migration",
                    "+index verified_domains_domain_verified_key @migration", "+primary key dataset_items @schema"),
            "papermark", List.of("+index View_viewerId_viewedAt_idx @migration",
                    "+index Viewer_email_prefix_idx @migration", "+index Viewer_teamId_email_idx @migration"),
            "rallly", List.of("+column votes.type @schema", "+index users_email_key @schema"));

    static List<Path> foldersWithPrismaDiff() throws IOException {
        Corpus.require();
        try (Stream<Path> s = Files.list(Corpus.ROOT)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("PRISMA-DIFF.sql"))).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> driftFindingsNameWhatPrismasDiffNames() throws IOException {
        List<Path> folders = foldersWithPrismaDiff();
        assertEquals(6, folders.size(), "corpus folders with PRISMA-DIFF.sql");
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            Snapshot snapshot = new WorkingTreeSnapshot(folder);
            List<DriftReports.Report> reports = snapshot.model(DriftReports.KEY);
            assertEquals(1, reports.size(), "drift reports (one schema with its migrations)");
            List<Finding> findings = RuleTester.run(new SchemaDrift(), snapshot);
            List<String> prisma = PrismaDiffComparison.prisma(Files.readString(folder.resolve("PRISMA-DIFF.sql")),
                    Optional.of(reports.get(0).replay().model()));
            List<String> ours = PrismaDiffComparison.ours(findings);
            List<String> disagreements = new java.util.ArrayList<>();
            PrismaDiffComparison.minus(ours, prisma).forEach(l -> disagreements.add("+" + l));
            PrismaDiffComparison.minus(prisma, ours).forEach(l -> disagreements.add("-" + l));
            assertEquals(GAPS.getOrDefault(folder.getFileName().toString(), List.of()), disagreements,
                    () -> "Prisma only: " + PrismaDiffComparison.minus(prisma, ours)
                    + "\nours only: " + PrismaDiffComparison.minus(ours, prisma) + "\nfindings:\n"
                    + String.join("\n", findings.stream().map(f -> f.path() + ":" + f.range().startLine() + " "
                    + f.severity().label() + " " + f.message()).toList()));
        }));
    }
}
