package dev.migrationguard.prisma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.Corpus;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Prisma schema read back from {@link PrismaSchemaCodec} equals its parse, for every schema the project has (the
 * real corpus, the samples, the test resources) and for one written here with every kind of block and expression
 * and a syntax error; bytes that are not such an entry are refused.
 */
class PrismaSchemaCodecTest {
    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));

    private static final String CRAFTED = """
            // A schema with every kind of block and value.
            datasource db {
              provider   = "postgresql"
              url        = env("DATABASE_URL")
              extensions = [pgcrypto, postgis(version: "3.4")]
            }

            generator client {
              provider        = "prisma-client-js"
              previewFeatures = ["views", "multiSchema"]
            }

            /// A user.
            model User {
              id     Int      @id @default(autoincrement())
              score  Decimal  @default(1.5) @db.Decimal(10, 2)
              role   Role     @default(USER)
              geo    Unsupported("geometry")?
              tags   String[]
              posts  Post[]

              @@index([score(sort: Desc)], type: BTree)
              @@map("users")
            }

            enum Role {
              USER  @map("user")
              ADMIN
              @@map("roles")
            }

            view Active {
              id Int @unique
            }

            type Address {
              street String
            }

            model Broken {
              id Int @id
              name
            }
            """;

    @Test
    void everySchemaReadsBackEqual() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(PROJECT.resolve("samples"), PROJECT.resolve("src/test/resources"), Corpus.ROOT)) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".prisma") && Files.isRegularFile(p)).sorted()
                            .forEach(files::add);
                }
            }
        }
        assertTrue(files.size() >= 8, "the corpus and samples hold Prisma schemas; found " + files.size());
        Set<String> kinds = new TreeSet<>();
        for (Path path : files) {
            roundTrip(new SourceFile(PROJECT.relativize(path).toString(), Files.readString(path)), kinds);
        }
        PrismaSchema crafted = roundTrip(new SourceFile("crafted.prisma", CRAFTED), kinds);
        assertFalse(crafted.problems().isEmpty(), "the crafted schema's error is kept");
        assertEquals(1, crafted.views().size());
        assertEquals(1, crafted.compositeTypes().size());
        Set<String> expected = new TreeSet<>();
        Arrays.stream(PrismaExpression.class.getPermittedSubclasses()).map(Class::getName).forEach(expected::add);
        assertEquals(expected, kinds, "every kind of expression is written and read back");
    }

    private static PrismaSchema roundTrip(SourceFile file, Set<String> kinds) throws IOException {
        PrismaSchema parsed = PrismaParser.parse(file);
        PrismaSchema read = PrismaSchemaCodec.decode(PrismaSchemaCodec.encode(parsed), file);
        assertEquals(parsed, read, file.path());
        List<PrismaModel> all = new ArrayList<>(read.models());
        all.addAll(read.views());
        all.addAll(read.compositeTypes());
        for (PrismaModel model : all) {
            model.blockAttributes().forEach(a -> collect(a.arguments(), kinds));
            model.fields().forEach(f -> f.attributes().forEach(a -> collect(a.arguments(), kinds)));
        }
        for (PrismaConfigBlock block : read.datasources()) {
            block.properties().forEach(p -> collect(p.value(), kinds));
        }
        for (PrismaConfigBlock block : read.generators()) {
            block.properties().forEach(p -> collect(p.value(), kinds));
        }
        return read;
    }

    private static void collect(List<PrismaArgument> arguments, Set<String> kinds) {
        arguments.forEach(a -> collect(a.value(), kinds));
    }

    private static void collect(PrismaExpression e, Set<String> kinds) {
        if (e == null) {
            return;
        }
        kinds.add(e.getClass().getName());
        if (e instanceof PrismaExpression.Call call) {
            collect(call.arguments(), kinds);
        } else if (e instanceof PrismaExpression.ArrayValue array) {
            array.elements().forEach(element -> collect(element, kinds));
        }
    }

    @Test
    void bytesOfAnotherFileOrLayoutAreRefused() throws IOException {
        SourceFile file = new SourceFile("schema.prisma", "model A {\n  id Int @id\n}\n");
        byte[] bytes = PrismaSchemaCodec.encode(PrismaParser.parse(file));
        assertEquals(1, PrismaSchemaCodec.decode(bytes, file).models().size());
        assertThrows(IOException.class, () -> PrismaSchemaCodec.decode(bytes, new SourceFile("schema.prisma", "x")));
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] truncated = Arrays.copyOf(bytes, cut);
            assertThrows(IOException.class, () -> PrismaSchemaCodec.decode(truncated, file), "cut at " + cut);
        }
        byte[] otherLayout = bytes.clone();
        otherLayout[7]++;
        assertThrows(IOException.class, () -> PrismaSchemaCodec.decode(otherLayout, file));
        // A merged schema of several files is not one file's parse.
        PrismaSchema merged = PrismaSchema.merge(List.of(PrismaParser.parse(file),
                PrismaParser.parse(new SourceFile("b.prisma", "enum E {\n  X\n}\n"))));
        assertThrows(IllegalArgumentException.class, () -> PrismaSchemaCodec.encode(merged));
    }
}
