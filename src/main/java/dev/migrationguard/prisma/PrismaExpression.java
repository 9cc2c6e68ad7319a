package dev.migrationguard.prisma;

import java.util.List;
import java.util.Optional;

/** A value in a schema: an attribute argument or a config property. Offsets cover the written text. */
public sealed interface PrismaExpression {

    int start();

    int end();

    /** {@code "text"}; {@code value} has its escapes resolved. */
    record StringValue(String value, int start, int end) implements PrismaExpression {
    }

    /** {@code 42}, {@code -1}, {@code 1.5} as written. */
    record NumberValue(String text, int start, int end) implements PrismaExpression {
    }

    /** A bare name: {@code true}, {@code Cascade}, an enum value, a field name, {@code Gin}. */
    record Reference(String name, int start, int end) implements PrismaExpression {
    }

    /** {@code now()}, {@code dbgenerated("...")}, {@code env("URL")}, {@code email(ops: raw("gin_trgm_ops"))}. */
    record Call(String name, List<PrismaArgument> arguments, int start, int end) implements PrismaExpression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        public Optional<PrismaArgument> argument(int position, String argumentName) {
            return PrismaArgument.find(arguments, position, argumentName);
        }
    }

    /** {@code [a, b]}. */
    record ArrayValue(List<PrismaExpression> elements, int start, int end) implements PrismaExpression {
        public ArrayValue {
            elements = List.copyOf(elements);
        }
    }

    /** The string's value, the reference's or number's text, or the call's name. */
    default String simpleText() {
        if (this instanceof StringValue s) {
            return s.value();
        }
        if (this instanceof NumberValue n) {
            return n.text();
        }
        if (this instanceof Reference r) {
            return r.name();
        }
        if (this instanceof Call c) {
            return c.name();
        }
        return "";
    }
}
