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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A migration whose name says nothing about what it changes. */
public final class MigrationNameVague implements Rule {
    private static final Pattern TRAILING_DIGITS = Pattern.compile("\\d+$");
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern NUMBERED_WORD = Pattern.compile("[a-z]+\\d+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,}");
    static final List<String> DEFAULT_VAGUE = List.of(
            "update", "updates", "updated", "change", "changes", "changed", "fix", "fixes", "fixed", "test", "tests",
            "testing", "migration", "migrations", "migrate", "new", "temp", "tmp", "wip", "misc", "stuff", "final",
            "schema", "db", "database", "dev", "edit", "edits", "modify", "modified", "patch", "hotfix", "prisma",
            "save", "latest", "auto", "generated", "draft", "sync", "tweak", "tweaks", "minor", "various", "cleanup",
            "refactor", "commit", "initial2", "init2", "todo", "asdf", "foo", "bar", "baz", "x", "v2", "next", "more");
    static final List<String> DEFAULT_STANDALONE = List.of("init", "initial", "baseline");
    /** Words that join others and say nothing on their own. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "to", "of", "for", "and", "in", "on", "at",
            "by", "with", "from", "into", "or");
    private static final Pattern VOWEL = Pattern.compile("[aeiouy]");

    @Override
    public String id() {
        return "migration-name-vague";
    }

    @Override
    public RuleInputs inputs() {
        return RuleInputs.changedFiles(Inputs.MIGRATIONS);
    }

    @Override
    public List<RuleOption> options() {
        return List.of(
                new RuleOption("vague-words", RuleOption.Type.STRING_LIST,
                        "words that say nothing about a change (replaces the built-in list)"),
                new RuleOption("standalone-words", RuleOption.Type.STRING_LIST,
                        "words that are a whole name on their own (default: init, initial, baseline)"),
                new RuleOption("min-words", RuleOption.Type.INTEGER, "meaningful words a name needs (default 2)"));
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        Set<String> vague = new HashSet<>(context.options().strings("vague-words", DEFAULT_VAGUE));
        Set<String> standalone = new HashSet<>(context.options().strings("standalone-words", DEFAULT_STANDALONE));
        int minWords = context.options().integer("min-words", 2);
        for (MigrationSet set : context.snapshot().model(MigrationSets.KEY)) {
            for (Migration m : set.migrations()) {
                MigrationName name = MigrationName.parse(m.name());
                String why = vagueness(name, vague, standalone, minWords);
                if (why == null) {
                    continue;
                }
                String suggestion = NameSuggestion.suggest(context.snapshot(), m);
                MigrationLocation.of(context.snapshot(), m, findings)
                        .message("migration name \"" + m.name() + "\" " + why
                                + (suggestion.isEmpty() ? "" : "; " + NameSuggestion.describe(context.snapshot(), m)
                                + ": try " + suggestion))
                        .fix("name migrations after what they change: `prisma migrate dev --name "
                                + (suggestion.isEmpty() ? "add_quest_progress_tracking" : suggestion)
                                + "`; a committed migration keeps its name (renaming it breaks databases that applied it), "
                                + "so apply this to the next one")
                        .key(m.folder())
                        .report();
            }
        }
    }

    /** Why a name is vague, or null when it is descriptive enough. */
    static String vagueness(MigrationName name, Set<String> vague, Set<String> standalone, int minWords) {
        List<String> words = name.words();
        if (words.isEmpty()) {
            return name.prefix().isEmpty() ? "is empty" : "is only a number";
        }
        if (words.size() == 1 && standalone.contains(words.get(0))) {
            return null;
        }
        int meaningful = 0;
        boolean standaloneSeen = false;
        for (String w : words) {
            if (standalone.contains(w)) {
                standaloneSeen = true;
            } else if (isMeaningful(w, vague)) {
                meaningful++;
            }
        }
        if (standaloneSeen && meaningful == 0 && words.stream().noneMatch(w -> DIGIT.matcher(w).find() && !standalone.contains(w))) {
            return null;
        }
        if (meaningful >= minWords) {
            return null;
        }
        if (meaningful == 0) {
            return words.stream().allMatch(w -> NUMBER.matcher(w).matches()) ? "is only a number"
                    : "says nothing about the change (" + String.join(", ", words) + ")";
        }
        return "has fewer than " + minWords + " meaningful words";
    }

    static boolean isMeaningful(String word, Set<String> vague) {
        if (vague.contains(word) || STOP_WORDS.contains(word) || NUMBER.matcher(word).matches()) {
            return false;
        }
        if (NUMBERED_WORD.matcher(word).matches() && vague.contains(TRAILING_DIGITS.matcher(word).replaceAll(""))) {
            return false;
        }
        if (word.length() < 2) {
            return false;
        }
        // A random string: long and without vowels, or a hex blob.
        if (word.length() >= 6 && (!VOWEL.matcher(word).find() || HEX.matcher(word).matches())) {
            return false;
        }
        return true;
    }
}
