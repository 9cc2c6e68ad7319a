package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code sh} steps of a Jenkinsfile: {@code sh 'cmd'}, {@code sh "cmd"}, {@code sh '''...'''},
 * {@code sh(script: """...""", returnStdout: true)}. Groovy escapes are decoded with offsets kept; GString
 * interpolation ({@code ${env.X}}) stays text. Steps in comments are skipped.
 */
final class JenkinsfileReader {
    private static final Pattern SH_STEP = Pattern.compile(
            "\\bsh\\s*\\(?\\s*(?:script\\s*:\\s*)?('''|\"\"\"|'|\")");

    private JenkinsfileReader() {
    }

    static void read(SourceFile file, List<ScriptSource> out) {
        String text = file.text();
        Matcher m = SH_STEP.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            if (inComment(text, m.start())) {
                from = m.end();
                continue;
            }
            String quote = m.group(1);
            MappedText.Builder b = MappedText.builder(m.end());
            int i = m.end();
            boolean closed = false;
            while (i < text.length()) {
                if (text.startsWith(quote, i)) {
                    closed = true;
                    break;
                }
                char c = text.charAt(i);
                if (quote.length() == 1 && c == '\n') {
                    break;
                }
                if (c == '\\' && i + 1 < text.length()) {
                    char e = text.charAt(i + 1);
                    char decoded = switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> e;
                    };
                    if (e == '\n') {
                        // a backslash at the end of a line continues the string without a break
                        i += 2;
                        continue;
                    }
                    b.append(decoded, i, i + 2);
                    i += 2;
                    continue;
                }
                b.append(c, i, i + 1);
                i++;
            }
            if (closed) {
                out.add(new ScriptSource(file, ScriptKind.CI_CONFIG, ScriptContext.CI, "an `sh` step", null,
                        ShellParser.parse(b.build()), ""));
            }
            from = Math.max(i + quote.length(), m.end());
        }
    }

    /**
     * Whether a position is inside a {@code //} line comment or a block comment whose {@code /*} starts a line
     * (a {@code /*} inside a string, such as {@code rm -rf dist/*}, does not open one).
     */
    private static boolean inComment(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        if (text.substring(lineStart, at).contains("//")) {
            return true;
        }
        boolean block = false;
        for (String line : text.substring(0, lineStart).split("\n", -1)) {
            String t = line.strip();
            if (!block && t.startsWith("/*")) {
                block = !t.contains("*/");
            } else if (block && t.contains("*/")) {
                block = false;
            }
        }
        return block || text.substring(lineStart, at).strip().startsWith("/*");
    }
}
