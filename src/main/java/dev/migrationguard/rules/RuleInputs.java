package dev.migrationguard.rules;

import dev.migrationguard.git.ChangeSet;
import java.util.Objects;

/**
 * Which changed paths can change a rule's findings, and how far a finding reaches. A pre-commit run
 * ({@code lint --staged}) judges what the commit changes: it skips a rule whose inputs the commit does not touch,
 * and keeps the findings that are about the changed files (or, for a rule about the repository as a whole, all of
 * them). Other runs ignore this and run every rule on every file.
 *
 * @param reach   how a finding relates to the files the rule reads
 * @param affects whether a changed path (added, modified, deleted or either side of a rename) is an input
 */
public record RuleInputs(Reach reach, Test affects) {

    /** Any change may matter and every finding is reported: the default, right for any rule. */
    public static final RuleInputs ALWAYS = new RuleInputs(Reach.REPOSITORY, (path, change) -> true);

    public RuleInputs {
        Objects.requireNonNull(reach);
        Objects.requireNonNull(affects);
    }

    /** A finding in a file depends on that file alone: a pre-commit run lints only the changed files it accepts. */
    public static RuleInputs eachFile(Test affects) {
        return new RuleInputs(Reach.FILE, affects);
    }

    /**
     * A finding is about the file it is in but needs other files to judge it (a migration is read against the
     * schema its earlier siblings built): the rule reads everything when an input changed, and a pre-commit run
     * keeps its findings in the changed files.
     */
    public static RuleInputs changedFiles(Test affects) {
        return new RuleInputs(Reach.CHANGED_FILES, affects);
    }

    /**
     * A finding is about the repository as a whole (schema and migrations out of step, a script reached through
     * a chain): when an input changed, every finding is reported wherever it is.
     */
    public static RuleInputs repository(Test affects) {
        return new RuleInputs(Reach.REPOSITORY, affects);
    }

    /**
     * A finding is about a command and the chain of scripts that runs it (its {@code chain} property: {@code npm run}
     * scripts, the workflow or script file that calls them): a pre-commit run keeps it when the change touches the
     * file holding the command or a file of its chain, so a commit is not held up by a command it leaves alone.
     */
    public static RuleInputs commandChain(Test affects) {
        return new RuleInputs(Reach.CHAIN, affects);
    }

    /** How a rule's findings relate to the files it reads. */
    public enum Reach { FILE, CHANGED_FILES, CHAIN, REPOSITORY }

    /** Whether a changed path is one of a rule's inputs; {@code change} gives both versions for a closer look. */
    @FunctionalInterface
    public interface Test {
        boolean test(String path, ChangeSet change);

        default Test or(Test other) {
            return (path, change) -> test(path, change) || other.test(path, change);
        }
    }
}
