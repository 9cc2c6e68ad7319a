package dev.migrationguard.scripts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what program a command really runs: strips wrappers that only run their argument ({@code env},
 * {@code sudo}, {@code exec}, {@code time}, {@code nohup}, {@code timeout}, {@code cross-env}, {@code dotenv},
 * {@code doppler run --}, {@code docker run|exec}, {@code docker compose run|exec}, {@code kubectl exec --},
 * {@code heroku run}, ...) and package runners ({@code npx}, {@code pnpm exec|dlx}, {@code yarn dlx},
 * {@code bunx}, {@code bun x}, {@code npm exec}, {@code node node_modules/.bin/x}).
 */
public final class CommandWords {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern PACKAGE_FILE = Pattern.compile(".*node_modules/[^/.][^/]*/.*");
    private static final int MAX_UNWRAP = 12;

    private static final Set<String> PNPM_BUILTINS = Set.of("add", "install", "i", "ci", "update", "up", "upgrade",
            "remove", "rm", "uninstall", "un", "link", "ln", "unlink", "import", "rebuild", "rb", "prune", "fetch",
            "audit", "outdated", "list", "ls", "ll", "la", "why", "publish", "pack", "store", "root", "bin", "init",
            "config", "c", "get", "set", "setup", "env", "server", "run", "run-script", "test", "t", "tst", "start",
            "stop", "restart", "create", "patch", "patch-commit", "deploy", "licenses", "recursive", "multi", "m",
            "self-update", "doctor", "cat-file", "cat-index", "find-hash", "help", "dedupe", "exec",
            "dlx", "x", "approve-builds", "ignored-builds", "sbom", "version");
    private static final Set<String> YARN_BUILTINS = Set.of("add", "install", "remove", "upgrade", "upgrade-interactive",
            "up", "run", "exec", "dlx", "workspace", "workspaces", "info", "init", "link", "unlink", "pack", "publish",
            "npm", "cache", "config", "why", "set", "plugin", "node", "constraints", "version", "bin", "global",
            "audit", "create", "test", "start", "login", "logout", "outdated", "owner", "tag", "team", "import",
            "licenses", "list", "check", "autoclean", "generate-lock-entry", "policies", "help", "dedupe", "explain",
            "patch", "patch-commit", "rebuild", "search", "stage", "unplug", "sdks");
    private static final Set<String> BUN_BUILTINS = Set.of("run", "test", "x", "repl", "exec", "install", "i", "add",
            "a", "remove", "rm", "update", "outdated", "link", "unlink", "publish", "pm", "build", "init", "create",
            "c", "upgrade", "patch", "patch-commit", "audit", "info", "why", "help");

    private CommandWords() {
    }

    /** The last path segment of a program word: {@code ./node_modules/.bin/prisma} is {@code prisma}. */
    public static String basename(String word) {
        int slash = word.lastIndexOf('/');
        return slash >= 0 ? word.substring(slash + 1) : word;
    }

    /**
     * The package a runner word names, without its version: {@code prisma@5} is {@code prisma},
     * {@code @mikro-orm/cli@6} is {@code @mikro-orm/cli}, a path is its last segment.
     */
    public static String packageName(String word) {
        String name = word;
        int modules = name.lastIndexOf("node_modules/");
        if (modules >= 0 && !name.startsWith(".bin/", modules + 13)) {
            // node node_modules/prisma/build/index.js: the package is the folder under node_modules
            String rest = name.substring(modules + 13);
            String[] parts = rest.split("/");
            return rest.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
        }
        if (!name.startsWith("@")) {
            name = basename(name);
        }
        int at = name.indexOf('@', 1);
        return at > 0 ? name.substring(0, at) : name;
    }

    /** The words from the program that actually runs, wrappers such as {@code env FOO=1} and {@code sudo -u x} removed. */
    public static List<Word> unwrap(List<Word> words) {
        List<Word> w = words;
        for (int round = 0; round < MAX_UNWRAP && !w.isEmpty(); round++) {
            int skip = wrapperLength(w);
            if (skip == 0) {
                return w;
            }
            if (skip < 0 || skip >= w.size()) {
                return List.of();
            }
            w = w.subList(skip, w.size());
        }
        return w;
    }

    /**
     * Whether the words are only a wrapper and its options, with no program: {@code dotenv -e ../../.env --}, the
     * body of a {@code with-env} script whose callers append the command.
     */
    public static boolean isWrapperOnly(List<Word> words) {
        return !words.isEmpty() && wrapperLength(words) >= words.size();
    }

    /** How many leading words are a wrapper (0: none, -1: the wrapper runs nothing we can read). */
    private static int wrapperLength(List<Word> w) {
        String program = basename(w.get(0).text());
        switch (program) {
            case "env" -> {
                int i = skipOptions(w, 1, Set.of("-u", "--unset", "-C", "--chdir"), true);
                // env $(grep -v '^#' .env | xargs) cmd: the substitution expands to assignments
                while (i < w.size() && !w.get(i).quoted() && (w.get(i).text().startsWith("$(")
                        || w.get(i).text().startsWith("`"))) {
                    i = skipOptions(w, i + 1, Set.of(), true);
                }
                return i;
            }
            case "sudo", "doas" -> {
                return skipOptions(w, 1, Set.of("-u", "-g", "-h", "-p", "-C", "-D", "-r", "-t", "-U", "-T",
                        "--user", "--group", "--host", "--prompt", "--chdir", "--role", "--type", "--other-user",
                        "--close-from", "--command-timeout"), true);
            }
            case "exec" -> {
                return skipOptions(w, 1, Set.of("-a"), false);
            }
            case "time" -> {
                return skipOptions(w, 1, Set.of("-f", "-o", "--format", "--output"), false);
            }
            case "nohup", "builtin", "stdbuf", "chronic", "unbuffer" -> {
                return skipOptions(w, 1, Set.of(), false);
            }
            case "command" -> {
                for (int i = 1; i < w.size() && w.get(i).text().startsWith("-"); i++) {
                    if (w.get(i).text().contains("v") || w.get(i).text().contains("V")) {
                        return -1;
                    }
                }
                return skipOptions(w, 1, Set.of(), false);
            }
            case "nice", "ionice" -> {
                return skipOptions(w, 1, Set.of("-n", "-c", "--adjustment", "--class", "--classdata"), false);
            }
            case "timeout" -> {
                int i = skipOptions(w, 1, Set.of("-s", "-k", "--signal", "--kill-after"), false);
                return i < w.size() ? i + 1 : -1;
            }
            case "cross-env" -> {
                return skipOptions(w, 1, Set.of(), true);
            }
            case "dotenv", "dotenv-cli", "env-cmd", "dotenv-flow", "dotenv-flow-cli" -> {
                int dashes = indexOf(w, "--");
                if (dashes > 0) {
                    return dashes + 1;
                }
                return skipOptions(w, 1, Set.of("-e", "-v", "-c", "-p", "-f", "--file", "-r", "--rc-file",
                        "--environments", "--path", "-n", "--node-env", "--default-node-env"), false);
            }
            case "direnv" -> {
                // direnv exec DIR cmd
                return w.size() > 3 && w.get(1).text().equals("exec") ? 3 : 0;
            }
            case "railway" -> {
                return w.size() > 2 && w.get(1).text().equals("run")
                        ? skipOptions(w, 2, Set.of("-s", "--service", "-e", "--environment"), false) : 0;
            }
            case "docker", "podman" -> {
                return containerCommandStart(w);
            }
            case "docker-compose", "podman-compose" -> {
                return composeCommandStart(w, 1);
            }
            case "kubectl", "oc" -> {
                // kubectl exec POD -- cmd, kubectl run NAME --image=x -- cmd
                int dashes = indexOf(w, "--");
                return w.size() > 1 && (w.get(1).text().equals("exec") || w.get(1).text().equals("run")) && dashes > 0
                        ? dashes + 1 : 0;
            }
            case "heroku" -> {
                if (w.size() < 2 || !w.get(1).text().equals("run")) {
                    return 0;
                }
                return skipOptions(w, 2, Set.of("-a", "--app", "-r", "--remote", "-e", "--env", "-s", "--size",
                        "--type"), false);
            }
            case "doppler", "op", "infisical", "dotenvx", "with-env", "aws-vault", "chamber" -> {
                int dashes = indexOf(w, "--");
                return dashes > 0 ? dashes + 1 : 0;
            }
            default -> {
                return 0;
            }
        }
    }

    private static final Set<String> NPX_VALUED = Set.of("-p", "--package", "-w", "--workspace", "--cache",
            "--userconfig", "--registry");
    private static final Set<String> DOCKER_GLOBAL_VALUED = Set.of("-H", "--host", "-c", "--context", "--config",
            "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey");
    private static final Set<String> DOCKER_RUN_VALUED = Set.of("-e", "--env", "--env-file", "-v", "--volume", "-p",
            "--publish", "-w", "--workdir", "-u", "--user", "--name", "--network", "--net", "--entrypoint", "-l",
            "--label", "--label-file", "--mount", "--platform", "--add-host", "--cpus", "-m", "--memory", "--restart",
            "-h", "--hostname", "--pull", "--log-driver", "--log-opt", "--cap-add", "--cap-drop", "--device", "--dns",
            "--link", "--ulimit", "--shm-size", "--tmpfs", "--volumes-from", "--gpus", "--ipc", "--pid", "--runtime",
            "--security-opt", "--stop-signal", "--stop-timeout", "--network-alias", "--expose", "--cidfile",
            "--detach-keys", "--index");
    private static final Set<String> COMPOSE_GLOBAL_VALUED = Set.of("-f", "--file", "-p", "--project-name",
            "--profile", "--env-file", "--project-directory", "--ansi", "--progress", "--parallel");

    /** {@code docker run [opts] IMAGE cmd}, {@code docker exec [opts] CONTAINER cmd}, {@code docker compose ...}. */
    private static int containerCommandStart(List<Word> w) {
        int i = skipOptions(w, 1, DOCKER_GLOBAL_VALUED, false);
        if (i >= w.size()) {
            return 0;
        }
        String sub = w.get(i).text();
        if (sub.equals("compose")) {
            return composeCommandStart(w, i + 1);
        }
        if (sub.equals("container") && i + 1 < w.size()) {
            i++;
            sub = w.get(i).text();
        }
        if (sub.equals("run") || sub.equals("exec")) {
            int target = skipOptions(w, i + 1, DOCKER_RUN_VALUED, false);
            return target + 1 < w.size() ? target + 1 : -1;
        }
        return 0;
    }

    /** {@code docker compose [opts] run|exec [opts] SERVICE cmd}. */
    private static int composeCommandStart(List<Word> w, int from) {
        int i = skipOptions(w, from, COMPOSE_GLOBAL_VALUED, false);
        if (i >= w.size() || !(w.get(i).text().equals("run") || w.get(i).text().equals("exec"))) {
            return 0;
        }
        int service = skipOptions(w, i + 1, DOCKER_RUN_VALUED, false);
        return service + 1 < w.size() ? service + 1 : -1;
    }

    private static int indexOf(List<Word> w, String text) {
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).text().equals(text)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the first word at or after {@code from} that is not an option (nor an option's value, nor, when
     * {@code assignments}, a {@code NAME=value}); {@code --} ends the options.
     */
    private static int skipOptions(List<Word> w, int from, Set<String> withValue, boolean assignments) {
        int i = from;
        while (i < w.size()) {
            String t = w.get(i).text();
            if (t.equals("--")) {
                return i + 1;
            }
            if (t.startsWith("-") && t.length() > 1) {
                i += withValue.contains(t) ? 2 : 1;
            } else if (assignments && ASSIGNMENT.matcher(t).matches()) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    /**
     * The tool a command runs, seen through wrappers and package runners: for {@code npx --yes prisma@5 db push}
     * the tool is {@code prisma} with arguments {@code db push}. Empty when the command runs no named program or
     * only a package manager's own command ({@code npm install}, {@code npm run x}).
     */
    public static Optional<ToolCall> tool(List<Word> words) {
        List<Word> w = unwrap(words);
        for (int round = 0; round < MAX_UNWRAP && !w.isEmpty(); round++) {
            int toolIndex = runnerLength(w);
            if (toolIndex < 0) {
                return Optional.empty();
            }
            if (toolIndex == 0) {
                Word program = w.get(0);
                return Optional.of(new ToolCall(program, packageName(program.text()), w.subList(1, w.size())));
            }
            if (toolIndex >= w.size()) {
                return Optional.empty();
            }
            // the runner's tool may itself be a wrapper (npx dotenv -- prisma ...)
            w = unwrap(w.subList(toolIndex, w.size()));
        }
        return Optional.empty();
    }

    /** The index of the tool word after a package runner (0: the first word is the tool, -1: no tool). */
    private static int runnerLength(List<Word> w) {
        String program = basename(w.get(0).text());
        switch (program) {
            case "npx", "pnpx", "bunx" -> {
                if (hasOption(w, 1, "-c", "--call")) {
                    return -1;
                }
                return skipOptions(w, 1, NPX_VALUED, false);
            }
            case "npm" -> {
                int i = skipOptions(w, 1, Set.of("--prefix", "-w", "--workspace", "--userconfig"), false);
                if (i < w.size() && (w.get(i).text().equals("exec") || w.get(i).text().equals("x"))) {
                    if (hasOption(w, i + 1, "-c", "--call")) {
                        return -1;
                    }
                    return skipOptions(w, i + 1, NPX_VALUED, false);
                }
                return -1;
            }
            case "pnpm" -> {
                int i = skipOptions(w, 1, Set.of("--filter", "-F", "-C", "--dir", "--reporter",
                        "--workspace-concurrency", "--loglevel"), false);
                if (i >= w.size()) {
                    return -1;
                }
                String sub = w.get(i).text();
                if (sub.equals("exec")) {
                    return skipOptions(w, i + 1, Set.of(), false);
                }
                if (sub.equals("dlx")) {
                    return skipOptions(w, i + 1, Set.of("--package"), false);
                }
                return PNPM_BUILTINS.contains(sub) ? -1 : i;
            }
            case "yarn" -> {
                int i = skipOptions(w, 1, Set.of("--cwd"), false);
                if (i >= w.size()) {
                    return -1;
                }
                String sub = w.get(i).text();
                if (sub.equals("workspace")) {
                    // yarn workspace <name> <command...> runs a yarn command in that workspace
                    if (i + 2 >= w.size()) {
                        return -1;
                    }
                    String command = w.get(i + 2).text();
                    return YARN_BUILTINS.contains(command) ? runnerLengthAfterYarn(w, i + 2) : i + 2;
                }
                if (sub.equals("dlx")) {
                    return skipOptions(w, i + 1, Set.of("-p", "--package"), false);
                }
                if (sub.equals("exec") || sub.equals("run")) {
                    return skipOptions(w, i + 1, Set.of(), false);
                }
                return YARN_BUILTINS.contains(sub) ? -1 : i;
            }
            case "bun" -> {
                int i = skipOptions(w, 1, Set.of("--cwd", "--config", "-c"), false);
                if (i >= w.size()) {
                    return -1;
                }
                String sub = w.get(i).text();
                if (sub.equals("x") || sub.equals("run")) {
                    return skipOptions(w, i + 1, Set.of("--cwd"), false);
                }
                return BUN_BUILTINS.contains(sub) ? -1 : i;
            }
            case "node" -> {
                // node --env-file=.env -r dotenv/config node_modules/.bin/prisma ...
                int i = 1;
                while (i < w.size() && w.get(i).text().startsWith("-")) {
                    String t = w.get(i).text();
                    i += t.equals("-r") || t.equals("--require") || t.equals("--import") || t.equals("--env-file") ? 2 : 1;
                }
                if (i < w.size()) {
                    String script = w.get(i).text();
                    if (script.contains("node_modules/.bin/") || PACKAGE_FILE.matcher(script).matches()) {
                        return i;
                    }
                }
                return -1;
            }
            default -> {
                return 0;
            }
        }
    }

    private static int runnerLengthAfterYarn(List<Word> w, int i) {
        String sub = w.get(i).text();
        if (sub.equals("exec") || sub.equals("run")) {
            return skipOptions(w, i + 1, Set.of(), false);
        }
        if (sub.equals("dlx")) {
            return skipOptions(w, i + 1, Set.of("-p", "--package"), false);
        }
        return -1;
    }

    private static boolean hasOption(List<Word> w, int from, String... names) {
        for (int i = from; i < w.size(); i++) {
            String t = w.get(i).text();
            if (!t.startsWith("-") || t.equals("--")) {
                return false;
            }
            for (String name : names) {
                if (t.equals(name) || t.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }
}
