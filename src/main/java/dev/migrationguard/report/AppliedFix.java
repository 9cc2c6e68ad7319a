package dev.migrationguard.report;

import dev.migrationguard.rules.Finding;
import dev.migrationguard.sql.AppliedMigrations;

/**
 * The fix of a finding on an applied migration ({@code --all-migrations}): editing that migration would change its
 * checksum, which {@code prisma migrate deploy} refuses and {@code migration-modified} reports, so the fix says what
 * to do in the next migration instead.
 */
final class AppliedFix {
    static final String PREFIX = "This migration is already applied (committed on ";

    private AppliedFix() {
    }

    static Finding of(Finding finding, AppliedMigrations applied) {
        if (finding.fix().startsWith(PREFIX)) {
            return finding;
        }
        String lesson = finding.fix().isEmpty() ? ""
                : " For the next migration that does the same: " + finding.fix();
        String fix = PREFIX + applied.base() + "): leave it as it is, since an edit changes its checksum and"
                + " `prisma migrate deploy` refuses it. If the change it made must be undone or completed, write a new"
                + " migration (`prisma migrate dev --create-only --name <what_it_does>`) that does so." + lesson;
        return finding.withFix(fix);
    }
}
