package dev.migrationguard.rules.schema;

import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.schema.Origin;
import dev.migrationguard.schema.MappedSchemas;
import dev.migrationguard.schema.SchemaModel;
import dev.migrationguard.workspace.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema.prisma part of {@code identifier-too-long}: table, column, enum, key and index names that Prisma will
 * write into the next migration (as declared with {@code @@map}, {@code @map}, {@code map:}, or its own default
 * names) and that the database cannot keep. Names a migration already wrote are reported there instead.
 */
public final class SchemaIdentifiers {

    private SchemaIdentifiers() {
    }

    /** Reports the long names of every Prisma schema; {@code written} holds the names each migrations folder writes. */
    public static void check(Snapshot snapshot, Findings findings, Map<String, Set<String>> written) {
        for (MappedSchemas.Mapped mapped : snapshot.model(MappedSchemas.KEY)) {
            PrismaProject project = mapped.project();
            Optional<SchemaModel> model = mapped.model();
            if (model.isEmpty()) {
                continue;
            }
            Limit limit = Limit.of(model.get().provider().name());
            if (limit == null) {
                continue;
            }
            Set<String> done = written.getOrDefault(project.migrationsDirectory(), Set.of());
            for (SchemaModel.Table table : model.get().tables()) {
                report(findings, limit, done, table.name(), table.origin(), "table");
                for (SchemaModel.Column column : table.columns()) {
                    report(findings, limit, done, column.name(), column.origin(), "column");
                }
                if (table.primaryKey() != null) {
                    report(findings, limit, done, table.primaryKey().name(), table.primaryKey().origin(), "primary key");
                }
                for (SchemaModel.Index index : table.indexes()) {
                    report(findings, limit, done, index.name(), index.origin(), index.unique() ? "unique index" : "index");
                }
                for (SchemaModel.ForeignKey key : table.foreignKeys()) {
                    report(findings, limit, done, key.name(), key.origin(), "foreign key");
                }
            }
            for (SchemaModel.EnumType type : model.get().enums()) {
                report(findings, limit, done, type.name(), type.origin(), "enum");
            }
        }
    }

    private static void report(Findings findings, Limit limit, Set<String> done, String name, Origin origin,
                               String what) {
        if (name == null || origin == null || !limit.exceeded(name) || done.contains(name)) {
            return;
        }
        findings.at(origin.file(), origin.start(), origin.end())
                .message("The " + what + " name Prisma will write for " + origin.element() + " is \"" + name + "\", "
                        + limit.length(name) + (limit.bytes() ? " bytes" : " characters") + ", over the "
                        + limit.describe() + " " + limit.database() + " keeps: "
                        + (limit.bytes() ? limit.database() + " will cut it to \"" + limit.kept(name) + "\" and every "
                        + "later migrate dev reports drift." : "the migration that creates it will fail."))
                .fix("Give it a name of at most " + limit.describe() + ": map: \"...\" on the @@index, @@unique, @@id "
                        + "or @relation, @map on the field, @@map on the model or enum.")
                .key(what + " " + name)
                .report();
    }

    /** How long a name may be, in the unit the database counts. */
    public record Limit(int max, boolean bytes, String database) {
        /** The limit of a dialect or provider by its enum name (POSTGRESQL, MYSQL), or {@code null} for none checked. */
        public static Limit of(String database) {
            return switch (database) {
                case "POSTGRESQL" -> new Limit(63, true, "PostgreSQL");
                case "MYSQL" -> new Limit(64, false, "MySQL");
                default -> null;
            };
        }

        public int length(String name) {
            return bytes ? name.getBytes(StandardCharsets.UTF_8).length : name.codePointCount(0, name.length());
        }

        public boolean exceeded(String name) {
            return length(name) > max;
        }

        public String describe() {
            return max + (bytes ? " bytes" : " characters");
        }

        /** What the database keeps of a name: PostgreSQL cuts at a character boundary within the byte limit. */
        public String kept(String name) {
            StringBuilder out = new StringBuilder();
            int used = 0;
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                String c = new String(Character.toChars(cp));
                int size = bytes ? c.getBytes(StandardCharsets.UTF_8).length : 1;
                if (used + size > max) {
                    break;
                }
                out.append(c);
                used += size;
                i += Character.charCount(cp);
            }
            return out.toString();
        }

        public String message(String name) {
            String effect = bytes ? database + " cuts it to \"" + kept(name) + "\", so the database holds another name "
                    + "than the migration and schema.prisma say: every later migrate dev reports drift, and a "
                    + "statement that names it in full misses it"
                    : database + " refuses the statement (identifier too long) and the migration fails";
            return "\"" + name + "\" is " + length(name) + (bytes ? " bytes" : " characters") + ", over the "
                    + describe() + " " + database + " keeps: " + effect + ".";
        }
    }

}
