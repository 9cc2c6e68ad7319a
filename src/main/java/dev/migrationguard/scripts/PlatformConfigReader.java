package dev.migrationguard.scripts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the commands hosting platforms run on every deploy: {@code vercel.json} ({@code buildCommand},
 * {@code installCommand}), Heroku's {@code app.json} ({@code scripts}), {@code render.yaml} (each service's
 * {@code buildCommand}, {@code preDeployCommand}, {@code startCommand}, {@code dockerCommand}), {@code fly.toml}
 * ({@code release_command}, {@code [processes]}), {@code netlify.toml} ({@code command}), {@code railway.toml} and
 * {@code railway.json} ({@code buildCommand}, {@code preDeployCommand}, {@code startCommand}), {@code nixpacks.toml}
 * ({@code cmd}). All are deploy contexts except netlify's {@code [dev]} command.
 */
final class PlatformConfigReader {
    /** The file names this reader understands. */
    static final Set<String> FILES = Set.of("vercel.json", "app.json", "render.yaml", "fly.toml", "netlify.toml",
            "railway.toml", "railway.json", "nixpacks.toml");
    private static final Set<String> JSON_KEYS = Set.of("buildCommand", "installCommand", "preDeployCommand",
            "startCommand", "postdeploy", "pr-predestroy");
    private static final Set<String> TOML_KEYS = Set.of("release_command", "command", "buildCommand",
            "preDeployCommand", "startCommand", "cmd");
    private static final Pattern TOML_STRING = Pattern.compile("^\\s*\"?([A-Za-z0-9_.-]+)\"?\\s*=\\s*([\"'])");
    private static final Pattern TOML_TABLE = Pattern.compile("^\\s*\\[+\\s*([^\\]]+?)\\s*\\]+\\s*(#.*)?$");
    /** Node reads JSON nested as deep as its stack allows; Jackson's default stops at 1,000 levels. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build()).build();

    private PlatformConfigReader() {
    }

    static void read(SourceFile file, String name, List<ScriptSource> out, List<ScriptProblem> problems) {
        if (name.endsWith(".json")) {
            readJson(file, name, out, problems);
        } else if (name.endsWith(".yaml")) {
            readRender(file, out, problems);
        } else {
            readToml(file, name, out);
        }
    }

    /** String values of the known keys at any depth ({@code deploy.startCommand}, {@code scripts.postdeploy}). */
    private static void readJson(SourceFile file, String name, List<ScriptSource> out, List<ScriptProblem> problems) {
        String text = file.text();
        try (JsonParser p = JSON.createParser(text)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING && p.currentName() != null && JSON_KEYS.contains(p.currentName())) {
                    MappedText value = JsonStrings.decode(text, (int) p.currentTokenLocation().getCharOffset());
                    if (value != null) {
                        out.add(source(file, "`" + p.currentName() + "` of " + name, ShellParser.parse(value)));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new ScriptProblem(file, 0, 0, name + " is not valid JSON: " + e.getMessage()));
        }
    }

    private static void readRender(SourceFile file, List<ScriptSource> out, List<ScriptProblem> problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(file.text()));
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new ScriptProblem(file, 0, 0, "render.yaml is not valid YAML"));
            return;
        }
        if (!(YamlReader.get(root, "services") instanceof SequenceNode services)) {
            return;
        }
        for (Node service : services.getValue()) {
            String serviceName = YamlReader.scalar(YamlReader.get(service, "name"));
            if (!(service instanceof org.yaml.snakeyaml.nodes.MappingNode map)) {
                continue;
            }
            for (NodeTuple t : map.getValue()) {
                String key = YamlReader.scalar(t.getKeyNode());
                if (key != null && key.endsWith("Command") && t.getValueNode() instanceof ScalarNode s) {
                    out.add(source(file, "the `" + key + "` of service `" + serviceName + "`",
                            ShellParser.parse(YamlScalars.value(file, s))));
                }
            }
        }
    }

    /** One-line TOML strings ({@code key = "..."} or {@code key = '...'}) under the known keys or {@code [processes]}. */
    private static void readToml(SourceFile file, String name, List<ScriptSource> out) {
        String table = "";
        for (int line = 1; line <= file.lineCount(); line++) {
            String content = file.lineText(line);
            Matcher header = TOML_TABLE.matcher(content);
            if (header.matches()) {
                table = header.group(1);
                continue;
            }
            Matcher m = TOML_STRING.matcher(content);
            if (!m.find()) {
                continue;
            }
            String key = m.group(1);
            if (!TOML_KEYS.contains(key) && !table.equals("processes")) {
                continue;
            }
            int quote = file.offset(line, 1) + m.start(2);
            MappedText value = m.group(2).equals("\"") ? JsonStrings.decode(file.text(), quote)
                    : literal(file.text(), quote);
            if (value != null) {
                String where = table.isEmpty() ? key : table + "." + key;
                // netlify.toml's [dev] command runs `netlify dev` on a developer's machine
                ScriptContext context = table.equals("dev") || table.startsWith("dev.") ? ScriptContext.LOCAL
                        : ScriptContext.DEPLOY;
                out.add(new ScriptSource(file, ScriptKind.PLATFORM, context, "the `" + where + "` of " + name, null,
                        ShellParser.parse(value)));
            }
        }
    }

    private static MappedText literal(String text, int quote) {
        int end = text.indexOf('\'', quote + 1);
        int lineEnd = text.indexOf('\n', quote + 1);
        if (end < 0 || lineEnd >= 0 && lineEnd < end) {
            return null;
        }
        return MappedText.identity(text, quote + 1, end);
    }

    private static ScriptSource source(SourceFile file, String origin, ShellScript script) {
        return new ScriptSource(file, ScriptKind.PLATFORM, ScriptContext.DEPLOY, "the " + origin.replaceFirst("^the ", ""),
                null, script);
    }
}
