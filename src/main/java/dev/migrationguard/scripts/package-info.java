/**
 * Commands in the files that run them, parsed once per snapshot.
 *
 * <p>{@link dev.migrationguard.scripts.CommandSites#KEY} lists every {@link dev.migrationguard.scripts.CommandSite}:
 * one simple shell command with exact word offsets in its file, the {@link dev.migrationguard.scripts.ScriptContext}
 * it runs in (CI, DEPLOY, LOCAL, as {@link dev.migrationguard.scripts.ContextRules} decides), and, for package.json
 * scripts and Makefile targets reached from another entry point, the chain that reaches it.
 * {@link dev.migrationguard.scripts.CommandSites#MODEL} adds the problems met while reading (malformed JSON/YAML,
 * unterminated quotes) as {@link dev.migrationguard.scripts.ScriptProblem}s.
 *
 * <p>Recognisers read a command as a tool call: {@link dev.migrationguard.scripts.CommandWords#tool} sees through
 * wrappers and package runners, {@link dev.migrationguard.scripts.PrismaCommand} and
 * {@link dev.migrationguard.scripts.SchemaPushCommand} read the Prisma CLI and other ORMs' push commands,
 * {@link dev.migrationguard.scripts.ScriptCall} reads {@code npm run}-style calls. Here-document bodies
 * ({@code psql <<SQL ... SQL}) stay data: {@link dev.migrationguard.scripts.ShellCommand#hereDocs()} keeps them with
 * offsets for rules that read the SQL.
 *
 * <p>A parser package: it never imports rules, report or cli.
 */
package dev.migrationguard.scripts;
