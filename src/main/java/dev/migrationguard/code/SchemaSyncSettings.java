package dev.migrationguard.code;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Finds run-time schema synchronisation: Hibernate {@code hbm2ddl.auto} and Spring {@code ddl-auto} set to
 * {@code update}, {@code create} or {@code create-drop} (properties, YAML, persistence.xml, Java code), JPA
 * schema generation that creates or drops, TypeORM {@code synchronize: true} and Sequelize
 * {@code sync({ alter: true })} / {@code sync({ force: true })}.
 */
public final class SchemaSyncSettings {
    public static final ModelKey<List<SchemaSyncSetting>> MODEL = ModelKey.of("schema-sync-settings", SchemaSyncSettings::find);

    /** Keys whose values decide Hibernate's or JPA's schema management, by their last segments. */
    private static final Set<String> HIBERNATE_KEYS = Set.of(
            "hibernate.hbm2ddl.auto", "spring.jpa.hibernate.ddl-auto", "spring.jpa.properties.hibernate.hbm2ddl.auto",
            "javax.persistence.schema-generation.database.action", "jakarta.persistence.schema-generation.database.action",
            "spring.jpa.properties.javax.persistence.schema-generation.database.action",
            "spring.jpa.properties.jakarta.persistence.schema-generation.database.action", "HBM2DDL_AUTO");
    private static final Set<String> SYNCING_VALUES = Set.of("update", "create", "create-drop", "drop-and-create", "create-only");
    private static final Pattern PROPERTY_LINE = Pattern.compile("^[ \\t]*([A-Za-z0-9_.\\-]+)[ \\t]*[=:][ \\t]*([^\\s#]+)", Pattern.MULTILINE);
    private static final Pattern XML_PROPERTY = Pattern.compile(
            "<property\\s+name\\s*=\\s*\"([^\"]+)\"\\s+value\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern TEST_PROFILE = Pattern.compile("(?i)(?:^|[-_.])(test|tests|it|dev|development|local|h2)$");

    private SchemaSyncSettings() {
    }

    /** The kinds of file a setting is read from. */
    private enum Source { PROPERTIES, SPRING_YAML, PERSISTENCE_XML, SCRIPT, DOTENV, JAVA }

    /** The kind of settings file a path is, or null: one answer for {@link #mayRead} and {@link #find}. */
    private static Source sourceOf(String path) {
        String lower = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (lower.endsWith(".properties")) {
            return Source.PROPERTIES;
        }
        if ((lower.startsWith("application") || lower.startsWith("bootstrap"))
                && (lower.endsWith(".yml") || lower.endsWith(".yaml"))) {
            return Source.SPRING_YAML;
        }
        if (lower.equals("persistence.xml") || lower.endsWith("-persistence.xml")) {
            return Source.PERSISTENCE_XML;
        }
        if (JsSqlCalls.isScript(path) || lower.equals("ormconfig.json")) {
            return Source.SCRIPT;
        }
        if (lower.equals(".env") || lower.startsWith(".env.")) {
            return Source.DOTENV;
        }
        return path.endsWith(".java") ? Source.JAVA : null;
    }

    /** Whether a file at this path may hold a schema-sync setting (the files {@link #find} reads). */
    public static boolean mayRead(String path) {
        return sourceOf(path) != null;
    }

    static List<SchemaSyncSetting> find(Snapshot snapshot) {
        List<SchemaSyncSetting> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            Source source = sourceOf(path);
            if (source == null) {
                continue;
            }
            // Script and Java files are decoded only when their bytes can hold a setting: most code cannot, and a
            // pre-commit run that checks settings must not decode and tokenize a whole code base.
            Optional<SourceFile> file = switch (source) {
                case SCRIPT -> snapshot.readIf(path, Snapshot.keepingNotices(SchemaSyncSettings::mayHoldScriptSetting));
                case JAVA -> snapshot.readIf(path, Snapshot.keepingNotices(SchemaSyncSettings::mayNameSetting));
                default -> snapshot.read(path);
            };
            if (file.isEmpty()) {
                continue;
            }
            SourceFile f = file.get();
            switch (source) {
                case PROPERTIES -> properties(f, out);
                case SPRING_YAML -> springYaml(f, out);
                case PERSISTENCE_XML -> persistenceXml(f, out);
                case SCRIPT -> {
                    if (f.text().contains("synchronize") || JsWords.hasWord(f.text(), "sync")) {
                        javaScript(f, out);
                    }
                }
                case DOTENV -> dotEnv(f, out);
                case JAVA -> {
                    if (namesSetting(f.text())) {
                        java(JavaSources.of(f), out);
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing((SchemaSyncSetting s) -> s.file().path()).thenComparingInt(SchemaSyncSetting::start));
        return List.copyOf(out);
    }

    /** Why a file is clearly for tests or local development ("" when it is not). */
    static String fileScope(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.contains("src/test/") || p.contains("/test/") || p.startsWith("test/") || p.contains("__tests__/")
                || p.contains(".test.") || p.contains(".spec.") || p.contains("/e2e/") || p.contains("fixtures/")
                || p.startsWith("tests/") || p.contains("/tests/")) {
            return "test source";
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Matcher m = TEST_PROFILE.matcher(base);
        if ((base.startsWith("application") || base.startsWith("bootstrap") || base.startsWith(".env")
                || base.startsWith("ormconfig")) && m.find()) {
            return m.group(1).toLowerCase(Locale.ROOT) + " profile";
        }
        return "";
    }

    private static boolean syncs(String key, String value) {
        return HIBERNATE_KEYS.contains(key) && SYNCING_VALUES.contains(value.toLowerCase(Locale.ROOT).replace("\"", ""));
    }

    private static void properties(SourceFile f, List<SchemaSyncSetting> out) {
        Matcher m = PROPERTY_LINE.matcher(f.text());
        while (m.find()) {
            if (syncs(m.group(1), m.group(2))) {
                out.add(new SchemaSyncSetting(f, m.start(2), m.end(2), framework(m.group(1)), m.group(1), m.group(2),
                        fileScope(f.path())));
            }
        }
    }

    private static String framework(String key) {
        return key.startsWith("spring.") ? "Spring" : key.contains("persistence") ? "JPA" : "Hibernate";
    }

    private static void persistenceXml(SourceFile f, List<SchemaSyncSetting> out) {
        Matcher m = XML_PROPERTY.matcher(f.text());
        while (m.find()) {
            if (syncs(m.group(1), m.group(2))) {
                out.add(new SchemaSyncSetting(f, m.start(2), m.end(2), framework(m.group(1)), m.group(1), m.group(2),
                        fileScope(f.path())));
            }
        }
    }

    private static void springYaml(SourceFile f, List<SchemaSyncSetting> out) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(200);
        try {
            for (Node doc : new Yaml(options).composeAll(new StringReader(f.text()))) {
                if (doc == null) {
                    continue;
                }
                Map<String, ScalarNode> flat = new HashMap<>();
                flatten(doc, "", flat, 0);
                String profile = "";
                for (String key : List.of("spring.config.activate.on-profile", "spring.profiles")) {
                    if (flat.containsKey(key)) {
                        profile = flat.get(key).getValue();
                    }
                }
                String scope = fileScope(f.path());
                if (scope.isEmpty() && !profile.isEmpty() && TEST_PROFILE.matcher(profile.strip()).find()) {
                    scope = profile.strip() + " profile";
                }
                for (Map.Entry<String, ScalarNode> e : flat.entrySet()) {
                    ScalarNode v = e.getValue();
                    if (syncs(e.getKey(), v.getValue())) {
                        int start = f.offset(v.getStartMark().getLine() + 1, v.getStartMark().getColumn() + 1);
                        int end = f.offset(v.getEndMark().getLine() + 1, v.getEndMark().getColumn() + 1);
                        out.add(new SchemaSyncSetting(f, start, end, framework(e.getKey()), e.getKey(), v.getValue(), scope));
                    }
                }
            }
        } catch (RuntimeException e) {
            // A YAML file SnakeYAML cannot read holds no setting we can report; other rules report bad YAML.
        }
    }

    private static void flatten(Node node, String prefix, Map<String, ScalarNode> out, int depth) {
        if (depth > 100 || !(node instanceof MappingNode map)) {
            return;
        }
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                continue;
            }
            String key = prefix.isEmpty() ? k.getValue() : prefix + "." + k.getValue();
            if (t.getValueNode() instanceof ScalarNode v) {
                out.put(key, v);
            } else {
                flatten(t.getValueNode(), key, out, depth + 1);
            }
        }
    }

    private static void dotEnv(SourceFile f, List<SchemaSyncSetting> out) {
        Matcher m = Pattern.compile("^[ \\t]*(?:export[ \\t]+)?(TYPEORM_SYNCHRONIZE|SPRING_JPA_HIBERNATE_DDL_AUTO)[ \\t]*=[ \\t]*[\"']?([A-Za-z-]+)",
                Pattern.MULTILINE).matcher(f.text());
        while (m.find()) {
            String v = m.group(2).toLowerCase(Locale.ROOT);
            boolean syncing = m.group(1).startsWith("TYPEORM") ? v.equals("true") : SYNCING_VALUES.contains(v);
            if (syncing) {
                out.add(new SchemaSyncSetting(f, m.start(2), m.end(2), m.group(1).startsWith("TYPEORM") ? "TypeORM" : "Spring",
                        m.group(1), m.group(2), fileScope(f.path())));
            }
        }
    }

    private static void javaScript(SourceFile f, List<SchemaSyncSetting> out) {
        List<JsToken> tokens = JsTokenizer.tokens(f);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            JsToken key = tokens.get(i);
            boolean keyIsSynchronize = key.kind() == JsToken.Kind.IDENTIFIER && key.text().equals("synchronize")
                    || key.kind() == JsToken.Kind.STRING && key.text().equals("synchronize");
            if (keyIsSynchronize && tokens.get(i + 1).is(":") && tokens.get(i + 2).is("true")) {
                JsToken v = tokens.get(i + 2);
                out.add(new SchemaSyncSetting(f, key.start(), v.end(), "TypeORM", "synchronize", "true", fileScope(f.path())));
            }
            if (key.is("sync") && i > 0 && tokens.get(i - 1).is(".") && tokens.get(i + 1).is("(") && tokens.get(i + 2).is("{")) {
                int depth = 0;
                for (int j = i + 2; j < tokens.size(); j++) {
                    JsToken t = tokens.get(j);
                    if (t.is("{")) {
                        depth++;
                    } else if (t.is("}")) {
                        if (--depth == 0) {
                            break;
                        }
                    } else if (depth == 1 && (t.is("alter") || t.is("force")) && j + 2 < tokens.size()
                            && tokens.get(j + 1).is(":") && tokens.get(j + 2).is("true")) {
                        out.add(new SchemaSyncSetting(f, t.start(), tokens.get(j + 2).end(), "Sequelize",
                                "sync({ " + t.text() + ": true })", t.text() + ": true", fileScope(f.path())));
                    }
                }
            }
        }
    }

    /**
     * Whether a script's bytes can hold {@code synchronize: true} or {@code .sync({...})}: the key, or {@code sync} as a
     * whole word ({@code async}, in nearly every file, is not). Only ASCII is looked at, so UTF-8 needs no decoding.
     */
    static boolean mayHoldScriptSetting(byte[] b) {
        return JsWords.contains(b, "synchronize") || JsWords.hasWord(b, "sync");
    }

    /** Whether a Java file's bytes name one of the schema-generation settings {@link #namesSetting} looks for. */
    static boolean mayNameSetting(byte[] b) {
        return JsWords.contains(b, "hbm2ddl") || JsWords.contains(b, "HBM2DDL") || JsWords.contains(b, "ddl-auto")
                || JsWords.contains(b, "schema-generation");
    }

    private static boolean namesSetting(String text) {
        return text.contains("hbm2ddl") || text.contains("HBM2DDL") || text.contains("ddl-auto")
                || text.contains("schema-generation");
    }

    private static void java(JavaSource source, List<SchemaSyncSetting> out) {
        if (source.unit().isEmpty()) {
            return;
        }
        CompilationUnit unit = source.unit().get();
        Map<String, Expression> constants = new HashMap<>();
        for (VariableDeclarator v : unit.findAll(VariableDeclarator.class)) {
            v.getInitializer().ifPresent(init -> constants.putIfAbsent(v.getNameAsString(), init));
        }
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (call.getArguments().size() != 2) {
                continue;
            }
            Expression keyArg = call.getArgument(0);
            String key = keyArg instanceof FieldAccessExpr fa && fa.getNameAsString().equals("HBM2DDL_AUTO") ? "HBM2DDL_AUTO"
                    : keyArg instanceof NameExpr n && n.getNameAsString().equals("HBM2DDL_AUTO") ? "HBM2DDL_AUTO"
                    : JavaSqlCalls.resolve(keyArg, constants, new HashSet<>()).orElse(null);
            if (key == null) {
                continue;
            }
            Expression valueArg = call.getArgument(1);
            String value = JavaSqlCalls.resolve(valueArg, constants, new HashSet<>()).orElse("");
            if (syncs(key, value)) {
                out.add(new SchemaSyncSetting(source.file(), source.start(valueArg), source.end(valueArg), framework(key),
                        key, value, fileScope(source.file().path())));
            }
        }
    }
}
