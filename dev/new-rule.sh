#!/usr/bin/env bash
# Scaffolds a rule so every rule has the same shape: class, page, test and registry line.
#   dev/new-rule.sh <rule-id> <category> <ClassName> [severity]
# e.g. dev/new-rule.sh drop-default-on-existing-column sql DropDefaultOnExistingColumn warning
# Then: write the check, the page's sections, true-positive and near-miss tests, and add the rule to a sample's
# expected.txt (AllRulesTest fails until all four exist).
set -euo pipefail
cd "$(dirname "$0")/.."
id="${1:?rule id (kebab case)}"; category="${2:?category}"; class="${3:?ClassName}"; severity="${4:-warning}"
pkg_dir="src/main/java/dev/migrationguard/rules/$category"
test_dir="src/test/java/dev/migrationguard/rules/$category"
[ -e "rules/$id.md" ] && { echo "rules/$id.md exists" >&2; exit 2; }
[ -e "$pkg_dir/$class.java" ] && { echo "$pkg_dir/$class.java exists" >&2; exit 2; }
mkdir -p "$pkg_dir" "$test_dir"
cat > "rules/$id.md" <<PAGE
---
id: $id
name: $class
category: $category
severity: $severity
summary: TODO one line saying what is flagged.
tags: [$category]
---
# $id

TODO what the rule flags (this paragraph becomes the SARIF fullDescription).

## Why
TODO

## Bad
\`\`\`sql
TODO
\`\`\`

## Good
\`\`\`sql
TODO
\`\`\`

## How to fix
TODO
PAGE
cat > "$pkg_dir/$class.java" <<JAVA
package dev.migrationguard.rules.$category;

import dev.migrationguard.rules.Findings;
import dev.migrationguard.rules.Inputs;
import dev.migrationguard.rules.Rule;
import dev.migrationguard.rules.RuleContext;
import dev.migrationguard.rules.RuleInputs;

/** TODO one line: what this rule flags. */
public final class $class implements Rule {

    @Override
    public String id() {
        return "$id";
    }

    /** TODO the changed paths that can change the findings (lint --staged skips the rule otherwise). */
    @Override
    public RuleInputs inputs() {
        return RuleInputs.ALWAYS;
    }

    @Override
    public void check(RuleContext context, Findings findings) {
        // Read parsed models (context.snapshot().model(...)) and report with findings.at(file, start, end)...
    }
}
JAVA
cat > "$test_dir/${class}Test.java" <<JAVA
package dev.migrationguard.rules.$category;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationguard.testing.InMemorySnapshot;
import dev.migrationguard.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ${class}Test {
    private final $class rule = new $class();

    @Test
    void flagsTodo() {
        RuleTester.assertMatchesMarkers(rule, InMemorySnapshot.of("TODO/path", "TODO -- expect: $id\n"));
    }

    @Test
    void ignoresTodo() {
        assertEquals(List.of(), RuleTester.run(rule, InMemorySnapshot.of("TODO/path", "TODO\n")));
    }
}
JAVA
python3 - "$category" "$class" <<'PY'
import re, sys
category, cls = sys.argv[1], sys.argv[2]
p = 'src/main/java/dev/migrationguard/rules/RuleRegistry.java'
s = open(p).read()
line = '            new dev.migrationguard.rules.%s.%s()' % (category, cls)
body = s[s.index('List.<Rule>of(') + len('List.<Rule>of('):s.index('    ).stream()')]
entries = [e.strip().rstrip(',') for e in body.strip().split('\n') if e.strip()]
entries.append(line.strip())
new_body = '\n' + ',\n'.join('            ' + e for e in entries) + '\n'
s = s.replace(body, new_body)
open(p, 'w').write(s)
PY
echo "created rules/$id.md, $pkg_dir/$class.java, $test_dir/${class}Test.java and a registry line"
