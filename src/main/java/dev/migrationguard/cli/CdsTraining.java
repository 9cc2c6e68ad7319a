package dev.migrationguard.cli;

import dev.migrationguard.workspace.ParseCache;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The training run of the build's class-data-sharing archive (see pom.xml), never run by users: it lints the bundled
 * samples the way users run the linter (a folder, the working tree of a repository, its staged change, its history,
 * each output format), so that the classes all of those load are in the archive and a pre-commit or history run
 * reads none from the jar. The repository it needs is built in a temporary folder from samples/history-incident and
 * deleted afterwards.
 *
 * <p>Arguments: the samples folder.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, GitAPIException {
        Path samples = Path.of(args[0]).toAbsolutePath();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Path none = Path.of("");
        // A parse cache of its own, not the user's: the first lint parses and keeps, the next ones read what it kept.
        Path cache = Files.createTempDirectory("migration-guard-cds-cache");
        System.setProperty(ParseCache.DIR_PROPERTY, cache.toString());
        Path repo = Files.createTempDirectory("migration-guard-cds-training");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            for (String format : List.of("text", "json", "sarif", "github")) {
                Main.run(new String[] {"lint", samples.toString(), "--format", format, "--fail-on", "never"}, discard,
                        discard, none);
            }
            try (Stream<Path> commits = Files.list(samples.resolve("history-incident/history"))) {
                for (Path commit : commits.sorted().toList()) {
                    apply(commit, repo);
                    git.add().addFilepattern(".").call();
                    git.add().addFilepattern(".").setUpdate(true).call();
                    git.commit().setMessage(commit.getFileName().toString()).setAuthor("training", "training@localhost")
                            .setCommitter("training", "training@localhost").setSign(false).setNoVerify(true).call();
                }
            }
            Path migration = repo.resolve("prisma/migrations/29990101000000_training/migration.sql");
            Files.createDirectories(migration.getParent());
            Files.writeString(migration, "ALTER TABLE \"User\" ADD COLUMN \"note\" TEXT;\n"
                    + "CREATE INDEX \"User_note_idx\" ON \"User\"(\"note\");\n");
            Files.writeString(repo.resolve("prisma/schema.prisma"), "\n// training edit\n",
                    java.nio.file.StandardOpenOption.APPEND);
            for (String[] run : List.of(
                    new String[] {"lint", repo.toString(), "--fail-on", "never"},
                    new String[] {"lint", repo.toString(), "--history", "--fail-on", "never"},
                    new String[] {"lint", repo.toString(), "--history", "--format", "sarif", "--fail-on", "never"})) {
                Main.run(run, discard, discard, none);
            }
            git.add().addFilepattern(".").call();
            for (String format : List.of("text", "json")) {
                Main.run(new String[] {"lint", repo.toString(), "--staged", "--format", format, "--fail-on", "never"},
                        discard, discard, none);
            }
        } finally {
            delete(repo);
            delete(cache);
        }
    }

    /** Copies one commit folder of the sample over the repository; a file named {@code X.deleted} deletes {@code X}. */
    private static void apply(Path commit, Path repo) throws IOException {
        try (Stream<Path> files = Files.walk(commit)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = commit.relativize(file).toString();
                if (relative.endsWith(".deleted")) {
                    Path target = repo.resolve(relative.substring(0, relative.length() - ".deleted".length()));
                    if (Files.isDirectory(target)) {
                        delete(target);
                    } else {
                        Files.deleteIfExists(target);
                    }
                } else {
                    Path target = repo.resolve(relative);
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
