package dev.migrationguard.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code migration-guard db} in-process and returns what it printed. */
public record DbRun(int exitCode, String out, String err) {

    public static DbRun of(Path repository, String... args) {
        List<String> all = new ArrayList<>(List.of("db", repository.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(repository, all.toArray(String[]::new));
        return new DbRun(run.exitCode(), run.out(), run.err());
    }

    /** The findings of a {@code --format json} run, one {@code path:line:col rule-id} each, sorted. */
    public List<String> findings() {
        try {
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
            List<String> lines = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode f : root.get("findings")) {
                lines.add(f.get("path").asText() + ":" + f.get("line").asInt() + ":" + f.get("column").asInt() + " "
                        + f.get("ruleId").asText());
            }
            return lines.stream().sorted().toList();
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON report (exit " + exitCode + "): " + out + err, e);
        }
    }

    /** The messages of a {@code --format json} run, in report order. */
    public List<String> messages() {
        try {
            List<String> lines = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode f : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(out).get("findings")) {
                lines.add(f.get("ruleId").asText() + ": " + f.get("message").asText());
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON report: " + out + err, e);
        }
    }
}
