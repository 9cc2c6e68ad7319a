package dev.migrationguard.config;

import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so configuration errors can point at it. */
sealed interface YamlNode {
    int line();

    record Scalar(String text, int line) implements YamlNode {
    }

    record ListNode(List<YamlNode> items, int line) implements YamlNode {
    }

    record MapNode(Map<String, YamlNode> entries, Map<String, Integer> keyLines, int line) implements YamlNode {
    }
}
