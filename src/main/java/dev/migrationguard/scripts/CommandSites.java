package dev.migrationguard.scripts;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds every command in the files that run commands, once per snapshot: package.json {@code scripts} (chains
 * followed), shell scripts ({@code *.sh}, {@code *.bash}, {@code *.zsh}, files with a shell shebang), GitHub
 * workflow and composite action {@code run:} steps, Dockerfiles, Makefiles, compose files, Procfiles, husky hooks,
 * lefthook configs, other CI configs (GitLab, CircleCI, Bitbucket, Azure Pipelines, Travis, Drone, Woodpecker,
 * Buildkite, Jenkinsfile {@code sh} steps), Kubernetes container specs and hosting platforms' deploy commands
 * (vercel.json, render.yaml, fly.toml, netlify.toml, railway, app.json, nixpacks.toml).
 *
 * <p>Contexts flow along calls: a package script, Makefile target or shell script file run from a CI or deploy
 * command takes that context, and its sites name the chain ({@link CommandSite#reachedFrom()}).
 */
public final class CommandSites {
    private static final Pattern LEFTHOOK = Pattern.compile("\\.?lefthook(-local)?\\.ya?ml");
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern WORKFLOW = Pattern.compile("(?:.*/)?\\.github/workflows/[^/]+\\.ya?ml");
    private static final Pattern COMPOSE = Pattern.compile("(?:docker-)?compose[^/]*\\.ya?ml");
    private static final Pattern HUSKY = Pattern.compile("(?:.*/)?\\.husky/[^/._][^/]*");
    private static final Pattern CI_CONFIG = Pattern.compile("(?:.*/)?(?:\\.gitlab-ci\\.ya?ml|\\.gitlab/ci/[^/]+\\.ya?ml"
            + "|\\.circleci/config\\.ya?ml|bitbucket-pipelines\\.ya?ml|azure-pipelines[^/]*\\.ya?ml|\\.travis\\.ya?ml"
            + "|\\.drone\\.ya?ml|\\.woodpecker\\.ya?ml|\\.woodpecker/[^/]+\\.ya?ml|\\.buildkite/[^/]*pipeline[^/]*\\.ya?ml)");
    /** Programs whose first operand is a script file they run. */
    private static final java.util.Set<String> SCRIPT_RUNNERS = java.util.Set.of("bash", "sh", "zsh", "dash", "ksh",
            "ash", "source", ".");
    private static final Pattern SHEBANG = Pattern.compile("#!\\s*\\S*(?:/|env\\s+(?:-S\\s+)?)(?:ba|z|da|k|a)?sh\\b.*");

    /** The commands and the problems met while reading them. */
    public record Model(List<CommandSite> sites, List<ScriptProblem> problems) {
        public Model {
            sites = List.copyOf(sites);
            problems = List.copyOf(problems);
        }
    }

    /** Commands and reading problems, parsed once per snapshot. */
    public static final ModelKey<Model> MODEL = ModelKey.of("command sites and problems", CommandSites::build);

    /** Every command of the snapshot, sorted by path and offset. */
    public static final ModelKey<List<CommandSite>> KEY = ModelKey.of("command sites", s -> s.model(MODEL).sites());

    private CommandSites() {
    }

    /** The kind of script file a path is, if any (shell files without an extension are told by their shebang). */
    public static Optional<ScriptKind> kindOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        // Checked for every file of a repository: the patterns below only match YAML files or .husky/ paths.
        boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
        if (name.equals("package.json")) {
            return Optional.of(ScriptKind.PACKAGE_JSON);
        }
        if (PlatformConfigReader.FILES.contains(name)) {
            return Optional.of(ScriptKind.PLATFORM);
        }
        if (yaml && (WORKFLOW.matcher(path).matches() || name.equals("action.yml") || name.equals("action.yaml"))) {
            return Optional.of(ScriptKind.WORKFLOW);
        }
        if (yaml && CI_CONFIG.matcher(path).matches() || name.equals("Jenkinsfile") || name.endsWith(".Jenkinsfile")) {
            return Optional.of(ScriptKind.CI_CONFIG);
        }
        if (name.equals("Dockerfile") || name.equals("Containerfile") || name.startsWith("Dockerfile.")
                || name.endsWith(".Dockerfile") || name.endsWith(".dockerfile")) {
            return Optional.of(ScriptKind.DOCKERFILE);
        }
        if (yaml && COMPOSE.matcher(name).matches()) {
            return Optional.of(ScriptKind.COMPOSE);
        }
        if (name.equals("Procfile") || name.startsWith("Procfile.")) {
            return Optional.of(ScriptKind.PROCFILE);
        }
        if (path.contains(".husky/") && HUSKY.matcher(path).matches()) {
            return Optional.of(ScriptKind.HUSKY);
        }
        if (yaml && LEFTHOOK.matcher(name).matches()) {
            return Optional.of(ScriptKind.LEFTHOOK);
        }
        if (name.equals("Makefile") || name.equals("makefile") || name.equals("GNUmakefile") || name.endsWith(".mk")) {
            return Optional.of(ScriptKind.MAKEFILE);
        }
        if (name.endsWith(".sh") || name.endsWith(".bash") || name.endsWith(".zsh")) {
            return Optional.of(ScriptKind.SHELL);
        }
        return Optional.empty();
    }

    /**
     * Whether the commands of a file at this path may be read: a script kind, any YAML (a Kubernetes manifest is
     * told by its content) or a file without an extension (a shell script is told by its shebang).
     */
    public static boolean mayRead(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return kindOf(path).isPresent() || !name.contains(".") || name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** Any YAML with a container list and a kind: Kubernetes and OpenShift manifests, Kustomize bases. */
    private static boolean isKubernetesManifest(SourceFile file) {
        String text = file.text();
        return text.contains("containers:") && text.contains("kind:") && text.contains("image:");
    }

    private static boolean hasShellShebang(SourceFile file) {
        return file.lineCount() > 0 && SHEBANG.matcher(file.lineText(1)).matches();
    }

    static Model build(Snapshot snapshot) {
        List<ScriptSource> sources = new ArrayList<>();
        List<ScriptProblem> problems = new ArrayList<>();
        List<SourceFile> packages = new ArrayList<>();
        List<MakefileReader.Result> makefiles = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (!mayRead(path)) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            Optional<ScriptKind> kind = kindOf(path);
            boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
            SourceFile file = snapshot.read(path).orElse(null);
            if (file == null) {
                continue;
            }
            ScriptContext byPath = ContextRules.forPath(path);
            ScriptContext deployUnlessLocal = ContextRules.namesLocalVariant(name) ? byPath
                    : ScriptContext.DEPLOY.strongest(byPath);
            if (kind.isEmpty() && yaml) {
                if (isKubernetesManifest(file)) {
                    YamlReader.readKubernetes(file, deployUnlessLocal, sources);
                }
                continue;
            }
            if (kind.isEmpty()) {
                if (hasShellShebang(file)) {
                    sources.add(new ScriptSource(file, ScriptKind.SHELL, byPath, "this shell script", null, parseFile(file)));
                }
                continue;
            }
            switch (kind.get()) {
                case PACKAGE_JSON -> packages.add(file);
                case WORKFLOW -> YamlReader.readWorkflow(file, !WORKFLOW.matcher(path).matches(), sources, problems);
                case CI_CONFIG -> {
                    if (name.endsWith("Jenkinsfile")) {
                        JenkinsfileReader.read(file, sources);
                    } else {
                        YamlReader.readCiConfig(file, sources, problems);
                    }
                }
                case KUBERNETES -> YamlReader.readKubernetes(file, deployUnlessLocal, sources);
                case DOCKERFILE -> DockerfileReader.read(file, deployUnlessLocal, sources);
                case COMPOSE -> YamlReader.readCompose(file, deployUnlessLocal, sources, problems);
                case PROCFILE -> readProcfile(file, deployUnlessLocal, sources);
                case HUSKY -> sources.add(new ScriptSource(file, ScriptKind.HUSKY, byPath, "husky hook `" + name + "`", null,
                        parseFile(file), path.substring(0, path.lastIndexOf(".husky/"))));
                case LEFTHOOK -> YamlReader.readLefthook(file, sources, problems);
                case PLATFORM -> PlatformConfigReader.read(file, name, sources, problems);
                case MAKEFILE -> makefiles.add(MakefileReader.read(file, byPath));
                case SHELL -> sources.add(new ScriptSource(file, ScriptKind.SHELL, byPath, "this shell script", null,
                        parseFile(file)));
            }
        }
        // shell script files take the context of whatever runs them, so their sites are added last
        Map<String, ScriptSource> shellFiles = new LinkedHashMap<>();
        List<CommandSite> sites = new ArrayList<>();
        for (ScriptSource source : sources) {
            if (source.kind() == ScriptKind.SHELL) {
                shellFiles.put(source.file().path(), source);
            } else {
                addSites(source, source.context(), List.of(), sites, problems);
            }
        }
        for (MakefileReader.Result makefile : makefiles) {
            Map<String, ScriptContext> own = new LinkedHashMap<>();
            for (ScriptSource s : makefile.sources()) {
                own.merge(s.unit(), s.context(), ScriptContext::strongest);
            }
            for (String target : makefile.edges().keySet()) {
                own.putIfAbsent(target, ContextRules.forName(target));
            }
            Map<String, ChainResolver.Reach> reach = ChainResolver.resolve(own, makefile.edges(),
                    makeSeeds(makefile, sites));
            for (ScriptSource s : makefile.sources()) {
                ChainResolver.Reach r = reach.get(s.unit());
                addSites(s, r.context(), r.from(), sites, problems);
            }
        }
        // two passes: a workflow may run a script file that runs `npm run`, and a package script may run a file
        List<CommandSite> shellSites = shellSites(shellFiles, sites, new ArrayList<>());
        List<CommandSite> callers = new ArrayList<>(sites);
        callers.addAll(shellSites);
        List<String> packageDirs = packages.stream().map(f -> directory(f.path())).toList();
        List<ScriptCaller> scriptCallers = new ArrayList<>();
        for (CommandSite site : callers) {
            if (site.context().isShared()) {
                List<ScriptCall> calls = ScriptCall.of(site.command());
                if (!calls.isEmpty()) {
                    scriptCallers.add(new ScriptCaller(site, calls));
                }
            }
        }
        for (SourceFile pkg : packages) {
            addPackage(pkg, packageDirs, scriptCallers, sites, problems);
        }
        sites.addAll(shellSites(shellFiles, sites, problems));
        sites.sort(Comparator.comparing(CommandSite::path).thenComparingInt(CommandSite::start));
        return new Model(distinct(sites), problems);
    }

    /**
     * The sites of shell script files, each file in the strongest context of anything that runs it
     * ({@code ./scripts/migrate.sh}, {@code bash scripts/migrate.sh}, {@code source x.sh}) and the chain from there.
     */
    private static List<CommandSite> shellSites(Map<String, ScriptSource> files, List<CommandSite> callers,
                                                List<ScriptProblem> problems) {
        Map<String, ScriptContext> own = new LinkedHashMap<>();
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (ScriptSource file : files.values()) {
            own.put(file.file().path(), file.context());
            List<String> next = new ArrayList<>();
            for (ShellCommand command : file.script().commands()) {
                shellFileRun(command, file.directory(), file.file().path(), files.keySet())
                        .filter(target -> !next.contains(target)).ifPresent(next::add);
            }
            edges.put(file.file().path(), next);
        }
        List<ChainResolver.Seed> seeds = new ArrayList<>();
        for (CommandSite site : callers) {
            if (!site.context().isShared()) {
                continue;
            }
            String label = site.kind() == ScriptKind.PACKAGE_JSON ? site.path() + " " + site.origin() : site.path();
            shellFileRun(site.command(), site.directory(), site.path(), files.keySet())
                    .ifPresent(target -> seeds.add(new ChainResolver.Seed(label, target, site.context())));
        }
        Map<String, ChainResolver.Reach> reach = ChainResolver.resolve(own, edges, seeds);
        List<CommandSite> out = new ArrayList<>();
        for (ScriptSource file : files.values()) {
            ChainResolver.Reach r = reach.get(file.file().path());
            addSites(file, r.context(), r.from(), out, problems);
        }
        return out;
    }

    /** The script file a command runs, if it names one of {@code files}. */
    private static Optional<String> shellFileRun(ShellCommand command, String cwd, String callerPath,
                                                 java.util.Set<String> files) {
        List<Word> w = CommandWords.unwrap(command.words());
        if (w.isEmpty()) {
            return Optional.empty();
        }
        String program = CommandWords.basename(w.get(0).text());
        String target = null;
        if (SCRIPT_RUNNERS.contains(program)) {
            for (Word arg : w.subList(1, w.size())) {
                String t = arg.text();
                if (t.startsWith("-")) {
                    if (!t.startsWith("--") && t.indexOf('c') > 0) {
                        return Optional.empty();
                    }
                    continue;
                }
                target = t;
                break;
            }
        } else if (w.get(0).text().contains("/")) {
            target = w.get(0).text();
        }
        if (target == null || target.contains("$") || target.contains("`")) {
            return Optional.empty();
        }
        // a script usually runs from the repository root, whatever folder it sits in
        for (String base : List.of(cwd, ScriptSource.folderOf(callerPath), "")) {
            String path = normalize(base, target);
            if (path != null && files.contains(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** {@code base} + {@code relative} with {@code .} and {@code ..} resolved, or null when it leaves the root. */
    private static String normalize(String base, String relative) {
        if (relative.startsWith("/")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : (base + relative).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** One site per command: a YAML alias repeats its anchor's command at the same offsets; the strongest wins. */
    private static List<CommandSite> distinct(List<CommandSite> sites) {
        Map<String, CommandSite> byPlace = new LinkedHashMap<>();
        for (CommandSite site : sites) {
            String place = site.path() + ":" + site.start() + ":" + site.end();
            CommandSite seen = byPlace.get(place);
            if (seen == null || site.context().strongest(seen.context()) != seen.context()) {
                byPlace.put(place, site);
            }
        }
        return new ArrayList<>(byPlace.values());
    }

    private static ShellScript parseFile(SourceFile file) {
        return ShellParser.parse(MappedText.identity(file.text(), 0, file.text().length()));
    }

    private static void addSites(ScriptSource source, ScriptContext context, List<String> from, List<CommandSite> sites,
                                 List<ScriptProblem> problems) {
        for (ShellCommand command : source.script().commands()) {
            if (!command.words().isEmpty()) {
                sites.add(new CommandSite(source.file(), source.kind(), context, source.origin(), from, command,
                        source.directory(), source.script()));
            }
        }
        for (ShellScript.Problem p : source.script().problems()) {
            problems.add(new ScriptProblem(source.file(), p.start(), p.end(), p.message()));
        }
    }

    /** {@code name: command} lines; {@code #} starts a comment line. */
    private static void readProcfile(SourceFile file, ScriptContext context, List<ScriptSource> out) {
        for (int line = 1; line <= file.lineCount(); line++) {
            String content = file.lineText(line);
            int colon = content.indexOf(':');
            if (content.strip().startsWith("#") || colon <= 0 || !SERVICE_NAME.matcher(content.substring(0, colon)).matches()) {
                continue;
            }
            int start = file.offset(line, 1) + colon + 1;
            String process = content.substring(0, colon);
            out.add(new ScriptSource(file, ScriptKind.PROCFILE, context, "process `" + process + "`", null,
                    ShellParser.parse(MappedText.identity(file.text(), start, file.offset(line, 1) + content.length()))));
        }
    }

    /** CI and deploy commands that run {@code make target} in the Makefile's folder. */
    private static List<ChainResolver.Seed> makeSeeds(MakefileReader.Result makefile, List<CommandSite> callers) {
        List<ChainResolver.Seed> seeds = new ArrayList<>();
        if (makefile.sources().isEmpty()) {
            return seeds;
        }
        String makefileDir = ScriptSource.folderOf(makefile.sources().get(0).file().path());
        for (CommandSite site : callers) {
            if (!site.context().isShared()) {
                continue;
            }
            List<Word> w = CommandWords.unwrap(site.command().words());
            if (w.isEmpty() || !CommandWords.basename(w.get(0).text()).equals("make")) {
                continue;
            }
            String dir = site.directory();
            List<String> targets = new ArrayList<>();
            for (int i = 1; i < w.size(); i++) {
                String t = w.get(i).text();
                if (t.equals("-C") && i + 1 < w.size()) {
                    dir = normalize(dir, w.get(++i).text()) + "/";
                } else if (t.startsWith("--directory=")) {
                    dir = normalize(dir, t.substring("--directory=".length())) + "/";
                } else if (t.equals("-f") || t.equals("--file") || t.equals("-j") || t.equals("-o")) {
                    i++;
                } else if (!t.startsWith("-") && !t.contains("=")) {
                    targets.add(t);
                }
            }
            if (dir.equals("/")) {
                dir = "";
            }
            if (dir.equals(makefileDir)) {
                for (String target : targets) {
                    seeds.add(new ChainResolver.Seed(site.path(), target, site.context()));
                }
            }
        }
        return seeds;
    }

    /** A command outside package.json, in a CI or deploy context, that runs package scripts. */
    private record ScriptCaller(CommandSite site, List<ScriptCall> calls) {
    }

    /** The scripts of one package.json, each in the strongest context of any entry point reaching it. */
    private static void addPackage(SourceFile pkg, List<String> packageDirs, List<ScriptCaller> callers,
                                   List<CommandSite> sites, List<ScriptProblem> problems) {
        List<ScriptSource> scripts = new ArrayList<>();
        PackageJsonReader.read(pkg, scripts, problems);
        Map<String, ScriptContext> own = new LinkedHashMap<>();
        ScriptContext byPath = ContextRules.forPath(pkg.path());
        for (ScriptSource s : scripts) {
            own.put(s.unit(), s.context().strongest(byPath));
        }
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (ScriptSource s : scripts) {
            List<String> next = new ArrayList<>();
            for (ShellCommand command : s.script().commands()) {
                for (ScriptCall call : ScriptCall.of(command)) {
                    for (String target : own.keySet()) {
                        if (call.matches(target) && !next.contains(target)) {
                            next.add(target);
                        }
                    }
                }
            }
            for (String hook : List.of("pre" + s.unit(), "post" + s.unit())) {
                if (own.containsKey(hook) && !next.contains(hook)) {
                    next.add(hook);
                }
            }
            edges.put(s.unit(), next);
        }
        List<ChainResolver.Seed> seeds = new ArrayList<>();
        String dir = directory(pkg.path());
        for (ScriptCaller caller : callers) {
            CommandSite site = caller.site();
            if (!site.directory().startsWith(dir) || nearerPackageExists(site.directory(), dir, packageDirs)) {
                continue;
            }
            for (ScriptCall call : caller.calls()) {
                for (String target : own.keySet()) {
                    if (call.matches(target)) {
                        seeds.add(new ChainResolver.Seed(site.path(), target, site.context()));
                    }
                }
            }
        }
        Map<String, ChainResolver.Reach> reach = ChainResolver.resolve(own, edges, seeds);
        Map<String, ScriptSource> byName = new LinkedHashMap<>();
        for (ScriptSource s : scripts) {
            byName.putIfAbsent(s.unit(), s);
        }
        for (ScriptSource s : scripts) {
            ChainResolver.Reach r = reach.get(s.unit());
            addSites(s, r.context(), r.from(), sites, problems);
            addForwardedSites(s, r, byName, sites);
        }
    }

    /**
     * {@code npm run prisma -- db push} with {@code "prisma": "dotenv -e .env -- prisma"}: the alias runs with the
     * forwarded words, which sit in the calling script, so the combined command is a site of the caller. So does
     * {@code pnpm with-env prisma db push} with {@code "with-env": "dotenv -e ../../.env --"} (a wrapper with no
     * program); {@code yarn prisma db push} already reads as Prisma and is not combined.
     */
    private static void addForwardedSites(ScriptSource caller, ChainResolver.Reach reach,
                                          Map<String, ScriptSource> byName, List<CommandSite> sites) {
        for (ShellCommand command : caller.script().commands()) {
            for (ScriptCall call : ScriptCall.of(command)) {
                ScriptSource alias = byName.get(call.pattern());
                if (call.forwarded().isEmpty() || alias == null || alias == caller
                        || alias.script().commands().size() != 1) {
                    continue;
                }
                ShellCommand only = alias.script().commands().get(0);
                // `pnpm with-env prisma db push` runs the script too; `yarn prisma db push` already reads as Prisma
                boolean wrapperOnly = CommandWords.isWrapperOnly(only.words());
                if (!(call.strict() && (isProgramAlias(only) || wrapperOnly) || !call.strict() && wrapperOnly)) {
                    continue;
                }
                ShellCommand target = alias.script().commands().get(0);
                List<Word> words = new ArrayList<>(target.words());
                words.addAll(call.forwarded());
                sites.add(new CommandSite(caller.file(), ScriptKind.PACKAGE_JSON, reach.context(),
                        caller.origin() + " through script `" + alias.unit() + "`", reach.from(),
                        new ShellCommand(target.assignments(), words, target.hereDocs()), caller.directory()));
            }
        }
    }

    /** A script that only names a tool, with options but no command words: {@code dotenv -e .env -- prisma}. */
    private static boolean isProgramAlias(ShellCommand command) {
        Optional<ToolCall> tool = CommandWords.tool(command.words());
        return tool.isPresent() && tool.get().arguments().stream().allMatch(w -> w.text().startsWith("-"));
    }

    private static String directory(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** Whether a package.json closer to the folder than the one in {@code dir} exists: that one is its package. */
    private static boolean nearerPackageExists(String folder, String dir, List<String> packageDirs) {
        for (String other : packageDirs) {
            if (other.length() > dir.length() && folder.startsWith(other)) {
                return true;
            }
        }
        return false;
    }
}
