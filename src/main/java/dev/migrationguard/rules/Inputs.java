package dev.migrationguard.rules;

import dev.migrationguard.code.JsSqlCalls;
import dev.migrationguard.code.SchemaSyncSettings;
import dev.migrationguard.git.ChangeSet;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.scripts.CommandSites;
import dev.migrationguard.workspace.RepoPaths;
import dev.migrationguard.workspace.Snapshot;
import java.util.Locale;
import java.util.Optional;

/** The kinds of input that rules name in {@link Rule#inputs()}: tests of a changed path. */
public final class Inputs {
    /** Any file. */
    public static final RuleInputs.Test ANY_FILE = (path, change) -> true;

    /**
     * Prisma migrations and everything that decides how they are read: SQL files, lock files, files inside a
     * migrations folder, Prisma schemas and {@code prisma.config.ts}, and a package.json whose {@code prisma.schema}
     * setting (which moves the schema) or Prisma version the change sets, alters or removes.
     */
    public static final RuleInputs.Test MIGRATIONS = Inputs::migrations;

    /** Files whose commands are read: package.json, shell scripts, CI workflows, Dockerfiles, Makefiles, hooks. */
    public static final RuleInputs.Test SCRIPTS = (path, change) -> CommandSites.mayRead(path);

    /** SQL files anywhere. */
    public static final RuleInputs.Test SQL_FILES = (path, change) -> lowerName(path).endsWith(".sql");

    /** Application code whose SQL is read: Java, JavaScript and TypeScript. */
    public static final RuleInputs.Test CODE = (path, change) -> lowerName(path).endsWith(".java") || JsSqlCalls.isScript(path);

    /** Files that may turn on an ORM's schema sync: Spring and JPA settings, TypeORM and Sequelize code, .env. */
    public static final RuleInputs.Test ORM_SETTINGS = (path, change) -> SchemaSyncSettings.mayRead(path);

    private static final String LOCK_FILE = "migration_lock.toml";

    private Inputs() {
    }

    private static boolean migrations(String path, ChangeSet change) {
        String name = lowerName(path);
        if (name.endsWith(".sql") || name.equals(LOCK_FILE) || name.endsWith(".prisma") || PrismaSchemas.isConfigFile(path)
                || ("/" + path).contains("/migrations/")) {
            return true;
        }
        if (name.equals("package.json")) {
            // The Prisma version decides how implicit many-to-many tables are keyed.
            return !schemaSetting(change.base(), path).equals(schemaSetting(change.target(), path))
                    || !prismaVersion(change.base(), path).equals(prismaVersion(change.target(), path));
        }
        // A stray file in a migrations folder of another name, told by the lock file beside it or above it.
        String folder = RepoPaths.parent(path);
        for (int up = 0; up < 2 && !folder.isEmpty(); up++, folder = RepoPaths.parent(folder)) {
            String lock = folder + "/" + LOCK_FILE;
            // One path looked up, not every file of both versions listed (a pre-commit run of a docs change).
            if (change.target().hasPath(lock) || change.base().hasPath(lock)) {
                return true;
            }
        }
        return false;
    }

    /** A package.json's {@code prisma.schema} setting in one version, empty when absent there. */
    private static Optional<String> schemaSetting(Snapshot snapshot, String path) {
        return snapshot.read(path).flatMap(file -> PrismaSchemas.schemaSetting(file.text()));
    }

    private static Optional<String> prismaVersion(Snapshot snapshot, String path) {
        return snapshot.read(path).flatMap(file -> PrismaSchemas.prismaVersionSetting(file.text()));
    }

    private static String lowerName(String path) {
        return RepoPaths.name(path).toLowerCase(Locale.ROOT);
    }
}
