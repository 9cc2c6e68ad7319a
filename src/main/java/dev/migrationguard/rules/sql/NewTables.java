package dev.migrationguard.rules.sql;

import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.QualifiedName;
import dev.migrationguard.sql.SqlStatement;
import java.util.HashSet;
import java.util.Set;

/**
 * The tables created earlier in the same migration, read statement by statement. A new table is empty and
 * invisible to running code, so locking it or failing on its existing rows is no concern. A table renamed from a
 * new one (SQLite's and SQL Server's table redefinition) stays new.
 */
final class NewTables {
    private final Set<String> names = new HashSet<>();

    boolean contains(QualifiedName table) {
        return names.contains(table.name());
    }

    /** Notes what a statement does to the set; call after checking the statement. */
    void record(SqlStatement statement) {
        if (statement instanceof SqlStatement.CreateTable create) {
            names.add(create.table().name());
        } else if (statement instanceof SqlStatement.DropTable drop) {
            drop.tables().forEach(t -> names.remove(t.name()));
        } else if (statement instanceof SqlStatement.RenameTable rename) {
            rename(rename.from().name(), rename.to().name());
        } else if (statement instanceof SqlStatement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.RenameTable rename) {
                    rename(alter.table().name(), rename.to().name());
                }
            }
        }
    }

    private void rename(String from, String to) {
        if (names.remove(from)) {
            names.add(to);
        }
    }
}
