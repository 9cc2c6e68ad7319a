package dev.migrationguard.code;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import dev.migrationguard.workspace.ModelKey;
import dev.migrationguard.workspace.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL passed to a database from Java: JDBC {@code Statement.execute*}/{@code addBatch},
 * {@code Connection.prepareStatement}/{@code prepareCall}, Spring {@code JdbcTemplate}, JPA
 * {@code createNativeQuery}, and {@code @Query(nativeQuery = true)}. String constants and concatenations within
 * the file are resolved; a part that cannot be resolved becomes a placeholder name.
 */
public final class JavaSqlCalls {
    public static final ModelKey<List<EmbeddedSql>> MODEL = ModelKey.of("java-sql-calls", snapshot -> {
        List<EmbeddedSql> out = new ArrayList<>();
        for (JavaSource source : snapshot.model(JavaSources.MODEL)) {
            out.addAll(find(source));
        }
        return List.copyOf(out);
    });

    /** Methods whose first argument (or every argument, for batches) is SQL to run. */
    private static final Set<String> SQL_METHODS = Set.of(
            "execute", "executeUpdate", "executeLargeUpdate", "executeQuery", "addBatch", "prepareStatement",
            "prepareCall", "update", "batchUpdate", "createNativeQuery", "queryForList", "queryForObject",
            "queryForMap", "query");

    private JavaSqlCalls() {
    }

    /**
     * The SQL calls of a Java file JavaParser gave up on (a syntax error, 500-deep parentheses), found in its tokens:
     * a known SQL method called with a string literal first. Never silence: its raw DDL is still searched.
     */
    static List<EmbeddedSql> textFallback(SourceFile file) {
        List<JsToken> tokens = JsTokenizer.tokenize(file.text());
        List<EmbeddedSql> out = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            JsToken name = tokens.get(i);
            JsToken literal = tokens.get(i + 2);
            if (name.kind() == JsToken.Kind.IDENTIFIER && SQL_METHODS.contains(name.text()) && tokens.get(i + 1).is("(")
                    && literal.kind() == JsToken.Kind.STRING) {
                String receiver = i >= 2 && tokens.get(i - 1).is(".") && tokens.get(i - 2).kind() == JsToken.Kind.IDENTIFIER
                        ? tokens.get(i - 2).text() + "." : "";
                out.add(new EmbeddedSql(file, literal.start(), literal.end(), literal.text(), receiver + name.text()));
            }
        }
        return out;
    }

    public static List<EmbeddedSql> find(JavaSource source) {
        if (source.unit().isEmpty()) {
            return textFallback(source.file());
        }
        CompilationUnit unit = source.unit().get();
        Map<String, Expression> constants = new HashMap<>();
        for (VariableDeclarator v : unit.findAll(VariableDeclarator.class)) {
            v.getInitializer().ifPresent(init -> constants.putIfAbsent(v.getNameAsString(), init));
        }
        List<EmbeddedSql> out = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (!SQL_METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) {
                continue;
            }
            String api = call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString();
            int count = call.getNameAsString().equals("batchUpdate") ? call.getArguments().size() : 1;
            for (int i = 0; i < count; i++) {
                Expression arg = call.getArgument(i);
                resolve(arg, constants, new HashSet<>()).ifPresent(sql ->
                        out.add(new EmbeddedSql(source.file(), source.start(arg), source.end(arg), sql, api)));
            }
        }
        for (AnnotationExpr a : unit.findAll(AnnotationExpr.class)) {
            if (!a.getNameAsString().equals("Query") && !a.getNameAsString().endsWith(".Query")) {
                continue;
            }
            if (a instanceof NormalAnnotationExpr normal && isNative(normal)) {
                for (MemberValuePair pair : normal.getPairs()) {
                    if (pair.getNameAsString().equals("value")) {
                        Expression value = pair.getValue();
                        resolve(value, constants, new HashSet<>()).ifPresent(sql -> out.add(new EmbeddedSql(
                                source.file(), source.start(value), source.end(value), sql, "@Query(nativeQuery = true)")));
                    }
                }
            } else if (a instanceof SingleMemberAnnotationExpr) {
                continue;
            }
        }
        return out;
    }

    private static boolean isNative(NormalAnnotationExpr a) {
        return a.getPairs().stream().anyMatch(p -> p.getNameAsString().equals("nativeQuery")
                && p.getValue() instanceof BooleanLiteralExpr b && b.getValue());
    }

    /** The string an expression evaluates to as far as this file tells; empty when it is not a string at all. */
    static Optional<String> resolve(Expression e, Map<String, Expression> constants, Set<String> seen) {
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(t.asString());
        }
        if (e instanceof EnclosedExpr enclosed) {
            return resolve(enclosed.getInner(), constants, seen);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = resolve(b.getLeft(), constants, seen);
            Optional<String> right = resolve(b.getRight(), constants, seen);
            if (left.isEmpty() && right.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(left.orElse(JsToken.PLACEHOLDER) + right.orElse(JsToken.PLACEHOLDER));
        }
        String name = e instanceof NameExpr n ? n.getNameAsString()
                : e instanceof FieldAccessExpr f ? f.getNameAsString() : null;
        if (name != null && constants.containsKey(name) && seen.add(name)) {
            return resolve(constants.get(name), constants, seen);
        }
        return Optional.empty();
    }
}
