INSERT INTO "Quest" ("id", "title", "reward") VALUES ('q-1', 'First steps', 10);
INSERT INTO "Quest" ("id", "title", "reward") VALUES ('q-2', 'Create a table of contents', 20);
