package dev.migrationguard.git;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.TestRepository;
import dev.migrationguard.workspace.RegularFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The loose-object check started ahead of time gives the same answer as the one made when the repository opens. */
class GitObjectFilesTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(20)
    void aCheckStartedAheadRefusesANonRegularLooseObjectAndPassesAHealthyStore() throws Exception {
        try (TestRepository repo = TestRepository.init(dir)) {
            repo.write("a.txt", "a\n").commitAll("init");
            Path git = dir.resolve(".git");
            GitObjectFiles.lookAhead(dir.resolve("sub/folder"));
            assertDoesNotThrow(() -> GitObjectFiles.check(git));

            String id = repo.repository().resolve("HEAD").name();
            Path object = git.resolve("objects/" + id.substring(0, 2) + "/" + id.substring(2));
            Files.delete(object);
            // A symbolic link to a device: looked at, never followed or opened.
            Files.createSymbolicLink(object, Path.of("/dev/zero"));
            GitObjectFiles.lookAhead(dir);
            RegularFile.Refused refused = assertThrows(RegularFile.Refused.class, () -> GitObjectFiles.check(git));
            assertTrue(refused.getMessage().contains(id.substring(2)), refused.getMessage());
            // And without a check started ahead: the same answer.
            assertThrows(RegularFile.Refused.class, () -> GitObjectFiles.check(git));
        }
    }
}
