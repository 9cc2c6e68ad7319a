package dev.migrationguard.prisma;

import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed Prisma schema: one file, or every file of a multi-file schema folder merged. Each element keeps the
 * file it was written in.
 *
 * @param files          the schema's files, in path order
 * @param compositeTypes {@code type} blocks (MongoDB composite types)
 * @param problems       syntax errors, in file and offset order
 */
public record PrismaSchema(
        List<SourceFile> files,
        List<PrismaConfigBlock> datasources,
        List<PrismaConfigBlock> generators,
        List<PrismaModel> models,
        List<PrismaEnum> enums,
        List<PrismaModel> views,
        List<PrismaModel> compositeTypes,
        List<PrismaProblem> problems) {

    public PrismaSchema {
        files = List.copyOf(files);
        datasources = List.copyOf(datasources);
        generators = List.copyOf(generators);
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        views = List.copyOf(views);
        compositeTypes = List.copyOf(compositeTypes);
        problems = List.copyOf(problems);
    }

    /** One schema made of several files' schemas, as Prisma reads a schema folder. */
    public static PrismaSchema merge(List<PrismaSchema> parts) {
        List<SourceFile> files = new ArrayList<>();
        List<PrismaConfigBlock> datasources = new ArrayList<>();
        List<PrismaConfigBlock> generators = new ArrayList<>();
        List<PrismaModel> models = new ArrayList<>();
        List<PrismaEnum> enums = new ArrayList<>();
        List<PrismaModel> views = new ArrayList<>();
        List<PrismaModel> types = new ArrayList<>();
        List<PrismaProblem> problems = new ArrayList<>();
        for (PrismaSchema p : parts) {
            files.addAll(p.files);
            datasources.addAll(p.datasources);
            generators.addAll(p.generators);
            models.addAll(p.models);
            enums.addAll(p.enums);
            views.addAll(p.views);
            types.addAll(p.compositeTypes);
            problems.addAll(p.problems);
        }
        return new PrismaSchema(files, datasources, generators, models, enums, views, types, problems);
    }

    /** The first datasource block (Prisma allows one). */
    public Optional<PrismaConfigBlock> datasource() {
        return datasources.stream().findFirst();
    }

    /** The datasource's provider in lower case ({@code postgresql}, {@code mysql}, ...), if written as a string. */
    public Optional<String> provider() {
        return datasource().flatMap(d -> d.stringProperty("provider")).map(p -> p.toLowerCase(Locale.ROOT));
    }

    /** {@code prisma} when relations are emulated without foreign keys; {@code foreignKeys} otherwise. */
    public String relationMode() {
        Optional<String> mode = datasource().flatMap(d -> d.stringProperty("relationMode"));
        if (mode.isEmpty()) {
            // Before Prisma 4.5 the same setting was `referentialIntegrity`.
            mode = datasource().flatMap(d -> d.stringProperty("referentialIntegrity"));
        }
        return mode.orElse("foreignKeys");
    }

    public Optional<PrismaModel> model(String name) {
        return models.stream().filter(m -> m.name().text().equals(name)).findFirst();
    }

    public Optional<PrismaEnum> enumNamed(String name) {
        return enums.stream().filter(e -> e.name().text().equals(name)).findFirst();
    }

    public Optional<PrismaModel> compositeType(String name) {
        return compositeTypes.stream().filter(m -> m.name().text().equals(name)).findFirst();
    }
}
