package dev.migrationguard.prisma;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * A {@code model}, {@code view} or composite {@code type} block.
 *
 * @param start offset of the keyword
 * @param end   offset just after the closing brace
 */
public record PrismaModel(
        SourceFile file,
        Kind kind,
        PrismaName name,
        List<PrismaField> fields,
        List<PrismaAttribute> blockAttributes,
        List<String> documentation,
        int start,
        int end) {

    public enum Kind { MODEL, VIEW, TYPE }

    public PrismaModel {
        fields = List.copyOf(fields);
        blockAttributes = List.copyOf(blockAttributes);
        documentation = List.copyOf(documentation);
    }

    public Optional<PrismaField> field(String fieldName) {
        return fields.stream().filter(f -> f.name().text().equals(fieldName)).findFirst();
    }

    public List<PrismaAttribute> blockAttributes(String attributeName) {
        return blockAttributes.stream().filter(a -> a.name().equals(attributeName)).toList();
    }

    public Optional<PrismaAttribute> blockAttribute(String attributeName) {
        return blockAttributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** The table name: the {@code @@map} argument or the model name. */
    public String databaseName() {
        return blockAttribute("map").flatMap(a -> a.value(0, "name")).map(PrismaExpression::simpleText)
                .orElse(name.text());
    }

    /** The {@code @@schema} argument (multi-schema databases), if any. */
    public Optional<String> schemaName() {
        return blockAttribute("schema").flatMap(a -> a.value(0, "name")).map(PrismaExpression::simpleText);
    }

    public boolean ignored() {
        return blockAttribute("ignore").isPresent();
    }
}
