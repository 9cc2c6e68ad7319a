package dev.migrationguard.git;

import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.PathFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The changes of many commits against their first parents. Commits are handed over as a walk finds them, in
 * batches of neighbours (a commit's tree is its child's base, so a worker's tree cache serves both), and compared on
 * worker threads while the walk goes on, each with its own object reader; the calling thread joins in when asked for
 * the results, and alone compares a history too short to be worth a thread.
 */
final class CommitComparisons implements AutoCloseable {
    /** Threads for comparing commits in a long history walk. */
    private static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final int BATCH = 256;
    private static final Batch STOP = new Batch(0);

    /**
     * One commit's comparison.
     *
     * @param changes the changed files, or null when the clone lacks a tree it needs (the commit is skipped)
     * @param notes   what could not be done (renames not detected, a tree missing), in the order found
     * @param oldBlobs the blob ids of the changed files in the base version, by path
     * @param newBlobs the blob ids of the changed files in the compared version, by path
     */
    record Result(List<Change> changes, List<Notice> notes, Map<String, ObjectId> oldBlobs,
                  Map<String, ObjectId> newBlobs) {
    }

    private final Repository repository;
    private final String scope;
    private final PathFilter filter;
    private final GitDiff callerDiff;
    private final int commitsPerWorker;
    private final ScanProgress progress;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final List<Batch> batches = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int total = -1;
    private volatile Throwable failure;
    private Batch open;
    private int added;

    /**
     * @param callerDiff       the calling thread's diff (sharing its reader), used only once the walk is over
     * @param commitsPerWorker how many commits make one more worker thread worth starting
     */
    CommitComparisons(Repository repository, String scope, PathFilter filter, GitDiff callerDiff, int commitsPerWorker,
                      ScanProgress progress) {
        this.repository = repository;
        this.scope = scope;
        this.filter = filter;
        this.callerDiff = callerDiff;
        this.commitsPerWorker = Math.max(1, commitsPerWorker);
        this.progress = progress;
    }

    /** Queues a commit for comparison with {@code baseTree} (null: the empty tree, for a root commit). */
    void add(RevCommit commit, ObjectId baseTree) {
        if (open == null) {
            open = new Batch(Math.min(BATCH, commitsPerWorker));
        }
        open.add(commit, baseTree, commit.getTree());
        added++;
        if (open.full()) {
            submit();
        }
        if (workers.size() < WORKERS && added >= commitsPerWorker * (workers.size() + 1)) {
            Thread worker = new Thread(this::work, "migration-guard-diff");
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** One comparison on the calling thread, outside any batch (a pull request's range as a whole). */
    static Result compare(GitDiff diff, ObjectId baseTree, ObjectId tree) throws IOException {
        List<Notice> notes = new ArrayList<>();
        try {
            List<Change> changes = diff.trees(baseTree, tree);
            for (String blob : diff.takeRenamesSkipped()) {
                notes.add(Notice.note("", "renames were not detected in one commit: blob " + blob.substring(0, 7)
                        + " is not in this clone (a partial clone); moved files show as deleted and added"));
            }
            return new Result(changes, notes, diff.blobs(false), diff.blobs(true));
        } catch (MissingObjectException e) {
            notes.add(Notice.warning("", "object " + e.getObjectId().abbreviate(7).name() + " is not in this clone"
                    + " (a partial clone without trees?), so a commit using it cannot be compared and is skipped"));
            return new Result(null, notes, Map.of(), Map.of());
        }
    }

    /**
     * Waits for every queued commit, comparing alongside the workers, and returns the results by commit (the same
     * objects that were added). {@code commits} is how many the walk found, skipped ones included, for progress.
     */
    Map<RevCommit, Result> finish(int commits) throws IOException {
        if (open != null && open.size > 0) {
            submit();
        }
        total = commits;
        for (Batch b = queue.poll(); b != null; b = queue.poll()) {
            run(b, callerDiff);
        }
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP);
        }
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while comparing commits", e);
        }
        workers.clear();
        if (failure instanceof IOException io) {
            throw io;
        } else if (failure != null) {
            throw new IllegalStateException("comparing commits failed", failure);
        }
        if (commits > 0) {
            report(commits, commits);
        }
        Map<RevCommit, Result> results = new IdentityHashMap<>();
        for (Batch b : batches) {
            for (int i = 0; i < b.size; i++) {
                results.put(b.commits[i], b.results[i]);
            }
        }
        return results;
    }

    private void submit() {
        batches.add(open);
        queue.add(open);
        open = null;
    }

    private void work() {
        try (ObjectReader reader = repository.newObjectReader();
             GitDiff own = new GitDiff(repository, reader, scope, filter)) {
            for (Batch b = queue.take(); b != STOP; b = queue.take()) {
                run(b, own);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error e) {
            // The batches left are compared by the others and the calling thread; finish() reports the failure.
            failure = e;
        }
    }

    private void run(Batch batch, GitDiff diff) throws IOException {
        for (int i = batch.size - 1; i >= 0; i--) {
            batch.results[i] = compare(diff, batch.baseTrees[i], batch.trees[i]);
            int count = done.incrementAndGet();
            int all = total;
            if (count % 100 == 0 && all > 0 && count < all) {
                report(count, all);
            }
        }
    }

    private void report(int count, int all) {
        synchronized (progress) {
            progress.commits(count, all);
        }
    }

    @Override
    public void close() {
        // After a failure of the caller's walk: the workers end after their current batch. They are not interrupted,
        // since an interrupt in the middle of a read could close a pack file that other readers share.
        queue.clear();
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP);
        }
    }

    /** Neighbouring commits, compared by one thread. */
    private static final class Batch {
        final RevCommit[] commits;
        final ObjectId[] baseTrees;
        final ObjectId[] trees;
        final Result[] results;
        int size;

        Batch(int capacity) {
            commits = new RevCommit[capacity];
            baseTrees = new ObjectId[capacity];
            trees = new ObjectId[capacity];
            results = new Result[capacity];
        }

        void add(RevCommit commit, ObjectId baseTree, ObjectId tree) {
            commits[size] = commit;
            baseTrees[size] = baseTree;
            trees[size] = tree;
            size++;
        }

        boolean full() {
            return size == commits.length;
        }
    }
}
