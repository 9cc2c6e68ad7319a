package dev.migrationguard.report;

import java.io.IOException;

/** Writes a report in one output format; a new format is a new implementation and touches nothing else. */
public interface Renderer {
    void render(Report report, Appendable out) throws IOException;
}
