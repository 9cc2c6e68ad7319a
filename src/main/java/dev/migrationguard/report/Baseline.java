package dev.migrationguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.workspace.RegularFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fingerprints of findings a team accepted when adopting the linter; a baselined finding is reported as suppressed
 * (external), so only new problems fail the run. Fingerprints ignore line numbers, so edits above keep them valid.
 */
public final class Baseline {
    public static final String DEFAULT_FILE = ".migration-guard-baseline.json";
    private static final Baseline EMPTY = new Baseline("", Set.of());

    private final String source;
    private final Set<String> fingerprints;

    private Baseline(String source, Set<String> fingerprints) {
        this.source = source;
        this.fingerprints = Set.copyOf(fingerprints);
    }

    public static Baseline none() {
        return EMPTY;
    }

    /** Reads a baseline file; a malformed one is an {@link IOException} whose message names the problem. */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(RegularFile.read(file, 1L << 30, true));
        } catch (RegularFile.Refused e) {
            throw new IOException(file + ": not a baseline file (it is " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new IOException(file + ": not a baseline file (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode list = root == null ? null : root.get("findings");
        if (list == null || !list.isArray()) {
            throw new IOException(file + ": not a baseline file (no \"findings\" array)");
        }
        Set<String> prints = new HashSet<>();
        for (JsonNode entry : list) {
            JsonNode fp = entry.get("fingerprint");
            if (fp != null && fp.isTextual()) {
                prints.add(fp.asText());
            }
        }
        return new Baseline(file.toString(), prints);
    }

    public Optional<Suppression> suppression(Finding finding) {
        if (fingerprints.contains(finding.fingerprint())) {
            return Optional.of(new Suppression(Suppression.Kind.EXTERNAL, "in baseline " + source, source));
        }
        return Optional.empty();
    }

    public int size() {
        return fingerprints.size();
    }

    /** The baseline document for the unsuppressed findings of a report: sorted, one entry per finding. */
    public static String render(List<Result> results) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("version", 1);
        ArrayNode list = root.putArray("findings");
        results.stream().filter(r -> r.suppression().filter(s -> s.kind() == Suppression.Kind.IN_SOURCE).isEmpty())
                .map(Result::finding)
                .sorted(java.util.Comparator.comparing(Finding::path).thenComparing(Finding::ruleId)
                        .thenComparing(Finding::fingerprint))
                .forEach(f -> list.addObject()
                        .put("ruleId", f.ruleId())
                        .put("path", f.path())
                        .put("fingerprint", f.fingerprint()));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
