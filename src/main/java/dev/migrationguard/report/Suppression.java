package dev.migrationguard.report;

/**
 * Why a finding does not count: an inline comment in the source, or an entry of the baseline file (SARIF's
 * {@code inSource} and {@code external} suppression kinds).
 *
 * @param kind          where the suppression is written
 * @param justification the reason the user gave, possibly empty
 * @param where         the file and line of the comment, or the baseline file
 */
public record Suppression(Kind kind, String justification, String where) {

    public enum Kind { IN_SOURCE, EXTERNAL }
}
