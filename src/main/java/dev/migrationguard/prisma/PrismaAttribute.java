package dev.migrationguard.prisma;

import java.util.List;
import java.util.Optional;

/**
 * A field attribute ({@code @id}, {@code @db.VarChar(255)}) or block attribute ({@code @@index([a])}).
 *
 * @param name      the name without its {@code @} or {@code @@}: {@code id}, {@code db.VarChar}, {@code index}
 * @param arguments its arguments; empty without parentheses
 * @param start     offset of the {@code @}
 * @param end       offset just after the closing parenthesis or the name
 * @param nameStart offset of the name's first character
 */
public record PrismaAttribute(String name, List<PrismaArgument> arguments, int start, int end, int nameStart) {

    public PrismaAttribute {
        arguments = List.copyOf(arguments);
    }

    /** The named argument, or else the positional one at {@code position}. */
    public Optional<PrismaArgument> argument(int position, String argumentName) {
        return PrismaArgument.find(arguments, position, argumentName);
    }

    /** The value of the named argument, or else of the positional one at {@code position}. */
    public Optional<PrismaExpression> value(int position, String argumentName) {
        return argument(position, argumentName).map(PrismaArgument::value);
    }

    /** Whether this is a native type attribute such as {@code @db.VarChar(255)}. */
    public boolean nativeType() {
        return name.startsWith("db.");
    }
}
