package dev.migrationguard.schema;

import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The relational schema each Prisma project of a snapshot describes, mapped once per snapshot for every rule that
 * reads it (drift, identifier lengths, foreign-key indexes), with implicit many-to-many tables keyed as the
 * project's Prisma version creates them.
 */
public final class MappedSchemas {
    /** A project and its schema; empty when the provider is not one we model, or the schema does not parse. */
    public record Mapped(PrismaProject project, Optional<SchemaModel> model) {
    }

    public static final ModelKey<List<Mapped>> KEY = ModelKey.of("mapped-prisma-schemas", MappedSchemas::map);

    private MappedSchemas() {
    }

    private static List<Mapped> map(Snapshot snapshot) {
        List<Mapped> out = new ArrayList<>();
        for (PrismaProject project : snapshot.model(PrismaSchemas.ALL)) {
            // A schema that does not parse is reported by prisma-parse-error; mapping half of it misleads.
            out.add(new Mapped(project, project.schema().problems().isEmpty()
                    ? PrismaSchemaMapper.map(project.schema(), project.prismaMajor()) : Optional.empty()));
        }
        return List.copyOf(out);
    }
}
