package dev.migrationguard.schema;

import dev.migrationguard.workspace.SourceFile;
import java.util.Locale;

/**
 * A migration statement the replay could not apply (a DO block, a function, an ALTER it does not model, a
 * statement that did not parse). Its effect on the schema is unknown, so differences it might explain are
 * reported with less confidence.
 *
 * @param migration   the migration folder's name
 * @param description what the statement is, for messages ({@code DO}, {@code CREATE FUNCTION}, {@code ALTER TABLE})
 * @param text        its source text
 */
public record UnmodelledStatement(String migration, SourceFile file, int start, int end, String description,
                                  String text) {

    /** Whether the statement's text names an object (quoted or not), so it might have changed it. */
    public boolean mentions(String objectName) {
        String lower = text.toLowerCase(Locale.ROOT);
        String name = objectName.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf(name, from);
            if (at < 0) {
                return false;
            }
            int after = at + name.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1)) && lower.charAt(at - 1) != '_';
            boolean endOk = after >= lower.length()
                    || !Character.isLetterOrDigit(lower.charAt(after)) && lower.charAt(after) != '_';
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
