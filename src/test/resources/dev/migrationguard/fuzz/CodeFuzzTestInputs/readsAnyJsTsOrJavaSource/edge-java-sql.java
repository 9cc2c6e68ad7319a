package app;

import java.sql.*;
import org.springframework.jdbc.core.JdbcTemplate;

@SuppressWarnings("unused")
class Db {
    private static final String DROP = "DROP TABLE " + "legacy";
    private final JdbcTemplate jdbc = null;

    void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("ALTER TABLE quest ADD COLUMN reward INT");
            s.execute(DROP);
            jdbc.execute("""
                CREATE INDEX quest_reward ON quest (reward)
                """);
        }
        Runnable r = () -> { var x = new int[][]{{1}, {2}}; };
        String url = "jdbc:postgresql://db:5432/app?user=app&password=hunter2";
    }

    record Point(int x, int y) {}
    sealed interface Shape permits Circle {}
    final class Circle implements Shape {}
}
