package dev.migrationguard.scripts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.testing.InMemorySnapshot;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, reading scripts never throws and every site lies inside its file. */
class HostileInputTest {
    private static final String ALPHABET = "ab prisma db push npx -c sh \"'`$(){}[]<>|&;#\\\n\t=:*@,EOF<<-";

    private static String noise(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    @Test
    void randomScriptsInEveryFileKindParseWithoutThrowing() {
        Random random = new Random(20261124);
        List<String> paths = List.of("a.sh", "package.json", ".github/workflows/w.yml", "Dockerfile", "Makefile",
                "docker-compose.yml", "Procfile", ".husky/pre-push", "lefthook.yml", ".gitlab-ci.yml");
        for (int round = 0; round < 300; round++) {
            InMemorySnapshot s = new InMemorySnapshot();
            String body = noise(random, 1 + random.nextInt(400));
            for (String path : paths) {
                String content = switch (path) {
                    case "package.json" -> "{\"scripts\": {\"x\": \"" + body.replace("\\", "\\\\").replace("\"", "\\\"")
                            .replace("\n", "\\n").replace("\t", "\\t") + "\"}}";
                    case ".github/workflows/w.yml" -> "jobs:\n  a:\n    steps:\n      - run: |\n          "
                            + body.replace("\n", "\n          ");
                    case "Dockerfile" -> "FROM x\nRUN " + body;
                    case "Makefile" -> "A = $(B) $(B)\nB = " + body.replace("\n", " ") + "\nt:\n\t" + body.replace("\n", "\n\t");
                    default -> body;
                };
                s.put(path, content);
            }
            for (CommandSite site : s.model(CommandSites.KEY)) {
                int length = site.file().text().length();
                for (Word w : site.command().words()) {
                    assertTrue(0 <= w.start() && w.start() <= w.end() && w.end() <= length,
                            () -> "word " + w + " outside " + site.path() + " in round with body " + body);
                }
            }
        }
    }

    @Test
    void exponentialMakefileVariablesStayBounded() {
        StringBuilder makefile = new StringBuilder("V0 = x\n");
        for (int i = 1; i < 30; i++) {
            makefile.append("V").append(i).append(" = $(V").append(i - 1).append(") $(V").append(i - 1).append(")\n");
        }
        makefile.append("t:\n\techo $(V29)\n");
        InMemorySnapshot s = InMemorySnapshot.of("Makefile", makefile.toString());
        assertTrue(s.model(CommandSites.KEY).size() == 1);
    }

    @Test
    void deeplyNestedShDashCStopsFollowing() {
        String script = "x";
        for (int i = 0; i < 9; i++) {
            script = "sh -c '" + script.replace("'", "'\\''") + "'";
        }
        InMemorySnapshot s = InMemorySnapshot.of("a.sh", script);
        assertTrue(s.model(CommandSites.KEY).size() == 7, "sh -c strings are followed six levels deep");
    }
}
