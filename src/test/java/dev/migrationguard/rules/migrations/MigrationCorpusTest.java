package dev.migrationguard.rules.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.rules.Rule;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.RuleTester;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migration folder rules on real repositories: silent except for the findings listed here, each a real one.
 * documenso: "doc_208" is a ticket number alone and "deletedocuments" one run-together word (both vague);
 * "add_organisations" and "add_envelopes" restructure many unrelated tables at once. umami: "16_boards" is a
 * single word; "14_add_link_and_pixel" and "19_add_session_replay" change several unrelated tables (umami uses
 * relationMode = "prisma", so no foreign key links its tables in SQL).
 */
class MigrationCorpusTest {
    private static final Path CORPUS = Corpus.ROOT;
    private static final List<Rule> RULES = List.of(new MigrationEmpty(), new MigrationNameFormat(),
            new MigrationNameVague(), new MigrationNotAtomic(), new MigrationStrayFile());

    @BeforeAll
    static void corpusIsBesideTheClone() {
        Corpus.require();
    }

    private static List<String> findings(String project) throws IOException {
        WorkingTreeSnapshot s = new WorkingTreeSnapshot(CORPUS.resolve(project));
        List<String> out = new ArrayList<>();
        for (Rule r : RULES) {
            RuleTester.run(r, s).forEach(f -> out.add(f.path().replaceAll(".*/migrations/", "") + " " + f.ruleId()
                    + (f.ruleId().equals("migration-name-vague") ? " -> " + f.message().replaceAll(".*: try ", "") : "")));
        }
        return out.stream().sorted().toList();
    }

    @Test
    void documensoHasOnlyItsKnownFindingsWithSuggestedNames() throws IOException {
        assertEquals(List.of(
                "20230411134605_doc_208/migration.sql migration-name-vague -> link_signature_to_recipient",
                "20231202134005_deletedocuments/migration.sql migration-name-vague -> add_deleted_at",
                "20250522054050_add_organisations/migration.sql migration-not-atomic",
                "20250918070645_add_envelopes/migration.sql migration-not-atomic"), findings("documenso"));
    }

    @Test
    void umamiKeepsItsNumberedConventionAndHasOnlyItsKnownFindings() throws IOException {
        assertEquals(List.of(
                "14_add_link_and_pixel/migration.sql migration-not-atomic",
                "16_boards/migration.sql migration-name-vague -> add_board",
                "19_add_session_replay/migration.sql migration-not-atomic"), findings("umami"));
    }
}
