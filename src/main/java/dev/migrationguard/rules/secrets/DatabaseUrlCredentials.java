package dev.migrationguard.rules.secrets;

import dev.migrationguard.code.ConnectionUrl;
import dev.migrationguard.code.ConnectionUrls;
import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
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
    public List<RuleOption> options() {
        return List.of(new RuleOption("allow-passwords", RuleOption.Type.STRING_LIST,
                "more passwords to treat as placeholders (for example a documented demo password)"));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        List<String> allowed = context.options().strings("allow-passwords", List.of());
        for (ConnectionUrl url : context.snapshot().model(ConnectionUrls.MODEL)) {
            String password = url.password();
            String lower = password.toLowerCase(Locale.ROOT);
            if (PLACEHOLDERS.contains(lower) || TEMPLATED.matcher(password).matches() || allowed.contains(password)) {
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

    /** Hosts that only reach the developer's machine or a compose network (single-label service names). */
    static boolean isLocalHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.isEmpty() || h.equals("localhost") || h.startsWith("127.") || h.equals("0.0.0.0") || h.equals("[::1]")
                || h.equals("host.docker.internal") || !h.contains(".");
    }
}
