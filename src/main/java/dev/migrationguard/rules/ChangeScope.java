package dev.migrationguard.rules;

import dev.migrationguard.git.Change;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.git.ChangeType;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SubsetSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a pre-commit run judges: one change (the staged one), the paths it touches and the files it leaves changed.
 * See {@link RuleInputs} for how rules are narrowed to it.
 */
public final class ChangeScope {
    private final ChangeSet change;
    private final Set<String> touched = new TreeSet<>();
    private final Set<String> changedFiles = new TreeSet<>();
    /** Answers per test: most rules share one of a few tests, and a large change has many paths. */
    private final Map<RuleInputs.Test, Boolean> answers = new ConcurrentHashMap<>();

    public ChangeScope(ChangeSet change) {
        this.change = change;
        for (Change c : change.changes()) {
            if (c.oldPath() != null) {
                touched.add(c.oldPath());
            }
            if (c.newPath() != null) {
                touched.add(c.newPath());
                if (c.type() != ChangeType.DELETE) {
                    changedFiles.add(c.newPath());
                }
            }
        }
    }

    /** The files the change adds, modifies, renames or copies, as they are after it. */
    public Set<String> changedFiles() {
        return changedFiles;
    }

    /** Whether the change touches one of a rule's inputs. */
    public boolean affects(RuleInputs inputs) {
        return answers.computeIfAbsent(inputs.affects(), test -> {
            for (String path : touched) {
                if (test.test(path, change)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Whether a rule's finding is about what the change did. */
    public boolean keeps(RuleInputs inputs, Finding finding) {
        return switch (inputs.reach()) {
            case REPOSITORY -> true;
            case CHAIN -> touched.contains(finding.path()) || chainFiles(finding).stream().anyMatch(touched::contains);
            case FILE, CHANGED_FILES -> changedFiles.contains(finding.path());
        };
    }

    /**
     * The files named in a command finding's chain ({@code .github/workflows/ci.yml -> deploy -> db:sync}, or
     * {@code package.json script `deploy` -> scripts/migrate.sh}): each link that starts with a path. Script names
     * are links inside the file holding the command.
     */
    static List<String> chainFiles(Finding finding) {
        String chain = finding.properties().get("chain");
        if (chain == null || chain.isEmpty()) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (String link : chain.split(" -> ")) {
            int space = link.indexOf(' ');
            files.add(space < 0 ? link : link.substring(0, space));
        }
        return files;
    }

    /** The view of {@code snapshot} that lists only the changed files. */
    public Snapshot changedFilesOf(Snapshot snapshot) {
        return new SubsetSnapshot(snapshot, changedFiles);
    }
}
