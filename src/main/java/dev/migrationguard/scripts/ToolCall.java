package dev.migrationguard.scripts;

import java.util.List;

/**
 * A command line seen as the tool it runs, wrappers and package runners removed.
 *
 * @param program   the word naming the tool ({@code prisma}, {@code prisma@5}, {@code ./node_modules/.bin/prisma},
 *                  or for {@code node node_modules/.bin/prisma} the script path)
 * @param name      the tool's package name, without path or version ({@code prisma})
 * @param arguments the words after the program
 */
public record ToolCall(Word program, String name, List<Word> arguments) {

    public ToolCall {
        arguments = List.copyOf(arguments);
    }
}
