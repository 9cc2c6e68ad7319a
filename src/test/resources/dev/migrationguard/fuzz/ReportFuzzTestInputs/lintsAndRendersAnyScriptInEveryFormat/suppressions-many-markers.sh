npx prisma db push; npx prisma db push # migration-guard-ignore prisma-db-push: preview # # ## ///
# migration-guard-ignore all
DROP TABLE "a"; /* migration-guard-ignore destructive-drop */ DROP TABLE "b";
