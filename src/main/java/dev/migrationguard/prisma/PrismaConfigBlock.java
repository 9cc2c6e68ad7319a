package dev.migrationguard.prisma;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * A {@code datasource} or {@code generator} block: named properties such as {@code provider = "postgresql"}.
 *
 * @param start offset of the keyword
 */
public record PrismaConfigBlock(
        SourceFile file,
        Kind kind,
        PrismaName name,
        List<Property> properties,
        int start,
        int end) {

    public enum Kind { DATASOURCE, GENERATOR }

    /** {@code name = value}. */
    public record Property(PrismaName name, PrismaExpression value) {
    }

    public PrismaConfigBlock {
        properties = List.copyOf(properties);
    }

    public Optional<Property> property(String propertyName) {
        return properties.stream().filter(p -> p.name().text().equals(propertyName)).findFirst();
    }

    /** The string value of a property ({@code provider}, {@code relationMode}), if it is a plain string. */
    public Optional<String> stringProperty(String propertyName) {
        return property(propertyName).map(Property::value)
                .filter(v -> v instanceof PrismaExpression.StringValue)
                .map(PrismaExpression::simpleText);
    }
}
