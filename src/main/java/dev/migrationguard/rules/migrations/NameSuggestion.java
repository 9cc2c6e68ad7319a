package dev.migrationguard.rules.migrations;

import dev.migrationguard.sql.AlterTableAction;
import dev.migrationguard.sql.AlterTypeAction;
import dev.migrationguard.sql.ConstraintKind;
import dev.migrationguard.sql.Migration;
import dev.migrationguard.sql.SqlScript;
import dev.migrationguard.sql.SqlStatement;
import dev.migrationguard.workspace.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Builds a descriptive migration name from what its SQL does: "creates table Quest, adds column reward" becomes
 * {@code add_quest_and_reward}.
 */
final class NameSuggestion {
    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern ACRONYM_END = Pattern.compile("([A-Z]+)([A-Z][a-z])");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");
    private static final int MAX_OBJECTS = 2;

    /** One change a migration makes: a verb and an object for the name, and a phrase for the message. */
    record Action(String verb, String object, String phrase) {
    }

    private NameSuggestion() {
    }

    static List<Action> actions(Snapshot snapshot, Migration m) {
        SqlScript script = m.script(snapshot).orElse(null);
        if (script == null) {
            return List.of();
        }
        Set<String> redefined = new LinkedHashSet<>();
        for (SqlStatement s : script.statements()) {
            if (s instanceof SqlStatement.CreateTable t && t.table().name().startsWith("new_")) {
                redefined.add(t.table().name().substring(4));
            }
        }
        List<Action> out = new ArrayList<>();
        for (SqlStatement s : script.statements()) {
            if (s instanceof SqlStatement.CreateTable t) {
                String name = t.table().name();
                if (name.startsWith("new_") && redefined.contains(name.substring(4))) {
                    out.add(new Action("change", snake(name.substring(4)), "redefines table " + name.substring(4)));
                } else {
                    out.add(new Action("add", snake(name), "creates table " + name));
                }
            } else if (s instanceof SqlStatement.DropTable t) {
                t.tables().stream().filter(q -> !redefined.contains(q.name()) && !q.name().startsWith("new_"))
                        .forEach(q -> out.add(new Action("drop", snake(q.name()), "drops table " + q.name())));
            } else if (s instanceof SqlStatement.AlterTable t) {
                String table = t.table().name();
                for (AlterTableAction a : t.actions()) {
                    Action action = alter(table, a);
                    if (action != null) {
                        out.add(action);
                    }
                }
            } else if (s instanceof SqlStatement.CreateIndex i && i.table() != null && !redefined.contains(i.table().name())) {
                String columns = i.elements().stream().filter(e -> e.column() != null).map(e -> snake(e.column().name()))
                        .collect(Collectors.joining("_"));
                out.add(new Action("index", snake(i.table().name()) + (columns.isEmpty() ? "" : "_" + columns),
                        "adds " + (i.unique() ? "a unique index" : "an index") + " on " + i.table().name()));
            } else if (s instanceof SqlStatement.CreateEnum e) {
                out.add(new Action("add", snake(e.name().name()), "creates enum " + e.name().name()));
            } else if (s instanceof SqlStatement.AlterType t && t.action() instanceof AlterTypeAction.AddValue v) {
                out.add(new Action("add", snake(v.value()), "adds value " + v.value() + " to enum " + t.name().name()));
            } else if (s instanceof SqlStatement.RenameTable r) {
                out.add(new Action("rename", snake(r.from().name()) + "_to_" + snake(r.to().name()),
                        "renames table " + r.from().name() + " to " + r.to().name()));
            }
        }
        return out;
    }

    private static Action alter(String table, AlterTableAction a) {
        if (a instanceof AlterTableAction.AddColumn c) {
            return new Action("add", snake(c.column().name().name()), "adds column " + c.column().name().name());
        }
        if (a instanceof AlterTableAction.DropColumn c) {
            return new Action("remove", snake(c.column().name()), "drops column " + c.column().name());
        }
        if (a instanceof AlterTableAction.RenameColumn c) {
            return new Action("rename", snake(c.from().name()) + "_to_" + snake(c.to().name()),
                    "renames column " + c.from().name() + " to " + c.to().name());
        }
        if (a instanceof AlterTableAction.AlterColumnType c) {
            return new Action("change", snake(c.column().name()) + "_type", "changes the type of " + table + "." + c.column().name());
        }
        if (a instanceof AlterTableAction.SetNotNull c) {
            return new Action("require", snake(c.column().name()), "makes " + table + "." + c.column().name() + " required");
        }
        if (a instanceof AlterTableAction.DropNotNull c) {
            return new Action("make", snake(c.column().name()) + "_optional", "makes " + table + "." + c.column().name() + " optional");
        }
        if (a instanceof AlterTableAction.AddConstraint c && c.constraint().kind() == ConstraintKind.FOREIGN_KEY
                && c.constraint().references() != null) {
            return new Action("link", snake(table) + "_to_" + snake(c.constraint().references().table().name()),
                    "links " + table + " to " + c.constraint().references().table().name());
        }
        if (a instanceof AlterTableAction.RenameTable r) {
            return new Action("rename", snake(table) + "_to_" + snake(r.to().name()), "renames table " + table + " to " + r.to().name());
        }
        return null;
    }

    /** A name such as {@code add_quest_and_reward}, or "" when the SQL says nothing we can name. */
    static String suggest(Snapshot snapshot, Migration m) {
        List<Action> actions = meaningful(actions(snapshot, m));
        if (actions.isEmpty()) {
            return "";
        }
        Set<String> objects = new LinkedHashSet<>();
        for (Action a : actions) {
            if (objects.size() == MAX_OBJECTS) {
                break;
            }
            objects.add(a.object());
        }
        return actions.get(0).verb() + "_" + String.join("_and_", objects);
    }

    /** "creates table Quest, adds column reward" (and how many more), for the message. */
    static String describe(Snapshot snapshot, Migration m) {
        List<Action> actions = meaningful(actions(snapshot, m));
        List<String> phrases = actions.stream().map(Action::phrase).distinct().limit(MAX_OBJECTS).toList();
        int more = (int) actions.stream().map(Action::phrase).distinct().count() - phrases.size();
        return String.join(", ", phrases) + (more > 0 ? " and " + more + " more" : "");
    }

    /** Indexes and links that accompany a new table say less than the table itself. */
    private static List<Action> meaningful(List<Action> actions) {
        List<Action> primary = actions.stream().filter(a -> !a.verb().equals("index") && !a.verb().equals("link")).toList();
        return primary.isEmpty() ? actions : primary;
    }

    static String snake(String identifier) {
        String s = ACRONYM_END.matcher(CAMEL_HUMP.matcher(identifier).replaceAll("$1_$2")).replaceAll("$1_$2");
        return EDGE_UNDERSCORES.matcher(NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
    }
}
