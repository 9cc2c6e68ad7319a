package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Makefile recipes: tab-indented lines under a target, with the {@code @}, {@code -} and {@code +} prefixes
 * removed, make's {@code $$} turned into the shell's {@code $}, and variables defined in the same file expanded
 * ({@code $(PRISMA) db push} with {@code PRISMA = npx prisma}; expanded text maps to the reference). Unknown
 * variables and functions stay opaque words. Each target is a unit for chains: prerequisites and
 * {@code $(MAKE) target} calls make a target's recipes run in the caller's context.
 */
final class MakefileReader {
    private static final Pattern DIRECTIVE = Pattern.compile("(ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude)\\b.*");
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(?:export\\s+|override\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*(\\?=|:=|::=|\\+=|=|!=)\\s*(.*)$");
    private static final Pattern RULE = Pattern.compile("^([^:=#\\t][^:=#]*?)\\s*::?(?![=])(.*)$");
    private static final int MAX_EXPANSION = 8;
    /** Variables that expand to more than this many characters stay opaque (a hostile Makefile must not explode). */
    private static final int MAX_EXPANDED_CHARS = 1 << 16;

    /** What was read: the recipe lines and, per target, the targets it runs. */
    record Result(List<ScriptSource> sources, Map<String, List<String>> edges) {
    }

    private MakefileReader() {
    }

    static Result read(SourceFile file, ScriptContext fileContext) {
        Map<String, String> vars = variables(file);
        List<ScriptSource> sources = new ArrayList<>();
        Map<String, List<String>> edges = new LinkedHashMap<>();
        List<String> targets = List.of();
        String text = file.text();
        boolean inDefine = false;
        int lines = file.lineCount();
        for (int line = 1; line <= lines; line++) {
            String content = file.lineText(line);
            if (inDefine) {
                inDefine = !content.strip().equals("endef");
                continue;
            }
            if (content.startsWith("\t") && !targets.isEmpty()) {
                int start = file.offset(line, 1);
                // a recipe line continued with a backslash goes on; make drops the next line's leading tab
                MappedText.Builder b = MappedText.builder(start + 1);
                int current = line;
                boolean first = true;
                while (current <= lines) {
                    String part = file.lineText(current);
                    int from = file.offset(current, 1);
                    int skip = part.startsWith("\t") ? 1 : 0;
                    if (first) {
                        while (skip < part.length() && "@-+ \t".indexOf(part.charAt(skip)) >= 0) {
                            skip++;
                        }
                    }
                    expand(text, from + skip, from + part.length(), vars, b, 0);
                    if (part.endsWith("\\") && current < lines) {
                        b.append('\n', from + part.length(), from + part.length() + 1);
                        current++;
                        first = false;
                    } else {
                        break;
                    }
                }
                line = current;
                for (String target : targets) {
                    ScriptContext context = ContextRules.forName(target).strongest(fileContext);
                    sources.add(new ScriptSource(file, ScriptKind.MAKEFILE, context, "the recipe of target `" + target + "`",
                            target, ShellParser.parse(b.build())));
                    break;
                }
                for (String target : targets.subList(1, targets.size())) {
                    edges.computeIfAbsent(target, k -> new ArrayList<>()).add(targets.get(0));
                }
                continue;
            }
            String stripped = content.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (stripped.startsWith("define ")) {
                inDefine = true;
                continue;
            }
            if (DIRECTIVE.matcher(stripped).matches()) {
                continue;
            }
            Matcher assignment = ASSIGNMENT.matcher(content);
            Matcher rule = RULE.matcher(content);
            if (rule.matches() && !assignment.matches()) {
                List<String> names = new ArrayList<>();
                for (String name : rule.group(1).trim().split("\\s+")) {
                    if (!name.isEmpty() && !name.startsWith(".")) {
                        names.add(name);
                    }
                }
                targets = names;
                String after = rule.group(2);
                int semicolon = after.indexOf(';');
                String prerequisites = semicolon >= 0 ? after.substring(0, semicolon) : after;
                for (String target : names) {
                    List<String> next = edges.computeIfAbsent(target, k -> new ArrayList<>());
                    for (String pre : prerequisites.trim().split("\\s+")) {
                        if (!pre.isEmpty() && !pre.contains("$") && !pre.equals("|")) {
                            next.add(pre);
                        }
                    }
                }
                if (semicolon >= 0 && !names.isEmpty()) {
                    int from = file.offset(line, 1) + rule.start(2) + semicolon + 1;
                    MappedText.Builder b = MappedText.builder(from);
                    expand(text, from, file.offset(line, 1) + content.length(), vars, b, 0);
                    sources.add(new ScriptSource(file, ScriptKind.MAKEFILE,
                            ContextRules.forName(names.get(0)).strongest(fileContext),
                            "the recipe of target `" + names.get(0) + "`", names.get(0), ShellParser.parse(b.build())));
                }
            } else {
                targets = List.of();
            }
        }
        // a recipe calling `make x` or `$(MAKE) x` runs target x
        for (ScriptSource source : sources) {
            for (ShellCommand command : source.script().commands()) {
                List<Word> w = CommandWords.unwrap(command.words());
                if (!w.isEmpty() && (CommandWords.basename(w.get(0).text()).equals("make")
                        || w.get(0).text().equals("${MAKE}"))) {
                    for (Word arg : w.subList(1, w.size())) {
                        if (!arg.text().startsWith("-") && !arg.text().contains("=")) {
                            edges.computeIfAbsent(source.unit(), k -> new ArrayList<>()).add(arg.text());
                        }
                    }
                }
            }
        }
        return new Result(sources, edges);
    }

    /** Simple variables defined in the file (the last definition wins; {@code ?=} only when undefined). */
    private static Map<String, String> variables(SourceFile file) {
        Map<String, String> vars = new HashMap<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            String content = file.lineText(line);
            if (content.startsWith("\t")) {
                continue;
            }
            Matcher m = ASSIGNMENT.matcher(content);
            if (m.matches() && !m.group(2).equals("!=")) {
                String name = m.group(1);
                String value = m.group(3);
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment);
                }
                switch (m.group(2)) {
                    case "?=" -> vars.putIfAbsent(name, value.strip());
                    case "+=" -> vars.merge(name, value.strip(), (a, b) -> a + " " + b);
                    default -> vars.put(name, value.strip());
                }
            }
        }
        return vars;
    }

    /**
     * Appends {@code text[from, to)} with make's expansion: {@code $$} is {@code $}; a known {@code $(NAME)} or
     * {@code ${NAME}} is its value, every character mapped to the reference; anything else stays {@code ${...}}, an
     * opaque shell word.
     */
    private static void expand(String text, int from, int to, Map<String, String> vars, MappedText.Builder b, int depth) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= to) {
                b.append(c, i, i + 1);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                b.append('$', i, i + 2);
                i += 2;
            } else if (next == '(' || next == '{') {
                char close = next == '(' ? ')' : '}';
                int level = 0;
                int j = i + 1;
                for (; j < to; j++) {
                    char d = text.charAt(j);
                    if (d == next) {
                        level++;
                    } else if (d == close && --level == 0) {
                        break;
                    }
                }
                int end = Math.min(j + 1, to);
                String name = text.substring(i + 2, Math.max(i + 2, end - 1));
                String value = vars.get(name);
                String expanded = value != null && depth < MAX_EXPANSION ? expandValue(value, vars, depth + 1) : null;
                if (expanded != null && b.length() + expanded.length() <= MAX_EXPANDED_CHARS) {
                    b.appendAll(expanded, i, end);
                } else {
                    b.appendAll("${" + name.replaceAll("[^A-Za-z0-9_]", "_") + "}", i, end);
                }
                i = end;
            } else {
                // automatic variables ($@, $<) and one-letter names
                b.append('$', i, i + 1);
                b.append(next, i + 1, i + 2);
                i += 2;
            }
        }
    }

    private static String expandValue(String value, Map<String, String> vars, int depth) {
        MappedText.Builder b = MappedText.builder(0);
        expand(value, 0, value.length(), vars, b, depth);
        return b.length() > MAX_EXPANDED_CHARS ? null : b.build().text();
    }
}
