# Restore the nightly dump into the production database (run from an operator's machine).
$DB_HOST = "quests-db.prod.internal.example.com"
$DB_PASSWORD = "Hq4-wZ7r-Km9"
$env:PGPASSWORD = $DB_PASSWORD
pg_restore -h $DB_HOST -U quests -d quests nightly.dump
