package dev.migrationguard.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rule pages ({@code rules/<id>.md}) packaged on the class path. */
public final class RulePages {
    /** Where the pages are published; with the id and ".md" this is each rule's help link. */
    public static final String DOCS_BASE = "https://github.com/migration-guard/migration-guard/blob/main/rules/";

    private RulePages() {
    }

    /** Pages already read: each is read from the jar once per run, whichever thread asks first. */
    private static final java.util.concurrent.ConcurrentHashMap<String, RuleInfo> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The page of a rule, or an exception naming the missing page (a packaging bug, caught by the meta-test). */
    public static RuleInfo load(String id) {
        RuleInfo loaded = LOADED.get(id);
        if (loaded == null) {
            loaded = read(id);
            LOADED.putIfAbsent(id, loaded);
        }
        return loaded;
    }

    private static RuleInfo read(String id) {
        String resource = "/rules/" + id + ".md";
        try (InputStream in = RulePages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule " + id + " has no page " + resource);
            }
            return parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Parses a page: front matter between {@code ---} lines ({@code key: value}), then the Markdown body. */
    public static RuleInfo parse(String expectedId, String page) {
        String text = page.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new IllegalStateException("page of " + expectedId + " does not start with front matter");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            throw new IllegalStateException("page of " + expectedId + " has unterminated front matter");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String id = require(fields, "id", expectedId);
        if (!id.equals(expectedId)) {
            throw new IllegalStateException("page rules/" + expectedId + ".md declares id " + id);
        }
        Severity severity = Severity.parse(require(fields, "severity", id))
                .orElseThrow(() -> new IllegalStateException("page of " + id + " has a bad severity"));
        List<String> tags = new ArrayList<>();
        String rawTags = fields.getOrDefault("tags", "").replace("[", "").replace("]", "");
        for (String tag : rawTags.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return new RuleInfo(id, require(fields, "name", id), require(fields, "category", id), severity,
                require(fields, "summary", id), List.copyOf(tags), text.substring(end + 5).strip() + "\n");
    }

    private static String require(Map<String, String> fields, String key, String id) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("page of " + id + " lacks front-matter field " + key);
        }
        return value;
    }
}
