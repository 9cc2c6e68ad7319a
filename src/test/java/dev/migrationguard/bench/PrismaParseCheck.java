package dev.migrationguard.bench;

import dev.migrationguard.prisma.PrismaParser;
import dev.migrationguard.prisma.PrismaProblem;
import dev.migrationguard.prisma.PrismaSchema;
import dev.migrationguard.workspace.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fuzz-compares our Prisma parser with Prisma's own validator (the oracle's {@code validate.sh}): mutates real
 * schemas at random (a character deleted, a token inserted, a line doubled, a block comment put somewhere), and
 * for every mutant our parser rejects, asks Prisma. A mutant we reject and Prisma accepts is a bug of ours, printed
 * in full; the run ends with the counts.
 *
 * <p>Usage: {@code PrismaParseCheck --validate PATH/validate.sh [--mutants N] [--seed S] [--prisma6] FILE.prisma...}
 */
public final class PrismaParseCheck {
    private static final String[] TOKENS = {"/*", "*/", "/* c */", "/* a\nb */", "{", "}", "@", "@@", "(", ")",
        "\"", "//", "\n", "?", "[]", "=", ",", ":", " ", "model ", "@id", "@default(", "Int", "."};

    private PrismaParseCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path validate = Path.of("../shared/oracle/validate.sh");
        int mutants = 200;
        long seed = 1;
        boolean prisma6 = false;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--validate" -> validate = Path.of(args[++i]);
                case "--mutants" -> mutants = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--prisma6" -> prisma6 = true;
                default -> files.add(Path.of(args[i]));
            }
        }
        Random random = new Random(seed);
        Path work = Files.createTempDirectory("prisma-parse-check");
        Path mutantFile = work.resolve("schema.prisma");
        int rejected = 0;
        int disagreements = 0;
        int total = 0;
        for (Path file : files) {
            String original = Files.readString(file);
            List<PrismaProblem> own = parse(original);
            if (!own.isEmpty()) {
                System.out.println("the original " + file + " is rejected by our parser: " + own.get(0).message());
            }
            for (int n = 0; n < mutants; n++) {
                String mutant = mutate(original, random);
                total++;
                List<PrismaProblem> problems = parse(mutant);
                if (problems.isEmpty()) {
                    continue;
                }
                rejected++;
                Files.writeString(mutantFile, mutant);
                ProcessBuilder builder = new ProcessBuilder(validate.toAbsolutePath().toString(),
                        mutantFile.toString()).redirectErrorStream(true);
                builder.environment().put("ORACLE_STRIP_DATASOURCE_URLS", "1");
                if (prisma6) {
                    builder.environment().put("ORACLE_PRISMA", "6");
                }
                Process p = builder.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() == 0) {
                    disagreements++;
                    System.out.println("== we reject, Prisma accepts (mutant of " + file + "): "
                            + problems.get(0).message() + " at offset " + problems.get(0).start());
                    System.out.println(excerpt(mutant, problems.get(0).start()));
                } else if (out.isBlank()) {
                    System.out.println("validate.sh failed without a message");
                }
            }
        }
        Files.deleteIfExists(mutantFile);
        Files.deleteIfExists(work);
        System.out.println(total + " mutants, " + rejected + " rejected by our parser, " + disagreements
                + " of those accepted by Prisma");
        System.exit(disagreements == 0 ? 0 : 1);
    }

    private static List<PrismaProblem> parse(String text) {
        PrismaSchema schema = PrismaParser.parse(new SourceFile("schema.prisma", text));
        return schema.problems();
    }

    private static String mutate(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        switch (random.nextInt(4)) {
            case 0 -> {
                return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            }
            case 1 -> {
                return text.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + text.substring(at);
            }
            case 2 -> {
                int start = text.lastIndexOf('\n', Math.max(at - 1, 0)) + 1;
                int end = text.indexOf('\n', at);
                end = end < 0 ? text.length() : end + 1;
                return text.substring(0, end) + text.substring(start, end) + text.substring(end);
            }
            default -> {
                // A block comment at the start or the end of a line, where Prisma allows one.
                int lineStart = text.lastIndexOf('\n', Math.max(at - 1, 0)) + 1;
                int lineEnd = text.indexOf('\n', at);
                return random.nextBoolean() ? text.substring(0, lineStart) + "/* x */ " + text.substring(lineStart)
                        : lineEnd < 0 ? text + " /* x */" : text.substring(0, lineEnd) + " /* x */"
                        + text.substring(lineEnd);
            }
        }
    }

    private static String excerpt(String text, int offset) {
        int from = text.lastIndexOf('\n', Math.max(offset - 200, 0));
        int to = text.indexOf('\n', Math.min(offset + 120, text.length()));
        return text.substring(Math.max(from, 0), to < 0 ? text.length() : to);
    }
}
