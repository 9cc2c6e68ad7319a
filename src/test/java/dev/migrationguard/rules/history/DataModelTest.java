package dev.migrationguard.rules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationguard.workspace.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataModelTest {

    @Test
    void cutsASchemaIntoItsTopLevelBlocks() {
        String text = "// top\ngenerator client {\n  provider = \"x\" // }\n}\nmodel User {\n  id Int @id\n  s String @default(\"{\")\n}\nenum Role { A B }\n";
        List<int[]> spans = DataModel.split(text);
        assertEquals(List.of("generator client", "model User", "enum Role"), spans.stream()
                .map(s -> text.substring(s[0], s[1]) + " " + text.substring(s[2], s[3])).toList());
        DataModel model = DataModel.of(new SourceFile("schema.prisma", text));
        assertEquals(List.of("model User", "enum Role"), List.copyOf(model.blocks().keySet()));
    }

    @Test
    void refusesToCutUnbalancedText() {
        assertNull(DataModel.split("model A {\n  id Int @id\n"));
        assertNull(DataModel.split("model A { id Int @id }\nstray"));
    }

    @Test
    void normalisingDropsCommentsAndWhitespaceButKeepsStrings() {
        String a = "model A {\n  id   Int @id // key\n  s String @default(\"a  b\")\n}";
        String b = "model A {\n  /// doc\n  id Int @id\n  s String @default(\"a  b\")\n}";
        assertEquals(DataModel.normalise(a, 0, a.length()), DataModel.normalise(b, 0, b.length()));
        String c = b.replace("a  b", "a b");
        assertFalse(DataModel.normalise(b, 0, b.length()).equals(DataModel.normalise(c, 0, c.length())));
    }

    @Test
    void parsesABlockOnlyWhenItsMembersAreAskedFor() {
        String text = "model User {\n  id Int @id\n  email String @unique\n}\n";
        DataModel model = DataModel.of(new SourceFile("schema.prisma", text));
        DataModel.Block user = model.blocks().get("model User");
        assertFalse(user.broken());
        assertEquals(List.of("field id", "field email"), List.copyOf(user.members().keySet()));
        assertEquals(text.indexOf("email"), user.members().get("field email").offset());
        assertTrue(user.members().get("field email").canonical().contains("@unique"));
    }
}
