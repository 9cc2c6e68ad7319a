package dev.migrationguard.rules.bypass;

import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.sql.SqlDialect;
import dev.migrationguard.sql.SqlParser;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Classifies SQL found outside migrations with the SQL grammar: which statements change the schema (CREATE,
 * ALTER and DROP of tables, indexes and types, TRUNCATE, renames). Reading and writing rows, temporary tables and
 * anything the grammar cannot read are not schema changes.
 */
final class SchemaChanges {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private SchemaChanges() {
    }

    /** The schema-changing statements of parsed SQL, in order. */
    static List<SqlStatement> of(SqlScript script) {
        return script.statements().stream().filter(SchemaChanges::changesSchema).toList();
    }

    /** Parses a SQL text found elsewhere (a string in code, a command argument) as its own small file. */
    static SqlScript parse(String origin, String sql, SqlDialect dialect) {
        return SqlParser.parse(new SourceFile(origin, sql), dialect);
    }

    static boolean changesSchema(SqlStatement s) {
        if (s instanceof SqlStatement.CreateTable t) {
            return !t.temporary();
        }
        return s instanceof SqlStatement.AlterTable || s instanceof SqlStatement.DropTable
                || s instanceof SqlStatement.CreateIndex || s instanceof SqlStatement.DropIndex
                || s instanceof SqlStatement.CreateEnum || s instanceof SqlStatement.CreateType
                || s instanceof SqlStatement.AlterType || s instanceof SqlStatement.DropType
                || s instanceof SqlStatement.Truncate || s instanceof SqlStatement.RenameTable
                || s instanceof SqlStatement.DropSchema;
    }

    /** The first words of a statement, for messages: {@code CREATE TABLE "Quest"}. */
    static String describe(SqlScript script, SqlStatement s) {
        String text = WHITESPACE.matcher(script.text(s.span()).strip()).replaceAll(" ");
        int paren = text.indexOf('(');
        if (paren > 0 && paren < 80) {
            text = text.substring(0, paren).strip();
        }
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /** {@code CREATE TABLE "Quest" and 2 more schema change(s)}: the first change and how many follow. */
    static String summary(SqlScript script, List<SqlStatement> changes) {
        return describe(script, changes.get(0))
                + (changes.size() > 1 ? " and " + (changes.size() - 1) + " more schema change(s)" : "");
    }

    /** The dialect of the repository's migrations (the first migrations folder's), else PostgreSQL. */
    static SqlDialect repositoryDialect(Snapshot snapshot) {
        List<MigrationSet> sets = snapshot.model(MigrationSets.KEY);
        return sets.isEmpty() ? SqlDialect.POSTGRESQL : sets.get(0).dialect();
    }
}
