package dev.migrationguard.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnreadableFileTest {

    /** A snapshot whose file vanishes or fails between listing and reading, as on a busy disk or a network mount. */
    private static final class FailingSnapshot extends AbstractSnapshot {
        FailingSnapshot() {
            super(DEFAULT_MAX_FILE_BYTES);
        }

        @Override
        public String description() {
            return "failing";
        }

        @Override
        protected List<String> listPaths() {
            return List.of("prisma/schema.prisma");
        }

        @Override
        protected long size(String path) {
            return 10;
        }

        @Override
        protected byte[] load(String path) throws IOException {
            throw new IOException("Input/output error");
        }
    }

    @Test
    void anUnreadableFileIsANoticeNamingTheFileNotACrash() {
        FailingSnapshot s = new FailingSnapshot();
        assertTrue(s.read("prisma/schema.prisma").isEmpty());
        assertEquals(List.of(Notice.warning("prisma/schema.prisma", "could not be read: Input/output error")), s.notices());
    }
}
