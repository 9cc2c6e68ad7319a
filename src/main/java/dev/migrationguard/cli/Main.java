package dev.migrationguard.cli;

import dev.migrationguard.git.GitScan;
import dev.migrationguard.report.MaskingWriter;
import dev.migrationguard.report.ToolVersion;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RulePages;
import dev.migrationguard.rules.RuleRegistry;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code migration-guard} command. {@link #run} does all the work and returns the exit code, so tests drive
 * the whole CLI in-process; only {@link #main} exits. Exit codes: 0 clean, 1 findings at or above the fail level,
 * 2 usage, configuration or internal error.
 */
@Command(name = "migration-guard",
        versionProvider = Main.Version.class,
        description = "Keeps database schema changes on the migration path.")
public final class Main implements Runnable {
    public static final int CLEAN = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    /**
     * The subcommands by name, in the order help lists them. They are registered here rather than in the
     * annotation so that a run builds only the command it invokes: picocli reflects over every registered
     * command's options on start-up, which costs a pre-commit run tens of milliseconds for commands it never calls.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("lint", LintCommand.class);
        SUBCOMMANDS.put("rules", RulesCommand.class);
        SUBCOMMANDS.put("baseline", BaselineCommand.class);
        SUBCOMMANDS.put("install-hook", InstallHookCommand.class);
        SUBCOMMANDS.put("init", InitCommand.class);
        SUBCOMMANDS.put("db", DbCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // --help and --version declared here rather than through mixinStandardHelpOptions, whose mixin picocli builds
    // by reflection on every start.
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("lint") || args[0].equals("baseline"))) {
            GitScan.warmUp();
            // The rules' classes (their patterns compiled) and pages load on another core while picocli reads the
            // options.
            Thread rules = new Thread(() -> RuleRegistry.all().forEach(rule -> RulePages.load(rule.id())),
                    "migration-guard-rules-warm-up");
            rules.setDaemon(true);
            rules.start();
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // A failure on any other thread ends the run as one on this one would: one line, exit 2, never a trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            err.println(crashLine(e));
            Runtime.getRuntime().halt(USAGE);
        });
        System.exit(run(args, out, err, Path.of("")));
    }

    /** Memory held back for reporting an OutOfMemoryError: freed first, so the one line can still be written. */
    private static byte[] reserve = new byte[1 << 20];

    /**
     * The one line a crash is reported in. An internal error is never a lint result: it exits 2 (the command
     * cannot say whether there are findings), not 1 with a stack trace that looks like one.
     */
    static String crashLine(Throwable e) {
        reserve = null;
        if (e instanceof OutOfMemoryError) {
            return "migration-guard: out of memory (" + e.getMessage() + "); no result. Give Java more heap (for"
                    + " example MIGRATION_GUARD_JAVA_OPTS=-Xmx4g), or exclude the largest files with ignore in"
                    + " .migration-guard.yml";
        }
        if (e instanceof StackOverflowError) {
            return "migration-guard: internal error: stack overflow (input nested too deeply); no result. This is a"
                    + " bug; please report it with the command you ran";
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return "migration-guard: internal error: " + e.getClass().getName() + message + "; no result. This is a bug;"
                + " please report it with the command you ran";
    }

    /** Runs the CLI with the given streams and working directory; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingDir) {
        return run(args, out, err, workingDir, new RegisteredRules());
    }

    /**
     * The registry's rules, loaded at their first use rather than before the command line is read: a run that lints
     * asks for them only once its options are parsed, by which time {@link #main} has loaded them on another thread.
     */
    private static final class RegisteredRules extends java.util.AbstractList<Rule> {
        @Override
        public Rule get(int index) {
            return RuleRegistry.all().get(index);
        }

        @Override
        public int size() {
            return RuleRegistry.all().size();
        }
    }

    /** As {@link #run(String[], PrintStream, PrintStream, Path)}, with a given set of rules (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingDir, List<Rule> rules) {
        return run(args, out, err, workingDir, rules, Terminal.SYSTEM);
    }

    /** As {@link #run(String[], PrintStream, PrintStream, Path, List)}, with the terminal decided (for tests). */
    public static int run(String[] args, PrintStream out, PrintStream err, Path workingDir, List<Rule> rules,
                          Terminal terminal) {
        Factory factory = new Factory(workingDir, rules, terminal);
        CommandLine cli = new CommandLine(new Main(), factory);
        for (Class<?> command : subcommandsFor(args)) {
            cli.addSubcommand(new CommandLine(factory.command(command), factory));
        }
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new MaskingWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)), true));
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine bad = ex.getCommandLine();
            bad.getErr().println("migration-guard: " + ex.getMessage());
            bad.getErr().println("Try '" + bad.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, bad, parsed) -> {
            if (ex instanceof ConfigFailure config) {
                bad.getErr().println("migration-guard: " + config.getMessage());
                return USAGE;
            }
            if (ex instanceof UsageException usage) {
                bad.getErr().println("migration-guard: " + usage.getMessage());
                return USAGE;
            }
            bad.getErr().println(crashLine(ex));
            return USAGE;
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli hands exceptions to the handler above; errors (out of memory, stack overflow) come here.
            PrintWriter line = new PrintWriter(new MaskingWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8)), true);
            line.println(crashLine(e));
            return USAGE;
        }
    }

    /**
     * The subcommands a command line needs: only the one it names when its first word is a subcommand other
     * than {@code help}; all of them otherwise, so that top-level help lists them and a mistyped name gets
     * picocli's suggestions.
     */
    static Collection<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0 && !args[0].equals("help") && SUBCOMMANDS.containsKey(args[0])) {
            return List.of(SUBCOMMANDS.get(args[0]));
        }
        return SUBCOMMANDS.values();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.NAME + " " + ToolVersion.VERSION};
        }
    }

    /** Gives commands the working directory, the rules and the terminal (tests pass a temp folder and test rules). */
    record Factory(Path workingDir, List<Rule> rules, Terminal terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == LintCommand.class) {
                return cls.cast(new LintCommand(workingDir, rules, terminal));
            }
            if (cls == InstallHookCommand.class) {
                return cls.cast(new InstallHookCommand(workingDir));
            }
            if (cls == InitCommand.class) {
                return cls.cast(new InitCommand(workingDir, rules));
            }
            if (cls == BaselineCommand.class) {
                return cls.cast(new BaselineCommand(workingDir, rules, terminal));
            }
            if (cls == DbCommand.class) {
                return cls.cast(new DbCommand(workingDir, rules, System.getenv()));
            }
            if (cls == RulesCommand.class) {
                return cls.cast(new RulesCommand(rules));
            }
            if (cls == RulesCommand.Explain.class) {
                return cls.cast(new RulesCommand.Explain(rules));
            }
            return CommandLine.defaultFactory().create(cls);
        }

        /** Creates one of the subcommands, all of which have constructors that cannot fail. */
        Object command(Class<?> cls) {
            if (cls == CommandLine.HelpCommand.class) {
                return new CommandLine.HelpCommand();
            }
            try {
                return create(cls);
            } catch (Exception e) {
                throw new IllegalStateException("cannot create the " + cls.getSimpleName() + " command", e);
            }
        }
    }
}
