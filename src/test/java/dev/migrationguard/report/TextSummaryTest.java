package dev.migrationguard.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
    private static Report report(Report.Coverage coverage) {
        return new Report("HEAD", List.of(), List.of(), List.of(), List.of(), null, Optional.empty(), coverage);
    }

    @Test
    void saysHowManyCommitsAndMigrationsWereJudgedWithThousandsSeparated() {
        assertEquals("no problems (0 errors, 0 warnings, 0 notes) in HEAD (4,133 commits, 163 migrations); 160 applied"
                + " migrations not re-judged; --all-migrations to audit them",
                TextRenderer.summary(report(new Report.Coverage(4133, 163, 160))));
        assertEquals("no problems (0 errors, 0 warnings, 0 notes) in HEAD (1 commit, 1 migration); 1 applied migration"
                + " not re-judged; --all-migrations to audit them",
                TextRenderer.summary(report(new Report.Coverage(1, 1, 1))));
        assertEquals("no problems (0 errors, 0 warnings, 0 notes) in HEAD",
                TextRenderer.summary(report(Report.Coverage.NONE)));
    }
}
