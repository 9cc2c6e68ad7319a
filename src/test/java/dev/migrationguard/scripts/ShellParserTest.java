package dev.migrationguard.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    private static ShellScript parse(String script) {
        return ShellParser.parse(MappedText.identity(script, 0, script.length()));
    }

    /** Each command as its words joined by "|", so word boundaries show. */
    private static List<String> commands(String script) {
        return parse(script).commands().stream()
                .map(c -> String.join("|", c.words().stream().map(Word::text).toList()))
                .toList();
    }

    @Test
    void splitsCommandsAtOperators() {
        assertEquals(List.of("a|1", "b", "c|x", "d", "e", "f"), commands("a 1 && b || c x; d | e & f"));
    }

    @Test
    void keepsQuotedWordsWhole() {
        assertEquals(List.of("echo|npx prisma db push|it's"), commands("echo \"npx prisma db push\" 'it'\\''s'"));
    }

    @Test
    void wordOffsetsCoverTheRawTextWithQuotes() {
        String s = "run \"db\" 'push'";
        List<Word> words = parse(s).commands().get(0).words();
        assertEquals(4, words.get(1).start());
        assertEquals(8, words.get(1).end());
        assertEquals("'push'", s.substring(words.get(2).start(), words.get(2).end()));
        assertEquals(5, words.get(1).value().start(0));
    }

    @Test
    void joinsLineContinuations() {
        assertEquals(List.of("npx|prisma|db|push"), commands("npx prisma \\\n  db \\\r\n  push\n"));
    }

    @Test
    void dropsCommentsOnlyAtWordStart() {
        assertEquals(List.of("echo|a#b"), commands("# npx prisma db push\necho a#b # db push"));
    }

    @Test
    void readsCommandsInsideSubstitutions() {
        assertEquals(List.of("echo|$(npx prisma db push)", "npx|prisma|db|push"), commands("echo $(npx prisma db push)"));
        assertEquals(List.of("x|`prisma db push`", "prisma|db|push"), commands("x `prisma db push`"));
        assertEquals(List.of("echo|\"$(a \"b c\")\"".replace("\"", ""), "a|b c"),
                commands("echo \"$(a \"b c\")\"").stream().map(c -> c.replace("\"", "")).toList());
    }

    @Test
    void hereDocumentBodiesAreDataWithOffsets() {
        String s = "psql <<SQL\nDROP TABLE x;\nprisma db push\nSQL\nnext";
        ShellScript script = parse(s);
        assertEquals(List.of("psql", "next"), script.commands().stream().map(ShellCommand::toString).toList());
        HereDoc doc = script.commands().get(0).hereDocs().get(0);
        assertEquals("DROP TABLE x;\nprisma db push\n", doc.body().text());
        assertEquals(11, doc.body().start(0));
        assertEquals("SQL", doc.delimiter());
    }

    @Test
    void hereDocumentsWithDashAndQuotedDelimiters() {
        ShellScript script = parse("cat <<-'EOF' > f\n\tprisma db push\n\tEOF\ndone_cmd");
        assertEquals(List.of("cat", "done_cmd"), script.commands().stream().map(ShellCommand::toString).toList());
        HereDoc doc = script.commands().get(0).hereDocs().get(0);
        assertTrue(doc.quoted());
        assertEquals("prisma db push\n", doc.body().text());
    }

    @Test
    void bareShellFedAHereDocumentRunsItsBody() {
        assertEquals(List.of("bash", "prisma|db|push"), commands("bash <<EOF\nprisma db push\nEOF\n"));
    }

    @Test
    void assignmentsBeforeACommandAreNotTheProgram() {
        ShellCommand c = parse("FOO=1 BAR='x y' npx prisma db push").commands().get(0);
        assertEquals(2, c.assignments().size());
        assertEquals("npx", c.words().get(0).text());
    }

    @Test
    void reservedWordsAreNotCommands() {
        assertEquals(List.of("test|-f|x", "prisma|db|push", "echo|no"),
                commands("if test -f x; then prisma db push; else echo no; fi"));
        assertEquals(List.of("prisma|migrate|deploy"), commands("for i in 1 2; do prisma migrate deploy; done"));
        assertEquals(List.of("prisma|migrate|deploy"), commands("for ((i = 0; i < 3; i++)); do prisma migrate deploy; done"));
        assertEquals(List.of(), parse("(( n > 1 )) && true").problems());
    }

    @Test
    void caseItemsAreCommandsButPatternsAreNot() {
        assertEquals(List.of("prisma|db|push", "echo|usage"),
                commands("case \"$1\" in\n  push|p) prisma db push ;;\n  *) echo usage ;;\nesac\n"));
    }

    @Test
    void functionNamesAreNotCommands() {
        assertEquals(List.of("prisma|migrate|deploy", "migrate"), commands("migrate() {\n  prisma migrate deploy\n}\nmigrate\n"));
    }

    @Test
    void processSubstitutionsRunTheirCommands() {
        ShellScript script = parse("diff <(npx prisma migrate diff) expected.sql");
        assertEquals(List.of("diff|<(npx prisma migrate diff)|expected.sql", "npx|prisma|migrate|diff"),
                script.commands().stream().map(c -> String.join("|", c.words().stream().map(Word::text).toList())).toList());
        assertEquals(List.of(), script.problems());
    }

    @Test
    void aProcessSubstitutionCanBeARedirectionTarget() {
        ShellScript script = parse("mapfile -t targets < <(all_targets)\n"
                + "while read -r line; do echo \"$line\"; done < <(npx prisma db push --accept-data-loss)\n"
                + "tee >(wc -l) > out.txt < in.txt\n");
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("mapfile|-t|targets", "all_targets", "read|-r|line", "echo|$line",
                        "npx|prisma|db|push|--accept-data-loss", "tee|>(wc -l)", "wc|-l"),
                script.commands().stream().map(c -> String.join("|", c.words().stream().map(Word::text).toList())).toList());
    }

    @Test
    void redirectionTargetsAreNotArguments() {
        assertEquals(List.of("prisma|db|push"), commands("prisma db push > out.log 2>&1"));
    }

    @Test
    void shDashCStringsAreScriptsWithMappedOffsets() {
        String s = "sh -c \"npx prisma db push && echo ok\"";
        ShellScript script = parse(s);
        assertEquals(List.of("sh|-c|npx prisma db push && echo ok", "npx|prisma|db|push", "echo|ok"),
                script.commands().stream().map(c -> String.join("|", c.words().stream().map(Word::text).toList())).toList());
        Word db = script.commands().get(1).words().get(2);
        assertEquals("db", s.substring(db.start(), db.end()));
    }

    @Test
    void bashWithClusteredOptionsAndEvalAreFollowed() {
        assertEquals(List.of("bash|-ec|prisma db push", "prisma|db|push"), commands("bash -ec 'prisma db push'"));
        assertEquals(List.of("eval|prisma db push", "prisma|db|push"), commands("eval \"prisma db push\""));
    }

    @Test
    void unterminatedQuotesAreProblemsNotExceptions() {
        ShellScript script = parse("echo \"oops");
        assertEquals(1, script.problems().size());
        assertEquals("unterminated double quote", script.problems().get(0).message());
    }

    @Test
    void deeplyNestedSubstitutionsDoNotOverflow() {
        String s = "$(".repeat(5000) + "x" + ")".repeat(5000);
        ShellScript script = parse(s);
        assertTrue(script.problems().stream().anyMatch(p -> p.message().contains("nested too deeply")));
    }

    @Test
    void bashRegexGroupsInDoubleBracketsAreOneWord() {
        // Issue 21: 20 false script-parse-error findings on one project came from this idiom.
        String s = "if [[ $x =~ (a)(b) ]]; then npx prisma db push; fi\n[[ $y =~ ^(v|w)+$ && ( -n $z ) ]] || echo \"${BASH_REMATCH[1]}\"\n";
        ShellScript script = parse(s);
        assertEquals(List.of(), script.problems());
        assertEquals(List.of("[[|$x|=~|(a)(b)|]]", "npx|prisma|db|push", "[[|$y|=~|^(v|w)+$|-n|$z|]]", "echo|${BASH_REMATCH[1]}"),
                commands(s).stream().map(c -> c.replace("\"", "")).toList());
    }

    @Test
    void blanksInsideRegexGroupsStayInTheWordButEndItOutside() {
        assertEquals(List.of("[[|$x|=~|(a b)c|]]", "prisma|db|push"), commands("[[ $x =~ (a b)c ]] && prisma db push"));
        // Outside [[ ]], =~ is an ordinary word and a parenthesis still opens a subshell.
        assertEquals(List.of("echo|=~", "prisma|db|push"), commands("echo =~; (prisma db push)"));
    }
}
