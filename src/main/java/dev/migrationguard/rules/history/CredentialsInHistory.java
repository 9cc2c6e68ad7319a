package dev.migrationguard.rules.history;

import dev.migrationguard.code.ConnectionUrl;
import dev.migrationguard.code.ConnectionUrls;
import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.rules.secrets.DatabaseUrlCredentials;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A database password that a commit wrote into a file and that is gone from the files linted now: it stays in the
 * history of every clone, so it is leaked until rotated. Only the files each commit adds or changes are read, each
 * version of a file (git blob) once per run, and only those whose bytes can hold a password are decoded.
 * Passwords still in the linted files are database-url-credentials' findings, not repeated here.
 */
public final class CredentialsInHistory extends ChangeSetRule {
    /** memo key: the passwords of the files linted now, as "path\0password". */
    private static final String STILL_THERE = "credentials-in-history: still there";
    /** memo key: the options' allowed passwords. */
    private static final String ALLOWED = "credentials-in-history: allowed";
    /** memo key prefix: what one blob holds (its passwords found and judged). */
    private static final String BLOB = "credentials-in-history: blob ";

    @Override
    public String id() {
        return "credentials-in-history";
    }

    @Override
    public List<RuleOption> options() {
        return List.of(DatabaseUrlCredentials.ALLOW_PASSWORDS);
    }

    @Override
    void prepare(RuleContext context, Map<Object, Object> memo) {
        memo.put(ALLOWED, List.copyOf(context.options().strings(DatabaseUrlCredentials.ALLOW_PASSWORDS.name(), List.of())));
        boolean history = context.changes().stream().anyMatch(c -> c.kind() == ChangeSet.Kind.COMMIT);
        Set<String> there = new HashSet<>();
        if (history) {
            for (ConnectionUrl url : context.snapshot().model(ConnectionUrls.MODEL)) {
                there.add(url.file().path() + "\0" + url.password());
            }
        }
        memo.put(STILL_THERE, Set.copyOf(there));
    }

    /** A password pushed in any commit of a pull request is leaked, whatever a later commit of it does. */
    @Override
    boolean standsInRange(Issue issue, Set<String> rangeKeys, List<ChangeSet> laterCommits) {
        return true;
    }

    /** One password a file version holds that the rule reports, where it is in that version. */
    private record Found(ConnectionUrl url, DatabaseUrlCredentials.Verdict verdict) {
    }

    @Override
    @SuppressWarnings("unchecked")
    List<Issue> issues(ChangeSet change, Map<Object, Object> memo) {
        // The working tree and the index are what the static rules read; only commits are history.
        if (change.kind() != ChangeSet.Kind.COMMIT) {
            return List.of();
        }
        List<String> allowed = (List<String>) memo.get(ALLOWED);
        Set<String> stillThere = (Set<String>) memo.get(STILL_THERE);
        List<Issue> out = new ArrayList<>();
        for (Change c : change.changes()) {
            String path = c.newPath();
            if (path == null || ConnectionUrls.isLockOrGenerated(path)) {
                continue;
            }
            Optional<String> blob = change.target().knownContentId(path);
            List<Found> found = blob.isPresent()
                    ? (List<Found>) memo.computeIfAbsent(BLOB + blob.get(), k -> scan(change, path, allowed))
                    : scan(change, path, allowed);
            for (Found f : found) {
                if (stillThere.contains(path + "\0" + f.url().password())) {
                    continue;
                }
                ConnectionUrl url = f.url();
                SourceFile file = url.file();
                out.add(new Issue(url.masked(), path, file.range(url.passwordStart(), url.passwordEnd()),
                        subject(change) + " wrote a " + f.verdict().found() + " into " + path
                                + "; the files linted now no longer hold it, but every clone's history does.",
                        "Rotate this password (change it on the database and wherever it is used): removing it from "
                                + "the files does not take it out of the history others have cloned. Rewriting the "
                                + "history (git filter-repo) only helps once it is rotated.",
                        List.of(file.range(url.passwordStart(), url.passwordEnd()))));
            }
        }
        return out;
    }

    /** The reportable passwords of a commit's version of a file (its bytes are decoded only when they can hold one). */
    private static List<Found> scan(ChangeSet change, String path, List<String> allowed) {
        Optional<SourceFile> file = change.target().readIf(path, ConnectionUrls::mayHoldPassword);
        if (file.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        for (ConnectionUrl url : ConnectionUrls.find(file.get())) {
            DatabaseUrlCredentials.judge(url, allowed).ifPresent(v -> found.add(new Found(url, v)));
        }
        return List.copyOf(found);
    }
}
