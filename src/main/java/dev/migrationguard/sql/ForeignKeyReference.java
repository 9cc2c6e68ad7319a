package dev.migrationguard.sql;

import java.util.List;

/**
 * The target of a foreign key: {@code REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE}.
 *
 * @param table    the referenced table
 * @param columns  the referenced columns (empty when the primary key is implied)
 * @param onDelete the ON DELETE action in upper case ("CASCADE", "SET NULL", ...), or {@code null}
 * @param onUpdate the ON UPDATE action, or {@code null}
 * @param span     from REFERENCES to the end of the clause
 */
public record ForeignKeyReference(QualifiedName table, List<Identifier> columns, String onDelete, String onUpdate,
                                  Span span) {

    public ForeignKeyReference {
        columns = List.copyOf(columns);
    }
}
