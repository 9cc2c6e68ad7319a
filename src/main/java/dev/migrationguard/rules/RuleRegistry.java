package dev.migrationguard.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule, one line each, sorted by id: adding a rule is a one-line change here. */
public final class RuleRegistry {
    private static final List<Rule> ALL = List.<Rule>of(
            new dev.migrationguard.rules.sql.AddCheckBlocking(),
            new dev.migrationguard.rules.sql.AddColumnRewritesTable(),
            new dev.migrationguard.rules.sql.AddForeignKeyBlocking(),
            new dev.migrationguard.rules.sql.AddNotNullWithoutDefault(),
            new dev.migrationguard.rules.sql.AddUniqueConstraint(),
            new dev.migrationguard.rules.sql.AlterColumnType(),
            new dev.migrationguard.rules.sql.ConcurrentIndexInTransaction(),
            new dev.migrationguard.rules.sql.CreateIndexBlocking(),
            new dev.migrationguard.rules.history.CredentialsInHistory(),
            new dev.migrationguard.rules.sql.DataChangeInMigration(),
            new dev.migrationguard.rules.secrets.DatabaseUrlCredentials(),
            new dev.migrationguard.rules.database.DbMigrationFailed(),
            new dev.migrationguard.rules.database.DbMigrationMissing(),
            new dev.migrationguard.rules.database.DbMigrationModified(),
            new dev.migrationguard.rules.database.DbMigrationPending(),
            new dev.migrationguard.rules.database.DbSchemaDrift(),
            new dev.migrationguard.rules.sql.DestructiveDrop(),
            new dev.migrationguard.rules.sql.DropAndAddColumn(),
            new dev.migrationguard.rules.sql.DropIndexBlocking(),
            new dev.migrationguard.rules.sql.DropNotNull(),
            new dev.migrationguard.rules.sql.EnumValueRemoved(),
            new dev.migrationguard.rules.sql.ForeignKeyDropped(),
            new dev.migrationguard.rules.sql.IdentifierTooLong(),
            new dev.migrationguard.rules.history.MigrationDeleted(),
            new dev.migrationguard.rules.sql.MigrationFailsOnFreshDatabase(),
            new dev.migrationguard.rules.migrations.MigrationEmpty(),
            new dev.migrationguard.rules.commands.MigrationFailureIgnored(),
            new dev.migrationguard.rules.history.MigrationModified(),
            new dev.migrationguard.rules.migrations.MigrationNameFormat(),
            new dev.migrationguard.rules.migrations.MigrationNameVague(),
            new dev.migrationguard.rules.migrations.MigrationNotAtomic(),
            new dev.migrationguard.rules.history.MigrationOutOfOrder(),
            new dev.migrationguard.rules.migrations.MigrationStrayFile(),
            new dev.migrationguard.rules.schema.MissingForeignKeyIndex(),
            new dev.migrationguard.rules.sql.MissingLockTimeout(),
            new dev.migrationguard.rules.sql.MysqlTableCopy(),
            new dev.migrationguard.rules.bypass.OrmAutoSync(),
            new dev.migrationguard.rules.commands.PrismaAcceptDataLoss(),
            new dev.migrationguard.rules.commands.PrismaDbPush(),
            new dev.migrationguard.rules.schema.PrismaLockMismatch(),
            new dev.migrationguard.rules.commands.PrismaMigrateDevInDeploy(),
            new dev.migrationguard.rules.commands.PrismaMigrateResolveInDeploy(),
            new dev.migrationguard.rules.schema.PrismaParseError(),
            new dev.migrationguard.rules.sql.PrismaWarningUnaddressed(),
            new dev.migrationguard.rules.bypass.RawDdlInCode(),
            new dev.migrationguard.rules.bypass.RawDdlInScript(),
            new dev.migrationguard.rules.bypass.RawDdlSqlFile(),
            new dev.migrationguard.rules.sql.RenameBreaksClients(),
            new dev.migrationguard.rules.history.SchemaChangeWithoutMigration(),
            new dev.migrationguard.rules.schema.SchemaDrift(),
            new dev.migrationguard.rules.commands.SchemaPushCommand(),
            new dev.migrationguard.rules.commands.ScriptParseError(),
            new dev.migrationguard.rules.sql.SetNotNull(),
            new dev.migrationguard.rules.sql.SqlParseError(),
            new dev.migrationguard.rules.sql.TransactionNesting()
    ).stream().sorted(Comparator.comparing(Rule::id)).toList();

    private RuleRegistry() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    /**
     * Whether a rule needs a live database (category {@code database}): only {@code migration-guard db} runs those.
     * Told by the rule's package, so lint decides it without reading the rule's page.
     */
    public static boolean needsDatabase(Rule rule) {
        return rule.getClass().getPackageName().equals("dev.migrationguard.rules.database");
    }

    public static Optional<Rule> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
