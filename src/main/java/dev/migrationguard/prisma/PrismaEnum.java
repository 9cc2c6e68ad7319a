package dev.migrationguard.prisma;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.Optional;

/** An {@code enum} block. */
public record PrismaEnum(
        SourceFile file,
        PrismaName name,
        List<Value> values,
        List<PrismaAttribute> blockAttributes,
        List<String> documentation,
        int start,
        int end) {

    public PrismaEnum {
        values = List.copyOf(values);
        blockAttributes = List.copyOf(blockAttributes);
        documentation = List.copyOf(documentation);
    }

    /** One value of an enum, with its attributes ({@code @map("x")}). */
    public record Value(PrismaName name, List<PrismaAttribute> attributes, List<String> documentation) {
        public Value {
            attributes = List.copyOf(attributes);
            documentation = List.copyOf(documentation);
        }

        /** The value in the database: the {@code @map} argument or the name. */
        public String databaseName() {
            return attributes.stream().filter(a -> a.name().equals("map")).findFirst()
                    .flatMap(a -> a.value(0, "name")).map(PrismaExpression::simpleText).orElse(name.text());
        }
    }

    public Optional<PrismaAttribute> blockAttribute(String attributeName) {
        return blockAttributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** The type name in the database: the {@code @@map} argument or the enum name. */
    public String databaseName() {
        return blockAttribute("map").flatMap(a -> a.value(0, "name")).map(PrismaExpression::simpleText)
                .orElse(name.text());
    }

    public Optional<String> schemaName() {
        return blockAttribute("schema").flatMap(a -> a.value(0, "name")).map(PrismaExpression::simpleText);
    }
}
