package dev.migrationguard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every migration.sql of the real corpora (documenso, umami) must parse without a single problem. */
class CorpusParseTest {
    private static final Path CORPUS = Path.of(System.getProperty("user.dir")).resolve("../shared/corpus");

    @Test
    void everyCorpusMigrationParsesWithoutProblems() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.getFileName().toString().equals("migration.sql")).sorted().toList();
        }
        assertTrue(files.size() >= 182, "expected the 182 corpus migrations, found " + files.size());
        List<String> problems = new ArrayList<>();
        int statements = 0;
        for (Path path : files) {
            String rel = CORPUS.relativize(path).toString().replace('\\', '/');
            SourceFile file = new SourceFile(rel, Files.readString(path, StandardCharsets.UTF_8));
            SqlScript script = SqlParser.parse(file, SqlDialect.POSTGRESQL);
            statements += script.statements().size();
            for (SqlProblem problem : script.problems()) {
                problems.add(rel + ":" + file.line(problem.span().start()) + ":" + file.column(problem.span().start())
                        + " " + problem.message());
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(statements > 900, "the corpus holds over 900 statements, parsed " + statements);
    }
}
