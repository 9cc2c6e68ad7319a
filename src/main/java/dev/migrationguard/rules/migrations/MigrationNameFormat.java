package dev.migrationguard.rules.migrations;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;
import dev.migrationguard.rules.RuleOption;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.MigrationSet;
import dev.migrationguard.sql.MigrationSets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A migration folder that breaks its repository's naming convention: Prisma's {@code YYYYMMDDHHMMSS_snake_case} or
 * the numbered {@code NN_name} a repository consistently uses instead. Prisma applies folders in name order, so a
 * misfit prefix changes the order migrations run in.
 */
public final class MigrationNameFormat implements Rule {
    private static final int TIMESTAMP_DIGITS = 14;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Clock clock;

    public MigrationNameFormat() {
        this(Clock.systemUTC());
    }

    MigrationNameFormat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "migration-name-format";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(new RuleOption("convention", RuleOption.Type.STRING,
                "auto (the majority of each folder, default), timestamp (Prisma's YYYYMMDDHHMMSS_name) or numbered (NN_name)"));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        String convention = context.options().string("convention", "auto");
        LocalDateTime tomorrow = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        for (MigrationSet set : context.snapshot().model(MigrationSets.KEY)) {
            if (set.migrations().isEmpty()) {
                continue;
            }
            int width = expectedWidth(set, convention);
            boolean timestamps = width == TIMESTAMP_DIGITS;
            String expected = timestamps ? "YYYYMMDDHHMMSS_snake_case_name" : "0".repeat(Math.max(width, 1)) + "_name";
            Map<String, String> firstWithPrefix = new HashMap<>();
            List<Migration> ordered = set.migrations();
            for (int i = 0; i < ordered.size(); i++) {
                Migration m = ordered.get(i);
                MigrationName name = MigrationName.parse(m.name());
                boolean inPlace = timestamps && shorterTimestampInPlace(ordered, i);
                String problem = inPlace ? shortButInPlace(name) : problem(name, width, timestamps, tomorrow);
                if (problem == null && !name.prefix().isEmpty()) {
                    String earlier = firstWithPrefix.putIfAbsent(name.prefix(), m.name());
                    if (earlier != null) {
                        problem = "has the same " + (timestamps ? "timestamp" : "number") + " as " + earlier
                                + ", so their order depends on the rest of the name";
                    }
                }
                if (problem == null) {
                    continue;
                }
                MigrationLocation.of(context.snapshot(), m, findings)
                        .message("migration folder \"" + m.name() + "\" " + problem + " (this folder's convention: "
                                + expected + ")")
                        .fix(inPlace ? "Nothing to move: it runs in the right place. Create the next migrations with"
                                + " `prisma migrate dev --name <descriptive_name>`, which writes the full UTC timestamp."
                                : name.prefix().isEmpty() ? unprefixedFix(set, m, timestamps)
                                : timestamps
                                ? "create migrations with `prisma migrate dev --name <descriptive_name>`, which writes the "
                                + "current UTC time as the prefix; if this one is not applied anywhere yet, rename it to "
                                + "a correct timestamp after the newest migration"
                                : "number it after the newest migration (" + expected + "); if it is already applied "
                                + "somewhere, leave it and fix the next one")
                        .key(m.folder())
                        .report();
            }
        }
    }

    /**
     * The fix for a folder that sorts by its name: rename it while no database has applied it; once applied, rename
     * it in the folder and in each database's history together, or Prisma sees one migration missing and one new.
     */
    private static String unprefixedFix(MigrationSet set, Migration m, boolean timestamps) {
        String renamed = set.folder() + "/" + (timestamps ? "<YYYYMMDDHHMMSS>" : "<NN>") + "_" + m.name();
        return "If no database has applied it yet, rename it (`git mv " + m.folder() + " " + renamed + "`, with the "
                + (timestamps ? "UTC time it was created, so that it sorts where it belongs" : "number of its place")
                + "). If it is applied, rename the folder the same way and, in the same deploy, run `UPDATE"
                + " _prisma_migrations SET migration_name = '<new name>' WHERE migration_name = '" + m.name()
                + "'` on each database that applied it; later migrations then sort after it as they should.";
    }

    /** A shorter timestamp that sorts where its time puts it: only a later migration of that day would not. */
    private static String shortButInPlace(MigrationName name) {
        int digits = name.prefix().length();
        String article = String.valueOf(digits).startsWith("8") || digits == 11 ? "an " : "a ";
        return "has " + article + digits + "-digit timestamp instead of Prisma's 14 digits; it sorts where its time"
                + " puts it, but a migration created later within that " + (digits < 10 ? "day" : digits < 12 ? "hour"
                : "minute") + " would sort before it";
    }

    /**
     * Whether a timestamp cut short (8-digit {@code YYYYMMDD}, 12-digit {@code YYYYMMDDHHMM}) still sorts where its
     * time puts it among its neighbours: then Prisma applies it in the right place, and nothing needs to change.
     */
    static boolean shorterTimestampInPlace(List<Migration> ordered, int index) {
        String prefix = MigrationName.parse(ordered.get(index).name()).prefix();
        if (prefix.length() < 8 || prefix.length() >= TIMESTAMP_DIGITS || !validTime(low(prefix))) {
            return false;
        }
        for (int i = index - 1; i >= 0; i--) {
            String before = MigrationName.parse(ordered.get(i).name()).prefix();
            if (!before.isEmpty()) {
                if (low(before).compareTo(high(prefix)) > 0) {
                    return false;
                }
                break;
            }
        }
        for (int i = index + 1; i < ordered.size(); i++) {
            String after = MigrationName.parse(ordered.get(i).name()).prefix();
            if (!after.isEmpty()) {
                return low(prefix).compareTo(high(after)) <= 0;
            }
        }
        return true;
    }

    /** The earliest and latest 14-digit times a prefix stands for. */
    private static String low(String prefix) {
        return pad(prefix, '0');
    }

    private static String high(String prefix) {
        return pad(prefix, '9');
    }

    private static String pad(String prefix, char digit) {
        return prefix.length() >= TIMESTAMP_DIGITS ? prefix.substring(0, TIMESTAMP_DIGITS)
                : prefix + String.valueOf(digit).repeat(TIMESTAMP_DIGITS - prefix.length());
    }

    private static boolean validTime(String timestamp) {
        try {
            LocalDateTime.parse(timestamp, TIMESTAMP);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The prefix width a folder's names should have: set in config, or the most common one. */
    private static int expectedWidth(MigrationSet set, String convention) {
        if (convention.equals("timestamp")) {
            return TIMESTAMP_DIGITS;
        }
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Migration m : set.migrations()) {
            int w = MigrationName.parse(m.name()).prefix().length();
            if (w > 0) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        if (convention.equals("numbered")) {
            counts.remove(TIMESTAMP_DIGITS);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(convention.equals("numbered") ? 2 : TIMESTAMP_DIGITS);
    }

    private static String problem(MigrationName name, int width, boolean timestamps, LocalDateTime tomorrow) {
        if (name.prefix().isEmpty()) {
            return "has no " + (timestamps ? "timestamp" : "number") + " prefix, so it sorts by its name among the others";
        }
        if (name.prefix().length() != width) {
            int digits = name.prefix().length();
            String article = String.valueOf(digits).startsWith("8") || digits == 11 || digits == 18 ? "an " : "a ";
            return "has " + article + digits + "-digit prefix among " + width + "-digit ones; Prisma applies "
                    + "folders in name order, so it runs in the wrong place";
        }
        if (timestamps) {
            LocalDateTime when;
            try {
                when = LocalDateTime.parse(name.prefix(), TIMESTAMP);
            } catch (DateTimeParseException e) {
                return "starts with " + name.prefix() + ", which is not a valid date and time";
            }
            if (when.isAfter(tomorrow)) {
                return "has a timestamp in the future (" + when + " UTC); migrations created after it sort before it";
            }
            if (!name.description().isEmpty() && !name.snakeCase()) {
                return "is not snake_case after its timestamp";
            }
        }
        return null;
    }
}
