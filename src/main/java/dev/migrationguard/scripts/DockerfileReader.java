package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code RUN}, {@code CMD} and {@code ENTRYPOINT} (also after {@code ONBUILD} and {@code HEALTHCHECK ... CMD})
 * from a Dockerfile: continuation lines joined as Docker joins them (the escape character and line break removed,
 * comment lines inside dropped), the shell form tokenized as a script, the exec form ({@code ["sh", "-c", "..."]})
 * read as words, and {@code RUN <<EOF} here-documents read as the script they are.
 */
final class DockerfileReader {
    private DockerfileReader() {
    }

    static void read(SourceFile file, ScriptContext context, List<ScriptSource> out) {
        String text = file.text();
        char escape = escapeDirective(file);
        int lines = file.lineCount();
        int line = 1;
        while (line <= lines) {
            String raw = file.lineText(line);
            String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                line++;
                continue;
            }
            // join continuation lines into one mapped instruction
            MappedText.Builder b = MappedText.builder(file.offset(line, 1));
            int current = line;
            while (current <= lines) {
                int start = file.offset(current, 1);
                String content = file.lineText(current);
                if (current > line && (content.strip().startsWith("#") || content.isBlank())) {
                    // comment and empty lines inside a continued instruction are dropped, as Docker does
                    current++;
                    continue;
                }
                int end = start + content.length();
                int trimmed = end;
                while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
                    trimmed--;
                }
                boolean continues = trimmed > start && text.charAt(trimmed - 1) == escape && current < lines;
                if (continues) {
                    appendRange(b, text, start, trimmed - 1);
                    current++;
                    continue;
                }
                appendRange(b, text, start, end);
                current++;
                break;
            }
            MappedText instruction = b.build();
            line = current;
            line = readInstruction(file, instruction, context, line, out);
        }
    }

    private static void appendRange(MappedText.Builder b, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            b.append(text.charAt(i), i, i + 1);
        }
    }

    /** Reads one joined instruction; returns the next line to read (after any here-document bodies). */
    private static int readInstruction(SourceFile file, MappedText instruction, ScriptContext context, int nextLine,
                                       List<ScriptSource> out) {
        String t = instruction.text();
        int i = skipSpaces(t, 0);
        int keywordEnd = wordEnd(t, i);
        String keyword = t.substring(i, keywordEnd).toUpperCase(Locale.ROOT);
        int args = skipSpaces(t, keywordEnd);
        if (keyword.equals("ONBUILD")) {
            return readInstruction(file, instruction.slice(args, t.length()), context, nextLine, out);
        }
        if (keyword.equals("HEALTHCHECK")) {
            int cmd = t.toUpperCase(Locale.ROOT).indexOf("CMD", args);
            if (cmd < 0) {
                return nextLine;
            }
            keyword = "HEALTHCHECK CMD";
            args = skipSpaces(t, cmd + 3);
        } else if (!keyword.equals("RUN") && !keyword.equals("CMD") && !keyword.equals("ENTRYPOINT")) {
            return nextLine;
        }
        if (keyword.equals("RUN")) {
            while (t.startsWith("--", args)) {
                args = skipSpaces(t, wordEnd(t, args));
            }
        }
        String origin = "the " + keyword + " instruction";
        MappedText rest = instruction.slice(args, t.length());
        if (rest.text().startsWith("[")) {
            List<Word> words = execForm(file.text(), rest);
            if (words != null) {
                out.add(new ScriptSource(file, ScriptKind.DOCKERFILE, context, origin, null, ShellParser.ofWords(words)));
                return nextLine;
            }
        }
        if (rest.text().contains("<<")) {
            return readHereDocs(file, rest, context, origin, nextLine, out);
        }
        out.add(new ScriptSource(file, ScriptKind.DOCKERFILE, context, origin, null, ShellParser.parse(rest)));
        return nextLine;
    }

    /**
     * BuildKit here-documents: the bodies follow the instruction line. {@code RUN <<EOF} runs its body as the script;
     * otherwise the line and its bodies are one shell script.
     */
    private static int readHereDocs(SourceFile file, MappedText rest, ScriptContext context, String origin,
                                    int nextLine, List<ScriptSource> out) {
        List<String> delimiters = new ArrayList<>();
        String t = rest.text();
        int at = t.indexOf("<<");
        while (at >= 0) {
            int d = at + 2;
            if (d < t.length() && t.charAt(d) == '-') {
                d++;
            }
            int end = wordEnd(t, d);
            String delimiter = t.substring(d, end).replace("\"", "").replace("'", "");
            if (!delimiter.isEmpty() && !delimiter.startsWith("<")) {
                delimiters.add(delimiter);
            }
            at = t.indexOf("<<", Math.max(end, at + 2));
        }
        int lines = file.lineCount();
        int line = nextLine;
        MappedText.Builder whole = MappedText.builder(rest.start(0));
        whole.append(rest, 0, rest.length());
        List<MappedText> bodies = new ArrayList<>();
        String text = file.text();
        for (String delimiter : delimiters) {
            MappedText.Builder body = MappedText.builder(line <= lines ? file.offset(line, 1) : text.length());
            while (line <= lines) {
                int start = file.offset(line, 1);
                int end = line < lines ? file.offset(line + 1, 1) : text.length();
                String content = file.lineText(line);
                line++;
                whole.append('\n', start, start);
                appendRange(whole, text, start, start + content.length());
                if (content.strip().equals(delimiter)) {
                    break;
                }
                appendRange(body, text, start, end);
            }
            bodies.add(body.build());
        }
        whole.append('\n', text.length(), text.length());
        if (t.startsWith("<<") && !bodies.isEmpty()) {
            out.add(new ScriptSource(file, ScriptKind.DOCKERFILE, context, origin, null, ShellParser.parse(bodies.get(0))));
        } else {
            out.add(new ScriptSource(file, ScriptKind.DOCKERFILE, context, origin, null, ShellParser.parse(whole.build())));
        }
        return line;
    }

    /** A JSON array of strings, each a word with its raw span; null when it is not one (then it is shell form). */
    private static List<Word> execForm(String text, MappedText rest) {
        List<Word> words = new ArrayList<>();
        String t = rest.text();
        int i = skipSpaces(t, 1);
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == ']') {
                return skipSpaces(t, i + 1) == t.length() ? words : null;
            }
            if (c == ',' && !words.isEmpty()) {
                i = skipSpaces(t, i + 1);
                continue;
            }
            if (c != '"' || rest.end(i) != rest.start(i) + 1) {
                return null;
            }
            int quote = rest.start(i);
            MappedText value = JsonStrings.decode(text, quote);
            if (value == null) {
                return null;
            }
            int rawEnd = value.length() == 0 ? quote + 2 : value.end(value.length() - 1) + 1;
            words.add(new Word(value, quote, rawEnd, true));
            // advance past the closing quote in the joined instruction
            int j = i + 1;
            while (j < t.length() && rest.start(j) < rawEnd) {
                j++;
            }
            i = skipSpaces(t, j);
        }
        return null;
    }

    /** The {@code # escape=`} parser directive at the top of the file, or backslash. */
    private static char escapeDirective(SourceFile file) {
        for (int line = 1; line <= file.lineCount(); line++) {
            String s = file.lineText(line).strip();
            if (!s.startsWith("#")) {
                break;
            }
            String d = s.substring(1).strip().toLowerCase(Locale.ROOT).replace(" ", "");
            if (d.startsWith("escape=") && d.length() > 7) {
                return s.charAt(s.length() - 1);
            }
        }
        return '\\';
    }

    private static int skipSpaces(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int wordEnd(String t, int i) {
        while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }
}
