package dev.migrationguard.rules.sql;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.sql.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A migration that drops a column of a table and adds another to it: how Prisma writes a renamed field, losing
 * the column's data. Reported on the added column, with the RENAME COLUMN that keeps the data. Added and dropped
 * columns are paired by likeness of their names among those of compatible types.
 */
public final class DropAndAddColumn implements Rule {
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "character varying", "char", "character",
            "nvarchar", "nchar", "string", "citext", "longtext", "mediumtext", "tinytext");
    private static final Set<String> INTEGER_TYPES = Set.of("int", "integer", "int2", "int4", "int8", "smallint",
            "bigint", "serial", "bigserial", "smallserial", "tinyint", "mediumint");

    @Override
    public String id() {
        return "drop-and-add-column";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    private record Dropped(String column, ReplayedSchema.Column before) {
    }

    private record Added(QualifiedName table, AlterTableAction.AddColumn action) {
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        for (MigrationScan.ScannedMigration m : MigrationScan.judged(context)) {
            Map<String, List<Dropped>> dropped = new LinkedHashMap<>();
            List<Added> added = new ArrayList<>();
            m.replay((statement, newTables, schema) -> {
                if (!(statement instanceof SqlStatement.AlterTable alter) || newTables.contains(alter.table())) {
                    return;
                }
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.DropColumn drop
                            && !addedHere(added, alter.table().name(), drop.column().name())) {
                        dropped.computeIfAbsent(alter.table().name(), k -> new ArrayList<>()).add(new Dropped(
                                drop.column().name(), schema.column(alter.table(), drop.column().name()).orElse(null)));
                    } else if (action instanceof AlterTableAction.AddColumn add) {
                        added.add(new Added(alter.table(), add));
                    }
                }
            });
            for (Map.Entry<Added, Dropped> pair : pairs(added, dropped).entrySet()) {
                Added add = pair.getKey();
                Dropped partner = pair.getValue();
                String newName = add.action().column().name().name();
                if (partner.column().equals(newName)) {
                    reportRecreated(m, findings, add);
                    continue;
                }
                m.at(findings, add.action().span())
                        .message("Column \"" + newName + "\" is added to " + DestructiveDrop.quoted(add.table())
                                + " in the migration that drops \"" + partner.column() + "\": if this is a rename, "
                                + "the data in \"" + partner.column() + "\" is lost.")
                        .fix("To keep the data, replace the DROP COLUMN and ADD COLUMN with "
                                + SqlQuoting.renameColumn(add.table(), partner.column(), newName, m.dialect()))
                        .key(add.table().name() + "." + partner.column() + "->" + newName)
                        .report();
            }
        }
    }

    /**
     * Pairs added with dropped columns of the same table, most alike names first (a shared run of letters, as in
     * "expires" and "expiresAt"), each column at most once; a pair needs compatible types when both are known, unless the names are equal
     * (Prisma drops and adds a column of the same name to change its type without a cast).
     */
    private static Map<Added, Dropped> pairs(List<Added> added, Map<String, List<Dropped>> dropped) {
        record Candidate(Added add, Dropped drop, int score, int order) {
        }
        List<Candidate> candidates = new ArrayList<>();
        int order = 0;
        for (Added add : added) {
            for (Dropped drop : dropped.getOrDefault(add.table().name(), List.of())) {
                if (compatible(drop, add)) {
                    candidates.add(new Candidate(add, drop, likeness(drop.column(), add.action().column().name().name()),
                            order++));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::score).reversed().thenComparingInt(Candidate::order));
        Map<Added, Dropped> out = new LinkedHashMap<>();
        Set<Dropped> used = new HashSet<>();
        for (Candidate c : candidates) {
            if (!out.containsKey(c.add()) && !used.contains(c.drop())) {
                out.put(c.add(), c.drop());
                used.add(c.drop());
            }
        }
        return out;
    }

    /** The length of the longest run of letters both names share, ignoring case; the same name scores highest. */
    private static int likeness(String a, String b) {
        if (a.equals(b)) {
            return Integer.MAX_VALUE;
        }
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int best = 0;
        int[] previous = new int[y.length() + 1];
        for (int i = 1; i <= x.length(); i++) {
            int[] current = new int[y.length() + 1];
            for (int j = 1; j <= y.length(); j++) {
                if (x.charAt(i - 1) == y.charAt(j - 1)) {
                    current[j] = previous[j - 1] + 1;
                    best = Math.max(best, current[j]);
                }
            }
            previous = current;
        }
        return best;
    }

    private static boolean compatible(Dropped drop, Added add) {
        SqlType before = drop.before() == null ? null : drop.before().type();
        SqlType after = add.action().column().type();
        if (before == null || after == null || drop.column().equals(add.action().column().name().name())) {
            return true;
        }
        return family(before).equals(family(after)) && before.arrayDimensions() == after.arrayDimensions();
    }

    /** Types a rename may carry over: text types, integer types, and otherwise the type name itself. */
    private static String family(SqlType type) {
        String name = type.name().toLowerCase(Locale.ROOT);
        if (TEXT_TYPES.contains(name)) {
            return "text";
        }
        if (INTEGER_TYPES.contains(name)) {
            return "integer";
        }
        return name;
    }

    private static boolean addedHere(List<Added> added, String table, String column) {
        return added.stream().anyMatch(a -> a.table().name().equals(table)
                && a.action().column().name().name().equals(column));
    }

    /** Prisma's "the column would be dropped and recreated" for a type change without a cast. */
    private static void reportRecreated(MigrationScan.ScannedMigration m, Findings findings, Added add) {
        String column = add.action().column().name().name();
        String type = add.action().column().type() == null ? "<type>" : add.action().column().type().text();
        m.at(findings, add.action().span())
                .message("Column \"" + column + "\" of " + DestructiveDrop.quoted(add.table())
                        + " is dropped and added again: every value in it is lost.")
                .fix("To keep the data, convert the column in place: ALTER TABLE "
                        + SqlQuoting.quote(add.table(), m.dialect()) + " ALTER COLUMN "
                        + SqlQuoting.quote(column, m.dialect()) + " TYPE " + type + " USING <conversion>;")
                .key(add.table().name() + "." + column + " recreated")
                .report();
    }

}
