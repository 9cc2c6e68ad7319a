package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeSnapshotTest {
    @TempDir
    Path root;

    private void write(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void listsFilesSortedWithSlashSeparators() throws IOException {
        write("b.sh", "x");
        write("prisma/migrations/1_init/migration.sql", "x");
        write("a.json", "{}");
        assertEquals(List.of("a.json", "b.sh", "prisma/migrations/1_init/migration.sql"),
                new WorkingTreeSnapshot(root).paths());
    }

    @Test
    void honoursGitignoreAtEveryLevelWithNegation() throws IOException {
        write(".gitignore", "*.log\n/secret/\n");
        write("app/.gitignore", "local.sh\n!keep.log\n");
        write("x.log", "");
        write("secret/a.sh", "");
        write("app/local.sh", "");
        write("app/keep.log", "");
        write("app/run.sh", "");
        assertEquals(List.of(".gitignore", "app/.gitignore", "app/keep.log", "app/run.sh"),
                new WorkingTreeSnapshot(root).paths());
    }

    @Test
    void honoursGitInfoExclude() throws IOException {
        write(".git/info/exclude", "scratch.sh\n");
        write("scratch.sh", "");
        write("run.sh", "");
        assertEquals(List.of("run.sh"), new WorkingTreeSnapshot(root).paths());
    }

    @Test
    void skipsDependencyBuildAndBinaryFiles() throws IOException {
        write("node_modules/prisma/package.json", "{}");
        write("target/classes/x.sql", "");
        write("dist/index.js", "");
        write("logo.png", "");
        write(".git", "gitdir: ../elsewhere");
        write("package.json", "{}");
        assertEquals(List.of("package.json"), new WorkingTreeSnapshot(root).paths());
    }

    @Test
    void ignoreGlobsFromConfigHideFilesAndPathsGlobsReincludeSkippedFolders() throws IOException {
        write("legacy/old.sh", "");
        write("build/deploy.sh", "");
        write("build/other.txt", "");
        write("run.sh", "");
        PathFilter filter = new PathFilter(List.of("legacy/**"), List.of("build/deploy.sh"));
        assertEquals(List.of("build/deploy.sh", "run.sh"),
                new WorkingTreeSnapshot(root, filter, AbstractSnapshot.DEFAULT_MAX_FILE_BYTES).paths());
    }

    @Test
    void skipsFilesAboveTheSizeLimitWithANote() throws IOException {
        write("big.sql", "x".repeat(100));
        WorkingTreeSnapshot s = new WorkingTreeSnapshot(root, PathFilter.defaults(), 10);
        assertTrue(s.read("big.sql").isEmpty());
        assertEquals(1, s.notices().size());
        assertTrue(s.notices().get(0).message().contains("size limit"), s.notices().toString());
    }

    @Test
    void skipsBinaryContentWithANote() throws IOException {
        Files.write(root.resolve("data.sql"), new byte[] {1, 0, 2});
        WorkingTreeSnapshot s = new WorkingTreeSnapshot(root);
        assertTrue(s.read("data.sql").isEmpty());
        assertEquals(List.of(Notice.note("data.sql", "skipped: binary file")), s.notices());
    }

    @Test
    void doesNotFollowSymlinksOutOfTheRepository(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.sh"), "prisma db push");
        Files.createSymbolicLink(root.resolve("linked.sh"), outside.resolve("secret.sh"));
        write("inside.sh", "echo");
        Files.createSymbolicLink(root.resolve("alias.sh"), root.resolve("inside.sh"));
        Files.createSymbolicLink(root.resolve("loop"), root.resolve("loop"));
        WorkingTreeSnapshot s = new WorkingTreeSnapshot(root);
        assertEquals(List.of("alias.sh", "inside.sh"), s.paths());
    }

    @Test
    void readsEachFileOnceAndCachesModels() throws IOException {
        write("a.sql", "select 1;");
        WorkingTreeSnapshot s = new WorkingTreeSnapshot(root);
        int[] builds = {0};
        ModelKey<Integer> key = ModelKey.of("count", snap -> ++builds[0]);
        assertEquals(1, s.model(key));
        assertEquals(1, s.model(key));
        assertTrue(s.read("a.sql").get() == s.read("a.sql").get());
    }
}
