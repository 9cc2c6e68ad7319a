package dev.migrationguard.scripts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tokenizes POSIX/bash script text into simple commands, the way the shell splits it: quotes, backslash escapes,
 * line continuations, {@code #} comments at word start, the operators {@code && || ; | & ( )}, redirections,
 * here-documents (bodies are data), reserved words, {@code NAME=value} prefixes, and commands inside {@code $(...)}
 * and backticks. The strings run by {@code sh -c}, {@code bash -c}, {@code eval}, {@code ssh host '...'} and
 * here-documents fed to a bare {@code sh}/{@code bash} are tokenized again as scripts, offsets mapped back to the
 * file. It never throws on bad input: what it cannot read becomes a {@link ShellScript.Problem}.
 */
public final class ShellParser {
    /** Scripts inside strings inside scripts: deeper than this is not followed. */
    private static final int MAX_STRING_DEPTH = 6;
    /** Nested {@code $(...)} deeper than this is skipped as text (hostile input must not exhaust the stack). */
    private static final int MAX_NESTING = 64;

    private final MappedText in;
    private final int n;
    private final int depth;
    private int pos;
    private int nesting;
    private int caseDepth;
    private boolean casePattern;
    /** Open {@code { ... }} and {@code ( ... )} groups around the current command. */
    private int groupDepth;
    private final List<Builder> own = new ArrayList<>();
    private final List<ShellCommand> nested = new ArrayList<>();
    private final List<ShellScript.Problem> problems = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();

    private ShellParser(MappedText in, int depth) {
        this.in = in;
        this.n = in.length();
        this.depth = depth;
    }

    /** Tokenizes a whole script. */
    public static ShellScript parse(MappedText text) {
        return parse(text, 0);
    }

    static ShellScript parse(MappedText text, int depth) {
        ShellScript script = finishSub(new ShellParser(text, depth));
        List<ShellCommand> all = new ArrayList<>(script.commands());
        all.sort(Comparator.comparingInt(ShellCommand::start));
        return new ShellScript(all, script.problems());
    }

    /**
     * A command given as a list of words, without a shell (Docker's exec form, a compose list): one command, plus the
     * scripts it runs when it is {@code sh -c "..."} and the like.
     */
    public static ShellScript ofWords(List<Word> words) {
        ShellCommand c = new ShellCommand(List.of(), words, List.of());
        List<ShellCommand> all = new ArrayList<>();
        all.add(c);
        List<ShellScript.Problem> problems = new ArrayList<>();
        ShellParser p = new ShellParser(MappedText.builder(0).build(), 0);
        p.expand(c, all);
        problems.addAll(p.problems);
        all.sort(Comparator.comparingInt(ShellCommand::start));
        return new ShellScript(all, problems);
    }

    // ---- strings that are scripts

    private void expand(ShellCommand command, List<ShellCommand> out) {
        if (depth >= MAX_STRING_DEPTH) {
            return;
        }
        List<Word> words = CommandWords.unwrap(command.words());
        if (words.isEmpty()) {
            return;
        }
        String program = CommandWords.basename(words.get(0).text());
        List<MappedText> scripts = scriptsRunBy(program, words, command);
        CommandWords.tool(words).filter(t -> t.name().equals("concurrently"))
                .ifPresent(t -> scripts.addAll(concurrentlyCommands(t.arguments())));
        for (MappedText script : scripts) {
            ShellScript inner = parse(script, depth + 1);
            out.addAll(inner.commands());
            problems.addAll(inner.problems());
        }
    }

    private static List<MappedText> scriptsRunBy(String program, List<Word> words, ShellCommand command) {
        List<MappedText> scripts = new ArrayList<>();
        switch (program) {
            case "sh", "bash", "zsh", "dash", "ash", "ksh" -> {
                boolean hasC = false;
                boolean hasOperand = false;
                for (int i = 1; i < words.size(); i++) {
                    Word w = words.get(i);
                    String t = w.text();
                    if (hasC) {
                        scripts.add(w.value());
                        return scripts;
                    }
                    if (t.equals("--")) {
                        continue;
                    }
                    if (t.startsWith("-") && t.length() > 1 && !t.startsWith("--")) {
                        if (t.indexOf('c') > 0) {
                            hasC = true;
                        } else if (t.equals("-o") || t.equals("+o")) {
                            i++;
                        }
                    } else if (t.startsWith("--")) {
                        continue;
                    } else {
                        hasOperand = true;
                        break;
                    }
                }
                if (!hasC && !hasOperand) {
                    for (HereDoc doc : command.hereDocs()) {
                        scripts.add(doc.body());
                    }
                }
            }
            case "cross-env-shell" -> {
                // cross-env-shell NAME=value "command line": the words after the assignments are one script
                int i = 1;
                while (i < words.size() && words.get(i).text().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                    i++;
                }
                MappedText joined = join(words, i, words.size());
                if (joined != null) {
                    scripts.add(joined);
                }
            }
            case "sops" -> {
                // sops exec-env FILE 'command line'
                if (words.size() > 3 && words.get(1).text().equals("exec-env")) {
                    scripts.add(words.get(words.size() - 1).value());
                }
            }
            case "eval" -> {
                MappedText joined = join(words, 1, words.size());
                if (joined != null) {
                    scripts.add(joined);
                }
            }
            case "ssh" -> {
                int i = 1;
                while (i < words.size() && words.get(i).text().startsWith("-")) {
                    String t = words.get(i).text();
                    i += t.length() == 2 && "bcDEeFIiJLlmOopQRSWw".indexOf(t.charAt(1)) >= 0 ? 2 : 1;
                }
                // words[i] is the host; what follows is one remote command line
                MappedText joined = join(words, i + 1, words.size());
                if (joined != null) {
                    scripts.add(joined);
                }
            }
            default -> {
            }
        }
        return scripts;
    }

    /** {@code concurrently "npx prisma db push" "npm:dev"}: each argument is a command line of its own. */
    private static List<MappedText> concurrentlyCommands(List<Word> args) {
        List<MappedText> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i).text();
            if (t.startsWith("-")) {
                if (!t.contains("=") && java.util.Set.of("-n", "--names", "-c", "--prefix-colors", "-p", "--prefix",
                        "-s", "--success", "-m", "--max-processes", "-t", "--timestamp-format", "-l", "--prefix-length",
                        "--restart-tries", "--restart-after", "--default-input-target", "--name-separator",
                        "--pad-prefix", "-P", "--passthrough-arguments").contains(t)) {
                    i++;
                }
                continue;
            }
            out.add(args.get(i).value());
        }
        return out;
    }

    /** Words joined by single spaces, as {@code eval} and {@code ssh} do; each space maps to the end of its word. */
    private static MappedText join(List<Word> words, int from, int to) {
        if (from >= to) {
            return null;
        }
        MappedText.Builder b = MappedText.builder(words.get(from).start());
        for (int i = from; i < to; i++) {
            MappedText v = words.get(i).value();
            if (i > from) {
                b.append(' ', words.get(i - 1).end(), words.get(i - 1).end());
            }
            b.append(v, 0, v.length());
        }
        return b.build();
    }

    // ---- command lists

    private final class Builder {
        final List<Word> assignments = new ArrayList<>();
        final List<Word> words = new ArrayList<>();
        final List<HereDoc> hereDocs = new ArrayList<>();
        /** A header whose words are not a command: {@code for x in ...}, {@code function f}. */
        boolean header;
        /** Between {@code case} and {@code in}. */
        boolean caseHeader;

        boolean isEmpty() {
            return assignments.isEmpty() && words.isEmpty();
        }

        /** Inside {@code [[ ... ]]}, where parentheses group, {@code &&} and {@code ||} join tests. */
        boolean inConditional() {
            return !words.isEmpty() && isBare(words.get(0), "[[") && (words.size() == 1 || !isBare(words.get(words.size() - 1), "]]"));
        }

        /** Right after {@code =~} in {@code [[ ... ]]}: the next word is a regular expression. */
        boolean expectsRegex() {
            return words.size() > 1 && isBare(words.get(words.size() - 1), "=~") && inConditional();
        }

        /** The control operator after the command, its group depth and whether it is tested. */
        String operator = "";
        int depth;
        boolean tested;

        ShellCommand build() {
            return new ShellCommand(assignments, words, hereDocs, new ShellCommand.Flow(operator, depth, tested));
        }
    }

    private record Pending(Builder command, String delimiter, boolean quoted, boolean stripTabs) {
    }

    private Builder finish(Builder cmd) {
        return finish(cmd, operatorAt());
    }

    private Builder finish(Builder cmd, String operator) {
        if (!cmd.header && !cmd.caseHeader && !cmd.isEmpty()) {
            cmd.operator = operator;
            cmd.depth = groupDepth;
            own.add(cmd);
        }
        return new Builder();
    }

    /** The control operator a command is finished at: the callers stand on it ({@code )} says so itself). */
    private String operatorAt() {
        char c = pos < n ? in.charAt(pos) : '\0';
        return switch (c) {
            case '|' -> peek(1) == '|' ? "||" : "|";
            case '&' -> peek(1) == '&' ? "&&" : "&";
            case ';' -> ";";
            case '\n' -> "\n";
            case '(' -> "(";
            default -> "";
        };
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < n ? in.charAt(i) : '\0';
    }

    private void problem(int from, int to, String message) {
        problems.add(new ShellScript.Problem(in.start(Math.min(from, n)), in.endBefore(Math.min(to, n)), message));
    }

    /** Reads commands until the end of the text, or until the {@code )} closing a command substitution. */
    private void parseList(boolean substitution) {
        int open = pos - 2;
        Builder cmd = new Builder();
        int parens = 0;
        while (pos < n) {
            char c = in.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && (peek(1) == '\n' || peek(1) == '\r' && peek(2) == '\n')) {
                pos += peek(1) == '\n' ? 2 : 3;
            } else if (c == '\n') {
                cmd = finish(cmd);
                pos++;
                if (!pending.isEmpty()) {
                    readHereDocBodies();
                }
            } else if (cmd.expectsRegex() && c != ';' && c != '&' && c != '|') {
                cmd = accept(cmd, readRegexWord());
            } else if (cmd.inConditional() && (c == '(' || c == ')')) {
                pos++;
            } else if (cmd.inConditional() && (c == '&' && peek(1) == '&' || c == '|' && peek(1) == '|')) {
                pos += 2;
            } else if (c == '#') {
                while (pos < n && in.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == ';') {
                cmd = finish(cmd);
                pos++;
                if (peek(0) == ';' || peek(0) == '&') {
                    pos += peek(0) == ';' && peek(1) == '&' ? 2 : 1;
                    casePattern = caseDepth > 0;
                }
            } else if (c == '&' && peek(1) == '>') {
                readRedirect();
            } else if (c == '&') {
                cmd = finish(cmd);
                pos += peek(1) == '&' ? 2 : 1;
            } else if (c == '|') {
                if (!casePattern) {
                    cmd = finish(cmd);
                }
                pos += peek(1) == '|' || peek(1) == '&' ? 2 : 1;
            } else if (c == '(') {
                if (casePattern) {
                    pos++;
                } else if (peek(1) == '(' && (cmd.isEmpty() || cmd.header)) {
                    // (( arithmetic )) and for (( i = 0; ... ))
                    skipArithmetic(pos + 2);
                } else if (!cmd.words.isEmpty() || cmd.header) {
                    // `name() { ... }` defines a function: its name is not a command
                    pos++;
                    while (pos < n && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t')) {
                        pos++;
                    }
                    if (peek(0) == ')') {
                        pos++;
                    }
                    cmd = new Builder();
                } else {
                    cmd = finish(cmd);
                    parens++;
                    groupDepth++;
                    pos++;
                }
            } else if (c == ')') {
                pos++;
                if (casePattern) {
                    casePattern = false;
                    cmd = new Builder();
                } else if (parens > 0) {
                    cmd = finish(cmd, ")");
                    parens--;
                    groupDepth = Math.max(0, groupDepth - 1);
                } else if (substitution) {
                    finish(cmd, ")");
                    return;
                } else {
                    problem(pos - 1, pos, "unmatched ')'");
                    cmd = finish(cmd);
                }
            } else if ((c == '<' || c == '>') && peek(1) == '(') {
                cmd = accept(cmd, readProcessSubstitution());
            } else if (c == '<' || c == '>') {
                readRedirect(cmd);
            } else if (c >= '0' && c <= '9' && fdRedirectAhead()) {
                while (in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
                    pos++;
                }
                readRedirect(cmd);
            } else {
                cmd = accept(cmd, readWord());
            }
        }
        if (substitution) {
            problem(Math.max(open, 0), n, "unterminated command substitution '$('");
        }
        finish(cmd);
    }

    private Builder accept(Builder cmd, Word w) {
        String t = w.text();
        boolean bare = !w.quoted();
        if (casePattern) {
            if (bare && t.equals("esac")) {
                casePattern = false;
                caseDepth = Math.max(0, caseDepth - 1);
            }
            return cmd;
        }
        if (cmd.caseHeader) {
            if (bare && t.equals("in")) {
                caseDepth++;
                casePattern = true;
                return new Builder();
            }
            return cmd;
        }
        if (cmd.header) {
            if (bare && t.equals("{")) {
                return new Builder();
            }
            return cmd;
        }
        if (cmd.words.isEmpty() && bare) {
            switch (t) {
                case "if", "elif", "while", "until", "!" -> {
                    cmd.tested = true;
                    return cmd;
                }
                case "{" -> {
                    groupDepth++;
                    return cmd;
                }
                case "}" -> {
                    groupDepth = Math.max(0, groupDepth - 1);
                    return cmd;
                }
                case "then", "else", "do", "fi", "done" -> {
                    return cmd;
                }
                case "esac" -> {
                    caseDepth = Math.max(0, caseDepth - 1);
                    return cmd;
                }
                case "for", "select", "function" -> {
                    cmd.header = true;
                    return cmd;
                }
                case "case" -> {
                    cmd.caseHeader = true;
                    return cmd;
                }
                default -> {
                }
            }
        }
        if (cmd.words.isEmpty() && isAssignment(w)) {
            cmd.assignments.add(w);
            return cmd;
        }
        cmd.words.add(w);
        return cmd;
    }

    /** {@code NAME=value} with an unquoted name. */
    private static boolean isAssignment(Word w) {
        String t = w.text();
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        int nameEnd = t.charAt(eq - 1) == '+' ? eq - 1 : eq;
        int bracket = t.indexOf('[');
        if (bracket > 0 && bracket < nameEnd) {
            nameEnd = bracket;
        }
        if (nameEnd <= 0 || !(Character.isLetter(t.charAt(0)) || t.charAt(0) == '_')) {
            return false;
        }
        for (int i = 0; i < nameEnd; i++) {
            char c = t.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_') || w.value().start(i) != w.start() + i) {
                return false;
            }
        }
        return true;
    }

    private boolean fdRedirectAhead() {
        int i = pos;
        while (i < n && in.charAt(i) >= '0' && in.charAt(i) <= '9') {
            i++;
        }
        return i < n && (in.charAt(i) == '<' || in.charAt(i) == '>');
    }

    private void readRedirect() {
        readRedirect(null);
    }

    private void readRedirect(Builder cmd) {
        int opStart = pos;
        boolean hereDoc = false;
        boolean stripTabs = false;
        char c = in.charAt(pos);
        if (c == '&') {
            pos += peek(2) == '>' ? 3 : 2;
        } else if (c == '<') {
            if (peek(1) == '<' && peek(2) == '<') {
                pos += 3;
            } else if (peek(1) == '<') {
                hereDoc = true;
                pos += 2;
                if (peek(0) == '-') {
                    stripTabs = true;
                    pos++;
                }
            } else if (peek(1) == '&' || peek(1) == '>') {
                pos += 2;
            } else {
                pos++;
            }
        } else {
            pos += peek(1) == '>' || peek(1) == '&' || peek(1) == '|' ? 2 : 1;
        }
        while (pos < n && (in.charAt(pos) == ' ' || in.charAt(pos) == '\t')) {
            pos++;
        }
        if (!hereDoc && (peek(0) == '<' || peek(0) == '>') && peek(1) == '(') {
            // `done < <(cmd)`: bash's way to feed a loop from a command; the commands inside run.
            readProcessSubstitution();
            return;
        }
        if (pos >= n || " \t\n;&|()<>".indexOf(in.charAt(pos)) >= 0) {
            problem(opStart, pos, "redirection without a target");
            return;
        }
        Word target = readWord();
        if (hereDoc) {
            pending.add(new Pending(cmd == null ? new Builder() : cmd, target.text(), target.quoted(), stripTabs));
        }
    }

    private void readHereDocBodies() {
        List<Pending> docs = List.copyOf(pending);
        pending.clear();
        for (Pending p : docs) {
            MappedText.Builder body = MappedText.builder(in.start(pos));
            boolean closed = false;
            while (pos < n) {
                int lineStart = pos;
                int lineEnd = pos;
                while (lineEnd < n && in.charAt(lineEnd) != '\n') {
                    lineEnd++;
                }
                int contentStart = lineStart;
                if (p.stripTabs()) {
                    while (contentStart < lineEnd && in.charAt(contentStart) == '\t') {
                        contentStart++;
                    }
                }
                int contentEnd = lineEnd;
                if (contentEnd > contentStart && in.charAt(contentEnd - 1) == '\r') {
                    contentEnd--;
                }
                pos = lineEnd < n ? lineEnd + 1 : n;
                if (in.text().substring(contentStart, contentEnd).equals(p.delimiter())) {
                    closed = true;
                    break;
                }
                body.append(in, contentStart, pos);
            }
            if (!closed) {
                problem(n, n, "here-document ended by '" + p.delimiter() + "' is not terminated");
            }
            p.command().hereDocs.add(new HereDoc(p.delimiter(), p.quoted(), p.stripTabs(), body.build()));
        }
    }

    // ---- words

    /** What a word accumulates while it is read. */
    private static final class WordState {
        final MappedText.Builder value;
        boolean quoted;

        WordState(int origin) {
            value = MappedText.builder(origin);
        }
    }

    private static boolean endsWord(char c) {
        return " \t\r\n;&|()<>".indexOf(c) >= 0;
    }

    private Word readWord() {
        int start = pos;
        WordState w = new WordState(in.start(pos));
        while (pos < n) {
            char c = in.charAt(pos);
            if (endsWord(c)) {
                if (c == '(' && isArrayAssignmentOpen(w)) {
                    copyBalanced(w, '(', ')');
                    continue;
                }
                break;
            }
            switch (c) {
                case '\\' -> readBackslash(w, false);
                case '\'' -> readSingleQuoted(w);
                case '"' -> readDoubleQuoted(w);
                case '$' -> readDollar(w, false);
                case '`' -> readBackquote(w);
                default -> {
                    w.value.append(in, pos);
                    pos++;
                }
            }
        }
        if (pos == start) {
            // a lone operator character that no branch consumed: keep the parser moving
            w.value.append(in, pos);
            pos++;
        }
        return new Word(w.value.build(), in.start(start), in.endBefore(pos), w.quoted);
    }

    private static boolean isBare(Word w, String text) {
        return !w.quoted() && w.text().equals(text);
    }

    /**
     * The regular expression after {@code =~}: bash reads {@code (}, {@code )} and {@code |} in it as part of the
     * word, and blanks too inside parentheses; quotes and expansions are read as in any word.
     */
    private Word readRegexWord() {
        int start = pos;
        WordState w = new WordState(in.start(pos));
        int depth = 0;
        while (pos < n) {
            char c = in.charAt(pos);
            if (c == '\n' || depth == 0 && (c == ' ' || c == '\t' || c == '\r' || c == ';' || c == '&')) {
                break;
            }
            switch (c) {
                case '\\' -> readBackslash(w, false);
                case '\'' -> readSingleQuoted(w);
                case '"' -> readDoubleQuoted(w);
                case '$' -> readDollar(w, false);
                case '`' -> readBackquote(w);
                default -> {
                    depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                    w.value.append(in, pos);
                    pos++;
                }
            }
        }
        if (pos == start) {
            w.value.append(in, pos);
            pos++;
        }
        return new Word(w.value.build(), in.start(start), in.endBefore(pos), w.quoted);
    }

    private boolean isArrayAssignmentOpen(WordState w) {
        int len = w.value.length();
        return len > 1 && in.charAt(pos - 1) == '=';
    }

    private void copyBalanced(WordState w, char open, char close) {
        int depthCount = 0;
        while (pos < n) {
            char c = in.charAt(pos);
            w.value.append(in, pos);
            pos++;
            if (c == open) {
                depthCount++;
            } else if (c == close && --depthCount == 0) {
                return;
            }
        }
    }

    private boolean newlineAt(int i) {
        return i < n && (in.charAt(i) == '\n' || in.charAt(i) == '\r' && i + 1 < n && in.charAt(i + 1) == '\n');
    }

    private void readBackslash(WordState w, boolean inDoubleQuotes) {
        if (newlineAt(pos + 1)) {
            pos += in.charAt(pos + 1) == '\n' ? 2 : 3;
            return;
        }
        if (pos + 1 >= n) {
            w.value.append(in, pos);
            pos++;
            return;
        }
        char next = in.charAt(pos + 1);
        if (inDoubleQuotes && "$`\"\\".indexOf(next) < 0) {
            w.value.append(in, pos);
            pos++;
            return;
        }
        w.value.append(next, in.start(pos), in.end(pos + 1));
        w.quoted = true;
        pos += 2;
    }

    private void readSingleQuoted(WordState w) {
        int open = pos;
        w.quoted = true;
        pos++;
        while (pos < n && in.charAt(pos) != '\'') {
            w.value.append(in, pos);
            pos++;
        }
        if (pos >= n) {
            problem(open, n, "unterminated single quote");
        } else {
            pos++;
        }
    }

    private void readDoubleQuoted(WordState w) {
        int open = pos;
        w.quoted = true;
        pos++;
        while (pos < n) {
            char c = in.charAt(pos);
            if (c == '"') {
                pos++;
                return;
            }
            switch (c) {
                case '\\' -> readBackslash(w, true);
                case '$' -> readDollar(w, true);
                case '`' -> readBackquote(w);
                default -> {
                    w.value.append(in, pos);
                    pos++;
                }
            }
        }
        problem(open, n, "unterminated double quote");
    }

    private void readDollar(WordState w, boolean inDoubleQuotes) {
        int start = pos;
        char next = peek(1);
        if (next == '(' && peek(2) == '(') {
            skipArithmetic(pos + 3);
            w.value.append(in, start, pos);
        } else if (next == '(') {
            pos += 2;
            if (nesting >= MAX_NESTING) {
                problem(start, pos, "command substitutions nested too deeply to follow");
                pos = start + 1;
                copyBalanced(w, '(', ')');
                return;
            }
            int savedDepth = caseDepth;
            boolean savedPattern = casePattern;
            caseDepth = 0;
            casePattern = false;
            nesting++;
            parseList(true);
            nesting--;
            caseDepth = savedDepth;
            casePattern = savedPattern;
            w.value.append(in, start, pos);
        } else if (next == '{') {
            pos += 2;
            int braces = 1;
            while (pos < n && braces > 0) {
                char c = in.charAt(pos);
                if (c == '\\') {
                    pos++;
                } else if (c == '{') {
                    braces++;
                } else if (c == '}') {
                    braces--;
                }
                pos++;
            }
            if (braces > 0) {
                problem(start, n, "unterminated parameter expansion '${'");
            }
            w.value.append(in, start, Math.min(pos, n));
            pos = Math.min(pos, n);
        } else if (next == '\'' && !inDoubleQuotes) {
            readAnsiCQuoted(w);
        } else if (next == '"' && !inDoubleQuotes) {
            pos++;
        } else {
            w.value.append(in, pos);
            pos++;
        }
    }

    /** {@code <(cmd)} and {@code >(cmd)}: the commands inside run; the whole is one word of the outer command. */
    private Word readProcessSubstitution() {
        int start = pos;
        WordState w = new WordState(in.start(pos));
        // read like $( ... ): the opening character is followed by the parenthesis
        readDollar(w, false);
        MappedText.Builder raw = MappedText.builder(in.start(start));
        raw.append(in, start, pos);
        return new Word(raw.build(), in.start(start), in.endBefore(pos), false);
    }

    /** {@code $'...'}: bash's quoting with C escapes. */
    private void readAnsiCQuoted(WordState w) {
        int open = pos;
        w.quoted = true;
        pos += 2;
        while (pos < n && in.charAt(pos) != '\'') {
            if (in.charAt(pos) == '\\' && pos + 1 < n) {
                char e = in.charAt(pos + 1);
                char decoded = switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'a' -> '\u0007';
                    case 'b' -> '\b';
                    case 'e', 'E' -> '\u001b';
                    case 'f' -> '\f';
                    case 'v' -> '\u000b';
                    default -> e;
                };
                w.value.append(decoded, in.start(pos), in.end(pos + 1));
                pos += 2;
            } else {
                w.value.append(in, pos);
                pos++;
            }
        }
        if (pos >= n) {
            problem(open, n, "unterminated $'...' quote");
        } else {
            pos++;
        }
    }

    /** Skips {@code $(( ... ))} or {@code (( ... ))} from just inside the two opening parentheses. */
    private void skipArithmetic(int from) {
        int start = pos;
        pos = from;
        int parensOpen = 2;
        while (pos < n && parensOpen > 0) {
            char c = in.charAt(pos);
            if (c == '(') {
                parensOpen++;
            } else if (c == ')') {
                parensOpen--;
            }
            pos++;
        }
        if (parensOpen > 0) {
            problem(start, n, "unterminated arithmetic expression");
        }
    }

    private void readBackquote(WordState w) {
        int start = pos;
        pos++;
        MappedText.Builder inner = MappedText.builder(in.start(Math.min(pos, n)));
        while (pos < n && in.charAt(pos) != '`') {
            if (in.charAt(pos) == '\\' && pos + 1 < n && "$`\\".indexOf(in.charAt(pos + 1)) >= 0) {
                inner.append(in.charAt(pos + 1), in.start(pos), in.end(pos + 1));
                pos += 2;
            } else {
                inner.append(in, pos);
                pos++;
            }
        }
        if (pos >= n) {
            problem(start, n, "unterminated backquote");
        } else {
            pos++;
        }
        if (nesting < MAX_NESTING) {
            nesting++;
            ShellParser sub = new ShellParser(inner.build(), depth);
            sub.nesting = nesting;
            ShellScript script = finishSub(sub);
            nesting--;
            nested.addAll(script.commands());
            problems.addAll(script.problems());
        }
        w.value.append(in, start, pos);
    }

    private static ShellScript finishSub(ShellParser p) {
        p.parseList(false);
        if (!p.pending.isEmpty()) {
            p.readHereDocBodies();
        }
        List<ShellCommand> all = new ArrayList<>(p.nested);
        for (Builder b : p.own) {
            ShellCommand c = b.build();
            all.add(c);
            p.expand(c, all);
        }
        return new ShellScript(all, p.problems);
    }
}
