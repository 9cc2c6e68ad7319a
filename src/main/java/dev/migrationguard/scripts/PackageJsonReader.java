package dev.migrationguard.scripts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.migrationguard.workspace.SourceFile;
import java.io.IOException;
import java.util.List;

/**
 * Reads the {@code scripts} of a package.json with Jackson's streaming parser, which gives each value's exact
 * offset; the string is then decoded in place so offsets inside it map through escapes to raw columns.
 */
final class PackageJsonReader {
    /** Node reads JSON nested as deep as its stack allows; Jackson's default stops at 1,000 levels. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build()).build();

    private PackageJsonReader() {
    }

    static void read(SourceFile file, List<ScriptSource> out, List<ScriptProblem> problems) {
        String text = file.text();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.add(new ScriptProblem(file, 0, 0, "package.json is not a JSON object"));
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("scripts") && value == JsonToken.START_OBJECT) {
                    readScripts(file, p, out, problems);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            int at = (int) Math.max(0, Math.min(text.length(), e.getLocation() == null ? 0 : e.getLocation().getCharOffset()));
            problems.add(new ScriptProblem(file, at, at, "package.json is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(new ScriptProblem(file, 0, 0, "package.json could not be read: " + e.getMessage()));
        }
    }

    private static void readScripts(SourceFile file, JsonParser p, List<ScriptSource> out,
                                    List<ScriptProblem> problems) throws IOException {
        String text = file.text();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value != JsonToken.VALUE_STRING) {
                p.skipChildren();
                continue;
            }
            int quote = (int) p.currentTokenLocation().getCharOffset();
            MappedText script = JsonStrings.decode(text, quote);
            if (script == null || !script.text().equals(p.getText())) {
                problems.add(new ScriptProblem(file, quote, quote, "script `" + name + "` could not be mapped to its source"));
                continue;
            }
            out.add(new ScriptSource(file, ScriptKind.PACKAGE_JSON, ContextRules.forName(name), "script `" + name + "`",
                    name, ShellParser.parse(script)));
        }
    }
}
