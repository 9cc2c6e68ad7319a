package dev.migrationguard.workspace;

/** A folder of a repository that a run is limited to, as a path relative to the root with {@code /} ("" for all). */
public final class Scope {
    private Scope() {
    }

    /** Strips {@code ./}, leading and trailing slashes and turns {@code \} into {@code /}; "." means the root. */
    public static String normalise(String scope) {
        String s = scope == null ? "" : scope.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.equals(".") ? "" : s;
    }

    /** Whether {@code path} is the scope folder itself or lies under it. */
    public static boolean contains(String scope, String path) {
        return scope.isEmpty() || path.equals(scope) || path.startsWith(scope) && path.charAt(scope.length()) == '/';
    }

    /** Whether folder {@code dir} lies on the way from the root to the scope (a walk must enter it). */
    public static boolean isAncestor(String dir, String scope) {
        return scope.startsWith(dir) && scope.length() > dir.length() && scope.charAt(dir.length()) == '/';
    }
}
