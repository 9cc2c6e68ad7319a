package dev.migrationguard.prisma;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.migrationguard.workspace.Snapshot;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prisma CLI version a project declares: the {@code prisma} dependency (else {@code @prisma/client}) of the
 * package.json nearest to a folder, walking up to the repository root. The lowest version the range allows is
 * taken ({@code ^6.19.3} is 6.19), since that is what an install may give.
 *
 * @param major the major version
 * @param minor the minor version
 * @param spec  the range as written, e.g. {@code ^6.19.3}
 * @param path  the package.json it comes from
 */
public record PrismaVersion(int major, int minor, String spec, String path) {
    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern VERSION = Pattern.compile("^\\s*(?:[\\^~=v]|>=?)*\\s*v?(\\d{1,6})(?:\\.(\\d{1,6}|x|\\*))?");

    /** Whether this version is at least {@code major.minor}. */
    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** {@code 6.19} and where it was read, for messages. */
    public String describe() {
        return "Prisma " + spec + " (" + path + ")";
    }

    /** The version declared for a folder (a migrations folder, a schema's folder), if any package.json on the way up says. */
    public static Optional<PrismaVersion> near(Snapshot snapshot, String folder) {
        String dir = folder;
        while (true) {
            String path = dir.isEmpty() ? "package.json" : dir + "/package.json";
            Optional<SourceFile> file = snapshot.read(path);
            if (file.isPresent()) {
                Optional<PrismaVersion> version = parse(file.get().text(), path);
                if (version.isPresent()) {
                    return version;
                }
            }
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            int slash = dir.lastIndexOf('/');
            dir = slash < 0 ? "" : dir.substring(0, slash);
        }
    }

    /** The version a package.json's text declares, if it names a readable one. */
    public static Optional<PrismaVersion> parse(String packageJson, String path) {
        String cli = null;
        String client = null;
        try (JsonParser p = JSON.createParser(packageJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.START_OBJECT || !(field.equals("dependencies")
                        || field.equals("devDependencies"))) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING) {
                        if (name.equals("prisma")) {
                            cli = p.getText();
                        } else if (name.equals("@prisma/client")) {
                            client = p.getText();
                        }
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        Optional<PrismaVersion> version = cli == null ? Optional.empty() : of(cli, path);
        return version.isPresent() || client == null ? version : of(client, path);
    }

    private static Optional<PrismaVersion> of(String spec, String path) {
        Matcher m = VERSION.matcher(spec);
        if (!m.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = m.group(2) == null || !Character.isDigit(m.group(2).charAt(0)) ? 0 : Integer.parseInt(m.group(2));
        return Optional.of(new PrismaVersion(major, minor, spec.strip(), path));
    }
}
