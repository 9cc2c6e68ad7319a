package dev.migrationguard.scripts;

/** The kind of file a command was found in. */
public enum ScriptKind {
    PACKAGE_JSON("package.json script"),
    SHELL("shell script"),
    WORKFLOW("GitHub workflow"),
    DOCKERFILE("Dockerfile"),
    MAKEFILE("Makefile"),
    COMPOSE("compose file"),
    PROCFILE("Procfile"),
    HUSKY("husky hook"),
    LEFTHOOK("lefthook config"),
    CI_CONFIG("CI config"),
    KUBERNETES("Kubernetes manifest"),
    PLATFORM("deploy platform config");

    private final String label;

    ScriptKind(String label) {
        this.label = label;
    }

    /** How messages name the kind. */
    public String label() {
        return label;
    }
}
