package dev.migrationguard.rules;

import java.util.List;

/**
 * One check. A rule reads parsed models from the snapshot ({@link RuleContext#snapshot()}), never raw bytes, and
 * reports through {@link Findings}. Its metadata and documentation live in {@code rules/<id>.md}.
 */
public interface Rule {

    /** The public id, as users write it in config and suppressions. */
    String id();

    /** Settings the rule reads from config; anything else under its id is a configuration error. */
    default List<RuleOption> options() {
        return List.of();
    }

    /**
     * The changed paths that can change this rule's findings, and how far a finding reaches; a pre-commit run uses
     * it to judge only what a commit changes. The default (any change, every finding) is right for any rule.
     */
    default RuleInputs inputs() {
        return RuleInputs.ALWAYS;
    }

    /**
     * Whether the rule judges the repository's state from all migrations together (a replay on a fresh database),
     * so that its findings in migrations already applied still count. Rules that judge one migration's content
     * (the {@code sql} and {@code migrations} categories) otherwise report only on migrations not yet applied.
     */
    default boolean judgesState() {
        return false;
    }

    void check(RuleContext context, Findings findings);
}
