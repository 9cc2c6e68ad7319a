package dev.migrationguard.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.rules.RuleOptions;
import dev.migrationguard.rules.Severity;
import dev.migrationguard.workspace.Glob;
import dev.migrationguard.workspace.RegularFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .migration-guard.yml} and checks every key and value against the rules it names. Every mistake is a
 * {@link ConfigException} with the line of the offending key.
 *
 * <pre>
 * rules:
 *   prisma-db-push: warning        # error | warning | note | off
 *   migration-not-atomic:
 *     severity: note
 *     max-tables: 5
 * ignore: ["legacy/**"]
 * paths: ["build/scripts/**"]
 * max-file-size: 5MB
 * overrides:
 *   - paths: ["scripts/seed/**"]
 *     rules: {raw-ddl-in-script: off}
 * </pre>
 */
public final class ConfigLoader {
    public static final String DEFAULT_FILE = ".migration-guard.yml";
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|k|mb|m|gb|g)?", Pattern.CASE_INSENSITIVE);

    private final List<Rule> rules;

    public ConfigLoader(List<Rule> rules) {
        this.rules = rules;
    }

    public Config load(Path file) throws ConfigException {
        String name = file.toString();
        String text;
        try {
            text = new String(RegularFile.read(file, RegularFile.SETTINGS_MAX_BYTES, true), StandardCharsets.UTF_8);
        } catch (RegularFile.Refused e) {
            throw new ConfigException(name, 0, "cannot read the configuration file: it is " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read the configuration file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(name, text);
    }

    public Config parse(String name, String text) throws ConfigException {
        YamlNode root = readTree(name, new StringReader(text));
        if (root == null) {
            return new Config(name, Map.of(), List.of(), List.of(), Config.defaults().maxFileBytes());
        }
        if (!(root instanceof YamlNode.MapNode map)) {
            throw new ConfigException(name, root.line(), "the configuration must be a mapping of keys (rules, ignore, paths, max-file-size, overrides)");
        }
        Map<String, Config.RuleSetting> ruleSettings = new LinkedHashMap<>();
        List<String> ignore = List.of();
        List<String> paths = List.of();
        long maxFileBytes = Config.defaults().maxFileBytes();
        List<Config.Override> overrides = List.of();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            YamlNode value = e.getValue();
            int line = map.keyLines().get(e.getKey());
            if (value instanceof YamlNode.Scalar s && s.text().isEmpty()) {
                // A key with only comments under it, as `init` writes: nothing set.
                value = new YamlNode.MapNode(Map.of(), Map.of(), line);
                if (!e.getKey().equals("rules")) {
                    value = new YamlNode.ListNode(List.of(), line);
                }
            }
            switch (e.getKey()) {
                case "rules" -> ruleSettings = ruleSettings(name, value);
                case "ignore" -> ignore = globList(name, "ignore", value);
                case "paths" -> paths = globList(name, "paths", value);
                case "max-file-size" -> maxFileBytes = size(name, value);
                case "overrides" -> overrides = overrides(name, value);
                default -> throw new ConfigException(name, line, "unknown key '" + e.getKey()
                        + "' (expected one of: rules, ignore, paths, max-file-size, overrides)");
            }
        }
        return new Config(name, ruleSettings, ignore, paths, maxFileBytes, overrides);
    }

    private Map<String, Config.RuleSetting> ruleSettings(String file, YamlNode node) throws ConfigException {
        if (!(node instanceof YamlNode.MapNode map)) {
            throw new ConfigException(file, node.line(), "'rules' must map rule ids to a severity, 'off', or settings");
        }
        Map<String, Config.RuleSetting> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            String id = e.getKey();
            int line = map.keyLines().get(id);
            Rule rule = rules.stream().filter(r -> r.id().equals(id)).findFirst()
                    .orElseThrow(() -> new ConfigException(file, line, "unknown rule '" + id
                            + "' (run `migration-guard rules` to list them)"));
            YamlNode value = e.getValue();
            if (value instanceof YamlNode.Scalar scalar) {
                out.put(id, level(file, id, scalar, line, RuleOptions.NONE));
            } else if (value instanceof YamlNode.MapNode settings) {
                Config.RuleSetting level = new Config.RuleSetting(true, Optional.empty(), RuleOptions.NONE, line);
                Map<String, Object> options = new LinkedHashMap<>();
                for (Map.Entry<String, YamlNode> s : settings.entries().entrySet()) {
                    int optionLine = settings.keyLines().get(s.getKey());
                    if (s.getKey().equals("severity")) {
                        if (!(s.getValue() instanceof YamlNode.Scalar sev)) {
                            throw new ConfigException(file, optionLine, "severity of " + id + " must be error, warning, note or off");
                        }
                        level = level(file, id, sev, optionLine, RuleOptions.NONE);
                    } else {
                        RuleOption option = rule.options().stream().filter(o -> o.name().equals(s.getKey())).findFirst()
                                .orElseThrow(() -> new ConfigException(file, optionLine, "rule " + id + " has no option '"
                                        + s.getKey() + "'" + optionList(rule)));
                        options.put(option.name(), optionValue(file, id, option, s.getValue()));
                    }
                }
                out.put(id, new Config.RuleSetting(level.enabled(), level.severity(), new RuleOptions(options), line));
            } else {
                throw new ConfigException(file, value.line(), "rule " + id + " must be set to a severity, 'off', or settings");
            }
        }
        return out;
    }

    /** {@code overrides: [{paths: [...], rules: {id: severity|off}}]}. */
    private List<Config.Override> overrides(String file, YamlNode node) throws ConfigException {
        if (!(node instanceof YamlNode.ListNode list)) {
            throw new ConfigException(file, node.line(), "'overrides' must be a list of {paths: [...], rules: {...}}");
        }
        List<Config.Override> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.MapNode entry)) {
                throw new ConfigException(file, item.line(), "each override must be a mapping with 'paths' and 'rules'");
            }
            List<String> globs = null;
            Map<String, Config.RuleSetting> settings = null;
            for (Map.Entry<String, YamlNode> e : entry.entries().entrySet()) {
                int line = entry.keyLines().get(e.getKey());
                switch (e.getKey()) {
                    case "paths" -> globs = globList(file, "overrides.paths", e.getValue());
                    case "rules" -> settings = ruleSettings(file, e.getValue());
                    default -> throw new ConfigException(file, line, "unknown key '" + e.getKey()
                            + "' in an override (expected paths and rules)");
                }
            }
            if (globs == null || globs.isEmpty() || settings == null) {
                throw new ConfigException(file, item.line(), "an override needs both 'paths' (globs) and 'rules'");
            }
            for (Map.Entry<String, Config.RuleSetting> s : settings.entrySet()) {
                if (!s.getValue().options().values().isEmpty()) {
                    throw new ConfigException(file, s.getValue().line(), "an override sets only a severity or off for "
                            + s.getKey() + "; its options apply to the whole repository (set them under 'rules')");
                }
            }
            out.add(new Config.Override(globs, settings, item.line()));
        }
        return out;
    }

    /** A list of globs, each checked to be one ({@code {} and {@code [} closed). */
    private static List<String> globList(String file, String what, YamlNode node) throws ConfigException {
        List<String> globs = stringList(file, what, node);
        List<YamlNode> items = node instanceof YamlNode.ListNode list ? list.items() : List.of(node);
        for (int i = 0; i < globs.size(); i++) {
            try {
                Glob.toPattern(globs.get(i));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(file, items.get(i).line(), what + ": " + e.getMessage());
            }
        }
        return globs;
    }

    private static String optionList(Rule rule) {
        if (rule.options().isEmpty()) {
            return " (it takes none besides severity)";
        }
        return " (it takes: severity, " + String.join(", ", rule.options().stream().map(RuleOption::name).toList()) + ")";
    }

    private static Config.RuleSetting level(String file, String id, YamlNode.Scalar scalar, int line, RuleOptions options)
            throws ConfigException {
        String text = scalar.text().toLowerCase(Locale.ROOT);
        // YAML 1.1 reads a bare `off` as the boolean false.
        if (text.equals("off") || text.equals("false")) {
            return new Config.RuleSetting(false, Optional.empty(), options, line);
        }
        if (text.equals("on") || text.equals("true")) {
            return new Config.RuleSetting(true, Optional.empty(), options, line);
        }
        Severity severity = Severity.parse(text).orElseThrow(() -> new ConfigException(file, scalar.line(),
                "bad severity '" + scalar.text() + "' for " + id + " (expected error, warning, note or off)"));
        return new Config.RuleSetting(true, Optional.of(severity), options, line);
    }

    private static Object optionValue(String file, String id, RuleOption option, YamlNode node) throws ConfigException {
        String what = id + "." + option.name();
        switch (option.type()) {
            case INTEGER -> {
                if (node instanceof YamlNode.Scalar s && s.text().matches("-?\\d{1,9}")) {
                    return Integer.parseInt(s.text());
                }
                throw new ConfigException(file, node.line(), what + " must be a whole number");
            }
            case BOOLEAN -> {
                if (node instanceof YamlNode.Scalar s && (s.text().equals("true") || s.text().equals("false"))) {
                    return Boolean.parseBoolean(s.text());
                }
                throw new ConfigException(file, node.line(), what + " must be true or false");
            }
            case STRING -> {
                if (node instanceof YamlNode.Scalar s) {
                    return s.text();
                }
                throw new ConfigException(file, node.line(), what + " must be a single value");
            }
            case STRING_LIST -> {
                return stringList(file, what, node);
            }
            default -> throw new IllegalStateException(option.type().toString());
        }
    }

    private static List<String> stringList(String file, String what, YamlNode node) throws ConfigException {
        if (node instanceof YamlNode.Scalar s) {
            return List.of(s.text());
        }
        if (!(node instanceof YamlNode.ListNode list)) {
            throw new ConfigException(file, node.line(), what + " must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.Scalar s)) {
                throw new ConfigException(file, item.line(), what + " must be a list of strings");
            }
            out.add(s.text());
        }
        return out;
    }

    private static long size(String file, YamlNode node) throws ConfigException {
        if (node instanceof YamlNode.Scalar s) {
            Matcher m = SIZE.matcher(s.text().strip());
            if (m.matches()) {
                String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
                long factor = switch (unit.charAt(0)) {
                    case 'k' -> 1024L;
                    case 'm' -> 1024L * 1024;
                    case 'g' -> 1024L * 1024 * 1024;
                    default -> 1L;
                };
                try {
                    return Math.multiplyExact(Long.parseLong(m.group(1)), factor);
                } catch (ArithmeticException | NumberFormatException e) {
                    // More digits than a long holds, or a product past it: a user error, not a crash.
                    throw new ConfigException(file, node.line(), "max-file-size '" + s.text().strip() + "' is too large");
                }
            }
        }
        throw new ConfigException(file, node.line(), "max-file-size must be a size such as 5MB or 800kb");
    }

    /** Reads YAML into nodes that remember their lines; duplicate keys and syntax errors are config errors. */
    static YamlNode readTree(String file, Reader reader) throws ConfigException {
        try (JsonParser parser = new YAMLFactory().createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            return readNode(file, parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml && yaml.getProblem() != null) {
                message = yaml.getProblem();
                line = yaml.getProblemMark() == null ? line : yaml.getProblemMark().getLine() + 1;
            }
            throw new ConfigException(file, line, "invalid YAML: " + message);
        } catch (IOException e) {
            throw new ConfigException(file, 0, "cannot read: " + e.getMessage());
        }
    }

    private static YamlNode readNode(String file, JsonParser p) throws IOException, ConfigException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (entries.containsKey(key)) {
                        throw new ConfigException(file, keyLine, "duplicate key '" + key + "'");
                    }
                    p.nextToken();
                    entries.put(key, readNode(file, p));
                    keyLines.put(key, keyLine);
                }
                return new YamlNode.MapNode(entries, keyLines, line);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readNode(file, p));
                }
                return new YamlNode.ListNode(items, line);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar("", line);
            }
            default -> {
                return new YamlNode.Scalar(p.getText(), line);
            }
        }
    }
}
