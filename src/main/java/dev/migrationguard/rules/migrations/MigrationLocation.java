package dev.migrationguard.rules.migrations;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;

/** Findings about a migration folder are placed on the first line of its migration.sql. */
final class MigrationLocation {
    private MigrationLocation() {
    }

    static Findings.Builder of(Snapshot snapshot, Migration m, Findings findings) {
        SourceFile file = snapshot.read(m.sqlPath()).orElse(null);
        if (file == null || file.text().isEmpty()) {
            return findings.at(m.sqlPath(), TextRange.startOfFile(), m.folder());
        }
        return findings.at(m.sqlPath(), file.lineRange(1), m.folder());
    }
}
