package dev.migrationguard.rules.database;

import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.schema.Difference;
import dev.migrationguard.schema.Difference.Kind;
import dev.migrationguard.schema.Origin;
import dev.migrationguard.schema.PrismaSchemaMapper;
import dev.migrationguard.schema.SchemaDiff;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.schema.SchemaReplay;
import dev.migrationguard.schema.UnmodelledStatement;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.SqlScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flags each difference between the live database and the schema its applied migrations build: tables, columns,
 * types, nullability, defaults, enums, keys and indexes made outside the migrations (the residue of
 * {@code prisma db push} or of DDL run by hand), or missing from the database. The comparison is
 * {@link SchemaDiff}'s, the one {@code schema-drift} makes between schema.prisma and the migrations: here the
 * replayed migrations are one side and the database's catalog the other.
 */
public final class DbSchemaDrift extends DatabaseRule {

    @Override
    public String id() {
        return "db-schema-drift";
    }

    @Override
    void check(CheckedFolder db, Findings findings) {
        if (db.database().history().isEmpty()) {
            // Without _prisma_migrations nothing is applied: db-migration-pending says how to baseline.
            return;
        }
        List<String> names = new ArrayList<>();
        List<SqlScript> scripts = new ArrayList<>();
        String lastApplied = null;
        for (Migration m : db.set().migrations()) {
            if (!db.database().applied(m.name())) {
                continue;
            }
            Optional<SqlScript> script = m.script(db.snapshot());
            if (script.isPresent()) {
                names.add(m.name());
                scripts.add(script.get());
                lastApplied = m.name();
            }
        }
        SchemaModel live = comparable(db.database().catalog());
        SchemaReplay.Result replay = SchemaReplay.replay(live.provider(), names, scripts);
        SchemaModel migrations = comparable(replay.model());
        List<Difference> differences = SchemaDiff.compare(migrations, managed(live, migrations));
        Optional<SchemaModel> declared = declaredSchema(db, live);
        DriftWording wording = new DriftWording(migrations, live);
        for (Difference d : differences) {
            DriftWording.Wording words = wording.of(d);
            List<UnmodelledStatement> explanations = replay.unmodelled().stream().filter(u -> u.mentions(d.object()))
                    .toList();
            String message = words.message();
            Severity severity = Severity.ERROR;
            if (!explanations.isEmpty()) {
                UnmodelledStatement first = explanations.get(0);
                message += "; the " + first.description() + " statement at " + first.file().path() + ":"
                        + first.file().line(first.start()) + " might explain it, as the replay cannot read it";
                severity = Severity.WARNING;
            }
            String fix = words.inDatabaseOnly() ? baselineFix(db, lastApplied, declared.isPresent()) : restoreFix(d);
            Findings.Builder at = at(findings, db, d, declared);
            at.message(message).fix(fix).severity(severity).key(d.key()).property("difference", d.kind().name())
                    .report();
        }
    }

    /** The database's tables and enums in the schemas the migrations use: other schemas are not Prisma's. */
    private static SchemaModel managed(SchemaModel live, SchemaModel migrations) {
        Set<String> schemas = new HashSet<>(migrations.schemas());
        schemas.add("");
        return new SchemaModel(live.provider(),
                live.tables().stream().filter(t -> schemas.contains(t.schema())).toList(),
                live.enums().stream().filter(e -> schemas.contains(e.schema())).toList());
    }

    /**
     * The model with each index expression in one spelling: the replay keeps an expression as the migration wrote
     * it ({@code LOWER("email")}), the catalog as PostgreSQL prints it ({@code lower(email)}); quotes, case outside
     * string literals, spaces, casts, operator classes and sort orders are dropped from both.
     */
    static SchemaModel comparable(SchemaModel model) {
        List<SchemaModel.Table> tables = new ArrayList<>();
        for (SchemaModel.Table t : model.tables()) {
            List<SchemaModel.Index> indexes = t.indexes().stream().map(i -> new SchemaModel.Index(i.name(),
                    i.columns().stream().map(DbSchemaDrift::expression).toList(), i.unique(), i.method(), i.origin()))
                    .toList();
            tables.add(new SchemaModel.Table(t.schema(), t.name(), t.columns(), t.primaryKey(), indexes,
                    t.foreignKeys(), t.origin()));
        }
        return new SchemaModel(model.provider(), tables, model.enums());
    }

    private static final Pattern CAST = Pattern.compile("::\\s*[a-z_][a-z0-9_ ]*(?:\\[\\])?");

    private static final Pattern TRAILER = Pattern.compile(
            "(?<=\\))(?:[a-z0-9_]*_ops)?(?:asc|desc)?(?:nulls(?:first|last))?$");

    /** A plain column name as it is; an expression (it has a parenthesis) in the one spelling. */
    private static String expression(String element) {
        if (element.indexOf('(') < 0) {
            return element;
        }
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '\'') {
                inString = !inString;
                out.append(c);
            } else if (inString) {
                out.append(c);
            } else if (c != '"' && !Character.isWhitespace(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        // The catalog prints an element without its operator class and sort order; the replay keeps them.
        return TRAILER.matcher(CAST.matcher(out).replaceAll("")).replaceAll("");
    }

    /** What schema.prisma maps to, to point a finding about an object only the database has at its model. */
    private static Optional<SchemaModel> declaredSchema(CheckedFolder db, SchemaModel live) {
        for (PrismaProject project : db.snapshot().model(PrismaSchemas.ALL)) {
            if (project.migrationsDirectory() != null && project.migrationsDirectory().equals(db.folder())
                    && project.schema().problems().isEmpty()) {
                return Optional.of(PrismaSchemaMapper.map(project.schema(), live.provider()));
            }
        }
        return Optional.empty();
    }

    /**
     * At the migration statement for what the migrations made; for what only the database has, at the model or
     * enum of schema.prisma that declares it (a {@code db push}), else at the migrations folder.
     */
    private static Findings.Builder at(Findings findings, CheckedFolder db, Difference d, Optional<SchemaModel> declared) {
        Origin origin = d.origin();
        if (origin != null && origin.file() != null) {
            return findings.at(origin.file(), origin.start(), origin.end());
        }
        Optional<Origin> declaration = declared.flatMap(s -> s.tables().stream()
                .filter(t -> t.name().equals(d.object())).map(SchemaModel.Table::origin).findFirst()
                .or(() -> s.enums().stream().filter(e -> e.name().equals(d.object()))
                        .map(SchemaModel.EnumType::origin).findFirst()));
        if (declaration.isPresent() && declaration.get().file() != null) {
            return findings.at(declaration.get().file(), declaration.get().start(), declaration.get().end());
        }
        return db.atFolder(findings, d.key());
    }

    private static String baselineFix(CheckedFolder db, String lastApplied, boolean declared) {
        String folder = db.folder();
        return "if it belongs, write it as a migration and record it as applied here (baselining): `prisma migrate "
                + "diff --from-migrations " + folder + " --to-schema " + (declared ? "<schema.prisma>" : "<schema that "
                + "declares it, after `prisma db pull`>") + " --script > " + folder + "/<timestamp>_<name>/migration.sql`"
                + ", then `prisma migrate resolve --applied <timestamp>_<name>`; if it is residue, drop it by hand"
                + (lastApplied == null ? "" : " (the database is at " + lastApplied + ")");
    }

    private static String restoreFix(Difference d) {
        String where = d.origin() != null && d.origin().element() != null ? d.origin().element() : "the migrations";
        return "make the database match " + where + " again by hand; or, if the database is right, write the change as a "
                + "new migration (`prisma migrate dev --create-only --name <name>`) and record it as applied here with "
                + "`prisma migrate resolve --applied <timestamp>_<name>`";
    }

    /** Kinds about an object that only the database has. */
    static boolean inDatabaseOnly(Kind kind) {
        return switch (kind) {
            case TABLE_EXTRA, COLUMN_EXTRA, ENUM_EXTRA, ENUM_VALUE_EXTRA, INDEX_EXTRA, FOREIGN_KEY_EXTRA -> true;
            default -> false;
        };
    }
}
