package dev.migrationguard.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.testing.CliRun;
import dev.migrationguard.testing.TestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, item 4: a repository whose files or git settings are FIFOs or devices. Only regular files are ever
 * opened, and every read of what the repository controls is bounded, so each run ends (the timeouts catch a hang):
 * a FIFO in the working tree is no file to lint, and git settings that are not small regular files refuse the
 * repository with a message naming the file.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileRepositoryTest {
    @TempDir
    Path dir;

    private TestRepository repo;

    @BeforeEach
    void repositoryWithACommittedFinding() {
        repo = TestRepository.init(dir.resolve("repo"));
        repo.write("scripts/deploy.sh", "#!/bin/sh\nnpx prisma db push\n")
                .write("scripts/tracked.sh", "echo ok\n")
                .write("sub/.gitattributes", "*.sh text\n")
                .commitAll("initial");
    }

    /** Stages one file through the index alone: JGit's add walks the tree with its own (cubic) ignore checks. */
    private void stageWithoutWalking(String path) throws IOException {
        Repository repository = repo.repository();
        Path file = repo.root().resolve(path);
        byte[] content = Files.readAllBytes(file);
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
            inserter.flush();
            DirCache index = repository.lockDirCache();
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                    entry.setLength(content.length);
                }
            });
            editor.commit();
        }
    }

    private static void mkfifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
    }

    private void assertLintsTheFinding(String... args) {
        CliRun run = CliRun.of(repo.root(), args);
        assertFalse(run.err().contains("Exception"), run.err());
        assertTrue(run.out().contains("scripts/deploy.sh\n  2:"), run.out() + run.err());
        assertEquals(1, run.exitCode(), run.out() + run.err());
    }

    /** Exit 2 with one line on stderr that names what was refused. */
    private void assertRefused(String named, String... args) {
        assertRefusedIn(repo.root(), named, args);
    }

    @Test
    void fifosInTheWorkingTreeTrackedOrNotAreNoFilesToOpen() throws Exception {
        Files.delete(repo.root().resolve("scripts/tracked.sh"));
        mkfifo(repo.root().resolve("scripts/tracked.sh"));
        mkfifo(repo.root().resolve("scripts/untracked.sh"));
        mkfifo(repo.root().resolve("prisma/migrations/20240101120000_init/migration.sql"));
        assertLintsTheFinding("lint");
        assertLintsTheFinding("lint", "--staged", "--all-files");
        CliRun baseline = CliRun.of(repo.root(), "baseline");
        assertEquals(0, baseline.exitCode(), baseline.out() + baseline.err());
        assertTrue(Files.isRegularFile(repo.root().resolve(".migration-guard-baseline.json")));
    }

    @Test
    void gitattributesAndGitignoreThatAreFifosOrDevicesAreNotRead() throws Exception {
        mkfifo(repo.root().resolve(".gitattributes"));
        mkfifo(repo.root().resolve("scripts/.gitignore"));
        Files.delete(repo.root().resolve("sub/.gitattributes"));
        Files.createSymbolicLink(repo.root().resolve("sub/.gitattributes"), Path.of("/dev/zero"));
        Files.createSymbolicLink(repo.root().resolve(".gitignore"), Path.of("/dev/urandom"));
        assertLintsTheFinding("lint");
        String text = CliRun.of(repo.root(), "lint").out();
        assertTrue(text.contains(".gitattributes  warning  not read: not a regular file (a FIFO, a socket or a device)")
                && text.contains("scripts/.gitignore  warning  not read: not a regular file"), text);
        assertLintsTheFinding("lint", "--history");
        assertLintsTheFinding("lint", "--staged", "--all-files");
    }

    @Test
    void aGitattributesOrGitignoreLargerThanTheBoundIsReportedWithItsPathAndTheRunGoesOn() throws Exception {
        // 8 MB and a line: git's settings bound. The file was dropped in silence, its line-ending rules with it.
        String big = "# padding\n".repeat(900_000);
        repo.write("sub/.gitattributes", big + "*.sh text eol=lf\n").write("scripts/.gitignore", big + "ignored.sh\n");
        CliRun run = CliRun.of(repo.root(), "lint", "--format", "json");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> notices = new ArrayList<>();
        json.get("notices").forEach(n -> notices.add(n.get("level").asText() + " " + n.get("path").asText() + ": "
                + n.get("message").asText()));
        assertEquals(List.of("warning scripts/.gitignore: not read: 9000011 bytes, above the limit of 8388608 bytes for git"
                        + " settings files; the files it would ignore are linted",
                "warning sub/.gitattributes: not read: 9000017 bytes, above the limit of 8388608 bytes for git settings"
                        + " files; its attributes (line endings, filters) are not applied when the working tree is compared"
                        + " with git"), notices.stream().filter(n -> n.contains("not read")).toList());
        assertTrue(run.out().contains("\"path\" : \"scripts/deploy.sh\""), "the findings are still reported");
        CliRun sarif = CliRun.of(repo.root(), "lint", "--format", "sarif");
        JsonNode notifications = new ObjectMapper().readTree(sarif.out()).at("/runs/0/invocations/0/toolExecutionNotifications");
        assertTrue(notifications.toString().contains("sub/.gitattributes: not read: 9000017 bytes"), notifications.toString());
        CliRun text = CliRun.of(repo.root(), "lint");
        assertTrue(text.out().contains("sub/.gitattributes  warning  not read: 9000017 bytes"), text.out());
    }

    @Test
    void aConfigIncludeThatIsAFifoOrADeviceRefusesTheRepository() throws Exception {
        Path config = repo.root().resolve(".git/config");
        String original = Files.readString(config);
        mkfifo(repo.root().resolve(".git/extra"));
        for (String include : new String[] {"extra", "/dev/zero", "/dev/urandom"}) {
            Files.writeString(config, original + "[include]\n\tpath = " + include + "\n");
            assertRefused("include.path `" + include + "`", "lint");
            assertRefused("include.path `" + include + "`", "baseline");
        }
        // Nested: a regular include that includes a device.
        Files.writeString(repo.root().resolve(".git/first"), "[include]\n\tpath = /dev/zero\n");
        Files.writeString(config, original + "[include]\n\tpath = first\n");
        assertRefused("/dev/zero", "lint");
    }

    @Test
    void infoExcludeOrAConfiguredAttributesFileThatIsNotARegularFileRefusesTheRepository() throws Exception {
        Path exclude = repo.root().resolve(".git/info/exclude");
        Files.deleteIfExists(exclude);
        mkfifo(exclude);
        assertRefused("info/exclude", "lint");
        Files.delete(exclude);
        Files.createSymbolicLink(exclude, Path.of("/dev/zero"));
        assertRefused("info/exclude", "lint");
        Files.delete(exclude);
        Path config = repo.root().resolve(".git/config");
        Files.writeString(config, Files.readString(config) + "[core]\n\tattributesFile = /dev/urandom\n");
        assertRefused("core.attributesfile", "lint");
    }

    @Test
    void refusesAFifoOrDeviceDotGitWithOneLine() throws Exception {
        // Neither a git folder nor a `gitdir:` file: JGit would skip it and look for a repository further up (or, for
        // HEAD, open it and wait); which repository the user meant cannot be known, so the run says so and stops.
        Path plain = dir.resolve("plain");
        Files.createDirectories(plain.resolve("scripts"));
        Files.writeString(plain.resolve("scripts/deploy.sh"), "npx prisma db push\n");
        mkfifo(plain.resolve(".git"));
        assertRefusedIn(plain, ".git", "lint");
        assertRefusedIn(plain, ".git", "lint", "--staged");
        assertRefusedIn(plain, ".git", "baseline");
        Files.delete(plain.resolve(".git"));
        Files.createSymbolicLink(plain.resolve(".git"), Path.of("/dev/zero"));
        assertRefusedIn(plain, ".git", "lint");
        // A git folder whose HEAD is a FIFO: JGit opens HEAD to decide whether the folder is a repository at all.
        Path head = repo.root().resolve(".git/HEAD");
        Files.delete(head);
        mkfifo(head);
        assertRefused("HEAD", "lint");
        assertRefused("HEAD", "install-hook");
        assertRefusedIn(plain, ".git", "install-hook");
    }

    @Test
    void refFilesThatAreFifosOrDevicesRefuseTheRepositoryInEveryCommand() throws Exception {
        // JGit reads packed-refs whole whenever it resolves a ref, the loose ref HEAD names, and (plain lint and
        // --history) every ref under refs/remotes to find the default branch: a FIFO there hung each command.
        Path git = repo.root().resolve(".git");
        String[][] commands = {{"lint"}, {"lint", "--staged"}, {"lint", "--history"}, {"baseline"}};
        Path packed = git.resolve("packed-refs");
        mkfifo(packed);
        for (String[] args : commands) {
            assertRefused("packed-refs", args);
        }
        // install-hook reads no ref: it writes the hook, whose run then refuses the repository as above.
        CliRun hook = CliRun.of(repo.root(), "install-hook");
        assertEquals(0, hook.exitCode(), hook.out() + hook.err());
        assertTrue(Files.isRegularFile(git.resolve("hooks/pre-commit")), hook.out());
        Files.delete(packed);
        Files.createSymbolicLink(packed, Path.of("/dev/zero"));
        assertRefused("packed-refs", "lint");
        Files.delete(packed);

        // The branch HEAD names, still resolvable through packed-refs so that only the loose file is hostile.
        Path main = git.resolve("refs/heads/main");
        String id = Files.readString(main).strip();
        Files.writeString(packed, id + " refs/heads/main\n");
        Files.delete(main);
        mkfifo(main);
        for (String[] args : commands) {
            assertRefused("refs/heads/main", args);
        }
        Files.delete(main);
        Files.createSymbolicLink(main, Path.of("/dev/zero"));
        assertRefused("refs/heads/main", "lint");
        Files.delete(main);
        Files.writeString(main, id + "\n");

        // origin's HEAD, which plain lint reads to find the default branch.
        Path originHead = git.resolve("refs/remotes/origin/HEAD");
        mkfifo(originHead);
        assertRefused("refs/remotes/origin/HEAD", "lint");
        assertRefused("refs/remotes/origin/HEAD", "lint", "--history");
        // A pre-commit run reads only HEAD's branch (and packed-refs): it neither opens nor refuses a remote's ref.
        CliRun staged = CliRun.of(repo.root(), "lint", "--staged");
        assertEquals(0, staged.exitCode(), staged.out() + staged.err());
        Files.delete(originHead);
        Files.createSymbolicLink(originHead, Path.of("/dev/urandom"));
        assertRefused("refs/remotes/origin/HEAD", "lint");
        Files.delete(originHead);
        // A link to a folder: JGit lists whatever it points to as refs (here every device of the machine).
        Files.createSymbolicLink(git.resolve("refs/remotes/evil"), Path.of("/dev"));
        CliRun linked = CliRun.of(repo.root(), "lint");
        assertEquals(2, linked.exitCode(), linked.out() + linked.err());
        assertTrue(linked.err().contains("refs/remotes/evil is a symbolic link to a folder"), linked.err());
        Files.delete(git.resolve("refs/remotes/evil"));

        // Pseudo-refs are read only when a revision names them: plain lint does not open FETCH_HEAD.
        mkfifo(git.resolve("FETCH_HEAD"));
        assertRefused("FETCH_HEAD", "lint", "--since", "FETCH_HEAD");
        assertRefused("FETCH_HEAD", "lint", "--since", "FETCH_HEAD~1");
        assertLintsTheFinding("lint");
        Files.delete(git.resolve("FETCH_HEAD"));
        Files.createSymbolicLink(git.resolve("ORIG_HEAD"), Path.of("/dev/zero"));
        assertRefused("ORIG_HEAD", "lint", "--since", "ORIG_HEAD");
        Files.delete(git.resolve("ORIG_HEAD"));

        assertLintsTheFinding("lint");
    }

    @Test
    void anIndexOrObjectFileThatIsAFifoRefusesTheRepository() throws Exception {
        // JGit opens the index, the pack files, the commit-graph and info/alternates as it reads HEAD: a FIFO hung each.
        Path git = repo.root().resolve(".git");
        Path index = git.resolve("index");
        byte[] kept = Files.readAllBytes(index);
        Files.delete(index);
        mkfifo(index);
        assertRefused("index", "lint");
        assertRefused("index", "lint", "--staged");
        assertRefused("index", "baseline");
        Files.delete(index);
        Files.write(index, kept);

        Path alternates = git.resolve("objects/info/alternates");
        mkfifo(alternates);
        assertRefused("info/alternates", "lint");
        Files.delete(alternates);
        // An alternate object folder is checked like the repository's own.
        Path other = dir.resolve("other-objects");
        mkfifo(other.resolve("pack/pack-0000000000000000000000000000000000000000.pack"));
        Files.writeString(alternates, "# shared objects\n" + other + "\n");
        assertRefused("pack/pack-0000000000000000000000000000000000000000.pack", "lint");
        Files.delete(alternates);

        Path graph = git.resolve("objects/info/commit-graph");
        mkfifo(graph);
        assertRefused("info/commit-graph", "lint", "--history");
        Files.delete(graph);

        repo.git().gc().call();
        Path pack;
        try (var packs = Files.list(git.resolve("objects/pack"))) {
            pack = packs.filter(p -> p.toString().endsWith(".pack")).findFirst().orElseThrow();
        }
        byte[] packed = Files.readAllBytes(pack);
        Files.delete(pack);
        mkfifo(pack);
        assertRefused(pack.getFileName().toString(), "lint");
        Files.delete(pack);
        Files.write(pack, packed);
        assertLintsTheFinding("lint");
    }

    @Test
    void aLooseObjectThatIsAFifoRefusesTheRepository() throws Exception {
        // HEAD's commit, as a loose object: JGit opens it to read HEAD in every mode, and a FIFO there hung the run.
        String id = repo.repository().resolve("HEAD").name();
        Path object = repo.root().resolve(".git/objects/" + id.substring(0, 2) + "/" + id.substring(2));
        byte[] kept = Files.readAllBytes(object);
        Files.delete(object);
        mkfifo(object);
        assertRefused(id.substring(2), "lint");
        assertRefused(id.substring(2), "lint", "--staged");
        assertRefused(id.substring(2), "lint", "--history");
        assertRefused(id.substring(2), "baseline");
        Files.delete(object);
        Files.write(object, kept);
        assertLintsTheFinding("lint");
    }

    /** A linked worktree (as `git worktree add` makes it) of the test repository, its HEAD detached at main's. */
    private Path linkedWorktree() throws IOException {
        Path gitDir = repo.root().resolve(".git/worktrees/wt");
        Path tree = dir.resolve("wt");
        Files.createDirectories(gitDir);
        Files.createDirectories(tree.resolve("scripts"));
        Files.writeString(gitDir.resolve("HEAD"), repo.repository().resolve("HEAD").name() + "\n");
        Files.writeString(gitDir.resolve("commondir"), "../..\n");
        Files.writeString(gitDir.resolve("gitdir"), tree.resolve(".git") + "\n");
        Files.writeString(tree.resolve(".git"), "gitdir: " + gitDir + "\n");
        Files.writeString(tree.resolve("scripts/deploy.sh"), "#!/bin/sh\nnpx prisma db push\n");
        return tree;
    }

    @Test
    void aLinkedWorktreesSettingsInTheCommonGitDirAreCheckedLikeARepositorysOwn() throws Exception {
        Path tree = linkedWorktree();
        CliRun healthy = CliRun.of(tree, "lint");
        assertEquals(1, healthy.exitCode(), healthy.out() + healthy.err());
        assertTrue(healthy.out().contains("scripts/deploy.sh\n  2:12  error"), healthy.out() + healthy.err());

        Path common = repo.root().resolve(".git");
        Path config = common.resolve("config");
        String original = Files.readString(config);
        Files.writeString(config, original + "[include]\n\tpath = /dev/zero\n");
        assertRefusedIn(tree, "include.path `/dev/zero`", "lint");
        Files.writeString(config, original);

        Path exclude = common.resolve("info/exclude");
        Files.deleteIfExists(exclude);
        mkfifo(exclude);
        assertRefusedIn(tree, "info/exclude", "lint");
        assertRefusedIn(tree, "info/exclude", "lint", "--staged");
        Files.delete(exclude);

        Path attributes = common.resolve("info/attributes");
        Files.createSymbolicLink(attributes, Path.of("/dev/zero"));
        assertRefusedIn(tree, "info/attributes", "lint");
        Files.delete(attributes);

        // The worktree's own files: a commondir that is a FIFO.
        Path commondir = common.resolve("worktrees/wt/commondir");
        Files.delete(commondir);
        mkfifo(commondir);
        assertRefusedIn(tree, "commondir", "lint");
    }

    @Test
    void aLinkedWorktreesRefsInTheCommonGitDirAndItsOwnAreCheckedToo() throws Exception {
        Path tree = linkedWorktree();
        Path common = repo.root().resolve(".git");
        Path packed = common.resolve("packed-refs");
        mkfifo(packed);
        assertRefusedIn(tree, "packed-refs", "lint");
        assertRefusedIn(tree, "packed-refs", "lint", "--staged");
        assertRefusedIn(tree, "packed-refs", "baseline");
        Files.delete(packed);
        Path originHead = common.resolve("refs/remotes/origin/HEAD");
        mkfifo(originHead);
        assertRefusedIn(tree, "refs/remotes/origin/HEAD", "lint");
        Files.delete(originHead);
        // Refs of the worktree alone (git keeps refs/bisect and refs/worktree per worktree).
        Path bisect = common.resolve("worktrees/wt/refs/bisect/bad");
        mkfifo(bisect);
        assertRefusedIn(tree, "refs/bisect/bad", "lint");
        Files.delete(bisect);
        CliRun healthy = CliRun.of(tree, "lint");
        assertEquals(1, healthy.exitCode(), healthy.out() + healthy.err());
    }

    @Test
    void aLinkedWorktreeAppliesTheInfoExcludeOfTheCommonGitDirAsGitDoes() throws Exception {
        // In a linked worktree .git is a file; git reads info/exclude from the common git dir its commondir names.
        Path tree = linkedWorktree();
        Files.writeString(tree.resolve("scripts/excluded.sh"), "#!/bin/sh\nnpx prisma db push --accept-data-loss\n");
        Path exclude = repo.root().resolve(".git/info/exclude");
        Files.createDirectories(exclude.getParent());
        Files.writeString(exclude, "# local files\n/scripts/excluded.sh\n");
        CliRun run = CliRun.of(tree, "lint");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("scripts/deploy.sh\n  2:12  error"), run.out());
        assertFalse(run.out().contains("excluded.sh"), "excluded by the common info/exclude: " + run.out());
        CliRun baseline = CliRun.of(tree, "baseline");
        assertEquals(0, baseline.exitCode(), baseline.out() + baseline.err());
        String recorded = Files.readString(tree.resolve(".migration-guard-baseline.json"));
        assertTrue(recorded.contains("scripts/deploy.sh") && !recorded.contains("excluded.sh"), recorded);
        // The same file in the main worktree's own tree is excluded there as before.
        repo.write("scripts/excluded.sh", "npx prisma db push\n");
        assertFalse(CliRun.of(repo.root(), "lint").out().contains("excluded.sh"));
    }

    /** Exit 2 with one line on stderr that names what was refused, linting {@code folder}. */
    private static void assertRefusedIn(Path folder, String named, String... args) {
        CliRun run = CliRun.of(folder, args);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(named) && run.err().contains("not a regular file"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aConfigurationOrBaselineFileThatIsAFifoIsAConfigurationError() throws Exception {
        mkfifo(repo.root().resolve(".migration-guard.yml"));
        CliRun run = CliRun.of(repo.root(), "lint");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("not a regular file"), run.err());
        Files.delete(repo.root().resolve(".migration-guard.yml"));
        mkfifo(repo.root().resolve("baseline.json"));
        run = CliRun.of(repo.root(), "lint", "--baseline", "baseline.json");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("not a regular file"), run.err());
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void treesThousandsOfFoldersDeepTrackedOrNotAreWalkedAndLinted() throws IOException {
        // Issue 20 item 7: 1,500 nested folders overflowed the stack; 2,000 untracked levels made every rule fail.
        String tracked = "d/".repeat(1_500) + "deep.sh";
        repo.write(tracked, "npx prisma db push\n");
        stageWithoutWalking(tracked);
        repo.commit("deep");
        String untracked = "u/".repeat(1_500) + "deeper.sh";
        repo.write(untracked, "npx prisma db push\n");
        CliRun run = CliRun.of(repo.root(), "lint", "--format", "json");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"errors\" : [ ]"), run.out().substring(0, Math.min(2000, run.out().length())));
        assertTrue(run.out().contains(tracked), "the deep tracked file is linted");
        assertTrue(run.out().contains(untracked), "the deep untracked file is linted");
    }

    // ---- issue 20 item 11: git edge cases

    @Test
    void historyInAShallowCloneExitsTwoAndSaysWhatIsMissing() throws Exception {
        repo.write("scripts/other.sh", "echo two\n").commitAll("second");
        Path shallow = dir.resolve("shallow");
        try (org.eclipse.jgit.api.Git clone = org.eclipse.jgit.api.Git.cloneRepository()
                .setURI(repo.root().toUri().toString()).setDirectory(shallow.toFile()).setDepth(1).call()) {
            assertFalse(clone.getRepository().getObjectDatabase().getShallowCommits().isEmpty(), "a shallow clone");
        }
        CliRun run = CliRun.of(shallow, "lint", "--history");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("shallow clone") && run.out().contains("fetch-depth: 0"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.equals("scripts/deploy.sh")) && run.out().contains("  2:12  error"),
                "the static rules still ran: " + run.out());
    }

    @Test
    void aBareRepositoryIsRefusedClearlyNotLintedAsAFolderOfObjects() throws Exception {
        Path bare = dir.resolve("bare.git");
        org.eclipse.jgit.api.Git.cloneRepository().setURI(repo.root().toUri().toString()).setDirectory(bare.toFile())
                .setBare(true).call().close();
        for (String[] args : new String[][] {{"lint"}, {"lint", "--history"}, {"baseline"}}) {
            CliRun run = CliRun.of(bare, args);
            assertEquals(2, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("is a bare repository"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }

    @Test
    void historyOrSinceWithAnUnbornHeadSayTheModeCannotRunAndExitTwo() {
        TestRepository unborn = TestRepository.init(dir.resolve("unborn"));
        unborn.write("scripts/deploy.sh", "npx prisma db push\n");
        for (String[] args : new String[][] {{"lint", "--history"}, {"lint", "--since", "main"}}) {
            CliRun run = CliRun.of(unborn.root(), args);
            assertEquals(2, run.exitCode(), run.out() + run.err());
            assertTrue(run.err().contains("no commits yet") && run.err().contains(args[1]), run.err());
            assertFalse(run.out().contains("prisma-db-push"), "the working tree is not linted instead: " + run.out());
        }
        // Without a mode, the working tree is what is asked for.
        CliRun plain = CliRun.of(unborn.root(), "lint");
        assertEquals(1, plain.exitCode(), plain.out() + plain.err());
        assertTrue(plain.out().contains("prisma-db-push"), plain.out());
    }

    @Test
    void aSuggestedCommandQuotesTheRevisionItWasGiven() {
        String revision = "origin/x;touch${IFS}pwned";
        CliRun run = CliRun.of(repo.root(), "lint", "--since", revision);
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("`git fetch origin 'x;touch${IFS}pwned'`"), run.out());
        run = CliRun.of(repo.root(), "lint", "--since", "origin/it's");
        assertTrue(run.out().contains("`git fetch origin 'it'\\''s'`"), run.out());
        run = CliRun.of(repo.root(), "lint", "--since", "origin/feature/a-1");
        assertTrue(run.out().contains("`git fetch origin feature/a-1`"), run.out());
    }
}
