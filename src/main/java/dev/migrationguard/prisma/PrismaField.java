package dev.migrationguard.prisma;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * A field of a model, view or composite type.
 *
 * @param documentation the text of its {@code ///} comments, without the slashes
 * @param start         offset of its name
 * @param end           offset just after its last attribute or its type
 */
public record PrismaField(
        SourceFile file,
        PrismaName name,
        PrismaFieldType type,
        List<PrismaAttribute> attributes,
        List<String> documentation,
        int start,
        int end) {

    public PrismaField {
        attributes = List.copyOf(attributes);
        documentation = List.copyOf(documentation);
    }

    /** The first attribute called {@code attributeName} ({@code id}, {@code default}, {@code db.VarChar}). */
    public Optional<PrismaAttribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    public boolean has(String attributeName) {
        return attribute(attributeName).isPresent();
    }

    /** The {@code @db.*} native type attribute, if any. */
    public Optional<PrismaAttribute> nativeType() {
        return attributes.stream().filter(PrismaAttribute::nativeType).findFirst();
    }

    /** The name in the database: the {@code @map} argument or the field name. */
    public String databaseName() {
        return attribute("map").flatMap(a -> a.value(0, "name")).map(PrismaExpression::simpleText)
                .orElse(name.text());
    }
}
