package dev.migrationguard.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * Builds a git repository from a sample's {@code history/} folder: each subfolder, in name order, is one commit
 * whose files are written over the previous state; a file named {@code X.deleted} deletes {@code X}. The commit
 * message is the folder name without its number, with spaces for underscores.
 */
final class SampleHistory {
    private static final String DELETED = ".deleted";

    private SampleHistory() {
    }

    static Path build(Path history, Path repo) throws IOException {
        Files.createDirectories(repo);
        List<Path> steps;
        try (Stream<Path> s = Files.list(history)) {
            steps = s.filter(Files::isDirectory).sorted().toList();
        }
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            Instant when = Instant.parse("2024-01-01T12:00:00Z");
            for (Path step : steps) {
                try (Stream<Path> files = Files.walk(step)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String rel = step.relativize(f).toString().replace('\\', '/');
                        if (rel.endsWith(DELETED)) {
                            String target = rel.substring(0, rel.length() - DELETED.length());
                            Files.deleteIfExists(repo.resolve(target));
                            git.rm().addFilepattern(target).call();
                        } else {
                            Path out = repo.resolve(rel);
                            Files.createDirectories(out.getParent());
                            Files.copy(f, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                            git.add().addFilepattern(rel).call();
                        }
                    }
                }
                String name = step.getFileName().toString();
                PersonIdent who = new PersonIdent("Sample Author", "author@example.com", when.toEpochMilli(),
                        TimeZone.getTimeZone(ZoneOffset.UTC).getRawOffset() / 60000);
                git.commit().setMessage(name.replaceFirst("^\\d+_", "").replace('_', ' '))
                        .setAuthor(who).setCommitter(who).setSign(false).call();
                when = when.plusSeconds(86_400);
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot build the sample repository: " + e.getMessage(), e);
        }
        return repo;
    }
}
