package dev.migrationguard.scripts;

import dev.migrationguard.workspace.SourceFile;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads commands from YAML files through SnakeYAML's node tree, whose marks locate each scalar: GitHub workflow
 * and composite action {@code run:} steps, compose {@code command:}/{@code entrypoint:}, lefthook {@code run:},
 * GitLab CI {@code script:}. Comments, {@code name:} fields and other keys are never read as commands.
 */
final class YamlReader {
    private YamlReader() {
    }

    private static Node compose(SourceFile file, List<ScriptProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setAllowDuplicateKeys(true);
        // SnakeYAML stops at 50 levels; GitHub reads valid workflows nested deeper (a 60-level env was not checked).
        options.setNestingDepthLimit(1_000);
        try {
            return new Yaml(options).compose(new StringReader(file.text()));
        } catch (MarkedYAMLException e) {
            int at = e.getProblemMark() == null ? 0 : YamlScalars.offset(file, e.getProblemMark());
            problems.add(new ScriptProblem(file, at, at, "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            String message = String.valueOf(e.getMessage());
            problems.add(new ScriptProblem(file, 0, 0, message.contains("Nesting Depth exceeded")
                    ? ScriptProblem.TOO_DEEP + " (1,000)" : "not valid YAML: " + message));
        } catch (StackOverflowError e) {
            problems.add(new ScriptProblem(file, 0, 0, ScriptProblem.TOO_DEEP));
        }
        return null;
    }

    static Node get(Node node, String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    /** Where a node's text starts and ends in the file: an alias's node is its anchor's, at the anchor's place. */
    private static String place(Node node) {
        return node.getStartMark().getIndex() + ":" + node.getEndMark().getIndex() + ":";
    }

    static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static ShellScript shell(SourceFile file, ScalarNode node) {
        return ShellParser.parse(YamlScalars.value(file, node));
    }

    /** {@code jobs.*.steps[].run}, or {@code runs.steps[].run} for a composite action. */
    static void readWorkflow(SourceFile file, boolean action, List<ScriptSource> out, List<ScriptProblem> problems) {
        Node root = compose(file, problems);
        if (root == null) {
            return;
        }
        String defaultShell = scalar(get(get(get(root, "defaults"), "run"), "shell"));
        String defaultDir = scalar(get(get(get(root, "defaults"), "run"), "working-directory"));
        // steps start in the repository holding .github/ (a sample's own root when linting a folder of samples)
        int github = file.path().indexOf(".github/workflows/");
        String base = github > 0 ? file.path().substring(0, github) : "";
        if (action) {
            readSteps(file, get(get(root, "runs"), "steps"), "action", defaultShell, "", null, out, new HashSet<>());
            return;
        }
        if (get(root, "jobs") instanceof MappingNode jobs) {
            Set<String> used = new HashSet<>();
            for (NodeTuple job : jobs.getValue()) {
                String jobName = scalar(job.getKeyNode());
                Node jobRun = get(get(job.getValueNode(), "defaults"), "run");
                String jobShell = scalar(get(jobRun, "shell"));
                String jobDir = scalar(get(jobRun, "working-directory"));
                readSteps(file, get(job.getValueNode(), "steps"), "job `" + jobName + "`",
                        jobShell != null ? jobShell : defaultShell, base, jobDir != null ? jobDir : defaultDir, out, used);
            }
        }
    }

    /** A workflow's {@code working-directory}, relative to the repository root, as a folder prefix. */
    private static String folder(String workingDirectory) {
        if (workingDirectory == null || workingDirectory.contains("${{")) {
            return "";
        }
        String dir = workingDirectory.strip();
        while (dir.startsWith("./")) {
            dir = dir.substring(2);
        }
        if (dir.isEmpty() || dir.equals(".") || dir.startsWith("/") || dir.startsWith("..")) {
            return "";
        }
        return dir.endsWith("/") ? dir : dir + "/";
    }

    /**
     * {@code used}: the runs already read, by place and folder. A YAML alias ({@code run: *deploy}) repeats its
     * anchor's scalar: read once, it gives the same sites at the same offsets, so later uses add nothing but time
     * (16,000 aliases of one command took minutes).
     */
    private static void readSteps(SourceFile file, Node steps, String owner, String shell, String base,
                                  String directory, List<ScriptSource> out, Set<String> used) {
        if (!(steps instanceof SequenceNode seq)) {
            return;
        }
        int index = 0;
        for (Node step : seq.getValue()) {
            index++;
            if (!(get(step, "run") instanceof ScalarNode run)) {
                continue;
            }
            String stepShell = scalar(get(step, "shell"));
            if (!isPosixShell(stepShell != null ? stepShell : shell)) {
                continue;
            }
            String name = scalar(get(step, "name"));
            String origin = (name != null ? "step `" + name + "`" : "step " + index) + " of " + owner;
            String stepDir = scalar(get(step, "working-directory"));
            String folder = base + folder(stepDir != null ? stepDir : directory);
            if (!used.add(place(run) + folder)) {
                continue;
            }
            out.add(new ScriptSource(file, ScriptKind.WORKFLOW, ScriptContext.CI, origin, null, shell(file, run), folder));
        }
    }

    /** Steps run by pwsh, python or cmd are not shell scripts. */
    private static boolean isPosixShell(String shell) {
        if (shell == null) {
            return true;
        }
        String program = shell.strip().split("\\s+")[0];
        return program.equals("bash") || program.equals("sh") || program.endsWith("/bash") || program.endsWith("/sh")
                || program.equals("zsh");
    }

    /** {@code services.*.command} and {@code entrypoint}: a string is a command line, a list is exec form. */
    static void readCompose(SourceFile file, ScriptContext context, List<ScriptSource> out, List<ScriptProblem> problems) {
        Node root = compose(file, problems);
        if (!(get(root, "services") instanceof MappingNode services)) {
            return;
        }
        Map<Node, Boolean> used = new IdentityHashMap<>();
        for (NodeTuple service : services.getValue()) {
            String name = scalar(service.getKeyNode());
            for (String key : List.of("entrypoint", "command")) {
                Node value = get(service.getValueNode(), key);
                String origin = "the `" + key + "` of service `" + name + "`";
                if (value != null && used.put(value, Boolean.TRUE) != null) {
                    continue;
                }
                if (value instanceof ScalarNode s) {
                    out.add(new ScriptSource(file, ScriptKind.COMPOSE, context, origin, null, shell(file, s)));
                } else if (value instanceof SequenceNode list) {
                    List<Word> words = new ArrayList<>();
                    for (Node item : list.getValue()) {
                        if (item instanceof ScalarNode s) {
                            MappedText v = YamlScalars.value(file, s);
                            words.add(new Word(v, YamlScalars.offset(file, s.getStartMark()),
                                    YamlScalars.offset(file, s.getEndMark()), false));
                        }
                    }
                    if (!words.isEmpty()) {
                        out.add(new ScriptSource(file, ScriptKind.COMPOSE, context, origin, null, ShellParser.ofWords(words)));
                    }
                }
            }
        }
    }

    /** Every {@code run:} string in a lefthook config, named by the keys leading to it. */
    static void readLefthook(SourceFile file, List<ScriptSource> out, List<ScriptProblem> problems) {
        Node root = compose(file, problems);
        if (root != null) {
            walkRuns(file, root, "", out, new IdentityHashMap<>(), 0);
        }
    }

    private static void walkRuns(SourceFile file, Node node, String path, List<ScriptSource> out,
                                 Map<Node, Boolean> seen, int depth) {
        if (depth > 12 || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode());
                if ("run".equals(key) && t.getValueNode() instanceof ScalarNode run) {
                    if (seen.put(run, Boolean.TRUE) != null) {
                        continue;
                    }
                    String origin = "the lefthook command `" + (path.isEmpty() ? "run" : path) + "`";
                    out.add(new ScriptSource(file, ScriptKind.LEFTHOOK, ScriptContext.LOCAL, origin, null, shell(file, run)));
                } else {
                    walkRuns(file, t.getValueNode(), path.isEmpty() ? String.valueOf(key) : path + "." + key, out, seen,
                            depth + 1);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                walkRuns(file, item, path + "[" + i++ + "]", out, seen, depth + 1);
            }
        }
    }

    /** Keys whose string (or list of strings) value is a script in CI configs. */
    private static final java.util.Set<String> CI_SCRIPT_KEYS = java.util.Set.of("script", "before_script",
            "after_script", "commands", "command", "install", "before_install", "after_success", "after_failure",
            "before_deploy", "after_deploy", "bash", "run");

    /**
     * CI configs other than GitHub's: GitLab ({@code script}, {@code before_script}, {@code after_script}), CircleCI
     * ({@code run} as a string or with {@code command}), Bitbucket ({@code script}), Azure Pipelines
     * ({@code script}, {@code bash}), Travis ({@code install}, {@code script}, ...), Drone and Woodpecker
     * ({@code commands}), Buildkite ({@code command}, {@code commands}), wherever they sit in the file.
     */
    static void readCiConfig(SourceFile file, List<ScriptSource> out, List<ScriptProblem> problems) {
        Node root = compose(file, problems);
        if (root != null) {
            walkCi(file, root, "", out, new IdentityHashMap<>(), 0);
        }
    }

    private static void walkCi(SourceFile file, Node node, String path, List<ScriptSource> out,
                               Map<Node, Boolean> seen, int depth) {
        if (depth > 12 || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String key = scalar(t.getKeyNode());
                Node value = t.getValueNode();
                String where = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (key != null && CI_SCRIPT_KEYS.contains(key) && !(value instanceof MappingNode)) {
                    String origin = "the `" + key + "` of `" + (path.isEmpty() ? key : path) + "`";
                    for (ScalarNode line : scalars(value)) {
                        if (seen.put(line, Boolean.TRUE) == null) {
                            out.add(new ScriptSource(file, ScriptKind.CI_CONFIG, ScriptContext.CI, origin, null,
                                    shell(file, line), ""));
                        }
                    }
                } else {
                    walkCi(file, value, where, out, seen, depth + 1);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                walkCi(file, item, path + "[" + i++ + "]", out, seen, depth + 1);
            }
        }
    }

    /** A scalar, or the scalars of a list (one level of nested lists flattened, as GitLab does). */
    private static List<ScalarNode> scalars(Node value) {
        List<ScalarNode> out = new ArrayList<>();
        if (value instanceof ScalarNode s) {
            out.add(s);
        } else if (value instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    out.add(s);
                } else if (item instanceof SequenceNode inner) {
                    for (Node n : inner.getValue()) {
                        if (n instanceof ScalarNode s) {
                            out.add(s);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Containers in Kubernetes manifests (any document of the file): {@code command} and {@code args} as exec-form
     * words. Files that are not plain YAML (Helm templates with {@code {{ }}}) are skipped without a problem.
     */
    static void readKubernetes(SourceFile file, ScriptContext context, List<ScriptSource> out) {
        List<Node> documents = new ArrayList<>();
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(100);
            for (Node doc : new Yaml(options).composeAll(new StringReader(file.text()))) {
                documents.add(doc);
            }
        } catch (RuntimeException | StackOverflowError e) {
            return;
        }
        for (Node doc : documents) {
            walkContainers(file, doc, context, out, new IdentityHashMap<>(), 0);
        }
    }

    private static void walkContainers(SourceFile file, Node node, ScriptContext context, List<ScriptSource> out,
                                       Map<Node, Boolean> seen, int depth) {
        if (node == null || depth > 20 || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof MappingNode map) {
            if (get(map, "image") != null && (get(map, "command") != null || get(map, "args") != null)) {
                List<Word> words = new ArrayList<>();
                for (String key : List.of("command", "args")) {
                    for (ScalarNode s : scalars(get(map, key))) {
                        words.add(new Word(YamlScalars.value(file, s), YamlScalars.offset(file, s.getStartMark()),
                                YamlScalars.offset(file, s.getEndMark()), false));
                    }
                }
                String name = scalar(get(map, "name"));
                if (!words.isEmpty()) {
                    out.add(new ScriptSource(file, ScriptKind.KUBERNETES, context,
                            "container `" + (name == null ? scalar(get(map, "image")) : name) + "`", null,
                            ShellParser.ofWords(words)));
                }
            }
            for (NodeTuple t : map.getValue()) {
                walkContainers(file, t.getValueNode(), context, out, seen, depth + 1);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                walkContainers(file, item, context, out, seen, depth + 1);
            }
        }
    }
}
