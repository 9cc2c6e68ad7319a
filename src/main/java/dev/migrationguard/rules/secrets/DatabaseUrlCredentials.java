package dev.migrationguard.rules.secrets;

import dev.migrationguard.code.ConnectionUrl;
import dev.migrationguard.code.ConnectionUrls;
import dev.migrationguard.prisma.PrismaConfigBlock;
import dev.migrationguard.prisma.PrismaExpression;
import dev.migrationguard.prisma.PrismaProject;
import dev.migrationguard.prisma.PrismaSchemas;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.rules.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A database URL with an inline password committed to a file. */
public final class DatabaseUrlCredentials implements Rule {
    /** Passwords that are obviously not real, wherever they appear. */
    private static final Set<String> PLACEHOLDERS = Set.of(
            "password", "passwd", "pass", "pwd", "secret", "changeme", "change-me", "change_me", "your-password",
            "your_password", "yourpassword", "mypassword", "my-password", "my_password", "example", "redacted");
    /** Defaults of local development databases (docker images, tutorials): not secrets on a local host. */
    private static final Set<String> LOCAL_DEFAULTS = Set.of(
            "postgres", "root", "mysql", "prisma", "admin", "test", "dev", "docker", "local", "mariadb", "mongo",
            "sa", "johndoe", "randompassword", "user", "app", "db");
    /** ${VAR}, $VAR, {{ var }}, <password>, %s, %(x)s, ****, xxx, [password], :password (a named parameter). */
    private static final Pattern TEMPLATED = Pattern.compile(
            "^(?:\\$\\{.*}?|\\$[A-Za-z_][A-Za-z0-9_]*|\\$\\(.*|\\{\\{.*|<.*>?|%.*|\\*+|x{3,}|X{3,}|\\.{3,}|\\[.*]|#\\{.*}?)$");

    /** The option both password rules read: passwords to treat as placeholders. */
    public static final RuleOption ALLOW_PASSWORDS = new RuleOption("allow-passwords", RuleOption.Type.STRING_LIST,
            "more passwords to treat as placeholders (for example a documented demo password)");

    @Override
    public String id() {
        return "database-url-credentials";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.eachFile(Inputs.ANY_FILE);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(ALLOW_PASSWORDS);
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        List<String> allowed = context.options().strings(ALLOW_PASSWORDS.name(), List.of());
        List<ConnectionUrl> urls = context.snapshot().model(ConnectionUrls.MODEL);
        literalDatasourceUrls(context, findings, urls);
        for (ConnectionUrl url : urls) {
            Optional<Verdict> verdict = judge(url, allowed);
            if (verdict.isEmpty()) {
                continue;
            }
            findings.at(url.file(), url.passwordStart(), url.passwordEnd())
                    .severity(verdict.get().severity())
                    .message(verdict.get().found()
                            + (verdict.get().local() ? "; a local database, but the password is still committed" : ""))
                    .fix(fix(url))
                    .redact(url.file().range(url.passwordStart(), url.passwordEnd()))
                    .key(url.masked())
                    .report();
        }
    }

    /**
     * How a password found is judged, for this rule and for credentials-in-history.
     *
     * @param severity error, or warning for a password of a database on the local host
     * @param local    whether the database is on the local host
     * @param found    what was found, masked: "database URL with an inline password: postgresql://app:****@db/app
     *                 (the password: 12 characters, ...; not a placeholder)"
     */
    public record Verdict(Severity severity, boolean local, String found) {
    }

    /** The verdict on a password, or empty for a placeholder, an allowed one or a local database's default. */
    public static Optional<Verdict> judge(ConnectionUrl url, List<String> allowed) {
        String password = url.password();
        if (isPlaceholder(password) || allowed.contains(password)) {
            return Optional.empty();
        }
        // A password option with no host named is for a server elsewhere (a cloud CLI creating one).
        boolean local = isLocalHost(url.host()) && !(url.kind() == ConnectionUrl.Kind.OPTION && url.host().isEmpty());
        if (local && LOCAL_DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(local ? Severity.WARNING : Severity.ERROR, local,
                what(url) + ": " + url.masked() + " (" + shape(password) + ")"));
    }

    private static String what(ConnectionUrl url) {
        return switch (url.kind()) {
            case URL, URL_PARAMETER -> "database URL with an inline password";
            case CONNECTION_STRING -> "connection string with an inline password";
            case VARIABLE -> "database password in " + url.scheme();
            case OPTION -> "database password on a command line";
        };
    }

    private static String fix(ConnectionUrl url) {
        String rotate = " and rotate this password: it is in the repository's history";
        return switch (url.kind()) {
            case URL, URL_PARAMETER, CONNECTION_STRING -> "read the URL from the environment (`env(\"DATABASE_URL\")` in "
                    + "schema.prisma, a CI secret, an untracked .env file)" + rotate;
            case VARIABLE -> "set " + url.scheme() + " from a secret store or an untracked file (a CI secret, "
                    + "`.env` listed in .gitignore) instead of writing it here" + rotate;
            case OPTION -> "pass the password from the environment or a secret store (`" + url.scheme()
                    + " \"$DB_PASSWORD\"`, a CI secret)" + rotate;
        };
    }

    /**
     * What the masked password looks like, so that a reader can see why it was flagged without seeing it: its length
     * and its kinds of characters ("12 characters: letters, digits and symbols; not a placeholder").
     */
    static String shape(String password) {
        boolean upper = false;
        boolean lowerCase = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lowerCase = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        List<String> kinds = new java.util.ArrayList<>();
        if (upper || lowerCase) {
            kinds.add(upper && lowerCase ? "mixed-case letters" : upper ? "capital letters" : "lower-case letters");
        }
        if (digit) {
            kinds.add("digits");
        }
        if (other) {
            kinds.add("symbols");
        }
        String list = kinds.size() == 1 ? kinds.get(0)
                : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
        int length = password.codePointCount(0, password.length());
        return "the password: " + length + (length == 1 ? " character" : " characters") + ", " + list
                + "; not a placeholder";
    }

    /**
     * Whether a password is a stand-in for one: a template ({@code ${DB_PASSWORD}}, {@code <password>}), a known word
     * ({@code changeme}), nothing but punctuation, or words of the kind documentation writes in its place
     * ({@code SECURE_PASSWORD}, {@code your-secure-password}, {@code mysecretpassword}).
     */
    static boolean isPlaceholder(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        return PLACEHOLDERS.contains(lower) || TEMPLATED.matcher(password).matches()
                || password.chars().noneMatch(Character::isLetterOrDigit) || placeholderWords(lower);
    }

    /** Words documentation puts where a password goes; at least one of {@link #MARKERS} must be among them. */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "some", "my", "your", "our", "new", "very",
            "super", "strong", "secure", "long", "random", "real", "actual", "db", "database", "user", "admin", "root",
            "app", "prod", "production", "staging", "dev", "local", "postgres", "postgresql", "pg", "mysql", "mongo",
            "redis", "sql", "server", "to", "with", "in", "here", "it", "me", "this", "value", "default", "generated",
            "token", "key", "access", "goes", "put", "test", "demo", "insert", "enter", "replace", "change", "set", "fill", "own");
    private static final Set<String> MARKERS = Set.of("password", "passwd", "pass", "pwd", "secret", "your", "my",
            "placeholder", "example", "sample", "dummy", "fake", "changeme", "change", "replace", "insert", "enter",
            "here", "redacted", "todo", "xxx", "foo", "bar");

    private static boolean placeholderWords(String lower) {
        String letters = lower.replaceAll("[-_ .]", "");
        if (letters.isEmpty() || letters.length() > 64 || !letters.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        // Split into known words (longest first), and require one that marks a stand-in.
        int n = letters.length();
        int[] marked = new int[n + 1];
        java.util.Arrays.fill(marked, -1);
        marked[0] = 0;
        for (int i = 0; i < n; i++) {
            if (marked[i] < 0) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(n, i + 12); j++) {
                String word = letters.substring(i, j);
                boolean marker = MARKERS.contains(word);
                if (marker || FILLERS.contains(word)) {
                    marked[j] = Math.max(marked[j], marker ? 1 : marked[i]);
                }
            }
        }
        return marked[n] == 1;
    }

    /**
     * A datasource whose {@code url} is a literal instead of {@code env("DATABASE_URL")}: every environment then
     * talks to the same database. A literal with a password is reported by the password check instead; SQLite's
     * {@code file:} URLs are local files and stay silent.
     */
    private static void literalDatasourceUrls(RuleContext context, Findings findings, List<ConnectionUrl> urls) {
        for (PrismaProject project : context.snapshot().model(PrismaSchemas.ALL)) {
            for (PrismaConfigBlock block : project.schema().datasources()) {
                for (String property : List.of("url", "directUrl", "shadowDatabaseUrl")) {
                    block.property(property).map(PrismaConfigBlock.Property::value)
                            .filter(v -> v instanceof PrismaExpression.StringValue)
                            .map(v -> (PrismaExpression.StringValue) v)
                            .filter(v -> !v.value().startsWith("file:") && !v.value().isBlank())
                            .filter(v -> urls.stream().noneMatch(u -> u.file().path().equals(block.file().path())
                                    && u.start() < v.end() && v.start() < u.end()))
                            .ifPresent(v -> findings.at(block.file(), v.start(), v.end())
                                    .severity(Severity.WARNING)
                                    .message("datasource " + block.name().text() + " has a literal " + property
                                            + " instead of env(\"DATABASE_URL\"): every environment uses the same database")
                                    .fix("write `" + property + " = env(\"DATABASE_URL\")` and set the URL per environment "
                                            + "(an untracked .env locally, a secret in CI and production)")
                                    .key("literal " + property)
                                    .report());
                }
            }
        }
    }

    /** Hosts that only reach the developer's machine or a compose network (single-label service names). */
    static boolean isLocalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.isEmpty() || h.equals("localhost") || h.startsWith("127.") || h.equals("0.0.0.0") || h.equals("[::1]")
                || h.equals("host.docker.internal") || !h.contains(".");
    }
}
