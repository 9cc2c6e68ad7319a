package dev.migrationguard.prisma;

import java.util.List;
import java.util.Optional;

/**
 * One argument of an attribute or function: {@code fields: [a, b]} or a positional value.
 *
 * @param name  the argument's name, or null when positional
 * @param value its value
 */
public record PrismaArgument(String name, PrismaExpression value, int start, int end) {

    public boolean positional() {
        return name == null;
    }

    /**
     * The argument called {@code argumentName}, or else the positional one at {@code position} (Prisma lets the
     * first argument of most attributes be written without its name, as in {@code @@index([a])}).
     */
    static Optional<PrismaArgument> find(List<PrismaArgument> arguments, int position, String argumentName) {
        int positionalIndex = 0;
        PrismaArgument positionalMatch = null;
        for (PrismaArgument a : arguments) {
            if (a.positional()) {
                if (positionalIndex == position) {
                    positionalMatch = a;
                }
                positionalIndex++;
            } else if (a.name().equals(argumentName)) {
                return Optional.of(a);
            }
        }
        return Optional.ofNullable(positionalMatch);
    }
}
