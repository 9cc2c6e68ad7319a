package dev.migrationguard.rules;

import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One problem found by a rule.
 *
 * @param ruleId      the rule that found it
 * @param severity    its severity after the rule's own judgement (config may still override it)
 * @param path        file relative to the repository root, with {@code /}
 * @param range       where in the file
 * @param message     what is wrong, in one sentence
 * @param fix         what to do instead, in one sentence (may be empty)
 * @param fingerprint stable identity: hash of rule, path and the normalised matched text, never of line numbers
 * @param properties  extra facts for machine outputs (the commit, the script chain)
 * @param redactions  spans of the file that hold secrets: every output shows them masked
 * @param source      the file as the rule read it, when that version is not the one under lint (a finding about an
 *                    earlier commit): text output quotes it; null otherwise
 */
public record Finding(
        String ruleId,
        Severity severity,
        String path,
        TextRange range,
        String message,
        String fix,
        String fingerprint,
        Map<String, String> properties,
        List<TextRange> redactions,
        SourceFile source) {

    public Finding {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(path);
        Objects.requireNonNull(range);
        Objects.requireNonNull(message);
        fix = fix == null ? "" : fix;
        // Sorted by name: Map.copyOf iterates in an order that changes from run to run, and so would the reports.
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties));
        redactions = List.copyOf(redactions);
    }

    /** A finding in the version under lint. */
    public Finding(String ruleId, Severity severity, String path, TextRange range, String message, String fix,
                   String fingerprint, Map<String, String> properties, List<TextRange> redactions) {
        this(ruleId, severity, path, range, message, fix, fingerprint, properties, redactions, null);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, path, range, message, fix, fingerprint, properties, redactions, source);
    }

    public Finding withFix(String newFix) {
        return new Finding(ruleId, severity, path, range, message, newFix, fingerprint, properties, redactions, source);
    }

    public Finding withFingerprint(String newFingerprint) {
        return new Finding(ruleId, severity, path, range, message, fix, newFingerprint, properties, redactions, source);
    }

    /** A fingerprint from what identifies a finding independently of where its file's lines moved. */
    public static String fingerprintOf(String ruleId, String path, String key) {
        String normalised = WHITESPACE.matcher(key.strip()).replaceAll(" ");
        MessageDigest sha = SHA_256.get();
        sha.reset();
        sha.update(ruleId.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(normalised.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** One digest per thread: looking the algorithm up for each of thousands of findings was measurable. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });
}
