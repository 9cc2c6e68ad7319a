package dev.migrationguard.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.workspace.SourceFile;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

class YamlScalarsTest {

    /** The value of key {@code v} in a one-key document, mapped. */
    private static MappedText map(String yaml) {
        SourceFile file = new SourceFile("x.yml", yaml);
        MappingNode root = (MappingNode) new Yaml().compose(new StringReader(yaml));
        NodeTuple t = root.getValue().get(0);
        ScalarNode node = (ScalarNode) t.getValueNode();
        MappedText mapped = YamlScalars.value(file, node);
        assertEquals(node.getValue(), mapped.text());
        return mapped;
    }

    /** Every non-blank character maps to a raw span that spells it (or is an escape), in increasing order. */
    private static void assertExact(String yaml, MappedText mapped) {
        int last = -1;
        for (int i = 0; i < mapped.length(); i++) {
            char c = mapped.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            String raw = yaml.substring(mapped.start(i), mapped.end(i));
            assertTrue(raw.equals(String.valueOf(c)) || raw.startsWith("\\") || raw.equals("''"),
                    "char " + i + " '" + c + "' maps to '" + raw + "'");
            assertTrue(mapped.start(i) > last, "offsets increase at " + i);
            last = mapped.start(i);
        }
    }

    @Test
    void mapsEveryScalarStyleExactly() {
        for (String yaml : List.of(
                "v: npx prisma db push\n",
                "v: npx prisma\n  db push\n",
                "v: 'it''s prisma'\n",
                "v: \"a \\\"q\\\" \\u00e9\\tb\"\n",
                "v: \"line one \\\n   joined\"\n",
                "v: |\n  npm ci\n  npx prisma db push\n",
                "v: |-\n  npm ci\n\n  npx prisma db push\n\n",
                "v: |+\n  npm ci\n  x\n\n\nk: 1\n",
                "v: >\n  npx prisma\n  db push\n\n  next\n    indented\n  last\n",
                "v: >-\n  a\n  b\n",
                "v: |2\n    indented by four\n   three\n",
                "v: |\r\n  npm ci\r\n  npx prisma db push\r\n",
                "v: |  # a comment\n  npm ci\n")) {
            assertExact(yaml, map(yaml));
        }
    }

    @Test
    void literalBlockLinesMapToTheirSourceLines() {
        String yaml = "steps:\n  - run: |\n      npm ci\n      npx prisma db push\n";
        SourceFile file = new SourceFile("w.yml", yaml);
        MappingNode root = (MappingNode) new Yaml().compose(new StringReader(yaml));
        ScalarNode run = (ScalarNode) ((MappingNode) ((org.yaml.snakeyaml.nodes.SequenceNode) root.getValue().get(0)
                .getValueNode()).getValue().get(0)).getValue().get(0).getValueNode();
        MappedText mapped = YamlScalars.value(file, run);
        int db = mapped.text().indexOf("db");
        assertEquals(4, file.line(mapped.start(db)));
        assertEquals(18, file.column(mapped.start(db)));
    }
}
