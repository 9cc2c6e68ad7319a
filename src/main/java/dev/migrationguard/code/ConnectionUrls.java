package dev.migrationguard.code;

import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.SourceFile;
import dev.migrationguard.workspace.TextDecoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds database passwords written in any text file: {@code scheme://user:password@host} for the databases Prisma
 * and common ORMs speak, {@code password=} parameters in JDBC and SQL Server URLs, {@code Password=...;} in
 * connection strings, variables that hold a database password ({@code PGPASSWORD=...}, {@code $DB_PASSWORD = "..."}
 * beside a database host) and password options of database command lines ({@code --admin-password ...}).
 *
 * <p>The scan is linear in the file's length: it starts only at a {@code ://} after a database scheme or at the word
 * {@code password}, {@code passwd} or {@code pwd}, and looks a bounded distance around each. A file whose bytes hold
 * neither is not even decoded ({@link #mayHoldPassword}): on ordinary source and docs that test is the whole scan.
 * Whether a password found is a placeholder is for the rule to judge; this only finds literals.
 */
public final class ConnectionUrls {
    /** Every password in the snapshot's text files, in path order. */
    public static final ModelKey<List<ConnectionUrl>> MODEL = ModelKey.of("connection-urls", snapshot -> {
        List<ConnectionUrl> out = new ArrayList<>();
        for (String path : snapshot.paths()) {
            if (isLockOrGenerated(path)) {
                continue;
            }
            snapshot.readIf(path, ConnectionUrls::mayHoldPassword).ifPresent(file -> out.addAll(find(file)));
        }
        return List.copyOf(out);
    });

    private static final Set<String> SCHEMES = Set.of("postgres", "postgresql", "mysql", "mariadb", "mongodb",
            "mongodb+srv", "sqlserver", "cockroachdb", "redis", "rediss", "clickhouse", "oracle", "mssql", "timescaledb",
            "prisma", "prisma+postgres");
    private static final List<String> SCHEME_LIST = List.copyOf(SCHEMES);
    /** The longest scheme, so a look back from {@code ://} is bounded. */
    private static final int MAX_SCHEME = 16;
    /** How far around a password the scan looks for its key, its URL, its host or its command. */
    private static final int MAX_KEY = 64;
    private static final int MAX_VALUE = 256;
    private static final int MAX_CONTEXT = 1024;
    /** Lines above and below a password variable searched for the database host it belongs to. */
    private static final int HOST_LINES = 6;
    /** Environment variables the database clients themselves read: a password there needs no other context. */
    private static final Set<String> CLIENT_VARIABLES = Set.of("pgpassword", "mysql_pwd");
    /** Words of a key that name a database ({@code DB_PASSWORD}, {@code spring.datasource.password}). */
    private static final Set<String> DATABASE_WORDS = Set.of("pg", "postgres", "postgresql", "psql", "mysql",
            "mariadb", "mssql", "sql", "sqlserver", "db", "database", "datasource", "mongo", "mongodb", "redis",
            "cockroach", "cockroachdb", "sa", "jdbc", "rds");
    /** Words of a command line that make a {@code --...-password} option a database password. */
    private static final Set<String> DATABASE_COMMANDS = Set.of("psql", "pg_dump", "pg_dumpall", "pg_restore",
            "pgbench", "createdb", "dropdb", "mysql", "mysqldump", "mysqladmin", "mariadb", "mariadb-dump", "sqlcmd",
            "invoke-sqlcmd", "mongosh", "mongo", "mongodump", "mongorestore", "redis-cli", "cockroach", "postgres",
            "flexible-server", "rds", "sql", "db", "database", "cosmosdb", "spanner");
    /** Keys of a connection string that tell it from any other {@code password=}. */
    private static final List<String> CONNECTION_KEYS = List.of("server", "data source", "host", "database",
            "initial catalog", "user id", "uid", "address", "addr", "network address", "dsn");
    /** File types where a bare word after {@code password:} is code (an identifier), not a literal. */
    private static final Set<String> CODE_EXTENSIONS = Set.of("ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts",
            "java", "kt", "kts", "scala", "groovy", "py", "go", "cs", "rb", "php", "rs", "swift", "dart", "c", "cpp",
            "h", "vue", "svelte");

    private ConnectionUrls() {
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The byte test: no decoding, no regex.

    /** Whether one of eight bytes is one {@link #BYTE_CLASS} does not class as nothing. */
    private static boolean mayAnchor(long x) {
        return (x & ByteWords.HIGHS) != 0 || ByteWords.hasZeroByte(x) || ByteWords.hasByte(x, ':')
                || ByteWords.hasByte(x | 0x20 * ByteWords.ONES, 'p');
    }

    /** What a byte is to the prefilter: 0 nothing, then ':', 'p' or 'P', NUL, the first byte of a non-ASCII sequence. */
    private static final byte[] BYTE_CLASS = new byte[256];

    static {
        BYTE_CLASS[':'] = 1;
        BYTE_CLASS['p'] = 2;
        BYTE_CLASS['P'] = 2;
        BYTE_CLASS[0] = 3;
        for (int c = 0x80; c < 0x100; c++) {
            BYTE_CLASS[c] = 4;
        }
    }

    /**
     * Whether a file's bytes may hold a password this scan finds: a {@code ://} after a database scheme, or the word
     * {@code password}, {@code passwd} or {@code pwd} in any case. Every anchor {@link #find} starts from is ASCII, and
     * no byte of a multi-byte UTF-8 sequence is, so a well-formed UTF-8 file without one has nothing to find. One pass
     * that also checks the UTF-8 on the way: bytes that are not plain UTF-8 text (malformed, a NUL where
     * {@link TextDecoder} looks for one) are accepted, so that the file is decoded and its notice kept.
     */
    public static boolean mayHoldPassword(byte[] b) {
        int n = b.length;
        int probe = Math.min(n, TextDecoder.binaryProbe());
        int i = 0;
        byte[] classes = BYTE_CLASS;
        int lastWord = n - Long.BYTES;
        while (i < n) {
            // Eight bytes at a time while none is an anchor's byte (most of a text file): one read and a few
            // operations instead of eight table look-ups.
            while (i <= lastWord && !mayAnchor(ByteWords.word(b, i))) {
                i += Long.BYTES;
            }
            if (i >= n) {
                break;
            }
            int k = classes[b[i] & 0xff];
            if (k == 0) {
                i++;
                continue;
            }
            if (k == 1) {
                if (i + 2 < n && b[i + 1] == '/' && b[i + 2] == '/' && databaseSchemeBefore(b, i) && userInfoAfter(b, i + 3)) {
                    return true;
                }
                i++;
            } else if (k == 2) {
                int len = passwordWord(b, i);
                if (len > 0 && separatorAfter(b, i, len)) {
                    return true;
                }
                i++;
            } else if (k == 3) {
                if (i < probe) {
                    return true;
                }
                i++;
            } else {
                int len = TextDecoder.sequenceLength(b, i);
                if (len < 0) {
                    return true;
                }
                i += len;
            }
        }
        return false;
    }

    /** {@code user:password@} right after a {@code ://}: what {@link #userinfoUrl} needs. */
    private static boolean userInfoAfter(byte[] b, int p) {
        int n = b.length;
        while (p < n && !isSpaceByte(b[p]) && b[p] != ':' && b[p] != '/' && b[p] != '@' && !isQuoteByte(b[p])) {
            p++;
        }
        if (p >= n || b[p] != ':') {
            return false;
        }
        int from = ++p;
        while (p < n && !isSpaceByte(b[p]) && b[p] != '@' && b[p] != '/' && !isQuoteByte(b[p])) {
            p++;
        }
        return p > from && p < n && b[p] == '@';
    }

    /**
     * What {@link Assignment#at} needs after a password word: the word ends the key, then an optional quote and
     * spaces, then {@code =} or {@code :}, or (for an option, a key that starts with {@code -}) a space.
     */
    private static boolean separatorAfter(byte[] b, int i, int len) {
        int n = b.length;
        int p = i + len;
        if (p < n && (isAlnumByte(b[p]) || b[p] == '_'
                || (b[p] == '-' || b[p] == '.') && p + 1 < n && isAlnumByte(b[p + 1]))) {
            return false;
        }
        if (p < n && (b[p] == '"' || b[p] == '\'')) {
            p++;
        }
        int spaces = p;
        while (p < n && (b[p] == ' ' || b[p] == '\t') && p - spaces <= 16) {
            p++;
        }
        if (p < n && (b[p] == '=' || b[p] == ':')) {
            return true;
        }
        if (p == spaces) {
            return false;
        }
        int ks = i;
        while (ks > 0 && i - ks <= MAX_KEY + 1 && (isAlnumByte(b[ks - 1]) || b[ks - 1] == '_' || b[ks - 1] == '.'
                || b[ks - 1] == '-')) {
            ks--;
        }
        return b[ks] == '-';
    }

    private static boolean isAlnumByte(byte c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isSpaceByte(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isQuoteByte(byte c) {
        return c == '\'' || c == '"' || c == '`';
    }

    private static boolean databaseSchemeBefore(byte[] b, int colon) {
        int s = colon;
        while (s > 0 && colon - s <= MAX_SCHEME && isSchemeChar(b[s - 1])) {
            s--;
        }
        int len = colon - s;
        if (len == 0 || len > MAX_SCHEME) {
            return false;
        }
        for (String scheme : SCHEME_LIST) {
            if (scheme.length() == len) {
                boolean same = true;
                for (int k = 0; k < len && same; k++) {
                    int c = b[s + k];
                    same = (c >= 'A' && c <= 'Z' ? c | 0x20 : c) == scheme.charAt(k);
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The length of {@code password}, {@code passwd} or {@code pwd} at {@code i} (any case), or 0. */
    private static int passwordWord(byte[] b, int i) {
        int n = b.length;
        if (i + 2 < n && (b[i + 1] | 0x20) == 'w' && (b[i + 2] | 0x20) == 'd') {
            return 3;
        }
        if (i + 5 < n && (b[i + 1] | 0x20) == 'a' && (b[i + 2] | 0x20) == 's' && (b[i + 3] | 0x20) == 's'
                && (b[i + 4] | 0x20) == 'w') {
            if ((b[i + 5] | 0x20) == 'd') {
                return 6;
            }
            if (i + 7 < n && (b[i + 5] | 0x20) == 'o' && (b[i + 6] | 0x20) == 'r' && (b[i + 7] | 0x20) == 'd') {
                return 8;
            }
        }
        return 0;
    }

    private static boolean isSchemeChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+';
    }

    // ----------------------------------------------------------------------------------------------------------------
    // The text scan.

    /** The passwords in one file, by offset. */
    public static List<ConnectionUrl> find(SourceFile file) {
        String t = file.text();
        List<ConnectionUrl> urls = new ArrayList<>();
        for (int at = t.indexOf("://"); at >= 0; at = t.indexOf("://", at + 3)) {
            ConnectionUrl url = userinfoUrl(file, t, at);
            if (url != null) {
                urls.add(url);
                at = Math.max(at, url.end() - 3);
            }
        }
        List<ConnectionUrl> out = new ArrayList<>(urls);
        int next = 0;
        int n = t.length();
        boolean code = CODE_EXTENSIONS.contains(extension(file.path()));
        // String.indexOf runs far faster than a charAt loop: one cursor for each case of the word's first letter.
        int lowerP = t.indexOf('p');
        int upperP = t.indexOf('P');
        for (int i = 0; i < n; i++) {
            if (lowerP >= 0 && lowerP < i) {
                lowerP = t.indexOf('p', i);
            }
            if (upperP >= 0 && upperP < i) {
                upperP = t.indexOf('P', i);
            }
            if (lowerP < 0 && upperP < 0) {
                break;
            }
            i = lowerP < 0 ? upperP : upperP < 0 ? lowerP : Math.min(lowerP, upperP);
            int len = passwordWord(t, i);
            if (len == 0) {
                continue;
            }
            while (next < urls.size() && urls.get(next).end() <= i) {
                next++;
            }
            if (next < urls.size() && urls.get(next).start() <= i) {
                // Inside a URL already found (a user info password that happens to be the word itself).
                i = urls.get(next).end() - 1;
                continue;
            }
            ConnectionUrl hit = passwordAt(file, t, i, len, code);
            if (hit != null && (next >= urls.size() || urls.get(next).start() >= hit.end())) {
                out.add(hit);
                i = Math.max(i, hit.end() - 1);
            } else {
                i += len - 1;
            }
        }
        if (out.size() > urls.size()) {
            out.sort(Comparator.comparingInt(ConnectionUrl::start));
        }
        return out;
    }

    /** {@code [jdbc:]scheme://user:password@host...} with its {@code ://} at {@code at}, or null. */
    private static ConnectionUrl userinfoUrl(SourceFile file, String t, int at) {
        int s = at;
        while (s > 0 && at - s <= MAX_SCHEME && isSchemeChar(t.charAt(s - 1))) {
            s--;
        }
        if (s == at || s > 0 && isWordChar(t.charAt(s - 1)) || !isDatabaseScheme(t, s, at)) {
            return null;
        }
        String scheme = t.substring(s, at).toLowerCase(Locale.ROOT);
        int start = s;
        if (s >= 5 && t.regionMatches(true, s - 5, "jdbc:", 0, 5) && (s == 5 || !isWordChar(t.charAt(s - 6)))) {
            start = s - 5;
            scheme = "jdbc:" + scheme;
        }
        int n = t.length();
        int p = at + 3;
        int userStart = p;
        while (p < n && !isSpace(t.charAt(p)) && ":/@'\"`".indexOf(t.charAt(p)) < 0) {
            p++;
        }
        if (p >= n || t.charAt(p) != ':') {
            return null;
        }
        int userEnd = p;
        int passwordStart = ++p;
        while (p < n && !isSpace(t.charAt(p)) && "@'\"`/".indexOf(t.charAt(p)) < 0) {
            p++;
        }
        if (p == passwordStart || p >= n || t.charAt(p) != '@') {
            return null;
        }
        int passwordEnd = p++;
        int hostStart = p;
        while (p < n && !isSpace(t.charAt(p)) && "/:;?'\"`,)".indexOf(t.charAt(p)) < 0) {
            p++;
        }
        int hostEnd = p;
        while (p < n && !isSpace(t.charAt(p)) && "'\"`,)".indexOf(t.charAt(p)) < 0) {
            p++;
        }
        return new ConnectionUrl(file, ConnectionUrl.Kind.URL, start, p, scheme, t.substring(userStart, userEnd),
                t.substring(hostStart, hostEnd), passwordStart, passwordEnd);
    }

    private static boolean isDatabaseScheme(String t, int from, int to) {
        int len = to - from;
        for (String scheme : SCHEME_LIST) {
            if (scheme.length() == len && t.regionMatches(true, from, scheme, 0, len)) {
                return true;
            }
        }
        return false;
    }

    /** A password written after the word at {@code i} (a key, a parameter, an option), or null. */
    private static ConnectionUrl passwordAt(SourceFile file, String t, int i, int len, boolean code) {
        Assignment a = Assignment.at(t, i, len);
        if (a == null) {
            return null;
        }
        String name = a.name().toLowerCase(Locale.ROOT);
        if (a.option()) {
            return option(file, t, a, name);
        }
        if (a.separator() == '=' && (name.equals("password") || name.equals("pwd"))) {
            char before = a.keyStart() > 0 ? t.charAt(a.keyStart() - 1) : '\n';
            if (before == ';' || before == '?' || before == '&') {
                ConnectionUrl param = urlParameter(file, t, a);
                if (param != null) {
                    return param;
                }
            }
            ConnectionUrl connection = connectionString(file, t, a, before);
            if (connection != null) {
                return connection;
            }
        }
        if (code && !a.quoted() || !a.literal()) {
            return null;
        }
        boolean client = CLIENT_VARIABLES.contains(name);
        boolean databaseKey = client || namesDatabase(name.substring(0, name.length() - a.wordLength()));
        Host host = hostBeside(t, a.keyStart(), a.valueEnd());
        if (!client && (host == null || !databaseKey && !host.database())) {
            return null;
        }
        return new ConnectionUrl(file, ConnectionUrl.Kind.VARIABLE, a.displayStart(), a.displayEnd(), a.name(), "",
                host == null ? "" : host.name(), a.valueStart(), a.valueEnd());
    }

    /** {@code password=} inside a JDBC or Prisma SQL Server URL: the URL is the token the parameter is in. */
    private static ConnectionUrl urlParameter(SourceFile file, String t, Assignment a) {
        int lo = Math.max(0, a.keyStart() - MAX_CONTEXT);
        int ts = a.keyStart();
        while (ts > lo && !isTokenStop(t.charAt(ts - 1))) {
            ts--;
        }
        for (int j = ts; j < a.keyStart(); j++) {
            char c = (char) (t.charAt(j) | 0x20);
            if (c != 'j' && c != 's' || j > 0 && isWordChar(t.charAt(j - 1))) {
                continue;
            }
            int p;
            String scheme;
            if (t.regionMatches(true, j, "jdbc:", 0, 5)) {
                p = j + 5;
                while (p < a.keyStart() && isAlnum(t.charAt(p))) {
                    p++;
                }
                if (p == j + 5 || p >= a.keyStart() || t.charAt(p) != ':') {
                    continue;
                }
                scheme = t.substring(j, p).toLowerCase(Locale.ROOT);
                p++;
            } else if (t.regionMatches(true, j, "sqlserver:", 0, 10)) {
                p = j + 10;
                scheme = "sqlserver";
            } else {
                continue;
            }
            if (p >= a.keyStart() || t.charAt(p) != '/') {
                continue;
            }
            p++;
            if (p < a.keyStart() && t.charAt(p) == '/') {
                p++;
            }
            int hostStart = p;
            while (p < a.keyStart() && !isSpace(t.charAt(p)) && ";/?:'\"`".indexOf(t.charAt(p)) < 0) {
                p++;
            }
            if (a.quoted()) {
                return null;
            }
            int end = a.valueEnd();
            while (end < t.length() && end - a.valueEnd() < MAX_CONTEXT && !isTokenStop(t.charAt(end))) {
                end++;
            }
            return new ConnectionUrl(file, ConnectionUrl.Kind.URL_PARAMETER, j, end, scheme, "",
                    t.substring(hostStart, p), a.valueStart(), a.valueEnd());
        }
        return null;
    }

    /** {@code Password=...} among other keys of a connection string ({@code Server=...;Database=...}). */
    private static ConnectionUrl connectionString(SourceFile file, String t, Assignment a, char before) {
        if (!(before == ';' || before == '"' || before == '\'' || isSpace(before) || before == '=')) {
            return null;
        }
        int from = a.keyStart();
        int lo = Math.max(0, from - MAX_CONTEXT);
        while (from > lo && "\"'`\n\r".indexOf(t.charAt(from - 1)) < 0) {
            from--;
        }
        int to = a.valueEnd();
        int hi = Math.min(t.length(), to + MAX_CONTEXT);
        while (to < hi && "\"'`\n\r".indexOf(t.charAt(to)) < 0) {
            to++;
        }
        String host = null;
        boolean other = false;
        for (int k = from; k < to; k++) {
            if (k > from && t.charAt(k - 1) != ';' && !isSpace(t.charAt(k - 1))) {
                continue;
            }
            for (String key : CONNECTION_KEYS) {
                if (t.regionMatches(true, k, key, 0, key.length())) {
                    int e = k + key.length();
                    while (e < to && t.charAt(e) == ' ') {
                        e++;
                    }
                    if (e < to && t.charAt(e) == '=') {
                        other = true;
                        if (host == null && (key.equals("server") || key.equals("data source") || key.equals("host")
                                || key.equals("address") || key.equals("addr") || key.equals("network address"))) {
                            int v = e + 1;
                            int ve = v;
                            while (ve < to && t.charAt(ve) != ';' && !isSpace(t.charAt(ve))) {
                                ve++;
                            }
                            host = serverName(t.substring(v, ve));
                        }
                    }
                }
            }
        }
        if (!other) {
            return null;
        }
        return new ConnectionUrl(file, ConnectionUrl.Kind.CONNECTION_STRING, a.displayStart(), a.displayEnd(),
                a.name(), "", host == null ? "" : host, a.valueStart(), a.valueEnd());
    }

    /** {@code tcp:db.example.com,1433} or {@code db\SQLEXPRESS} to its host name. */
    private static String serverName(String value) {
        String v = value;
        if (v.regionMatches(true, 0, "tcp:", 0, 4)) {
            v = v.substring(4);
        }
        int cut = v.length();
        for (char c : new char[] {',', '\\', ':'}) {
            int at = v.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        String host = v.substring(0, cut);
        return host.equals(".") || host.equalsIgnoreCase("(local)") ? "localhost" : host;
    }

    /** {@code --admin-password VALUE} (or {@code =VALUE}, or PowerShell's {@code -Password VALUE}) on a database command. */
    private static ConnectionUrl option(SourceFile file, String t, Assignment a, String name) {
        String bare = name.replaceFirst("^-+", "");
        boolean doubleDash = name.startsWith("--");
        if (!bare.endsWith("password") && !bare.endsWith("passwd")) {
            return null;
        }
        if (doubleDash && bare.equals("password") && a.separator() != '=') {
            // `mysql --password db`: a bare --password asks for it, and the next word is something else.
            return null;
        }
        if (!a.literal() || t.charAt(a.valueStart() - (a.quoted() ? 1 : 0)) == '-') {
            return null;
        }
        int lineStart = lineStart(t, a.keyStart());
        int lineEnd = lineEnd(t, a.valueEnd());
        String line = t.substring(lineStart, lineEnd);
        if (!hasWord(line.toLowerCase(Locale.ROOT), DATABASE_COMMANDS)) {
            return null;
        }
        return new ConnectionUrl(file, ConnectionUrl.Kind.OPTION, a.displayStart(), a.displayEnd(), a.name(), "",
                optionHost(line), a.valueStart(), a.valueEnd());
    }

    /** The value of {@code --host}, {@code -h}, {@code --server} or {@code -S} on a command line, or empty. */
    private static String optionHost(String line) {
        String[] words = line.split("[\\s=]+");
        for (int k = 0; k + 1 < words.length; k++) {
            String w = words[k];
            if (w.equals("-h") || w.equalsIgnoreCase("--host") || w.equalsIgnoreCase("--hostname") || w.equals("-S")
                    || w.equalsIgnoreCase("--server") || w.equalsIgnoreCase("-ServerInstance")) {
                return serverName(unquote(words[k + 1]));
            }
        }
        return "";
    }

    private static boolean hasWord(String lower, Set<String> words) {
        int n = lower.length();
        int k = 0;
        while (k < n) {
            while (k < n && !isCommandChar(lower.charAt(k))) {
                k++;
            }
            int s = k;
            while (k < n && isCommandChar(lower.charAt(k))) {
                k++;
            }
            if (k > s && (words.contains(lower.substring(s, k)) || containsPart(lower.substring(s, k), words))) {
                return true;
            }
        }
        return false;
    }

    /** {@code create-db-instance}: a part of a hyphenated word names a database. */
    private static boolean containsPart(String word, Set<String> words) {
        if (word.indexOf('-') < 0) {
            return false;
        }
        for (String part : word.split("-")) {
            if (words.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCommandChar(char c) {
        return isAlnum(c) || c == '_' || c == '-';
    }

    /** Whether a key's words before the password word name a database: {@code DB_}, {@code postgres}, {@code datasource.}. */
    static boolean namesDatabase(String prefix) {
        String lower = prefix.toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int k = 0; k <= lower.length(); k++) {
            char c = k < lower.length() ? lower.charAt(k) : '_';
            boolean upperStart = k < prefix.length() && k > 0 && Character.isUpperCase(prefix.charAt(k))
                    && Character.isLowerCase(prefix.charAt(k - 1));
            if (!isAlnum(c) || upperStart) {
                if (word.length() > 0 && (DATABASE_WORDS.contains(word.toString()) || endsWithDatabaseWord(word))) {
                    return true;
                }
                word.setLength(0);
            }
            if (isAlnum(c)) {
                word.append(c);
            }
        }
        return false;
    }

    /** {@code pgpassword}, {@code mydbpassword}: the word just before the password word is run into it. */
    private static boolean endsWithDatabaseWord(CharSequence word) {
        String w = word.toString();
        return w.endsWith("pg") || w.endsWith("db") || w.endsWith("sql") || w.endsWith("postgres") || w.endsWith("mongo");
    }

    /** A database host written near a password variable: what it belongs to, and whether it names a database. */
    private record Host(String name, boolean database) {
    }

    /**
     * The database host nearest a password variable, within {@link #HOST_LINES} lines: a {@code DB_HOST}-like key, a
     * plain {@code host:} key, a database URL, a {@code Server=} key, or {@code -h}/{@code --host} on its line.
     * Null when there is none.
     */
    private static Host hostBeside(String t, int from, int to) {
        int lo = from;
        for (int k = 0; k <= HOST_LINES && lo > 0 && from - lo < MAX_CONTEXT * 2; k++) {
            lo = lineStart(t, lo - 1);
        }
        int hi = to;
        for (int k = 0; k <= HOST_LINES && hi < t.length() && hi - to < MAX_CONTEXT * 2; k++) {
            hi = lineEnd(t, hi + 1);
        }
        String line = t.substring(lineStart(t, from), lineEnd(t, to));
        String onLine = optionHost(line);
        if (!onLine.isEmpty()) {
            return new Host(onLine, true);
        }
        Host found = null;
        for (int k = lo; k < hi; k++) {
            char c = (char) (t.charAt(k) | 0x20);
            if (c == ':' && k + 2 < hi && t.charAt(k + 1) == '/' && t.charAt(k + 2) == '/') {
                Host url = databaseUrlHost(t, k, hi);
                if (url != null) {
                    return url;
                }
            }
            if (c != 'h' && c != 's' && c != 'a' && c != 'e') {
                continue;
            }
            for (String word : List.of("host", "hostname", "server", "servername", "address", "endpoint")) {
                if (!t.regionMatches(true, k, word, 0, word.length())) {
                    continue;
                }
                int e = k + word.length();
                if (e < hi && (isAlnum(t.charAt(e)) || t.charAt(e) == '_')) {
                    continue;
                }
                Assignment a = Assignment.at(t, k, word.length());
                if (a == null || a.option() || a.valueEnd() > hi || !a.literal() && !a.value(t).startsWith("$")) {
                    continue;
                }
                String key = a.name().toLowerCase(Locale.ROOT);
                boolean database = namesDatabase(key.substring(0, key.length() - word.length()))
                        || key.equals("pghost") || key.equals("mysql_host");
                Host h = new Host(serverName(a.value(t)), database);
                if (found == null || database && !found.database()) {
                    found = h;
                }
            }
        }
        return found;
    }

    /** The host of a database URL (with or without a password) whose {@code ://} is at {@code at}. */
    private static Host databaseUrlHost(String t, int at, int hi) {
        int s = at;
        while (s > 0 && at - s <= MAX_SCHEME && isSchemeChar(t.charAt(s - 1))) {
            s--;
        }
        if (s == at || !SCHEMES.contains(t.substring(s, at).toLowerCase(Locale.ROOT))) {
            return null;
        }
        int p = at + 3;
        int hostStart = p;
        while (p < hi && !isSpace(t.charAt(p)) && "/?;'\"`,)".indexOf(t.charAt(p)) < 0) {
            if (t.charAt(p) == '@') {
                hostStart = p + 1;
            }
            p++;
        }
        String host = t.substring(hostStart, p);
        int colon = host.lastIndexOf(':');
        return new Host(colon > 0 && !host.startsWith("[") ? host.substring(0, colon) : host, true);
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Masking: every form, with no context and no judgement.

    /**
     * The spans of everything in {@code text} that looks like a password: a URL's user-info password (any scheme), a
     * value after a key ending in {@code password}, {@code passwd} or {@code pwd} and {@code =} or {@code :}, and the
     * value of a {@code --...password} option. Wider than {@link #find} (no database context needed, placeholders
     * included): the report masks these in any text it shows, {@code [from, to)} pairs, in order.
     */
    public static List<int[]> secretSpans(String t) {
        List<int[]> spans = new ArrayList<>();
        int n = t.length();
        int after = 0;
        for (int at = t.indexOf("://"); at >= 0; at = t.indexOf("://", at + 3)) {
            int s = at;
            while (s > 0 && at - s <= 32 && (isSchemeChar(t.charAt(s - 1)) || t.charAt(s - 1) == '.'
                    || t.charAt(s - 1) == '-')) {
                s--;
            }
            if (s == at || !Character.isLetter(t.charAt(s)) && s + 1 < at) {
                continue;
            }
            int p = at + 3;
            while (p < n && !isSpace(t.charAt(p)) && ":/@".indexOf(t.charAt(p)) < 0) {
                p++;
            }
            if (p >= n || t.charAt(p) != ':') {
                continue;
            }
            int from = ++p;
            while (p < n && !isSpace(t.charAt(p)) && "@/".indexOf(t.charAt(p)) < 0) {
                p++;
            }
            if (p > from && p < n && t.charAt(p) == '@' && from >= after) {
                spans.add(new int[] {from, p});
                after = p;
            }
        }
        for (int i = 0; i < n; i++) {
            if ((t.charAt(i) | 0x20) != 'p') {
                continue;
            }
            int len = passwordWord(t, i);
            if (len == 0) {
                continue;
            }
            Assignment a = Assignment.at(t, i, len);
            // A variable or template ($DB_PASSWORD, ${{ secrets.X }}, process.env.X) is not a secret to mask.
            if (a != null && a.valueEnd() > a.valueStart() && a.literal()) {
                spans.add(new int[] {a.valueStart(), a.valueEnd()});
                i = a.valueEnd() - 1;
            } else {
                i += len - 1;
            }
        }
        return spans;
    }

    /**
     * A key (or option) that ends in a password word, its separator and the value after it, read from the word at
     * {@code i}: {@code PGPASSWORD=v}, {@code "password": "v"}, {@code $env:DB_PASSWORD = 'v'}, {@code --admin-password v}.
     */
    private record Assignment(int displayStart, int keyStart, int keyEnd, int wordLength, String name, boolean option,
                              char separator, int valueStart, int valueEnd, boolean quoted, boolean literal) {

        int displayEnd() {
            return quoted ? valueEnd + 1 : valueEnd;
        }

        String value(String t) {
            return t.substring(valueStart, valueEnd);
        }

        static Assignment at(String t, int i, int len) {
            int n = t.length();
            int ks = i;
            while (ks > 0 && i - ks <= MAX_KEY && isKeyChar(t.charAt(ks - 1))) {
                ks--;
            }
            if (i - ks > MAX_KEY) {
                return null;
            }
            int ke = i + len;
            if (ke < n && (isAlnum(t.charAt(ke)) || t.charAt(ke) == '_'
                    || (t.charAt(ke) == '-' || t.charAt(ke) == '.') && ke + 1 < n && isAlnum(t.charAt(ke + 1)))) {
                // passwordResetToken, password_hash, DB_PASSWORD_FILE, --password-file: another thing.
                return null;
            }
            while (ks < i && t.charAt(ks) == '.') {
                ks++;
            }
            int display = ks;
            if (ks >= 5 && t.regionMatches(true, ks - 5, "$env:", 0, 5)) {
                display = ks - 5;
            } else if (ks > 0 && t.charAt(ks - 1) == '$') {
                display = ks - 1;
            }
            String name = t.substring(ks, ke);
            boolean option = name.startsWith("-");
            int p = ke;
            if (ks > 0 && p < n && (t.charAt(ks - 1) == '"' || t.charAt(ks - 1) == '\'') && t.charAt(p) == t.charAt(ks - 1)) {
                p++;
            }
            int spaces = p;
            while (p < n && (t.charAt(p) == ' ' || t.charAt(p) == '\t') && p - spaces < 16) {
                p++;
            }
            char separator;
            if (p < n && t.charAt(p) == '=') {
                if (p + 1 < n && (t.charAt(p + 1) == '=' || t.charAt(p + 1) == '~')) {
                    return null;
                }
                separator = '=';
                p++;
                if (p < n && t.charAt(p) == '>') {
                    p++;
                }
            } else if (p < n && t.charAt(p) == ':' && !option) {
                if (p + 1 < n && t.charAt(p + 1) == ':' || !keyPosition(t, display)) {
                    return null;
                }
                separator = ':';
                p++;
                if (p < n && t.charAt(p) == '=') {
                    p++;
                }
            } else if (option && p > spaces) {
                separator = ' ';
            } else {
                return null;
            }
            int valueSpaces = p;
            while (p < n && (t.charAt(p) == ' ' || t.charAt(p) == '\t') && p - valueSpaces < 16) {
                p++;
            }
            if (separator == ':' && p == valueSpaces && p < n && t.charAt(p) != '"' && t.charAt(p) != '\'') {
                // `password:x` is a URL or a label, not YAML (which needs the space).
                return null;
            }
            if (p >= n) {
                return null;
            }
            char q = t.charAt(p);
            int vs;
            int ve;
            boolean quoted = q == '"' || q == '\'' || q == '`';
            if (quoted) {
                vs = p + 1;
                ve = vs;
                while (ve < n && t.charAt(ve) != q && t.charAt(ve) != '\n' && t.charAt(ve) != '\r' && ve - vs <= MAX_VALUE) {
                    ve++;
                }
                if (ve >= n || t.charAt(ve) != q) {
                    return null;
                }
            } else {
                vs = p;
                ve = p;
                while (ve < n && !isBareStop(t.charAt(ve)) && ve - vs <= MAX_VALUE) {
                    ve++;
                }
            }
            if (ve == vs || ve - vs > MAX_VALUE) {
                return null;
            }
            boolean literal = isLiteral(t, vs, ve, quoted);
            return new Assignment(display, ks, ke, len, name, option, separator, vs, ve, quoted, literal);
        }
    }

    /**
     * Whether a key followed by {@code :} stands where a key does: quoted (JSON), first on its line (YAML, an
     * object literal), or after {@code {}, {@code ,}, {@code (}, {@code [} or a list's {@code -}. "the password: 12
     * characters" in prose (and in this tool's own messages) is no key.
     */
    private static boolean keyPosition(String t, int keyStart) {
        int k = keyStart;
        if (k > 0 && (t.charAt(k - 1) == '"' || t.charAt(k - 1) == '\'')) {
            return true;
        }
        while (k > 0 && (t.charAt(k - 1) == ' ' || t.charAt(k - 1) == '\t') && keyStart - k < 64) {
            k--;
        }
        return k == 0 || "\n\r{,([-".indexOf(t.charAt(k - 1)) >= 0;
    }

    /**
     * Whether a value is written out rather than computed: not a variable ({@code $X}, {@code %X%}, {@code ${{ }}}), a
     * tag ({@code !secret x}), a call or a dotted name ({@code process.env.X}), an option or a command substitution.
     */
    private static boolean isLiteral(String t, int vs, int ve, boolean quoted) {
        char first = t.charAt(vs);
        if (first == '$' || first == '%' || first == '!' || first == '&' || first == '*' && !quoted
                || first == '-' && !quoted || first == '(' || first == '@' && !quoted) {
            return false;
        }
        if (quoted) {
            return true;
        }
        boolean dotted = false;
        boolean identifier = Character.isLetter(first) || first == '_';
        for (int k = vs; k < ve; k++) {
            char c = t.charAt(k);
            if (c == '(') {
                return false;
            }
            if (c == '.') {
                dotted = true;
            } else if (!isAlnum(c) && c != '_') {
                identifier = false;
            }
        }
        // process.env.DB_PASSWORD, config.db.password: code, not a password.
        return !(identifier && dotted && t.charAt(ve - 1) != '.');
    }

    private static boolean isKeyChar(char c) {
        return isAlnum(c) || c == '_' || c == '.' || c == '-';
    }

    private static boolean isBareStop(char c) {
        return isSpace(c) || "\"'`;&,)}]|".indexOf(c) >= 0;
    }

    private static boolean isTokenStop(char c) {
        return isSpace(c) || c == '\'' || c == '"' || c == '`';
    }

    private static int passwordWord(String t, int i) {
        int n = t.length();
        if (i + 2 < n && (t.charAt(i + 1) | 0x20) == 'w' && (t.charAt(i + 2) | 0x20) == 'd') {
            return 3;
        }
        if (i + 5 < n && (t.charAt(i + 1) | 0x20) == 'a' && (t.charAt(i + 2) | 0x20) == 's'
                && (t.charAt(i + 3) | 0x20) == 's' && (t.charAt(i + 4) | 0x20) == 'w') {
            if ((t.charAt(i + 5) | 0x20) == 'd') {
                return 6;
            }
            if (i + 7 < n && (t.charAt(i + 5) | 0x20) == 'o' && (t.charAt(i + 6) | 0x20) == 'r'
                    && (t.charAt(i + 7) | 0x20) == 'd') {
                return 8;
            }
        }
        return 0;
    }

    private static int lineStart(String t, int at) {
        int k = Math.min(Math.max(at, 0), t.length());
        int lo = Math.max(0, k - MAX_CONTEXT);
        while (k > lo && t.charAt(k - 1) != '\n' && t.charAt(k - 1) != '\r') {
            k--;
        }
        return k;
    }

    private static int lineEnd(String t, int at) {
        int k = Math.min(Math.max(at, 0), t.length());
        int hi = Math.min(t.length(), k + MAX_CONTEXT);
        while (k < hi && t.charAt(k) != '\n' && t.charAt(k) != '\r') {
            k++;
        }
        return k;
    }

    private static String unquote(String word) {
        String w = word;
        while (!w.isEmpty() && "\"'`".indexOf(w.charAt(0)) >= 0) {
            w = w.substring(1);
        }
        while (!w.isEmpty() && "\"'`;".indexOf(w.charAt(w.length() - 1)) >= 0) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isWordChar(char c) {
        return isAlnum(c) || c == '_';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** Lock files and minified bundles hold other people's URLs, never the project's own configuration. */
    public static boolean isLockOrGenerated(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("package-lock.json") || name.equals("yarn.lock") || name.equals("pnpm-lock.yaml")
                || name.equals("bun.lockb") || name.endsWith(".min.js") || name.endsWith(".map");
    }
}
