package dev.migrationguard.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a script does when one of its commands fails, read from the command list around it: a {@code ||} fallback
 * that always succeeds ({@code || true}, {@code || echo ...}, {@code || exit 0}), an explicit no-op after it while
 * the shell does not stop on errors ({@code ; true}), or {@code set +e} before it with nothing reading {@code $?}
 * after it. A fallback that exits non-zero, retries or runs anything else is taken as handling the failure.
 */
public final class FailureHandling {
    /** Commands that succeed whatever happened before them. */
    private static final Set<String> ALWAYS_SUCCEEDS = Set.of("true", ":", "echo", "printf", "logger", "sleep");

    /** How a failure is dropped. */
    public enum Way {
        /** {@code cmd || true}: the fallback always succeeds. */
        FALLBACK,
        /** {@code cmd; true} where the shell does not stop on errors. */
        NO_OP_AFTER,
        /** {@code set +e} earlier, and nothing reads {@code $?} after the command. */
        ERREXIT_OFF
    }

    /**
     * A failure that is dropped.
     *
     * @param way   how
     * @param start file offset of what drops it (the fallback, the no-op, the {@code set +e})
     * @param end   file offset just after it
     * @param text  its words, for messages: {@code || echo "failed"}, {@code ; true}, {@code set +e}
     */
    public record Ignored(Way way, int start, int end, String text) {
    }

    private FailureHandling() {
    }

    /** How the script holding a site drops the failure of its command, if it does. */
    public static Optional<Ignored> of(CommandSite site) {
        List<ShellCommand> list = site.script().commands();
        int index = indexOf(list, site.command());
        if (index < 0) {
            return Optional.empty();
        }
        ShellCommand command = site.command();
        // X && Y || Z: when X fails, Y is skipped and Z runs
        int at = index;
        ShellCommand cur = command;
        while (cur.flow().operator().equals("&&")) {
            int next = nextElement(list, at, cur.flow().depth());
            if (next < 0) {
                return Optional.empty();
            }
            at = lastOfElement(list, next, cur.flow().depth());
            cur = list.get(at);
        }
        String op = cur.flow().operator();
        if (op.equals("||")) {
            return fallback(list, at, cur.flow().depth());
        }
        if (cur != command || command.flow().tested() || !(op.equals(";") || op.equals("\n"))) {
            return Optional.empty();
        }
        Optional<ShellCommand> setOff = errexitOff(list, index);
        boolean errexit = setOff.isEmpty() && errexitOn(site, list, index);
        if (errexit) {
            return Optional.empty();
        }
        int next = nextElement(list, index, command.flow().depth());
        if (next < 0 || list.get(next).flow().depth() != command.flow().depth()) {
            return Optional.empty();
        }
        ShellCommand after = list.get(next);
        if (readsStatus(after)) {
            return Optional.empty();
        }
        if (setOff.isPresent()) {
            ShellCommand set = setOff.get();
            return Optional.of(new Ignored(Way.ERREXIT_OFF, set.start(), set.end(), set.toString()));
        }
        if (isNoOp(after)) {
            return Optional.of(new Ignored(Way.NO_OP_AFTER, after.start(), after.end(),
                    (op.equals(";") ? "; " : "") + after));
        }
        return Optional.empty();
    }

    private static int indexOf(List<ShellCommand> list, ShellCommand command) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == command || list.get(i).equals(command)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first command of the list element after {@code list[at]}: commands inside the words of earlier ones
     * ({@code $(...)}, {@code sh -c "..."}) are skipped. -1 when the list ends or leaves the group first.
     */
    private static int nextElement(List<ShellCommand> list, int at, int depth) {
        int end = list.get(at).end();
        for (int i = at + 1; i < list.size(); i++) {
            ShellCommand c = list.get(i);
            if (c.start() < end) {
                continue;
            }
            return c.flow().depth() >= depth ? i : -1;
        }
        return -1;
    }

    /** The last command of the element starting at {@code first}: a group runs to its end, a pipeline to its last. */
    private static int lastOfElement(List<ShellCommand> list, int first, int depth) {
        int last = first;
        int end = list.get(first).end();
        boolean group = list.get(first).flow().depth() > depth;
        for (int i = first + 1; i < list.size(); i++) {
            ShellCommand c = list.get(i);
            if (c.start() < end) {
                continue;
            }
            ShellCommand previous = list.get(last);
            boolean inGroup = group && c.flow().depth() > depth;
            boolean piped = previous.flow().operator().equals("|") && c.flow().depth() == depth;
            if (!inGroup && !piped) {
                break;
            }
            last = i;
            end = c.end();
        }
        return last;
    }

    /**
     * Follows the and-or list after a failed {@code list[at]} (whose operator is {@code ||}): an element after
     * {@code ||} runs while the status is a failure, one after {@code &&} while it is a success. The failure is
     * dropped when an element that always succeeds turns it into success and nothing after fails on purpose; a
     * fallback that fails, retries or runs anything else is taken as handling it.
     */
    private static Optional<Ignored> fallback(List<ShellCommand> list, int at, int depth) {
        boolean failed = true;
        List<ShellCommand> converting = new ArrayList<>();
        String connector = list.get(at).flow().operator();
        int next = nextElement(list, at, depth);
        while (next >= 0 && (connector.equals("||") || connector.equals("&&"))) {
            int last = lastOfElement(list, next, depth);
            List<ShellCommand> element = new ArrayList<>();
            int end = -1;
            for (int i = next; i <= last; i++) {
                if (list.get(i).start() >= end) {
                    element.add(list.get(i));
                    end = list.get(i).end();
                }
            }
            if (connector.equals("||") && failed) {
                if (!element.stream().allMatch(FailureHandling::alwaysSucceeds)) {
                    return Optional.empty();
                }
                failed = false;
                converting.addAll(element);
            } else if (connector.equals("&&") && !failed && element.stream().anyMatch(FailureHandling::failsOnPurpose)) {
                return Optional.empty();
            }
            connector = list.get(last).flow().operator();
            next = nextElement(list, last, depth);
        }
        if (failed || converting.isEmpty()) {
            return Optional.empty();
        }
        ShellCommand last = converting.get(converting.size() - 1);
        return Optional.of(new Ignored(Way.FALLBACK, converting.get(0).start(), last.end(),
                "|| " + String.join("; ", converting.stream().map(ShellCommand::toString).toList())));
    }

    /** {@code exit N}, {@code return N} with N not 0 (or not a literal), {@code false}. */
    private static boolean failsOnPurpose(ShellCommand c) {
        List<Word> w = c.words();
        if (w.isEmpty()) {
            return false;
        }
        String program = w.get(0).text();
        if (program.equals("exit") || program.equals("return")) {
            return !(w.size() == 2 && w.get(1).text().equals("0"));
        }
        return program.equals("false");
    }

    private static boolean alwaysSucceeds(ShellCommand c) {
        List<Word> w = c.words();
        if (w.isEmpty()) {
            return true;
        }
        String program = w.get(0).text();
        if (program.equals("exit") || program.equals("return")) {
            return w.size() == 2 && w.get(1).text().equals("0");
        }
        return ALWAYS_SUCCEEDS.contains(program);
    }

    /** {@code true}, {@code :} or {@code exit 0}: written only to make the status zero. */
    private static boolean isNoOp(ShellCommand c) {
        List<Word> w = c.words();
        if (w.size() == 1 && (w.get(0).text().equals("true") || w.get(0).text().equals(":"))) {
            return true;
        }
        return w.size() == 2 && w.get(0).text().equals("exit") && w.get(1).text().equals("0");
    }

    private static boolean readsStatus(ShellCommand c) {
        for (List<Word> words : List.of(c.assignments(), c.words())) {
            for (Word w : words) {
                if (w.text().contains("$?") || w.text().contains("PIPESTATUS")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code set +e} (or {@code +o errexit}) in force at {@code list[index]}, if the last errexit change is one. */
    private static Optional<ShellCommand> errexitOff(List<ShellCommand> list, int index) {
        Optional<ShellCommand> off = Optional.empty();
        for (int i = 0; i < index; i++) {
            Boolean change = errexitChange(list.get(i));
            if (change != null) {
                off = change ? Optional.empty() : Optional.of(list.get(i));
            }
        }
        return off;
    }

    /** Whether the shell stops on errors at {@code list[index]}: set by {@code set -e}, the CI runner or a shebang. */
    private static boolean errexitOn(CommandSite site, List<ShellCommand> list, int index) {
        boolean on = startsWithErrexit(site);
        for (int i = 0; i < index; i++) {
            Boolean change = errexitChange(list.get(i));
            if (change != null) {
                on = change;
            }
        }
        return on;
    }

    /**
     * GitHub Actions runs {@code run:} with {@code bash -e} (or {@code sh -e}), GitLab, CircleCI and Jenkins'
     * {@code sh} step with errexit too; a shell file may ask for it in its shebang.
     */
    private static boolean startsWithErrexit(CommandSite site) {
        String path = site.path();
        return switch (site.kind()) {
            case WORKFLOW -> true;
            case CI_CONFIG -> path.contains(".gitlab") || path.contains(".circleci/") || path.endsWith("Jenkinsfile");
            case SHELL, HUSKY -> site.file().lineCount() > 0
                    && site.file().lineText(1).matches("#!.*\\s-[a-z]*e[a-z]*\\b.*");
            default -> false;
        };
    }

    /** TRUE for {@code set -e}/{@code -o errexit}, FALSE for {@code set +e}/{@code +o errexit}, null otherwise. */
    private static Boolean errexitChange(ShellCommand c) {
        List<Word> w = c.words();
        if (w.isEmpty() || !w.get(0).text().equals("set")) {
            return null;
        }
        Boolean change = null;
        for (int i = 1; i < w.size(); i++) {
            String t = w.get(i).text();
            if ((t.equals("-o") || t.equals("+o")) && i + 1 < w.size()) {
                if (w.get(i + 1).text().equals("errexit")) {
                    change = t.startsWith("-");
                }
                i++;
            } else if (t.length() > 1 && (t.charAt(0) == '-' || t.charAt(0) == '+') && !t.startsWith("--")
                    && t.indexOf('e') > 0) {
                change = t.charAt(0) == '-';
            }
        }
        return change;
    }
}
