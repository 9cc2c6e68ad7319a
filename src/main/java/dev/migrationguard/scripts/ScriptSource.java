package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;

/**
 * A piece of a file that is one script: a package.json script, a workflow {@code run:} block, a Dockerfile
 * {@code RUN}, a Makefile recipe line.
 *
 * @param file    the file
 * @param kind    its kind
 * @param context its own context, before chains are followed
 * @param origin  the part of the file, for messages
 * @param unit    the name chains refer to (script name, Makefile target), or null
 * @param script    the tokenized script
 * @param directory the folder it runs in, relative to the root ("" for the root, else ending in "/")
 */
record ScriptSource(SourceFile file, ScriptKind kind, ScriptContext context, String origin, String unit,
                    ShellScript script, String directory) {

    /** A script that runs in its file's folder. */
    ScriptSource(SourceFile file, ScriptKind kind, ScriptContext context, String origin, String unit,
                 ShellScript script) {
        this(file, kind, context, origin, unit, script, folderOf(file.path()));
    }

    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
