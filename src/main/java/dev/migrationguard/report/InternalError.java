package dev.migrationguard.report;

/**
 * A bug in the linter: a rule that threw. The others still run; the exit code says the run is incomplete.
 *
 * @param ruleId  the rule that failed
 * @param path    the file it was reading when it failed, or empty
 * @param message the exception, in one line
 */
public record InternalError(String ruleId, String path, String message) {
}
