package dev.migrationguard.sql;

import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Warnings:} block comment that {@code prisma migrate dev} writes at the top of a migration.sql when a
 * change can lose data or fail on existing rows, read item by item.
 */
public final class PrismaWarnings {
    private static final Pattern BLOCK = Pattern.compile("\\A\\s*/\\*\\s*\\R\\s*Warnings:\\s*\\R(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern ITEM = Pattern.compile("(?m)^[ \\t]*(- [^\\r\\n]*?)[ \\t]*$");
    private static final Pattern NAME = Pattern.compile("`([^`]*)`");

    /** What a warning is about, from the sentence Prisma's schema engine writes for it. */
    public enum Kind {
        /** "You are about to drop the column `c` on the `T` table." */
        DROP_COLUMN("^You are about to drop the column `"),
        /** "You are about to drop the `T` table." */
        DROP_TABLE("^You are about to drop the `[^`]*` table"),
        /** "Added the required column `c` to the `T` table without a default value." and the prisma-level default form. */
        REQUIRED_COLUMN("^(Added the required column `|The required column `[^`]*` was added to the `)"),
        /** "A unique constraint covering the columns `[a,b]` on the table `T` will be added." */
        UNIQUE("^A unique constraint covering the columns `"),
        /** "Made the column `c` on table `T` required." */
        MADE_REQUIRED("^Made the column `"),
        /** "The values [A] on the enum `E` will be removed." */
        ENUM_VALUES_REMOVED("^The values? \\[[^\\]]*\\] on the enum `"),
        /** "Changed the type of `c` on the `T` table. No cast exists, the column would be dropped and recreated". */
        COLUMN_RECREATED("^(Changed the type of `[^`]*` on the `[^`]*` table\\. No cast exists"
                + "|The `[^`]*` column on the `[^`]*` table would be dropped and recreated)"),
        /** "You are about to alter the column `c` on the `T` table, which contains N non-null values." */
        COLUMN_CAST("^You are about to alter the column `"),
        /** "The primary key for the `T` table will be changed." */
        PRIMARY_KEY("^The primary key for the `"),
        /** A line Prisma does not write (a note the author added). */
        OTHER("(?!)");

        private final Pattern start;

        Kind(String start) {
            this.start = Pattern.compile(start);
        }

        static Kind of(String text) {
            for (Kind kind : values()) {
                if (kind.start.matcher(text).find()) {
                    return kind;
                }
            }
            return OTHER;
        }
    }

    /**
     * One item of the block.
     *
     * @param kind    what it warns about
     * @param table   the table it names (for an enum warning, the enum; on MySQL, {@code Table_column}), or {@code null}
     * @param columns the columns it names, possibly none
     * @param text    the sentence after "- "
     * @param span    the item, from its "-" to the end of its line
     */
    public record Warning(Kind kind, String table, List<String> columns, String text, Span span) {
        public Warning {
            columns = List.copyOf(columns);
        }
    }

    private PrismaWarnings() {
    }

    /** The warnings of a migration's file; empty when it does not start with Prisma's block. */
    public static List<Warning> of(SourceFile file) {
        Matcher block = BLOCK.matcher(file.text());
        if (!block.find()) {
            return List.of();
        }
        List<Warning> out = new ArrayList<>();
        Matcher item = ITEM.matcher(file.text());
        item.region(block.start(1), block.end(1));
        while (item.find()) {
            String text = item.group(1).substring(2).strip();
            out.add(warning(text, new Span(item.start(1), item.end(1))));
        }
        return List.copyOf(out);
    }

    private static Warning warning(String text, Span span) {
        Kind kind = Kind.of(text);
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        String table = null;
        List<String> columns = List.of();
        switch (kind) {
            case DROP_TABLE, PRIMARY_KEY, ENUM_VALUES_REMOVED -> table = names.isEmpty() ? null : names.get(0);
            case UNIQUE -> {
                if (names.size() >= 2) {
                    String list = names.get(0).replaceAll("^\\[|\\]$", "");
                    columns = list.isBlank() ? List.of() : List.of(list.split("\\s*,\\s*"));
                    table = names.get(1);
                }
            }
            case DROP_COLUMN, REQUIRED_COLUMN, MADE_REQUIRED, COLUMN_RECREATED, COLUMN_CAST -> {
                if (names.size() >= 2) {
                    columns = List.of(names.get(0));
                    table = names.get(1);
                }
            }
            default -> {
            }
        }
        return new Warning(kind, table, columns, text, span);
    }
}
