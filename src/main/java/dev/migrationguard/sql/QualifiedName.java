package dev.migrationguard.sql;

/**
 * A possibly schema-qualified object name such as {@code "public"."User"} or {@code [dbo].[User]}.
 *
 * @param schema the schema part, or {@code null} when the name is unqualified
 * @param name   the object's own name, normalised like an {@link Identifier}
 * @param span   the whole written name
 */
public record QualifiedName(String schema, String name, Span span) {

    public boolean hasSchema() {
        return schema != null;
    }

    /** Whether both name the same object, treating an absent schema as "whichever schema the other names". */
    public boolean sameObject(QualifiedName other) {
        return name.equals(other.name) && (schema == null || other.schema == null || schema.equals(other.schema));
    }

    /** {@code schema.name} or {@code name}, unquoted, for messages. */
    public String display() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return display();
    }
}
