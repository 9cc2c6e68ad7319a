package dev.migrationguard.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Parses kept between runs, outside the repository, as ruff and mypy keep theirs: a commit that adds one migration
 * parses that one, not every migration before it, nor the unchanged schema. A parser stores bytes of its own layout
 * under a kind (a parser and its layout's version: {@code sql1-postgresql}, {@code prisma1}) and a file's text; an
 * entry holds that text too and is used only when it is the file's text byte for byte, so a key two texts share costs
 * a parse, never a wrong result. Entries sit in a folder named by a fingerprint of the code that made them (the jar,
 * its size and time; for classes on disk, the parsers' class files' times), so a new build never reads an older one's;
 * folders not used for a week are removed when a new one is made.
 *
 * <p>Where: {@code MIGRATION_GUARD_CACHE_DIR}; else {@code $XDG_CACHE_HOME/migration-guard}, {@code
 * ~/Library/Caches/migration-guard} on macOS, {@code %LOCALAPPDATA%\migration-guard\cache} on Windows, {@code
 * ~/.cache/migration-guard} elsewhere. {@code MIGRATION_GUARD_CACHE=off} turns it off. Code run from class folders
 * (the project's own tests) uses it only with a folder named. Reading or writing it never fails a run: an entry that
 * cannot be read is parsed again, and a folder that cannot be written to is left alone for the rest of the run.
 */
public final class ParseCache {
    /** Names the cache folder; also read as the system property {@value #DIR_PROPERTY} (tests, the CDS training). */
    public static final String DIR_VARIABLE = "MIGRATION_GUARD_CACHE_DIR";
    public static final String DIR_PROPERTY = "migrationguard.cache.dir";
    /** {@code off} (or {@code 0}, {@code false}, {@code no}) turns the cache off. */
    public static final String SWITCH_VARIABLE = "MIGRATION_GUARD_CACHE";

    /** The class folders whose times tell, in a development build, that the parsers' code changed. */
    private static final String[] PARSER_PACKAGES = {"dev/migrationguard/sql", "dev/migrationguard/sql/grammar",
        "dev/migrationguard/prisma", "dev/migrationguard/prisma/grammar", "dev/migrationguard/workspace"};

    /** Entries larger than this are not read (no parse of one migration comes near it). */
    private static final int MAX_ENTRY_BYTES = 64 << 20;
    private static final Duration UNUSED_FOLDER_AGE = Duration.ofDays(7);
    /** No cache: every lookup misses and nothing is written. */
    public static final ParseCache NONE = new ParseCache(null);

    private static volatile Resolved resolved;
    /** Folders of scanned repositories: a cache folder inside one (a home folder under git) is never written. */
    private static final List<Path> SCANNED = new CopyOnWriteArrayList<>();

    private final Path folder;
    private final AtomicBoolean writable = new AtomicBoolean(true);
    private final AtomicBoolean prepared = new AtomicBoolean();
    private final AtomicBoolean used = new AtomicBoolean();

    private record Resolved(String key, ParseCache cache) {
    }

    private ParseCache(Path folder) {
        this.folder = folder;
    }

    /** A cache in {@code root} for code of the given fingerprint (tests). */
    static ParseCache at(Path root, String fingerprint) {
        return new ParseCache(root.resolve("build-" + fingerprint));
    }

    /** The cache this process uses, from its environment and the location of its code (resolved once). */
    public static ParseCache current() {
        String property = System.getProperty(DIR_PROPERTY);
        String key = property == null ? "" : property;
        Resolved known = resolved;
        if (known != null && known.key().equals(key)) {
            return known.cache();
        }
        ParseCache cache = resolve(property, System.getenv());
        resolved = new Resolved(key, cache);
        return cache;
    }

    static ParseCache resolve(String property, Map<String, String> env) {
        String off = env.getOrDefault(SWITCH_VARIABLE, "").trim().toLowerCase(Locale.ROOT);
        if (off.equals("off") || off.equals("0") || off.equals("false") || off.equals("no")) {
            return NONE;
        }
        String named = property != null && !property.isEmpty() ? property : env.get(DIR_VARIABLE);
        Path root;
        if (named != null && !named.isEmpty()) {
            root = Path.of(named).toAbsolutePath();
        } else {
            root = defaultRoot(env);
        }
        Optional<String> fingerprint = fingerprint(named != null && !named.isEmpty());
        if (root == null || fingerprint.isEmpty()) {
            return NONE;
        }
        return at(root, fingerprint.get());
    }

    private static Path defaultRoot(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "migration-guard");
        }
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local == null || local.isEmpty() ? null : Path.of(local, "migration-guard", "cache");
        }
        // $HOME first, as git and every XDG tool read it (Java's user.home comes from the password file).
        String home = env.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        if (home == null || home.isEmpty() || home.equals("?")) {
            return null;
        }
        return os.startsWith("mac") ? Path.of(home, "Library", "Caches", "migration-guard")
                : Path.of(home, ".cache", "migration-guard");
    }

    /**
     * A fingerprint of the code that parses: of the jar this class was loaded from, or, for class folders and only
     * when {@code named}, of the times of the parsers' class files. Empty when neither can be told.
     */
    private static Optional<String> fingerprint(boolean named) {
        try {
            Path source = Path.of(ParseCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (Files.isRegularFile(source)) {
                // The build's version too: npm gives every file of a package one fixed time, so a release of the same
                // size in the same place would otherwise look like the one before it.
                try (InputStream version = ParseCache.class.getResourceAsStream("/migration-guard.properties")) {
                    if (version != null) {
                        digest.update(version.readAllBytes());
                    }
                }
                BasicFileAttributes attributes = Files.readAttributes(source, BasicFileAttributes.class);
                digest.update((source.toAbsolutePath() + "\n" + attributes.size() + "\n"
                        + attributes.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (named && Files.isDirectory(source)) {
                for (String folder : PARSER_PACKAGES) {
                    try (Stream<Path> classes = Files.list(source.resolve(folder))) {
                        for (Path file : classes.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                            digest.update((file.getFileName() + " " + Files.getLastModifiedTime(file).toMillis() + "\n")
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            } else {
                return Optional.empty();
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest(), 0, 10));
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Marks {@code folder} as a repository being scanned: the linter changes nothing in what it scans, so no cache
     * inside it is written (as a home folder kept in git would have {@code ~/.cache} in its working tree).
     */
    public static void refuseWritesUnder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!SCANNED.contains(absolute)) {
            SCANNED.add(absolute);
        }
    }

    private boolean insideScanned() {
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path scanned : SCANNED) {
            if (absolute.startsWith(scanned)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this cache keeps anything. */
    public boolean enabled() {
        return folder != null;
    }

    /** Reads a parser's bytes back; an IOException for bytes that are not an entry of its layout. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] bytes) throws IOException;
    }

    /**
     * A parse through the cache: what an earlier run kept for {@code text} under {@code kind}, decoded; else
     * {@code parser}'s parse, kept (unless {@code encoder} refuses it with a RuntimeException: then it is parsed on
     * every run).
     */
    public <T> T parse(String kind, String text, Decoder<T> decoder, Supplier<T> parser, Function<T, byte[]> encoder) {
        Optional<byte[]> kept = get(kind, text);
        if (kept.isPresent()) {
            try {
                return decoder.decode(kept.get());
            } catch (IOException e) {
                // Not an entry this build reads: parsed again and replaced.
            }
        }
        T parsed = parser.get();
        if (folder != null) {
            byte[] bytes;
            try {
                bytes = encoder.apply(parsed);
            } catch (RuntimeException e) {
                return parsed;
            }
            put(kind, text, bytes);
        }
        return parsed;
    }

    /** What a parser kept for {@code text} under {@code kind}, or empty. */
    public Optional<byte[]> get(String kind, String text) {
        if (folder == null) {
            return Optional.empty();
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Path entry = entry(kind, utf8);
        try {
            if (Files.size(entry) > MAX_ENTRY_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(entry);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            int length = buffer.getInt();
            if (length != utf8.length || bytes.length < 4 + length
                    || !Arrays.equals(bytes, 4, 4 + length, utf8, 0, length)) {
                return Optional.empty();
            }
            markUsed();
            return Optional.of(Arrays.copyOfRange(bytes, 4 + length, bytes.length));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // Truncated or unreadable: parsed again, and written anew.
            return Optional.empty();
        }
    }

    /** Keeps {@code payload}, a parser's bytes for {@code text} under {@code kind}, replacing what was kept. */
    public void put(String kind, String text, byte[] payload) {
        if (folder == null || !writable.get() || insideScanned()) {
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Path entry = entry(kind, utf8);
        Path temp = entry.resolveSibling(entry.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            prepare();
            Files.createDirectories(entry.getParent());
            ByteBuffer bytes = ByteBuffer.allocate(4 + utf8.length + payload.length);
            bytes.putInt(utf8.length).put(utf8).put(payload);
            Files.write(temp, bytes.array());
            try {
                Files.move(temp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            writable.set(false);
            try {
                Files.deleteIfExists(temp);
            } catch (IOException | SecurityException ignored) {
                // Nothing more to do: the folder cannot be written.
            }
        }
    }

    private Path entry(String kind, byte[] text) {
        CRC32 crc = new CRC32();
        crc.update(text);
        String name = kind + "-" + Integer.toHexString(text.length) + "-" + Long.toHexString(crc.getValue());
        return folder.resolve(name.substring(name.length() - 2)).resolve(name);
    }

    /** Marks this build's folder as in use (once a run), so that another build's clean-up keeps it. */
    private void markUsed() {
        if (used.compareAndSet(false, true)) {
            try {
                Files.setLastModifiedTime(folder, FileTime.from(Instant.now()));
            } catch (IOException | SecurityException e) {
                // A folder that cannot be touched is only removed sooner.
            }
        }
    }

    /** Makes this build's folder, private to the user, and removes those of builds not used for a week. */
    private void prepare() throws IOException {
        if (!prepared.compareAndSet(false, true)) {
            return;
        }
        Path root = folder.getParent();
        boolean fresh = !Files.isDirectory(folder);
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root.getParent() == null ? root : root.getParent());
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(root);
            }
        }
        Files.createDirectories(folder);
        if (fresh) {
            Instant unused = Instant.now().minus(UNUSED_FOLDER_AGE);
            try (Stream<Path> builds = Files.list(root)) {
                for (Path old : builds.filter(p -> p.getFileName().toString().startsWith("build-") && !p.equals(folder))
                        .toList()) {
                    if (Files.getLastModifiedTime(old).toInstant().isBefore(unused)) {
                        deleteTree(old);
                    }
                }
            }
        } else {
            markUsed();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
