package dev.migrationguard.schema;

import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The drift check of a snapshot: for each Prisma schema with a migrations folder, the schema Prisma expects
 * compared with the schema its migrations build.
 */
public final class DriftReports {

    /** One report per Prisma schema whose provider is relational and whose migrations folder exists. */
    public static final ModelKey<List<Report>> KEY = ModelKey.of("schema-drift", DriftReports::check);

    /**
     * The drift of one schema.
     *
     * @param expected    what the Prisma schema maps to
     * @param replay      what the migrations build, with the statements the replay could not apply
     * @param differences every difference, schema objects first
     */
    public record Report(PrismaProject project, MigrationSet migrations, SchemaModel expected,
                         SchemaReplay.Result replay, List<Difference> differences) {
        public Report {
            differences = List.copyOf(differences);
        }

        /**
         * The unmodelled statements that touch the element a difference is about (they name it: the column with
         * its table, the index, the constraint, the enum value with its enum): they might explain it. A statement
         * that only names the table (a trigger on it, an UPDATE) does not.
         */
        public List<UnmodelledStatement> possibleExplanations(Difference difference) {
            return replay.unmodelled().stream().filter(u -> touches(u, difference)).toList();
        }
    }

    private DriftReports() {
    }

    /** Whether a statement names the element of a difference (see {@link Difference#subject()}). */
    static boolean touches(UnmodelledStatement u, Difference d) {
        String subject = d.subject();
        int space = subject.lastIndexOf(' ');
        String kind = space < 0 ? "" : subject.substring(0, space);
        String element = space < 0 ? subject : subject.substring(space + 1);
        String owner = element;
        String part = null;
        if (kind.equals("column") || kind.equals("foreign key") || kind.equals("enum value")) {
            int dot = element.lastIndexOf('.');
            owner = dot < 0 ? element : element.substring(0, dot);
            part = dot < 0 ? null : element.substring(dot + 1);
        }
        owner = owner.contains(".") ? owner.substring(owner.lastIndexOf('.') + 1) : owner;
        return switch (kind) {
            case "column", "enum value" -> u.mentions(owner) && (part == null || u.mentions(part));
            case "foreign key" -> (part != null && u.mentions(part))
                    || (u.mentions(owner) && u.mentions("REFERENCES"));
            case "primary key" -> u.mentions(owner) && u.mentions("PRIMARY");
            case "index" -> u.mentions(element);
            default -> u.mentions(owner);
        };
    }

    static List<Report> check(Snapshot snapshot) {
        List<Report> reports = new ArrayList<>();
        List<MigrationSet> sets = snapshot.model(MigrationSets.KEY);
        for (MappedSchemas.Mapped mapped : snapshot.model(MappedSchemas.KEY)) {
            PrismaProject project = mapped.project();
            Optional<MigrationSet> set = sets.stream()
                    .filter(s -> s.folder().equals(project.migrationsDirectory())).findFirst();
            Optional<SchemaModel> expected = mapped.model();
            if (set.isEmpty() || expected.isEmpty() || set.get().migrations().isEmpty()) {
                continue;
            }
            SchemaReplay.Result replay = SchemaReplay.replay(snapshot, set.get(), expected.get().provider());
            reports.add(new Report(project, set.get(), expected.get(), replay,
                    SchemaDiff.compare(expected.get(), PrismaSchemaMapper.managedPart(replay.model(),
                            project.schema()), project.prismaMajor().isEmpty())));
        }
        return List.copyOf(reports);
    }
}
