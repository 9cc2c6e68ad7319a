package dev.migrationguard.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tokenizer for JavaScript and TypeScript that knows what is code and what is not: string literals (with
 * escapes decoded), template literals (with nested {@code ${...}} expressions tokenized as code), regular
 * expression literals, and comments (dropped). Malformed input never throws: an unterminated literal ends at the
 * end of the file.
 */
public final class JsTokenizer {
    /** After these words an expression starts, so a {@code /} opens a regular expression. */
    private static final Set<String> REGEX_AFTER_WORD = Set.of(
            "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
            "yield", "await");
    /** Multi-character punctuators, longest first. */
    private static final List<String> PUNCTUATORS = List.of(
            ">>>=", "===", "!==", "**=", "<<=", ">>=", ">>>", "...", "&&=", "||=", "??=",
            "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
            "^=", "**", "<<", ">>");

    /**
     * Template literals nested deeper than this are read as text: each level is a recursive call, and 50,000 levels
     * would overflow the stack.
     */
    static final int MAX_TEMPLATE_NESTING = 200;

    private final String src;
    /** Shared with the tokenizers of nested template expressions, which append to it in place. */
    private final List<JsToken> out;
    /** Where this tokenizer's own tokens start in {@code out}. */
    private final int first;
    private final int nesting;
    private int pos;

    private JsTokenizer(String src, int start, List<JsToken> out, int nesting) {
        this.src = src;
        this.pos = start;
        this.out = out;
        this.first = out.size();
        this.nesting = nesting;
    }

    /**
     * The tokens of a file, made once however many models read it (the raw-SQL calls and the schema-sync settings both
     * read most TypeScript files). The list is shared: read it, never change it.
     */
    public static List<JsToken> tokens(dev.migrationguard.workspace.SourceFile file) {
        return file.derived(JsTokenizer.class, f -> java.util.Collections.unmodifiableList(tokenize(f.text())));
    }

    public static List<JsToken> tokenize(String source) {
        JsTokenizer t = new JsTokenizer(source, 0, new ArrayList<>(), 0);
        t.run(-1);
        return t.out;
    }

    /** Tokenizes until the end, or (for a template expression) until the brace that closes it. */
    private void run(int depthLimit) {
        int braces = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '/') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                pos = close < 0 ? src.length() : close + 2;
            } else if (c == '#' && pos == 0 && peek(1) == '!') {
                skipLineComment();
            } else if (c == '"' || c == '\'') {
                readString(c);
            } else if (c == '`') {
                readTemplate();
            } else if (Character.isJavaIdentifierStart(c) || c == '#') {
                int s = pos++;
                while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                out.add(new JsToken(JsToken.Kind.IDENTIFIER, s, pos, src.substring(s, pos)));
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(peek(1))) {
                int s = pos++;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                        || src.charAt(pos) == '_')) {
                    pos++;
                }
                out.add(new JsToken(JsToken.Kind.NUMBER, s, pos, src.substring(s, pos)));
            } else if (c == '/' && regexAllowed()) {
                readRegex();
            } else {
                if (depthLimit >= 0) {
                    if (c == '{') {
                        braces++;
                    } else if (c == '}') {
                        if (braces == 0) {
                            return;
                        }
                        braces--;
                    }
                }
                readPunctuation();
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private void skipLineComment() {
        while (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void readPunctuation() {
        for (String p : PUNCTUATORS) {
            if (src.startsWith(p, pos)) {
                add(p.length());
                return;
            }
        }
        add(1);
    }

    private void add(int length) {
        out.add(new JsToken(JsToken.Kind.PUNCTUATION, pos, pos + length, src.substring(pos, pos + length)));
        pos += length;
    }

    private boolean regexAllowed() {
        if (out.size() == first) {
            return true;
        }
        JsToken prev = out.get(out.size() - 1);
        return switch (prev.kind()) {
            case IDENTIFIER -> REGEX_AFTER_WORD.contains(prev.text());
            case NUMBER, STRING, TEMPLATE, REGEX -> false;
            case PUNCTUATION -> !(prev.text().equals(")") || prev.text().equals("]") || prev.text().equals("}")
                    || prev.text().equals("++") || prev.text().equals("--"));
        };
    }

    private void readRegex() {
        int s = pos++;
        boolean inClass = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            pos++;
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                break;
            }
        }
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
            pos++;
        }
        pos = Math.min(pos, src.length());
        out.add(new JsToken(JsToken.Kind.REGEX, s, pos, src.substring(s, pos)));
    }

    private void readString(char quote) {
        int s = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                break;
            }
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\') {
                pos = escape(value);
                continue;
            }
            value.append(c);
            pos++;
        }
        out.add(new JsToken(JsToken.Kind.STRING, s, pos, value.toString()));
    }

    /**
     * A template literal, then the tokens of its {@code ${...}} expressions, which are code. The template's own token
     * is set into a slot reserved before them, so nested templates cost no copying (copying each level's tokens
     * up was quadratic: 15,000 characters of nested templates took a second).
     */
    private void readTemplate() {
        int s = pos++;
        StringBuilder value = new StringBuilder();
        int slot = out.size();
        out.add(null);
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\') {
                pos = escape(value);
                continue;
            }
            if (c == '$' && peek(1) == '{' && nesting < MAX_TEMPLATE_NESTING) {
                JsTokenizer inner = new JsTokenizer(src, pos + 2, out, nesting + 1);
                inner.run(0);
                pos = Math.min(inner.pos + 1, src.length());
                value.append(JsToken.PLACEHOLDER);
                continue;
            }
            value.append(c);
            pos++;
        }
        out.set(slot, new JsToken(JsToken.Kind.TEMPLATE, s, pos, value.toString()));
    }

    /** Decodes the escape at {@code pos} into {@code value}; returns the offset after it. */
    private int escape(StringBuilder value) {
        char next = peek(1);
        int p = pos + 2;
        switch (next) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '0' -> value.append('\0');
            case '\r' -> {
                if (p < src.length() && src.charAt(p) == '\n') {
                    p++;
                }
            }
            case '\n' -> {
            }
            case '\0' -> p = Math.min(pos + 1, src.length());
            default -> value.append(next);
        }
        return Math.min(p, src.length());
    }
}
