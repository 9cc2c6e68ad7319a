package dev.migrationguard.prisma;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.RepoPaths;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every Prisma schema of a snapshot: {@code schema.prisma} files, {@code prisma/schema/} folders of
 * {@code .prisma} files (Prisma's multi-file schema), the file or folder named by a package.json's
 * {@code prisma.schema}, and the {@code schema} (and {@code migrations.path}) of a {@code prisma.config.ts}.
 */
public final class PrismaSchemas {

    /** Every schema of the snapshot, parsed once, in location order. */
    public static final ModelKey<List<PrismaProject>> ALL = ModelKey.of("prisma-schemas", PrismaSchemas::find);

    /** The streaming parser: databind's ObjectMapper costs a cold start tens of milliseconds to initialise. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern CONFIG_FILE = Pattern.compile("(^|/)prisma\\.config\\.(ts|mts|cts|js|mjs|cjs)$");
    /** {@code schema: "prisma/schema.prisma"} or {@code schema: path.join("prisma", "schema")}. */
    private static final Pattern CONFIG_SCHEMA = Pattern.compile(
            "\\bschema\\s*:\\s*(?:[\"'`]([^\"'`]+)[\"'`]|path\\.(?:join|resolve)\\(([^)]*)\\))");
    private static final Pattern CONFIG_MIGRATIONS = Pattern.compile(
            "\\bmigrations\\s*:\\s*\\{[^}]*?\\bpath\\s*:\\s*(?:[\"'`]([^\"'`]+)[\"'`]|path\\.(?:join|resolve)\\(([^)]*)\\))");
    private static final Pattern STRING_ARGUMENT = Pattern.compile("[\"'`]([^\"'`]*)[\"'`]");

    private PrismaSchemas() {
    }

    /** Whether a path is a {@code prisma.config.ts} (or .js, .mts, ...), which may name the schema and migrations. */
    public static boolean isConfigFile(String path) {
        return CONFIG_FILE.matcher(path).find();
    }

    static List<PrismaProject> find(Snapshot snapshot) {
        // location -> is folder
        Map<String, Boolean> locations = new LinkedHashMap<>();
        // location -> migrations folder named by a prisma.config.ts
        Map<String, String> configuredMigrations = new LinkedHashMap<>();
        for (String path : snapshot.paths()) {
            if (path.contains("node_modules/")) {
                continue;
            }
            if (CONFIG_FILE.matcher(path).find()) {
                readConfig(snapshot, path, locations, configuredMigrations);
            } else if (path.equals("package.json") || path.endsWith("/package.json")) {
                configuredLocation(snapshot, path).ifPresent(location ->
                        locations.put(location, isFolder(snapshot, location)));
            }
        }
        for (String path : snapshot.paths()) {
            if (path.contains("node_modules/") || !path.endsWith(".prisma")) {
                continue;
            }
            String folder = RepoPaths.parent(path);
            if (folder.equals("schema") || folder.endsWith("/schema")) {
                locations.putIfAbsent(folder, true);
            } else if (RepoPaths.name(path).equals("schema.prisma")) {
                locations.putIfAbsent(path, false);
            }
        }
        List<PrismaProject> projects = new ArrayList<>();
        List<String> sorted = new ArrayList<>(locations.keySet());
        sorted.sort(null);
        for (String location : sorted) {
            if (coveredByFolder(location, locations)) {
                continue;
            }
            boolean folder = locations.get(location);
            List<SourceFile> files = new ArrayList<>();
            if (folder) {
                String prefix = location.isEmpty() ? "" : location + "/";
                for (String path : snapshot.paths()) {
                    if (path.startsWith(prefix) && path.endsWith(".prisma") && !path.contains("node_modules/")) {
                        snapshot.read(path).ifPresent(files::add);
                    }
                }
            } else {
                snapshot.read(location).ifPresent(files::add);
            }
            if (files.isEmpty()) {
                continue;
            }
            PrismaSchema schema = PrismaParser.parseAll(files);
            String migrations = configuredMigrations.containsKey(location) ? configuredMigrations.get(location)
                    : migrationsDirectory(snapshot, location, folder, schema);
            projects.add(new PrismaProject(location, folder, schema, migrations,
                    prismaVersion(snapshot, folder ? location : RepoPaths.parent(location)).orElse(null)));
        }
        return List.copyOf(projects);
    }

    /** A schema file inside a schema folder is part of that folder's schema, not a schema of its own. */
    private static boolean coveredByFolder(String location, Map<String, Boolean> locations) {
        for (Map.Entry<String, Boolean> e : locations.entrySet()) {
            if (e.getValue() && !e.getKey().equals(location)
                    && (e.getKey().isEmpty() || location.startsWith(e.getKey() + "/"))) {
                return true;
            }
        }
        return false;
    }

    /** Reads {@code schema} and {@code migrations.path} from a prisma.config file (paths relative to it). */
    private static void readConfig(Snapshot snapshot, String configPath, Map<String, Boolean> locations,
            Map<String, String> configuredMigrations) {
        Optional<SourceFile> file = snapshot.read(configPath);
        if (file.isEmpty()) {
            return;
        }
        String text = file.get().text();
        Matcher schema = CONFIG_SCHEMA.matcher(text);
        if (!schema.find()) {
            return;
        }
        String base = RepoPaths.parent(configPath);
        String location = normalise(RepoPaths.join(base, configValue(schema)));
        boolean folder = !location.endsWith(".prisma");
        if (!(folder ? isFolder(snapshot, location) : snapshot.contains(location))) {
            return;
        }
        locations.put(location, folder);
        Matcher migrations = CONFIG_MIGRATIONS.matcher(text);
        if (migrations.find()) {
            configuredMigrations.put(location, normalise(RepoPaths.join(base, configValue(migrations))));
        }
    }

    /** The literal path, or the joined string arguments of {@code path.join(...)}. */
    private static String configValue(Matcher m) {
        if (m.group(1) != null) {
            return m.group(1);
        }
        List<String> parts = new ArrayList<>();
        Matcher arg = STRING_ARGUMENT.matcher(m.group(2));
        while (arg.find()) {
            parts.add(arg.group(1));
        }
        return String.join("/", parts);
    }

    private static Optional<String> configuredLocation(Snapshot snapshot, String packageJson) {
        Optional<SourceFile> file = snapshot.read(packageJson);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> schema = schemaSetting(file.get().text());
        if (schema.isEmpty() || schema.get().isBlank()) {
            return Optional.empty();
        }
        String location = normalise(RepoPaths.join(RepoPaths.parent(packageJson), schema.get()));
        return snapshot.contains(location) || isFolder(snapshot, location) ? Optional.of(location) : Optional.empty();
    }

    /**
     * The string value of {@code prisma.schema} in a package.json's top-level object, if it has one. A package.json
     * that is not JSON names no schema; other rules report it.
     */
    public static Optional<String> schemaSetting(String packageJson) {
        try {
            return readSchemaSetting(packageJson);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The Prisma version of the nearest package.json at or above {@code folder} that names one. */
    private static Optional<String> prismaVersion(Snapshot snapshot, String folder) {
        String current = folder;
        while (true) {
            String path = current.isEmpty() ? "package.json" : current + "/package.json";
            Optional<String> version = snapshot.read(path).flatMap(f -> prismaVersionSetting(f.text()));
            if (version.isPresent()) {
                return version;
            }
            if (current.isEmpty()) {
                return Optional.empty();
            }
            current = RepoPaths.parent(current);
        }
    }

    /**
     * The version range a package.json gives {@code prisma} in its dependencies or devDependencies, else
     * {@code @prisma/client}'s. A package.json that is not JSON names none.
     */
    public static Optional<String> prismaVersionSetting(String packageJson) {
        try {
            String prisma = null;
            String client = null;
            try (JsonParser p = JSON.createParser(packageJson)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (!(field.equals("dependencies") || field.equals("devDependencies"))
                            || value != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        if (p.nextToken() == JsonToken.VALUE_STRING) {
                            if (name.equals("prisma") && prisma == null) {
                                prisma = p.getText();
                            } else if (name.equals("@prisma/client") && client == null) {
                                client = p.getText();
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
            return Optional.ofNullable(prisma != null ? prisma : client);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readSchemaSetting(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("prisma") || value != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING && key.equals("schema")) {
                        return Optional.of(p.getText());
                    }
                    p.skipChildren();
                }
                return Optional.empty();
            }
            return Optional.empty();
        }
    }

    /**
     * Migrations live beside the file holding the datasource; a schema folder's migrations may also sit beside the
     * folder. The first of these that holds files wins.
     */
    private static String migrationsDirectory(Snapshot snapshot, String location, boolean folder, PrismaSchema schema) {
        List<String> candidates = new ArrayList<>();
        schema.datasource().ifPresent(d -> candidates.add(RepoPaths.join(RepoPaths.parent(d.file().path()), "migrations")));
        candidates.add(RepoPaths.join(folder ? location : RepoPaths.parent(location), "migrations"));
        if (folder) {
            candidates.add(RepoPaths.join(RepoPaths.parent(location), "migrations"));
        }
        for (String candidate : candidates) {
            String prefix = candidate + "/";
            for (String path : snapshot.paths()) {
                if (path.startsWith(prefix)) {
                    return candidate;
                }
            }
        }
        return candidates.get(0);
    }

    private static boolean isFolder(Snapshot snapshot, String location) {
        String prefix = location.isEmpty() ? "" : location + "/";
        return snapshot.paths().stream().anyMatch(p -> p.startsWith(prefix) && p.endsWith(".prisma"));
    }

    /** Removes {@code ./}, {@code ..} pairs and trailing slashes from a relative path. */
    private static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..") && !parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
