package dev.migrationguard.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A command that runs package.json scripts of the same package: {@code npm run X}, {@code npm run-script X},
 * {@code npm start|test|stop|restart}, {@code pnpm [run] X}, {@code yarn [run] X}, {@code bun run X},
 * {@code run-s}/{@code run-p}/{@code npm-run-all} with name patterns, concurrently's {@code npm:X} shorthand. Calls into another package
 * ({@code --prefix}, {@code -w}, {@code --filter}, {@code --cwd}, {@code yarn workspace}) are not followed.
 *
 * @param pattern the script name, or an npm-run-all pattern with {@code *} (one {@code :}-separated segment) and
 *                {@code **} (any)
 * @param strict  whether it must be a script ({@code npm run}); otherwise it may also be a binary ({@code pnpm x})
 *                and is followed only when a script has that name
 * @param word      the word naming the script
 * @param forwarded the arguments passed on to the script ({@code npm run prisma -- db push} forwards {@code db push})
 */
public record ScriptCall(String pattern, boolean strict, Word word, List<Word> forwarded) {

    public ScriptCall {
        forwarded = List.copyOf(forwarded);
    }

    ScriptCall(String pattern, boolean strict, Word word) {
        this(pattern, strict, word, List.of());
    }

    /** The words after index {@code name}, without a leading {@code --}. */
    private static List<Word> after(List<Word> w, int name) {
        int from = name + 1;
        if (from < w.size() && w.get(from).text().equals("--")) {
            from++;
        }
        return from < w.size() ? w.subList(from, w.size()) : List.of();
    }

    private static final java.util.regex.Pattern SHORTHAND = java.util.regex.Pattern.compile("(npm|yarn|pnpm|bun):(.+)");
    private static final Set<String> NPM_RUN = Set.of("run", "run-script", "rum", "urn");
    private static final Set<String> LIFECYCLE = Set.of("start", "test", "stop", "restart");
    private static final Set<String> OTHER_PACKAGE = Set.of("--prefix", "-w", "--workspace", "--filter", "-F", "-C",
            "--dir", "--cwd", "-r", "--recursive", "--workspaces", "-ws");

    /** Whether a script name matches the pattern. */
    public boolean matches(String script) {
        if (!pattern.contains("*")) {
            return pattern.equals(script);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^:]*");
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return script.matches(re.toString());
    }

    /** The scripts a command runs (empty when it runs none). */
    public static List<ScriptCall> of(ShellCommand command) {
        List<Word> w = CommandWords.unwrap(command.words());
        List<ScriptCall> out = new ArrayList<>();
        if (w.isEmpty()) {
            return out;
        }
        String program = CommandWords.basename(w.get(0).text());
        java.util.regex.Matcher shorthand = SHORTHAND.matcher(program);
        if (w.size() == 1 && shorthand.matches()) {
            // concurrently's "npm:db:push" runs a script
            out.add(new ScriptCall(shorthand.group(2), false, w.get(0)));
            return out;
        }
        switch (program) {
            case "npm" -> {
                int i = firstOperand(w, 1);
                if (i < 0) {
                    return out;
                }
                String sub = w.get(i).text();
                if (NPM_RUN.contains(sub)) {
                    int s = firstOperand(w, i + 1);
                    if (s > 0) {
                        out.add(new ScriptCall(w.get(s).text(), true, w.get(s), after(w, s)));
                    }
                } else if (LIFECYCLE.contains(sub) || sub.equals("t") || sub.equals("tst")) {
                    out.add(new ScriptCall(sub.startsWith("t") && !sub.equals("test") ? "test" : sub, true, w.get(i)));
                }
            }
            case "pnpm", "yarn", "bun" -> {
                int i = firstOperand(w, 1);
                if (i < 0) {
                    return out;
                }
                String sub = w.get(i).text();
                if (sub.equals("run") || sub.equals("run-script")) {
                    int s = firstOperand(w, i + 1);
                    if (s > 0) {
                        out.add(new ScriptCall(w.get(s).text(), program.equals("pnpm"), w.get(s), after(w, s)));
                    }
                } else if (LIFECYCLE.contains(sub)) {
                    out.add(new ScriptCall(sub, !program.equals("bun"), w.get(i), after(w, i)));
                } else if (!program.equals("bun") && !sub.contains("/")) {
                    out.add(new ScriptCall(sub, false, w.get(i), after(w, i)));
                }
            }
            case "run-s", "run-p", "npm-run-all" -> {
                for (int i = 1; i < w.size(); i++) {
                    String t = w.get(i).text();
                    if (t.equals("--")) {
                        break;
                    }
                    if (t.startsWith("-")) {
                        if (t.equals("--max-parallel") || t.equals("--npm-path")) {
                            i++;
                        }
                        continue;
                    }
                    String name = t.strip();
                    int space = name.indexOf(' ');
                    out.add(new ScriptCall(space > 0 ? name.substring(0, space) : name, false, w.get(i)));
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** Index of the first non-option word from {@code from}, or -1 (also when the call targets another package). */
    private static int firstOperand(List<Word> w, int from) {
        for (int i = from; i < w.size(); i++) {
            String t = w.get(i).text();
            String name = t.contains("=") ? t.substring(0, t.indexOf('=')) : t;
            if (OTHER_PACKAGE.contains(name)) {
                return -1;
            }
            if (!t.startsWith("-")) {
                return i;
            }
        }
        return -1;
    }
}
