package dev.migrationguard.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.git.ScanMode;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.testing.Corpus;
import dev.migrationguard.testing.TestRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays umami's real migrations one commit each, as they were written, and then breaks the protocol once. */
class CorpusHistoryTest {
    private static final Path UMAMI = Corpus.ROOT.resolve("umami/prisma");
    private static final List<Rule> RULES = List.of(new MigrationModified(), new MigrationDeleted(),
            new MigrationOutOfOrder(), new SchemaChangeWithoutMigration());

    @BeforeAll
    static void corpusIsBesideTheClone() {
        Corpus.require();
    }

    @TempDir
    Path dir;

    private static List<String> run(Path repo, ScanMode mode) throws Exception {
        List<String> all = new ArrayList<>();
        for (Rule rule : RULES) {
            all.addAll(HistoryRuleRun.run(rule, repo, mode));
        }
        return all.stream().sorted().toList();
    }

    @Test
    void realMigrationsAddedInOrderRaiseNothingAndAnEditOfOneIsFlagged() throws Exception {
        List<Path> folders;
        try (Stream<Path> listing = Files.list(UMAMI.resolve("migrations"))) {
            folders = listing.filter(Files::isDirectory).sorted().toList();
        }
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("prisma/schema.prisma", Files.readString(UMAMI.resolve("schema.prisma")))
                    .write("prisma/migrations/migration_lock.toml",
                            Files.readString(UMAMI.resolve("migrations/migration_lock.toml")));
            for (Path folder : folders) {
                String path = "prisma/migrations/" + folder.getFileName() + "/migration.sql";
                repo.write(path, Files.readString(folder.resolve("migration.sql"))).commitAll("add " + folder.getFileName());
            }
            assertEquals(List.of(), run(dir, ScanMode.history()));

            String first = "prisma/migrations/" + folders.get(0).getFileName() + "/migration.sql";
            String text = Files.readString(dir.resolve(first));
            RevCommit edit = repo.write(first, text + "\nCREATE INDEX \"late_idx\" ON \"website\"(\"name\");\n")
                    .commitAll("tweak init");
            int line = text.split("\n", -1).length + 1;
            assertEquals(List.of(first + ":" + line + ":1 migration-modified @" + edit.abbreviate(7).name()),
                    run(dir, ScanMode.history()));
        }
    }
}
