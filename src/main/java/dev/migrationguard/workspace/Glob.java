package dev.migrationguard.workspace;

import java.util.regex.Pattern;

/**
 * Path globs as users write them in config: {@code *} within one folder name, {@code **} across folders,
 * {@code ?} one character, {@code {a,b}} either alternative, {@code [ab]} / {@code [a-z]} / {@code [!ab]} one
 * character of a set (as git and {@code java.nio.file.PathMatcher} read them); a glob without a slash matches a name
 * at any depth, and a glob naming a folder matches everything under it.
 */
public final class Glob {
    private Glob() {
    }

    /** The pattern of a glob; an unclosed {@code {} or {@code [} is an {@link IllegalArgumentException}. */
    public static Pattern toPattern(String glob) {
        String g = glob.trim();
        if (g.startsWith("./")) {
            g = g.substring(2);
        }
        boolean anchored = g.startsWith("/") || g.contains("/") && !g.endsWith("/") && g.indexOf('/') < g.length() - 1;
        if (g.startsWith("/")) {
            g = g.substring(1);
        }
        if (g.endsWith("/")) {
            g = g + "**";
        }
        StringBuilder re = new StringBuilder();
        if (!anchored && !g.startsWith("**/")) {
            re.append("(?:.*/)?");
        }
        int braces = 0;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '{') {
                braces++;
                re.append("(?:");
            } else if (c == ',' && braces > 0) {
                re.append('|');
            } else if (c == '}' && braces > 0) {
                braces--;
                re.append(')');
            } else if (c == '[') {
                i = characterClass(g, i, re);
            } else if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                        i++;
                        re.append("(?:.*/)?");
                    } else {
                        re.append(".*");
                    }
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("glob '" + glob + "' has a '{' without its '}'");
        }
        // A glob that names a folder also names what is inside it.
        re.append("(?:/.*)?");
        return Pattern.compile(re.toString());
    }

    /** Appends the class {@code [...]} that starts at {@code open}; returns the index of its {@code ]}. */
    private static int characterClass(String g, int open, StringBuilder re) {
        int i = open + 1;
        boolean negated = i < g.length() && (g.charAt(i) == '!' || g.charAt(i) == '^');
        if (negated) {
            i++;
        }
        int first = i;
        // A ']' right after the opening (or after '!') is a member, as in git and PathMatcher.
        while (i < g.length() && (g.charAt(i) != ']' || i == first)) {
            i++;
        }
        if (i >= g.length()) {
            throw new IllegalArgumentException("glob '" + g + "' has a '[' without its ']'");
        }
        re.append(negated ? "[^/" : "[");
        for (int k = first; k < i; k++) {
            char c = g.charAt(k);
            if (c == '-' && k > first && k < i - 1) {
                re.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        re.append(']');
        return i;
    }

    /** The folder part of a glob before its first wildcard ("" when it can match anywhere). */
    static String literalPrefix(String glob) {
        String g = glob.trim();
        if (g.startsWith("./")) {
            g = g.substring(2);
        } else if (g.startsWith("/")) {
            g = g.substring(1);
        }
        int wildcard = g.length();
        for (int i = 0; i < g.length(); i++) {
            if ("*?[{".indexOf(g.charAt(i)) >= 0) {
                wildcard = i;
                break;
            }
        }
        if (!g.contains("/")) {
            return "";
        }
        String literal = g.substring(0, wildcard);
        int slash = literal.lastIndexOf('/');
        return slash < 0 ? "" : literal.substring(0, slash + 1);
    }
}
