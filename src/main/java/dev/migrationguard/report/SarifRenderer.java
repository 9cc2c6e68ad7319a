package dev.migrationguard.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrationguard.rules.Finding;
import dev.migrationguard.rules.RuleInfo;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.Notice;
import dev.migrationguard.workspace.Snapshot;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run; {@code tool.driver.rules} from the rule pages; results
 * with ruleIndex, relative URIs against {@code %SRCROOT%}, regions and partial fingerprints; suppressed findings
 * carry {@code suppressions}; files the tool could not read are {@code toolExecutionNotifications}.
 */
public final class SarifRenderer implements Renderer {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    /** The partialFingerprints key: our own, versioned, so a change of algorithm never collides with an old one. */
    static final String FINGERPRINT_KEY = "migrationGuardFingerprint/v1";
    /** GitHub's security-severity for rules tagged security: a committed credential is "high" (7.0 to 8.9). */
    static final String SECURITY_SEVERITY = "8.0";

    private final boolean includeSuppressed;

    /** Suppressed results left out: code scanning would show them as open alerts. */
    public SarifRenderer() {
        this(false);
    }

    /** @param includeSuppressed keep suppressed results, marked with {@code suppressions} ({@code --sarif-suppressed include}) */
    public SarifRenderer(boolean includeSuppressed) {
        this.includeSuppressed = includeSuppressed;
    }

    private List<Result> shown(Report report) {
        return includeSuppressed ? report.results() : report.results().stream().filter(r -> !r.suppressed()).toList();
    }

    @Override
    public void render(Report report, Appendable out) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(SerializationFeature.INDENT_OUTPUT);
        com.fasterxml.jackson.databind.JsonNode tree = mapper.valueToTree(toSarif(report));
        spellOutDefaultLevels(tree.path("runs").path(0), report, shown(report));
        out.append(mapper.writeValueAsString(tree)).append('\n');
    }

    /**
     * The SARIF model leaves out a level equal to SARIF's default ("warning"); write it anyway, so every rule and
     * result states its level and readers that do not apply defaults see it.
     */
    private static void spellOutDefaultLevels(com.fasterxml.jackson.databind.JsonNode run, Report report, List<Result> shown) {
        com.fasterxml.jackson.databind.JsonNode rules = run.path("tool").path("driver").path("rules");
        for (int i = 0; i < rules.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode rule = (com.fasterxml.jackson.databind.node.ObjectNode) rules.get(i);
            com.fasterxml.jackson.databind.node.ObjectNode config = rule.has("defaultConfiguration")
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) rule.get("defaultConfiguration")
                    : rule.putObject("defaultConfiguration");
            config.put("level", report.rules().get(i).defaultSeverity().label());
        }
        com.fasterxml.jackson.databind.JsonNode results = run.path("results");
        for (int i = 0; i < results.size(); i++) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) results.get(i))
                    .put("level", shown.get(i).finding().severity().label());
        }
    }

    SarifSchema210 toSarif(Report report) {
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        for (RuleInfo info : report.rules()) {
            rules.add(descriptor(info));
        }
        ToolComponent driver = new ToolComponent()
                .withName(ToolVersion.NAME)
                .withVersion(ToolVersion.VERSION)
                .withSemanticVersion(ToolVersion.VERSION.matches("\\d+\\.\\d+\\.\\d+.*") ? ToolVersion.VERSION : null)
                .withInformationUri(URI.create(ToolVersion.INFORMATION_URI))
                .withRules(rules);
        Redaction redaction = Redaction.of(report);
        List<com.contrastsecurity.sarif.Result> results = new ArrayList<>();
        for (Result r : shown(report)) {
            results.add(result(report, redaction, r));
        }
        List<Notification> notifications = new ArrayList<>();
        for (Notice n : report.notices()) {
            notifications.add(notification(redaction, n));
        }
        for (InternalError e : report.errors()) {
            notifications.add(new Notification()
                    .withLevel(Notification.Level.ERROR)
                    .withMessage(new Message().withText("rule " + e.ruleId() + " failed: " + redaction.text(e.message())))
                    .withAssociatedRule(new com.contrastsecurity.sarif.ReportingDescriptorReference()
                            .withId(e.ruleId()).withIndex(report.ruleIndex(e.ruleId()))));
        }
        Invocation invocation = new Invocation()
                .withExecutionSuccessful(report.errors().isEmpty())
                .withToolExecutionNotifications(notifications);
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withVersionControlProvenance(provenance(report))
                .withInvocations(List.of(invocation))
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
                .withResults(results);
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    /** The repository and revision linted, when the repository has a remote SARIF can name. */
    private static Set<com.contrastsecurity.sarif.VersionControlDetails> provenance(Report report) {
        if (report.provenance().isEmpty() || report.provenance().get().repositoryUri().isEmpty()) {
            return null;
        }
        var p = report.provenance().get();
        Optional<URI> uri = repositoryUri(p.repositoryUri().get());
        if (uri.isEmpty()) {
            return null;
        }
        Set<com.contrastsecurity.sarif.VersionControlDetails> set = new LinkedHashSet<>();
        set.add(new com.contrastsecurity.sarif.VersionControlDetails()
                .withRepositoryUri(uri.get())
                .withRevisionId(p.revisionId())
                .withBranch(p.branch().orElse(null))
                .withMappedTo(new ArtifactLocation().withUriBaseId(SRCROOT)));
        return set;
    }

    /** A remote as an absolute URI; scp-like {@code git@host:org/repo.git} becomes {@code ssh://git@host/org/repo.git}. */
    static Optional<URI> repositoryUri(String remote) {
        String r = remote.strip();
        if (r.matches("[\\w.-]+@[\\w.-]+:(?!//).*")) {
            int colon = r.indexOf(':');
            r = "ssh://" + r.substring(0, colon) + "/" + r.substring(colon + 1);
        }
        try {
            URI uri = new URI(r);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static ReportingDescriptor descriptor(RuleInfo info) {
        return new ReportingDescriptor()
                .withId(info.id())
                .withName(info.name())
                .withShortDescription(new MultiformatMessageString().withText(info.summary()))
                .withFullDescription(new MultiformatMessageString().withText(info.fullDescription()))
                .withHelp(new MultiformatMessageString().withText(info.body()).withMarkdown(info.body()))
                .withHelpUri(URI.create(info.helpUri()))
                .withDefaultConfiguration(new ReportingConfiguration().withLevel(level(info.defaultSeverity())))
                .withProperties(githubProperties(info));
    }

    /**
     * The rule properties GitHub code scanning reads: {@code problem.severity} (error, warning, recommendation) and
     * {@code precision} rank and filter alerts; {@code security-severity} makes a rule tagged security a security alert.
     */
    private static PropertyBag githubProperties(RuleInfo info) {
        Set<String> tags = tags(info);
        PropertyBag properties = new PropertyBag().withTags(tags);
        properties.setAdditionalProperty("problem.severity", switch (info.defaultSeverity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "recommendation";
        });
        // The rules match parsed syntax, not heuristics over text; a finding is rarely wrong.
        properties.setAdditionalProperty("precision", "high");
        if (tags.contains("security")) {
            properties.setAdditionalProperty("security-severity", SECURITY_SEVERITY);
        }
        return properties;
    }

    private static Set<String> tags(RuleInfo info) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(info.category());
        tags.addAll(info.tags());
        return tags;
    }

    private static ReportingConfiguration.Level level(Severity s) {
        return switch (s) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
    }

    private static com.contrastsecurity.sarif.Result result(Report report, Redaction redaction, Result r) {
        Finding f = r.finding();
        String text = redaction.text(f.message()) + (f.fix().isEmpty() ? "" : "\nFix: " + redaction.text(f.fix()));
        Location location = location(report, f);
        if (location.getMessage() != null) {
            text = "In " + f.path() + " (not in " + report.snapshot().description() + "): " + text;
        }
        com.contrastsecurity.sarif.Result result = new com.contrastsecurity.sarif.Result()
                .withRuleId(f.ruleId())
                .withRuleIndex(report.ruleIndex(f.ruleId()))
                .withLevel(switch (f.severity()) {
                    case ERROR -> com.contrastsecurity.sarif.Result.Level.ERROR;
                    case WARNING -> com.contrastsecurity.sarif.Result.Level.WARNING;
                    case NOTE -> com.contrastsecurity.sarif.Result.Level.NOTE;
                })
                .withMessage(new Message().withText(text))
                .withLocations(List.of(location))
                .withPartialFingerprints(new PartialFingerprints().withAdditionalProperty(FINGERPRINT_KEY, f.fingerprint()));
        if (!f.properties().isEmpty()) {
            PropertyBag props = new PropertyBag();
            f.properties().forEach((k, v) -> props.setAdditionalProperty(k, redaction.text(v)));
            result.setProperties(props);
        }
        r.suppression().ifPresent(s -> {
            Set<com.contrastsecurity.sarif.Suppression> set = new LinkedHashSet<>();
            set.add(new com.contrastsecurity.sarif.Suppression()
                    .withKind(s.kind() == Suppression.Kind.IN_SOURCE
                            ? com.contrastsecurity.sarif.Suppression.Kind.IN_SOURCE
                            : com.contrastsecurity.sarif.Suppression.Kind.EXTERNAL)
                    .withStatus(com.contrastsecurity.sarif.Suppression.Status.ACCEPTED)
                    .withJustification(s.justification().isEmpty() ? null : redaction.text(s.justification())));
            result.setSuppressions(set);
        });
        return result;
    }

    /**
     * Where the finding is, or, for a file that no longer exists in the linted version (a deleted migration, found
     * in the history), the first file of its nearest folder that does: GitHub shows a result only at a file of the
     * analysed commit. The message names the original path.
     */
    private static Location location(Report report, Finding f) {
        Snapshot snapshot = report.snapshot();
        if (snapshot == null || f.path().isEmpty() || snapshot.contains(f.path())) {
            return location(f.path(), f);
        }
        Optional<String> near = nearestExistingFile(snapshot, f.path());
        if (near.isEmpty()) {
            return location(f.path(), f);
        }
        return new Location()
                .withMessage(new Message().withText("about " + f.path() + ", which is not in " + snapshot.description()))
                .withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(near.get()))
                        .withRegion(new Region().withStartLine(1)));
    }

    static Optional<String> nearestExistingFile(Snapshot snapshot, String path) {
        String folder = path;
        while (!folder.isEmpty()) {
            int slash = folder.lastIndexOf('/');
            folder = slash < 0 ? "" : folder.substring(0, slash);
            String prefix = folder.isEmpty() ? "" : folder + "/";
            for (String candidate : snapshot.paths()) {
                if (candidate.startsWith(prefix) && candidate.indexOf('/', prefix.length()) < 0) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Location location(String path, Finding f) {
        Region region = new Region()
                .withStartLine(f.range().startLine())
                .withStartColumn(f.range().startColumn())
                .withEndLine(f.range().endLine())
                .withEndColumn(Math.max(f.range().endColumn(),
                        f.range().endLine() == f.range().startLine() ? f.range().startColumn() : 1));
        return new Location().withPhysicalLocation(new PhysicalLocation()
                .withArtifactLocation(artifact(path))
                .withRegion(region));
    }

    private static ArtifactLocation artifact(String path) {
        return new ArtifactLocation().withUri(encodeUri(path)).withUriBaseId(SRCROOT);
    }

    /**
     * A relative URI reference: each path segment percent-encoded, slashes kept, and {@code ./} in front when the first
     * segment holds a colon, which would make {@code javascript:x.sh} or {@code C:evil.sh} parse as an absolute URI.
     */
    static String encodeUri(String path) {
        String encoded = encodeSegments(path);
        int slash = encoded.indexOf('/');
        return encoded.substring(0, slash < 0 ? encoded.length() : slash).indexOf(':') >= 0 ? "./" + encoded : encoded;
    }

    private static String encodeSegments(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static Notification notification(Redaction redaction, Notice n) {
        Notification.Level level = switch (n.level()) {
            case NOTE -> Notification.Level.NOTE;
            case WARNING -> Notification.Level.WARNING;
            case ERROR -> Notification.Level.ERROR;
        };
        Notification notification = new Notification().withLevel(level).withMessage(new Message().withText(
                (n.path().isEmpty() ? "" : n.path() + ": ") + redaction.text(n.message())));
        if (!n.path().isEmpty()) {
            notification.setLocations(Set.of(new Location().withPhysicalLocation(
                    new PhysicalLocation().withArtifactLocation(artifact(n.path())))));
        }
        return notification;
    }
}
