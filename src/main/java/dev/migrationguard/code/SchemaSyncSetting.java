package dev.migrationguard.code;

import dev.migrationguard.workspace.SourceFile;

/**
 * A setting that makes an ORM create or alter the schema itself when the application starts.
 *
 * @param file      where it is set
 * @param start     offset of the value (or of the call)
 * @param end       offset after it
 * @param framework Hibernate, Spring, TypeORM, Sequelize, JPA
 * @param setting   the setting as written ({@code spring.jpa.hibernate.ddl-auto}, {@code synchronize})
 * @param value     its value ({@code update}, {@code true}, {@code alter: true})
 * @param scope     the profile or file kind it applies to, when it is clearly for tests or local development
 *                  ("test profile", "test source"); empty otherwise
 */
public record SchemaSyncSetting(SourceFile file, int start, int end, String framework, String setting, String value,
                                String scope) {

    public boolean testOrLocal() {
        return !scope.isEmpty();
    }
}
