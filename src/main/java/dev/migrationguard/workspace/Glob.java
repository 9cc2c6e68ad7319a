package dev.migrationguard.workspace;

import java.util.regex.Pattern;

/**
 * Path globs as users write them in config: {@code *} within one folder name, {@code **} across folders,
 * {@code ?} one character; a glob without a slash matches a name at any depth, and a glob naming a folder
 * matches everything under it.
 */
public final class Glob {
    private Glob() {
    }

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
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
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
        // A glob that names a folder also names what is inside it.
        re.append("(?:/.*)?");
        return Pattern.compile(re.toString());
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
            if ("*?[".indexOf(g.charAt(i)) >= 0) {
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
