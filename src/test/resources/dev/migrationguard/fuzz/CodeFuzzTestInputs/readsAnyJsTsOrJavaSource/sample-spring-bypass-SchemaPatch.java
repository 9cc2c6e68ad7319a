package com.example.quests;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Patches the schema on start-up: the migration that should have done this was never written. */
@Component
class SchemaPatch implements ApplicationRunner {
    private static final String TABLE = "quest_progress";
    private static final String CREATE_PROGRESS =
            "CREATE TABLE IF NOT EXISTS " + TABLE + " (id BIGINT PRIMARY KEY, quest_id BIGINT NOT NULL)";

    private final JdbcTemplate jdbc;

    SchemaPatch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute(CREATE_PROGRESS);
        Integer quests = jdbc.queryForObject("SELECT count(*) FROM quest", Integer.class);
        System.out.println("quests: " + quests + " (DROP TABLE is never run from here)");
    }
}
