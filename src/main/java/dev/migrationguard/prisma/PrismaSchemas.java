package dev.migrationguard.prisma;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every Prisma schema of a snapshot: {@code schema.prisma} files, {@code prisma/schema/} folders of
 * {@code .prisma} files (Prisma's multi-file schema), and the file or folder named by a package.json's
 * {@code prisma.schema}.
 */
public final class PrismaSchemas {

    /** Every schema of the snapshot, parsed once, in location order. */
    public static final ModelKey<List<PrismaProject>> ALL = ModelKey.of("prisma-schemas", PrismaSchemas::find);

    private static final ObjectMapper JSON = new ObjectMapper();

    private PrismaSchemas() {
    }

    static List<PrismaProject> find(Snapshot snapshot) {
        // location -> is folder
        Map<String, Boolean> locations = new LinkedHashMap<>();
        for (String path : snapshot.paths()) {
            if (path.contains("node_modules/")) {
                continue;
            }
            if (path.equals("package.json") || path.endsWith("/package.json")) {
                configuredLocation(snapshot, path).ifPresent(location ->
                        locations.put(location, isFolder(snapshot, location)));
            }
        }
        for (String path : snapshot.paths()) {
            if (path.contains("node_modules/") || !path.endsWith(".prisma")) {
                continue;
            }
            String folder = parent(path);
            if (folder.equals("schema") || folder.endsWith("/schema")) {
                locations.putIfAbsent(folder, true);
            } else if (fileName(path).equals("schema.prisma")) {
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
            projects.add(new PrismaProject(location, folder, schema, migrationsDirectory(snapshot, location, folder,
                    schema)));
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

    private static Optional<String> configuredLocation(Snapshot snapshot, String packageJson) {
        Optional<SourceFile> file = snapshot.read(packageJson);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode schema = JSON.readTree(file.get().text()).path("prisma").path("schema");
            if (!schema.isTextual() || schema.asText().isBlank()) {
                return Optional.empty();
            }
            String location = normalise(join(parent(packageJson), schema.asText()));
            return snapshot.contains(location) || isFolder(snapshot, location) ? Optional.of(location) : Optional.empty();
        } catch (Exception e) {
            // A package.json that is not JSON names no schema; other tools report it.
            return Optional.empty();
        }
    }

    /**
     * Migrations live beside the file holding the datasource; a schema folder's migrations may also sit beside the
     * folder. The first of these that holds files wins.
     */
    private static String migrationsDirectory(Snapshot snapshot, String location, boolean folder, PrismaSchema schema) {
        List<String> candidates = new ArrayList<>();
        schema.datasource().ifPresent(d -> candidates.add(join(parent(d.file().path()), "migrations")));
        candidates.add(join(folder ? location : parent(location), "migrations"));
        if (folder) {
            candidates.add(join(parent(location), "migrations"));
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

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String join(String folder, String relative) {
        return folder.isEmpty() ? relative : folder + "/" + relative;
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
