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
        return List.of(new RuleOption("allow-passwords", RuleOption.Type.STRING_LIST,
                "more passwords to treat as placeholders (for example a documented demo password)"));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        List<String> allowed = context.options().strings("allow-passwords", List.of());
        List<ConnectionUrl> urls = context.snapshot().model(ConnectionUrls.MODEL);
        literalDatasourceUrls(context, findings, urls);
        for (ConnectionUrl url : urls) {
            String password = url.password();
            String lower = password.toLowerCase(Locale.ROOT);
            if (PLACEHOLDERS.contains(lower) || TEMPLATED.matcher(password).matches() || allowed.contains(password)
                    || password.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            boolean local = isLocalHost(url.host());
            if (local && LOCAL_DEFAULTS.contains(lower)) {
                continue;
            }
            String masked = url.masked();
            findings.at(url.file(), url.passwordStart(), url.passwordEnd())
                    .severity(local ? Severity.WARNING : Severity.ERROR)
                    .message("database URL with an inline password: " + masked
                            + (local ? " (a local database, but the password is still committed)" : ""))
                    .fix("read the URL from the environment (`env(\"DATABASE_URL\")` in schema.prisma, a CI secret, "
                            + "an untracked .env file) and rotate this password: it is in the repository's history")
                    .redact(url.file().range(url.passwordStart(), url.passwordEnd()))
                    .key(masked)
                    .report();
        }
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
