package dev.migrationguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A git repository in a temporary folder, driven with JGit only (no git executable, no network): write files,
 * stage them, commit with a fixed author and a clock that ticks one minute per commit.
 */
public final class TestRepository implements AutoCloseable {
    private final Path root;
    private final Git git;
    private long clock = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    private TestRepository(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    public static TestRepository init(Path root) {
        try {
            Files.createDirectories(root);
            return new TestRepository(root, Git.init().setDirectory(root.toFile()).setInitialBranch("main").call());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return root;
    }

    public Git git() {
        return git;
    }

    public Repository repository() {
        return git.getRepository();
    }

    public TestRepository write(String path, String content) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepository delete(String path) {
        try {
            Path file = root.resolve(path);
            if (Files.isDirectory(file)) {
                try (var walk = Files.walk(file)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            } else {
                Files.delete(file);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages the given paths (new, changed or deleted). */
    public TestRepository stage(String... paths) {
        try {
            for (String path : paths) {
                if (Files.exists(root.resolve(path))) {
                    git.add().addFilepattern(path).call();
                } else {
                    git.rm().setCached(true).addFilepattern(path).call();
                }
            }
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stages everything in the working tree, deletions included. */
    public TestRepository stageAll() {
        try {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            return this;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Commits what is staged. */
    public RevCommit commit(String message) {
        try {
            clock += 60;
            PersonIdent who = new PersonIdent("Ada Lovelace", "ada@example.com", Instant.ofEpochSecond(clock), ZoneOffset.UTC);
            return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stages everything and commits it. */
    public RevCommit commitAll(String message) {
        return stageAll().commit(message);
    }

    @Override
    public void close() {
        git.close();
    }
}
