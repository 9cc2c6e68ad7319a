package dev.migrationguard.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text format back: a file's path on a line of its own, then its findings ({@code   line:col  ...}). */
public final class TextOutput {
    private static final Pattern FINDING = Pattern.compile("^  (\\d+):(\\d+)  (error|warning|note)  (\\S+)  (.*)$");

    private TextOutput() {
    }

    /** One finding as {@code path:line:col  severity  rule-id  message}. */
    public static List<String> findings(String out) {
        List<String> found = new ArrayList<>();
        String file = null;
        for (String line : out.lines().toList()) {
            Matcher m = FINDING.matcher(line);
            if (m.matches() && file != null) {
                found.add(file + ":" + m.group(1) + ":" + m.group(2) + "  " + m.group(3) + "  " + m.group(4) + "  "
                        + m.group(5));
            } else if (!line.isEmpty() && !line.startsWith(" ") && !line.contains("  ")) {
                file = line;
            }
        }
        return found;
    }

    /** Each finding as {@code path:line:col rule-id}. */
    public static List<String> locations(String out) {
        return findings(out).stream().map(f -> {
            String[] parts = f.split("  ");
            return parts[0] + " " + parts[2];
        }).toList();
    }
}
