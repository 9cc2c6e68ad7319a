package dev.migrationguard.git;

import dev.migrationguard.sql.AppliedMigrations;
import dev.migrationguard.workspace.CheckedOutFiles;
import dev.migrationguard.workspace.CommitSnapshot;
import dev.migrationguard.workspace.GitIndexSnapshot;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.ParseCache;
import dev.migrationguard.workspace.Scope;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.WorkingTreeSnapshot;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.internal.storage.file.FileSnapshot;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * The entry point the CLI calls: finds the git repository around a folder and, for a {@link ScanMode}, returns the
 * snapshot the static rules read, the {@link ChangeSet}s the history rules judge, and notices about what could not
 * be read (a shallow clone's missing history, a base revision that is not there).
 *
 * <p>Outside a git repository the working tree is scanned alone and no history rule has anything to judge; that is
 * not an error. Inside one, paths are relative to the repository root and limited to the folder given.
 *
 * <p>Snapshots read blobs lazily, so the scan must stay open until the rules have run: use try-with-resources.
 */
public final class GitScan implements AutoCloseable {
    /** How many commits make a worker thread worth starting (tests lower it to run the parallel path). */
    static volatile int commitsPerWorker = 500;

    private static final String FETCH_ALL = "in GitHub Actions give actions/checkout `fetch-depth: 0`"
            + " (elsewhere run `git fetch --unshallow`)";

    private final Repository repository;
    private final Snapshot snapshot;
    private final CompletableFuture<Outcome> outcome;
    private final Optional<Provenance> provenance;
    private AppliedMigrations applied = AppliedMigrations.NONE;

    /** What the history part of a scan found: change sets and notices. */
    private record Outcome(List<ChangeSet> changes, List<Notice> notices) {
        Outcome {
            changes = List.copyOf(changes);
            notices = List.copyOf(notices);
        }
    }

    private GitScan(Repository repository, Snapshot snapshot, CompletableFuture<Outcome> outcome,
                    Optional<Provenance> provenance) {
        this.repository = repository;
        this.snapshot = snapshot;
        this.outcome = outcome;
        this.provenance = provenance;
    }

    private GitScan(Repository repository, Snapshot snapshot, List<ChangeSet> changes, List<Notice> notices,
                    Optional<Provenance> provenance) {
        this(repository, snapshot, CompletableFuture.completedFuture(new Outcome(changes, notices)), provenance);
    }

    /** Scans {@code dir} (a repository's top folder, any folder inside one, or a folder outside git). */
    public static GitScan run(Path dir, ScanMode mode, ScanOptions options) throws IOException {
        return scan(dir, mode, options, false, true);
    }

    /**
     * Like {@link #run}, but in history and pull-request mode the commits are compared on a thread of their own:
     * the snapshot of HEAD is ready at once, for the static rules to run meanwhile, and {@link #changes()} and
     * {@link #notices()} wait for the comparison (and throw an {@link UncheckedIOException} if it failed).
     */
    public static GitScan start(Path dir, ScanMode mode, ScanOptions options) throws IOException {
        return scan(dir, mode, options, true, true);
    }

    /**
     * As {@link #start(Path, ScanMode, ScanOptions)}; with {@code historyRules} false (no history rule will judge
     * {@link #changes()}), a plain lint does not compare the working tree with HEAD: it has no change to report.
     */
    public static GitScan start(Path dir, ScanMode mode, ScanOptions options, boolean historyRules) throws IOException {
        return scan(dir, mode, options, true, historyRules);
    }

    /**
     * Starts JGit's one-time set-up on a thread of its own, for a process that will scan a repository soon: its
     * settings, and the static state that opening a repository first builds (message bundles, the time zone, about
     * 30 ms), while the calling thread parses the command line and reads the configuration.
     */
    public static void warmUp() {
        GitObjectFiles.lookAhead(java.nio.file.Path.of(""));
        Thread thread = new Thread(() -> {
            JGitSetup.configure();
            FileSnapshot.save(new File("."));
        }, "migration-guard-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static GitScan scan(Path dir, ScanMode mode, ScanOptions options, boolean background, boolean historyRules)
            throws IOException {
        JGitSetup.configure();
        Path folder = dir.toAbsolutePath().normalize();
        ParseCache.refuseWritesUnder(folder);
        Optional<Repository> found;
        List<Notice> notes = new ArrayList<>();
        try {
            found = open(folder, options, mode);
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            // A .git file naming a git dir that is gone (a moved worktree, a copied submodule): lint the files on disk.
            found = Optional.empty();
            notes.add(Notice.warning(".git", "the repository this folder points to cannot be opened (" + e.getMessage()
                    + "): only the files on disk are linted, and the history rules have nothing to compare"));
        }
        if (found.isPresent() && found.get().isBare()) {
            File gitDir = found.get().getDirectory();
            found.get().close();
            // Its files are git's objects, not the project's: linting them as a folder would find nothing.
            throw new IOException(gitDir + " is a bare repository, which has no working tree to lint; run migration-guard"
                    + " in a clone of it (git clone " + shellQuote(gitDir.toString()) + ")");
        }
        if (found.isEmpty()) {
            if (!(mode instanceof ScanMode.Local) && notes.isEmpty()) {
                notes.add(Notice.note("", folder + " is not in a git work tree: only the files on disk are linted,"
                        + " and the history rules have nothing to compare"));
            }
            WorkingTreeSnapshot tree = new WorkingTreeSnapshot(folder, "", options.filter(), options.maxFileBytes());
            return new GitScan(null, tree, List.of(), notes, Optional.empty());
        }
        Repository repository = found.get();
        try {
            Path root = repository.getWorkTree().toPath().toAbsolutePath().normalize();
            ParseCache.refuseWritesUnder(root);
            String scope = scopeOf(root, folder);
            return new Scanner(repository, root, scope, options, historyRules).scan(mode, background);
        } catch (IOException | RuntimeException e) {
            repository.close();
            throw e;
        }
    }

    /** A word for a suggested shell command: a user's revision or path quoted unless it is plainly safe. */
    static String shellQuote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9._/@^+:=%,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Checks what JGit reads to find and open the repository holding {@code folder} (HEAD, a {@code .git} file, the
     * config and its includes, info files; see {@link GitSettingsFiles}), for a command that opens it with JGit itself:
     * a FIFO there would hang it, a device exhaust its memory. Throws with a message naming the file.
     */
    public static void checkRepositoryFiles(Path folder) throws IOException {
        GitSettingsFiles.checkDiscovery(folder);
        File gitDir = new FileRepositoryBuilder().findGitDir(folder.toFile()).getGitDir();
        if (gitDir != null) {
            GitSettingsFiles.check(gitDir);
        }
    }

    private static Optional<Repository> open(Path folder, ScanOptions options, ScanMode mode) throws IOException {
        GitSettingsFiles.checkDiscovery(folder);
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(folder.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        GitSettingsFiles.check(builder.getGitDir());
        GitRefFiles.check(builder.getGitDir().toPath(), mode);
        GitObjectFiles.check(builder.getGitDir().toPath());
        String indexFile = options.environment().get("GIT_INDEX_FILE");
        Repository repository = builder.setMustExist(true).build();
        if (indexFile != null && !indexFile.isEmpty() && !repository.isBare()) {
            File index = new File(indexFile);
            if (!index.isAbsolute()) {
                index = new File(repository.getWorkTree(), indexFile);
            }
            repository.close();
            repository = new FileRepositoryBuilder().findGitDir(folder.toFile()).setIndexFile(index)
                    .setMustExist(true).build();
        }
        readCommitGraph(repository);
        return Optional.of(repository);
    }

    /**
     * Lets walks read parents and trees from the commit-graph file that {@code git gc} writes, as git does unless
     * {@code core.commitGraph} is false (JGit reads it only when that is set to true).
     */
    private static void readCommitGraph(Repository repository) {
        StoredConfig config = repository.getConfig();
        if (config.getString(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_COMMIT_GRAPH) == null) {
            config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_COMMIT_GRAPH, true);
        }
    }

    private static String scopeOf(Path root, Path folder) throws IOException {
        Path realRoot = root.toRealPath();
        Path realFolder = folder.toRealPath();
        if (!realFolder.startsWith(realRoot)) {
            return "";
        }
        return Scope.normalise(realRoot.relativize(realFolder).toString());
    }

    /** The version the static rules read: working tree, index or HEAD, by mode. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** What the history rules judge, oldest first; in pull-request mode the range as a whole comes last. */
    public List<ChangeSet> changes() {
        return outcome().changes();
    }

    /**
     * The migrations committed on this run's base revision: with {@code --since REV} the merge base of REV and HEAD,
     * in a pre-commit run HEAD, otherwise the merge base of HEAD with the remote's default branch (else HEAD); none
     * outside git or before the first commit.
     */
    public AppliedMigrations applied() {
        return applied;
    }

    /** Whether a git repository was found (when not, the history rules have nothing to judge). */
    public boolean inRepository() {
        return repository != null;
    }

    /** The repository and revision read, for SARIF {@code versionControlProvenance}. */
    public Optional<Provenance> provenance() {
        return provenance;
    }

    /** What the scan itself could not do (missing history, missing base revision). */
    public List<Notice> notices() {
        return outcome().notices();
    }

    private Outcome outcome() {
        try {
            return outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            } else if (e.getCause() instanceof RuntimeException r) {
                throw r;
            } else if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The scan's notices and those of every snapshot it made (files skipped or unreadable), without repeats. Call it
     * after the rules ran: snapshots only notice a file when a rule reads it.
     */
    public List<Notice> allNotices() {
        Set<Notice> all = new LinkedHashSet<>(notices());
        all.addAll(snapshot.notices());
        for (ChangeSet change : changes()) {
            all.addAll(change.base().notices());
            all.addAll(change.target().notices());
        }
        return List.copyOf(all);
    }

    @Override
    public void close() {
        // A comparison still running reads from the repository: let it end first, whatever its outcome.
        outcome.handle((done, failure) -> null).join();
        if (repository != null) {
            repository.close();
        }
    }

    /** One scan's state: the repository, its shared reader and the commit snapshots made so far. */
    private static final class Scanner {
        private final Repository repository;
        private final Path root;
        private final String scope;
        private final ScanOptions options;
        private final List<Notice> notices = new ArrayList<>();
        private final Map<ObjectId, CommitSnapshot> commitSnapshots = new HashMap<>();
        private final Snapshot emptyTree;

        /** Whether a history rule will read the changes: without one, plain lint's uncommitted change is not made. */
        private final boolean historyRules;

        Scanner(Repository repository, Path root, String scope, ScanOptions options, boolean historyRules) {
            this.historyRules = historyRules;
            this.repository = repository;
            this.root = root;
            this.scope = scope;
            this.options = options;
            this.emptyTree = new EmptySnapshot();
        }

        GitScan scan(ScanMode mode, boolean background) throws IOException {
            try (ObjectReader reader = repository.newObjectReader();
                 RevWalk walk = new RevWalk(reader);
                 GitDiff diff = new GitDiff(repository, reader, scope, options.filter())) {
                // A walk needs commits' parents, trees and times, which a commit-graph file holds without inflating
                // the commits; messages and authors are read only for commits that end up in a finding.
                walk.setRetainBody(false);
                RevCommit head = resolveHead(walk);
                Optional<Provenance> provenance = Optional.ofNullable(head).map(h -> provenance(h));
                // Before the comparison starts (it may run on a thread of its own and add notices); a pre-commit run
                // compares on this thread and reads the applied migrations from the index it read for that.
                boolean staged = mode instanceof ScanMode.Staged;
                AppliedMigrations applied = head == null ? AppliedMigrations.NONE
                        : staged ? null : applied(mode, walk, head);
                GitScan made = scanFrom(mode, background, walk, diff, head, provenance);
                made.applied = applied != null ? applied : stagedApplied != null ? stagedApplied : applied(mode, walk, head);
                return made;
            }
        }

        private GitScan scanFrom(ScanMode mode, boolean background, RevWalk walk, GitDiff diff, RevCommit head,
                                 Optional<Provenance> provenance) throws IOException {
            {
                List<ChangeSet> changes = new ArrayList<>();
                Snapshot staticSnapshot;
                if (mode instanceof ScanMode.Local) {
                    WorkingTreeSnapshot tree = new WorkingTreeSnapshot(root, scope, options.filter(), options.maxFileBytes());
                    staticSnapshot = tree;
                    if (head == null) {
                        notices.add(noCommitsYet());
                    } else if (background && historyRules) {
                        // The working tree is compared with HEAD on a thread of its own, as a history is: only the
                        // history rules need that comparison, and the static rules start on the tree meanwhile.
                        CommitSnapshot headFiles = commitSnapshot(head);
                        ObjectId headTree = head.getTree().copy();
                        return new GitScan(repository, staticSnapshot, inBackground("migration-guard-uncommitted",
                                () -> uncommitted(headFiles, headTree, tree)), provenance);
                    } else if (historyRules) {
                        changes.addAll(uncommitted(commitSnapshot(head), head.getTree(), tree));
                    }
                    // Without a history rule nothing judges the uncommitted change, and it is not made.
                } else if (mode instanceof ScanMode.Staged) {
                    // Read once: the staged files, the diff with HEAD and the working-tree copies share it.
                    Instant indexTime = CheckedOutFiles.indexTime(repository);
                    Optional<DirCache> dirCache = readIndex("the working tree is linted instead of the staged files");
                    if (dirCache.isEmpty()) {
                        staticSnapshot = new WorkingTreeSnapshot(root, scope, options.filter(), options.maxFileBytes());
                    } else {
                        GitIndexSnapshot index = new GitIndexSnapshot(repository, dirCache.get(), scope,
                                options.filter(), options.maxFileBytes());
                        index.readCheckedOutCopies(CheckedOutFiles.of(repository, dirCache.get(), indexTime));
                        staticSnapshot = index;
                        if (head == null) {
                            notices.add(noCommitsYet());
                        } else {
                            try {
                                List<Change> staged = diff.index(head.getTree(), dirCache.get());
                                changes.add(new ChangeSet(ChangeSet.Kind.STAGED, commitSnapshot(head), index,
                                        "the staged change", Optional.empty(), staged, Optional.empty()));
                                stagedApplied = appliedFromIndex(dirCache.get(), staged, head);
                            } catch (MissingObjectException e) {
                                notices.add(missingFromClone(e, "the staged change"));
                            }
                        }
                    }
                } else if (head == null) {
                    // Linting the working tree instead would look like a history that passed.
                    throw new IOException("the repository has no commits yet (HEAD is unborn), so "
                            + (mode instanceof ScanMode.Since ? "--since" : "--history")
                            + " has no commits to check; commit first, or run lint without it");
                } else {
                    // HEAD's files are read from a clean checkout (a pull request's CI job) instead of the packs.
                    CommitSnapshot headFiles = commitSnapshot(head);
                    headFiles.readCheckedOutCopies(CheckedOutFiles.of(repository));
                    staticSnapshot = headFiles;
                    ObjectId headId = head.copy();
                    if (background) {
                        return new GitScan(repository, staticSnapshot, inBackground("migration-guard-history",
                                () -> commitChanges(mode, headId)), provenance);
                    }
                    changes.addAll(commitChanges(mode, headId));
                }
                return new GitScan(repository, staticSnapshot, changes, notices, provenance);
            }
        }

        /** What computes a scan's change sets, on a thread of its own. */
        private interface Comparison {
            List<ChangeSet> changes() throws IOException;
        }

        /**
         * Runs a comparison on a daemon thread; the outcome holds its change sets and the scan's notices (this
         * scanner adds none after the thread starts, except from the thread itself).
         */
        private CompletableFuture<Outcome> inBackground(String name, Comparison comparison) {
            CompletableFuture<Outcome> later = new CompletableFuture<>();
            Thread comparing = new Thread(() -> {
                try {
                    List<ChangeSet> changes = comparison.changes();
                    later.complete(new Outcome(changes, notices));
                } catch (IOException | RuntimeException | Error e) {
                    later.completeExceptionally(e);
                }
            }, name);
            comparing.setDaemon(true);
            comparing.start();
            return later;
        }

        /**
         * The uncommitted change: HEAD's tree against the working tree (through the index's stat data), read with an
         * object reader of its own so that it can run while the caller goes on.
         */
        private List<ChangeSet> uncommitted(CommitSnapshot headFiles, ObjectId headTree, WorkingTreeSnapshot tree)
                throws IOException {
            Optional<DirCache> index = readIndex("the uncommitted change is not checked");
            if (index.isEmpty()) {
                return List.of();
            }
            try (ObjectReader reader = repository.newObjectReader();
                 GitDiff diff = new GitDiff(repository, reader, scope, options.filter())) {
                return List.of(new ChangeSet(ChangeSet.Kind.UNCOMMITTED, headFiles, tree, "the uncommitted change",
                        Optional.empty(), diff.workingTree(headTree, index.get(), tree), Optional.empty()));
            } catch (MissingObjectException e) {
                notices.add(missingFromClone(e, "the uncommitted change"));
                return List.of();
            }
        }

        /** In staged mode, the applied migrations as read from the index and the staged change (null: not known). */
        private AppliedMigrations stagedApplied;

        /**
         * The migrations HEAD has, for a pre-commit run, without walking HEAD's tree: the index's migration.sql files,
         * less those the staged change adds (or renames to), plus those it deletes (or renames from). Null when the
         * index has unmerged entries, whose HEAD side the index alone does not tell; then HEAD's tree is walked.
         */
        private static final byte[] MIGRATION_SQL_SUFFIX = "/migration.sql".getBytes(StandardCharsets.US_ASCII);

        private static boolean endsWith(byte[] bytes, byte[] suffix) {
            if (bytes.length < suffix.length) {
                return false;
            }
            return Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
        }

        private static AppliedMigrations appliedFromIndex(DirCache index, List<Change> staged, RevCommit head) {
            Set<String> paths = new HashSet<>();
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry entry = index.getEntry(i);
                if (entry.getStage() != DirCacheEntry.STAGE_0) {
                    return null;
                }
                // The path's bytes are tested before it is decoded: an index of thousands of files holds a few hundred
                // migrations.
                if (endsWith(entry.getRawPath(), MIGRATION_SQL_SUFFIX)) {
                    paths.add(entry.getPathString());
                }
            }
            for (Change c : staged) {
                if (c.newPath() != null && c.type() != ChangeType.MODIFY) {
                    paths.remove(c.newPath());
                }
                if (c.oldPath() != null && (c.type() == ChangeType.DELETE || c.type() == ChangeType.RENAME)
                        && c.oldPath().endsWith("/migration.sql")) {
                    paths.add(c.oldPath());
                }
            }
            return AppliedMigrations.of("HEAD (" + head.abbreviate(7).name() + ")", List.copyOf(paths));
        }

        /** The migrations committed on the mode's base revision (see {@link GitScan#applied()}). */
        private AppliedMigrations applied(ScanMode mode, RevWalk walk, RevCommit head) throws IOException {
            RevCommit base;
            String label;
            if (mode instanceof ScanMode.Staged) {
                base = head;
                label = "HEAD";
            } else {
                String branch;
                ObjectId tip;
                if (mode instanceof ScanMode.Since since) {
                    branch = since.revision();
                    try {
                        tip = repository.resolve(branch + "^{commit}");
                    } catch (RevisionSyntaxException | IOException e) {
                        tip = null;
                    }
                    if (tip == null) {
                        // The scan says the base is missing; judging every migration hides nothing.
                        return AppliedMigrations.NONE;
                    }
                } else {
                    branch = defaultBranch();
                    tip = branch == null ? null : repository.resolve(branch + "^{commit}");
                }
                RevCommit mergeBase = tip == null ? null : mergeBase(walk, tip, head);
                if (mergeBase == null && mode instanceof ScanMode.Since) {
                    return AppliedMigrations.NONE;
                }
                base = mergeBase == null ? head : mergeBase;
                label = mergeBase == null ? "HEAD" : "the merge base with " + branch;
            }
            List<String> sqlPaths = new ArrayList<>();
            try (TreeWalk tree = new TreeWalk(repository, walk.getObjectReader())) {
                tree.addTree(base.getTree());
                tree.setRecursive(true);
                tree.setFilter(PathSuffixFilter.create("/migration.sql"));
                while (tree.next()) {
                    sqlPaths.add(tree.getPathString());
                }
            } catch (MissingObjectException e) {
                notices.add(missingFromClone(e, "the migrations of the base revision"));
                return AppliedMigrations.NONE;
            }
            return AppliedMigrations.of(label + " (" + base.abbreviate(7).name() + ")", sqlPaths);
        }

        /**
         * The remote's default branch: {@code refs/remotes/<remote>/HEAD} (origin's first), else {@code origin/main},
         * else {@code origin/master}; null when there is none.
         */
        private String defaultBranch() throws IOException {
            // Every remote's HEAD, origin's first: a clone has the ref even when its remote is no longer configured.
            List<Ref> heads = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES)) {
                if (ref.getName().endsWith("/" + Constants.HEAD) && ref.getObjectId() != null) {
                    heads.add(ref);
                }
            }
            String originHead = Constants.R_REMOTES + "origin/" + Constants.HEAD;
            heads.sort((a, b) -> a.getName().equals(originHead) ? -1 : b.getName().equals(originHead) ? 1
                    : a.getName().compareTo(b.getName()));
            if (!heads.isEmpty()) {
                Ref ref = heads.get(0);
                return Repository.shortenRefName(ref.isSymbolic() ? ref.getTarget().getName() : ref.getName());
            }
            for (String candidate : List.of("origin/main", "origin/master")) {
                if (repository.exactRef(Constants.R_REMOTES + candidate) != null) {
                    return candidate;
                }
            }
            return null;
        }

        /**
         * The change sets of every commit reachable from HEAD, or of a pull request's range, read with an object
         * reader of their own (so that they can be made on another thread).
         */
        private List<ChangeSet> commitChanges(ScanMode mode, ObjectId headId) throws IOException {
            try (ObjectReader reader = repository.newObjectReader();
                 RevWalk walk = new RevWalk(reader);
                 GitDiff diff = new GitDiff(repository, reader, scope, options.filter())) {
                walk.setRetainBody(false);
                RevCommit head = walk.parseCommit(headId);
                List<ChangeSet> changes = new ArrayList<>();
                if (mode instanceof ScanMode.Since since) {
                    since(walk, diff, head, since.revision(), changes);
                } else {
                    history(walk, diff, head, changes);
                }
                return changes;
            }
        }

        /** The index, or a notice saying what is skipped when JGit cannot read it (a split index, corruption). */
        private Optional<DirCache> readIndex(String consequence) {
            try {
                return Optional.of(repository.readDirCache());
            } catch (IOException e) {
                notices.add(Notice.error(repository.getIndexFile().getPath(), "the git index could not be read ("
                        + e.getMessage() + "): " + consequence));
                return Optional.empty();
            }
        }

        private static Notice missingFromClone(MissingObjectException e, String what) {
            return Notice.warning("", "object " + e.getObjectId().abbreviate(7).name() + " is not in this clone (a"
                    + " partial clone?), so " + what + " cannot be compared with HEAD and is not checked");
        }

        private Notice noCommitsYet() {
            return Notice.note("", "the repository has no commits yet: only the static rules run, the history rules"
                    + " need a commit to compare with");
        }

        private RevCommit resolveHead(RevWalk walk) throws IOException {
            ObjectId id = repository.resolve(Constants.HEAD);
            if (id == null) {
                return null;
            }
            return walk.parseCommit(id);
        }

        private Provenance provenance(RevCommit head) {
            String url = repository.getConfig().getString("remote", "origin", "url");
            String branch = null;
            try {
                String full = repository.getFullBranch();
                if (full != null && full.startsWith(Constants.R_HEADS)) {
                    branch = full.substring(Constants.R_HEADS.length());
                }
            } catch (IOException e) {
                branch = null;
            }
            return new Provenance(Optional.ofNullable(url).map(Scanner::withoutCredentials), head.name(),
                    Optional.ofNullable(branch));
        }

        /** A remote URL without the user and token some CI systems write into it (it ends up in SARIF files). */
        static String withoutCredentials(String url) {
            return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
        }

        private void since(RevWalk walk, GitDiff diff, RevCommit head, String revision, List<ChangeSet> changes)
                throws IOException {
            ObjectId baseId;
            try {
                baseId = repository.resolve(revision + "^{commit}");
            } catch (RevisionSyntaxException | IOException e) {
                // Malformed, ambiguous or not a commit: as unusable as a revision that is not there.
                baseId = null;
            }
            if (baseId == null) {
                notices.add(Notice.error("", "base revision `" + revision + "` is not in this clone, so the pull-request"
                        + " history cannot be checked (only the static rules ran on HEAD); fetch it first, for example"
                        + " `git fetch origin " + shellQuote(branchName(revision)) + "`" + (shallow() ? ", and " + FETCH_ALL
                        + " since this is a shallow clone" : "")));
                return;
            }
            RevCommit mergeBase = mergeBase(walk, baseId, head);
            if (mergeBase == null) {
                notices.add(Notice.error("", "`" + revision + "` and HEAD have no common ancestor in this clone"
                        + (shallow() ? " because it is shallow: the history between them is missing; " + FETCH_ALL
                        : "") + "; only the static rules ran on HEAD"));
                return;
            }
            walk.reset();
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            walk.markStart(head);
            walk.markUninteresting(walk.parseCommit(mergeBase));
            List<RevCommit> commits = new ArrayList<>();
            for (RevCommit c : walk) {
                commits.add(c);
            }
            if (commits.isEmpty()) {
                return;
            }
            String range = mergeBase.abbreviate(7).name() + ".." + head.abbreviate(7).name();
            Set<ObjectId> shallow = shallowCommits();
            Map<RevCommit, CommitComparisons.Result> results;
            try (CommitComparisons comparisons = comparisons(diff)) {
                for (RevCommit commit : commits) {
                    if (!shallow.contains(commit)) {
                        comparisons.add(commit, baseTree(walk, commit));
                    }
                }
                results = comparisons.finish(commits.size());
            }
            changeSets(commits, shallow, results, Optional.of(range), changes);
            CommitComparisons.Result whole = CommitComparisons.compare(diff, mergeBase.getTree(), head.getTree());
            whole.notes().forEach(this::note);
            if (whole.changes() != null) {
                changes.add(new ChangeSet(ChangeSet.Kind.RANGE, commitSnapshot(mergeBase, whole.oldBlobs()),
                        commitSnapshot(head, whole.newBlobs()),
                        "range " + range, Optional.empty(), whole.changes(), Optional.of(range)));
            }
        }

        private static String branchName(String revision) {
            int slash = revision.indexOf('/');
            return slash > 0 && revision.startsWith("origin/") ? revision.substring(slash + 1) : revision;
        }

        private RevCommit mergeBase(RevWalk walk, ObjectId base, RevCommit head) throws IOException {
            try (RevWalk bases = new RevWalk(walk.getObjectReader())) {
                bases.setRevFilter(RevFilter.MERGE_BASE);
                bases.markStart(bases.parseCommit(base));
                bases.markStart(bases.parseCommit(head));
                RevCommit found = bases.next();
                return found == null ? null : walk.parseCommit(found);
            } catch (MissingObjectException e) {
                return null;
            }
        }

        /**
         * Every commit reachable from HEAD, oldest first. The walk runs twice over the same objects: first in the order
         * it parses commits, handing each to the comparisons so that they start at once, then in topological order
         * (cheap: every commit is parsed by then) for the order of the change sets.
         */
        private void history(RevWalk walk, GitDiff diff, RevCommit head, List<ChangeSet> changes) throws IOException {
            Set<ObjectId> shallow = shallowCommits();
            List<RevCommit> commits = new ArrayList<>();
            Map<RevCommit, CommitComparisons.Result> results;
            try (CommitComparisons comparisons = comparisons(diff)) {
                walk.reset();
                walk.sort(RevSort.NONE);
                walk.markStart(head);
                for (RevCommit commit : walk) {
                    if (!shallow.contains(commit)) {
                        comparisons.add(commit, baseTree(walk, commit));
                    }
                }
                walk.reset();
                walk.sort(RevSort.TOPO, true);
                walk.sort(RevSort.REVERSE, true);
                walk.markStart(head);
                for (RevCommit commit : walk) {
                    commits.add(commit);
                }
                results = comparisons.finish(commits.size());
            }
            changeSets(commits, shallow, results, Optional.empty(), changes);
        }

        private CommitComparisons comparisons(GitDiff diff) {
            return new CommitComparisons(repository, scope, options.filter(), diff, commitsPerWorker, options.progress());
        }

        /** The tree of a commit's first parent, or null for a root commit. */
        private static ObjectId baseTree(RevWalk walk, RevCommit commit) throws IOException {
            return commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0)).getTree();
        }

        /**
         * One change set per compared commit, in the order given; the first commits of a shallow clone are noted
         * first, then what the comparisons could not do, commit by commit.
         */
        private void changeSets(List<RevCommit> commits, Set<ObjectId> shallow,
                                Map<RevCommit, CommitComparisons.Result> results, Optional<String> range,
                                List<ChangeSet> changes) {
            for (RevCommit commit : commits) {
                if (shallow.contains(commit)) {
                    // An error: the history could not be checked, which exit code 2 says (README, "Where to run it").
                    notices.add(Notice.error("", "shallow clone: the history before commit "
                            + commit.abbreviate(7).name() + " (\"" + info(commit).subject() + "\") is missing, so"
                            + " that commit and everything before it cannot be checked; " + FETCH_ALL));
                }
            }
            for (RevCommit commit : commits) {
                CommitComparisons.Result result = results.get(commit);
                if (result != null) {
                    result.notes().forEach(this::note);
                }
            }
            for (RevCommit commit : commits) {
                CommitComparisons.Result result = results.get(commit);
                if (result == null || result.changes() == null) {
                    continue;
                }
                Snapshot base = commit.getParentCount() == 0 ? emptyTree
                        : commitSnapshot(commit.getParent(0), result.oldBlobs());
                CommitInfo info = info(commit);
                changes.add(new ChangeSet(ChangeSet.Kind.COMMIT, base, commitSnapshot(commit, result.newBlobs()),
                        "commit " + info.shortId(), Optional.of(info), result.changes(), range));
            }
        }

        private void note(Notice notice) {
            synchronized (notices) {
                if (!notices.contains(notice)) {
                    notices.add(notice);
                }
            }
        }

        private Set<ObjectId> shallowCommits() throws IOException {
            return repository.getObjectDatabase().getShallowCommits();
        }

        private boolean shallow() throws IOException {
            return !shallowCommits().isEmpty();
        }

        private CommitInfo info(RevCommit commit) {
            return CommitInfo.of(commit, repository);
        }

        private CommitSnapshot commitSnapshot(RevCommit commit) {
            // Looked up by the commit itself (an id like any other); the key kept is a plain copy of it.
            CommitSnapshot known = commitSnapshots.get(commit);
            if (known == null) {
                known = new CommitSnapshot(repository, commit, scope, options.filter(), options.maxFileBytes());
                commitSnapshots.put(known.commitId(), known);
            }
            return known;
        }

        /** A commit's snapshot, told the blob ids a comparison found for some of its files. */
        private CommitSnapshot commitSnapshot(RevCommit commit, Map<String, ObjectId> blobs) {
            CommitSnapshot snapshot = commitSnapshot(commit);
            snapshot.knowBlobs(blobs);
            return snapshot;
        }
    }
}
