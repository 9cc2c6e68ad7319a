package dev.migrationguard.git;

import dev.migrationguard.workspace.AbstractSnapshot;
import java.io.IOException;
import java.util.List;

/** No files: what a root commit is compared with. */
final class EmptySnapshot extends AbstractSnapshot {

    EmptySnapshot() {
        super(DEFAULT_MAX_FILE_BYTES);
    }

    @Override
    public String description() {
        return "the empty tree";
    }

    @Override
    protected List<String> listPaths() {
        return List.of();
    }

    @Override
    protected long size(String path) throws IOException {
        throw new IOException("the empty tree has no files");
    }

    @Override
    protected byte[] load(String path) throws IOException {
        throw new IOException("the empty tree has no files");
    }
}
