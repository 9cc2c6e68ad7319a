package dev.migrationguard.rules.migrations;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A file Prisma never runs: loose in the migrations folder, or in a migration folder without migration.sql. */
public final class MigrationStrayFile implements Rule {

    @Override
    public String id() {
        return "migration-stray-file";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        Snapshot snapshot = context.snapshot();
        for (MigrationSet set : snapshot.model(MigrationSets.KEY)) {
            String prefix = set.folder() + "/";
            Map<String, List<String>> byFolder = new LinkedHashMap<>();
            for (String path : snapshot.paths()) {
                if (!path.startsWith(prefix)) {
                    continue;
                }
                String rest = path.substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    if (!isExpectedLooseFile(rest)) {
                        report(snapshot, findings, path, "\"" + rest + "\" sits directly in " + set.folder()
                                + "; Prisma only runs migration.sql files inside migration folders, so it is never applied",
                                "move it into a migration folder as migration.sql (`prisma migrate dev --create-only --name "
                                        + "<descriptive_name>`, then paste the SQL), or delete it");
                    }
                    continue;
                }
                byFolder.computeIfAbsent(rest.substring(0, slash), k -> new java.util.ArrayList<>()).add(path);
            }
            for (Map.Entry<String, List<String>> folder : byFolder.entrySet()) {
                String sql = prefix + folder.getKey() + "/migration.sql";
                if (folder.getValue().contains(sql)) {
                    continue;
                }
                String first = folder.getValue().get(0);
                report(snapshot, findings, first, "migration folder \"" + folder.getKey()
                                + "\" has no migration.sql, so Prisma fails on it or skips it",
                        "put its SQL in " + folder.getKey() + "/migration.sql, or remove the folder");
            }
        }
    }

    /** The lock file, and the notes people keep beside migrations. */
    private static boolean isExpectedLooseFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("migration_lock.toml") || n.startsWith("readme") || n.equals(".gitkeep") || n.equals(".keep");
    }

    private static void report(Snapshot snapshot, Findings findings, String path, String message, String fix) {
        SourceFile file = snapshot.read(path).orElse(null);
        Findings.Builder b = file == null || file.text().isEmpty()
                ? findings.at(path, TextRange.startOfFile(), path)
                : findings.at(path, file.lineRange(1), path);
        b.message(message).fix(fix).key(path).report();
    }
}
