package dev.migrationguard.sql;

import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.RepoPaths;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every Prisma migrations folder of a snapshot: each folder {@code <dir>/migrations/} that holds
 * {@code <name>/migration.sql}, and each folder with a {@code migration_lock.toml}. Each set gets its dialect from
 * the lock file, else from the datasource of the schema beside it, else from the SQL, else PostgreSQL.
 */
public final class MigrationSets {
    public static final ModelKey<List<MigrationSet>> KEY = ModelKey.of("migration-sets", MigrationSets::find);

    static final String LOCK_FILE = "migration_lock.toml";
    private static final String SQL_FILE = "migration.sql";
    private static final Pattern LOCK_PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern MYSQL_HINT = Pattern.compile("`[^`\\n]+`");
    private static final Pattern SQLSERVER_HINT = Pattern.compile(
            "(?im)\\[dbo\\]|^\\s*GO\\s*$|\\bBEGIN\\s+TRY\\b|\\bNVARCHAR\\b|\\bsp_rename\\b");
    private static final Pattern SQLITE_HINT = Pattern.compile("(?i)\\bPRAGMA\\b|\\bAUTOINCREMENT\\b");

    private MigrationSets() {
    }

    static List<MigrationSet> find(Snapshot snapshot) {
        Map<String, List<String>> sqlByFolder = new TreeMap<>();
        Map<String, String> locks = new TreeMap<>();
        for (String path : snapshot.paths()) {
            String[] parts = path.split("/");
            int n = parts.length;
            if (parts[n - 1].equals(LOCK_FILE)) {
                locks.put(RepoPaths.parent(path), path);
                sqlByFolder.computeIfAbsent(RepoPaths.parent(path), k -> new ArrayList<>());
            } else if (parts[n - 1].equals(SQL_FILE) && n >= 3) {
                String folder = RepoPaths.parent(RepoPaths.parent(path));
                sqlByFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(path);
            }
        }
        List<MigrationSet> sets = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : sqlByFolder.entrySet()) {
            String folder = entry.getKey();
            String name = folder.substring(folder.lastIndexOf('/') + 1);
            if (!name.equals("migrations") && !locks.containsKey(folder)) {
                continue;
            }
            sets.add(describe(snapshot, folder, locks.get(folder), entry.getValue()));
        }
        return List.copyOf(sets);
    }

    private static MigrationSet describe(Snapshot snapshot, String folder, String lockPath, List<String> sqlPaths) {
        List<String> ordered = new ArrayList<>(sqlPaths);
        // Prisma applies migrations in the order of their folder names.
        ordered.sort((a, b) -> RepoPaths.parent(a).compareTo(RepoPaths.parent(b)));
        LockFile lock = null;
        SqlDialect dialect = null;
        DialectSource source = null;
        if (lockPath != null) {
            String provider = snapshot.read(lockPath).map(f -> firstGroup(LOCK_PROVIDER, f.text())).orElse(null);
            lock = new LockFile(lockPath, provider);
            Optional<SqlDialect> fromLock = SqlDialect.fromProvider(provider);
            if (fromLock.isPresent()) {
                dialect = fromLock.get();
                source = DialectSource.LOCK_FILE;
            }
        }
        if (dialect == null) {
            Optional<SqlDialect> fromSchema = datasourceDialect(snapshot, folder);
            if (fromSchema.isPresent()) {
                dialect = fromSchema.get();
                source = DialectSource.DATASOURCE;
            }
        }
        if (dialect == null) {
            Optional<SqlDialect> detected = detect(snapshot, ordered);
            if (detected.isPresent()) {
                dialect = detected.get();
                source = DialectSource.DETECTED;
            }
        }
        if (dialect == null) {
            dialect = SqlDialect.POSTGRESQL;
            source = DialectSource.DEFAULT;
        }
        List<Migration> migrations = new ArrayList<>();
        for (String sqlPath : ordered) {
            String migrationFolder = RepoPaths.parent(sqlPath);
            migrations.add(new Migration(migrationFolder.substring(migrationFolder.lastIndexOf('/') + 1),
                    migrationFolder, sqlPath, dialect));
        }
        return new MigrationSet(folder, lock, dialect, source, migrations);
    }

    /** The provider of the datasource of the Prisma schema whose migrations live in {@code folder}. */
    private static Optional<SqlDialect> datasourceDialect(Snapshot snapshot, String folder) {
        for (PrismaProject project : snapshot.model(PrismaSchemas.ALL)) {
            if (folder.equals(project.migrationsDirectory())) {
                Optional<SqlDialect> dialect = project.schema().provider().flatMap(SqlDialect::fromProvider);
                if (dialect.isPresent()) {
                    return dialect;
                }
            }
        }
        return Optional.empty();
    }

    /** Guesses a dialect from the SQL Prisma wrote: backticks are MySQL, brackets and GO SQL Server, PRAGMA SQLite. */
    static Optional<SqlDialect> detect(Snapshot snapshot, List<String> sqlPaths) {
        for (String path : sqlPaths) {
            Optional<SourceFile> file = snapshot.read(path);
            if (file.isEmpty()) {
                continue;
            }
            Optional<SqlDialect> dialect = detect(file.get().text());
            if (dialect.isPresent()) {
                return dialect;
            }
        }
        return Optional.empty();
    }

    static Optional<SqlDialect> detect(String sql) {
        // Prisma's warning comments quote names in backticks whatever the database: read code only.
        String code = withoutComments(sql);
        if (SQLSERVER_HINT.matcher(code).find()) {
            return Optional.of(SqlDialect.SQLSERVER);
        }
        if (MYSQL_HINT.matcher(code).find()) {
            return Optional.of(SqlDialect.MYSQL);
        }
        if (SQLITE_HINT.matcher(code).find()) {
            return Optional.of(SqlDialect.SQLITE);
        }
        return Optional.empty();
    }

    /** The text with its comments blanked, in one pass (a regex over unclosed comments is quadratic). */
    private static String withoutComments(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    break;
                }
                code.append(' ');
                i = end + 2;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i + 2);
                if (end < 0) {
                    break;
                }
                i = end;
            } else {
                code.append(sql.charAt(i++));
            }
        }
        return code.toString();
    }

    private static String firstGroup(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
