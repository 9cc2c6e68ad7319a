package dev.migrationguard.scripts;

import java.util.Locale;
import java.util.Set;

/**
 * Decides a command's {@link ScriptContext} from names: package.json script names, Makefile targets, file names
 * and folders. A name is split into words at {@code : - _ . /} and spaces ({@code start:prod} is {@code start},
 * {@code prod}); a leading {@code pre}/{@code post} of an npm hook is ignored ({@code predeploy} is {@code deploy}).
 * <ul>
 * <li>CI: a word {@code ci}; a path under {@code .github/}, {@code .circleci/}, {@code .buildkite/},
 * {@code .gitlab/}, {@code ci/}, {@code .ci/}.</li>
 * <li>LOCAL wins next: a word among {@link #LOCAL_WORDS} ({@code dev}, {@code local}, {@code test}, ...).</li>
 * <li>DEPLOY: a word among {@link #DEPLOY_WORDS} ({@code deploy}, {@code release}, {@code start}, {@code prod},
 * {@code build}, the install lifecycle, hosting platforms), or a folder among {@link #DEPLOY_DIRS}
 * ({@code deploy/}, {@code infra/}, {@code k8s/}, {@code helm/}, {@code .platform/}, ...).</li>
 * <li>LOCAL otherwise.</li>
 * </ul>
 */
public final class ContextRules {
    /** Words that name a developer-only script. */
    public static final Set<String> LOCAL_WORDS = Set.of("dev", "develop", "development", "local", "watch", "test",
            "tests", "e2e", "storybook", "studio", "sandbox", "playground", "example", "examples", "demo");
    /**
     * Words that name a script run by deploys or in production: npm's start and install lifecycle (run by every
     * {@code npm ci} on a build server), build (the step hosting platforms run), release, and platform hooks.
     */
    public static final Set<String> DEPLOY_WORDS = Set.of("deploy", "deployment", "release", "prod", "production",
            "staging", "start", "serve", "install", "postinstall", "preinstall", "prepare", "build", "publish",
            "entrypoint", "provision", "rollout", "heroku", "vercel", "netlify", "render", "railway", "fly");
    /** Folders whose scripts are deploy tooling. */
    public static final Set<String> DEPLOY_DIRS = Set.of("deploy", "deploys", "deployment", "deployments", "infra",
            "infrastructure", "k8s", "kubernetes", "helm", "charts", "chart", ".platform", ".ebextensions",
            ".elasticbeanstalk", "terraform", "ansible", "release", "releases", "production", "prod", "ops", "kustomize",
            ".do", "argocd");
    /** Folders of CI configuration. */
    public static final Set<String> CI_DIRS = Set.of(".github", ".circleci", ".buildkite", ".gitlab", "ci", ".ci",
            ".woodpecker", ".drone", ".semaphore", ".teamcity");

    private ContextRules() {
    }

    /** The context a name implies, or LOCAL when it implies nothing. */
    public static ScriptContext forName(String name) {
        boolean deploy = false;
        boolean local = false;
        for (String raw : name.toLowerCase(Locale.ROOT).split("[:\\-_./\\s]+")) {
            String word = hookless(raw);
            if (raw.equals("ci") || word.equals("ci")) {
                return ScriptContext.CI;
            }
            local |= LOCAL_WORDS.contains(raw) || LOCAL_WORDS.contains(word);
            deploy |= DEPLOY_WORDS.contains(raw) || DEPLOY_WORDS.contains(word);
        }
        return deploy && !local ? ScriptContext.DEPLOY : ScriptContext.LOCAL;
    }

    /** {@code predeploy} and {@code postdeploy} are hooks of {@code deploy}. */
    private static String hookless(String word) {
        if (word.startsWith("pre") && word.length() > 3 && DEPLOY_WORDS.contains(word.substring(3))) {
            return word.substring(3);
        }
        if (word.startsWith("post") && word.length() > 4 && DEPLOY_WORDS.contains(word.substring(4))) {
            return word.substring(4);
        }
        return word;
    }

    /** The context a file's path implies: its folders, then its name without extension. */
    public static ScriptContext forPath(String path) {
        String[] parts = path.split("/");
        boolean deployDir = false;
        for (int i = 0; i < parts.length - 1; i++) {
            String dir = parts[i].toLowerCase(Locale.ROOT);
            if (CI_DIRS.contains(dir)) {
                return ScriptContext.CI;
            }
            deployDir |= DEPLOY_DIRS.contains(dir);
        }
        String file = parts[parts.length - 1];
        if (file.equals(".gitlab-ci.yml") || file.equals("Jenkinsfile") || file.equals("bitbucket-pipelines.yml")
                || file.equals("azure-pipelines.yml") || file.equals(".travis.yml")) {
            return ScriptContext.CI;
        }
        ScriptContext byName = forName(stripExtension(file));
        if (byName == ScriptContext.LOCAL && deployDir && !namesLocalVariant(stripExtension(file))) {
            return ScriptContext.DEPLOY;
        }
        return byName;
    }

    /** Whether a file name marks a developer-only variant ({@code Dockerfile.dev}, {@code docker-compose.test.yml}). */
    public static boolean namesLocalVariant(String fileName) {
        for (String raw : fileName.toLowerCase(Locale.ROOT).split("[:\\-_./\\s]+")) {
            if (LOCAL_WORDS.contains(raw) || raw.equals("override")) {
                return true;
            }
        }
        return false;
    }

    private static String stripExtension(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
