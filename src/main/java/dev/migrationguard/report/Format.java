package dev.migrationguard.report;

import java.util.function.Supplier;

/** The output formats of {@code lint --format}. */
public enum Format {
    TEXT(TextRenderer::new),
    JSON(JsonRenderer::new),
    SARIF(SarifRenderer::new),
    GITHUB(GithubRenderer::new);

    private final Supplier<Renderer> factory;

    Format(Supplier<Renderer> factory) {
        this.factory = factory;
    }

    public Renderer renderer() {
        return factory.get();
    }
}
