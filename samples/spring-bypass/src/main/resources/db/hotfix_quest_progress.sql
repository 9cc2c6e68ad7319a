-- Applied by hand after the release on 2024-11-04.
ALTER TABLE quest_progress ADD COLUMN completed_at TIMESTAMP;
