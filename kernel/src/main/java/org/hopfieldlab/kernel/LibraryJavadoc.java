package org.hopfieldlab.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Javadoc of HopfieldLab's own classes for Shift-Tab. JShell reads Javadoc from the JDK's {@code src.zip} only;
 * the library's jar carries its sources under {@value #SOURCES}, and this reads the comment of the method or
 * class JShell names.
 */
final class LibraryJavadoc {

    static final String SOURCES = "META-INF/hopfieldlab-sources/";
    private static final List<String> LIBRARY_PACKAGES = List.of("org.hopfieldlab.dsl.", "org.hopfieldlab.model.",
            "org.hopfieldlab.data.", "org.hopfieldlab.plot.", "org.hopfieldlab.experiment.", "org.hopfieldlab.nn.",
            "org.hopfieldlab.neuro.", "org.hopfieldlab.learn.", "org.hopfieldlab.fast.");

    /** Parsed source files (with their doc-comment access), by path; null when there is no source. */
    private final Map<String, Parsed> parsed = new HashMap<>();

    private record Parsed(CompilationUnitTree unit, DocTrees trees) {
    }

    /**
     * The raw Javadoc of what a JShell signature names, e.g.
     * {@code org.hopfieldlab.dsl.NetworkBuilder.Start org.hopfieldlab.dsl.Hopfield.network()} or
     * {@code org.hopfieldlab.model.Network}; empty when it is not the library's or has none.
     */
    String javadocOf(String signature) {
        try {
            return lookUp(signature);
        } catch (RuntimeException notFound) {
            return ""; // help text is a courtesy: a signature this cannot read gets none
        }
    }

    private String lookUp(String signature) {
        int open = signature.indexOf('(');
        String head = open < 0 ? signature : signature.substring(0, open);
        String name = head.substring(head.lastIndexOf(' ') + 1).strip();
        if (!name.startsWith("org.hopfieldlab.")) {
            // JShell names imported classes by their simple name: Network.recall is org.hopfieldlab.model.Network's
            for (String pkg : LIBRARY_PACKAGES) {
                String javadoc = lookUp(signature, pkg + name);
                if (!javadoc.isEmpty()) {
                    return javadoc;
                }
            }
            return "";
        }
        return lookUp(signature, name);
    }

    private String lookUp(String signature, String name) {
        int open = signature.indexOf('(');
        List<String> parameters = open < 0 ? null : parameterTypes(signature.substring(open + 1, signature.lastIndexOf(')')));
        List<String> parts = List.of(name.split("\\."));
        // a method: owner.member(...); a class: pkg.Outer.Inner; the source file is the outermost class's
        for (int fileEnd = parts.size(); fileEnd >= 3; fileEnd--) {
            Parsed source = parse(String.join("/", parts.subList(0, fileEnd)) + ".java");
            if (source == null) {
                continue;
            }
            List<String> nested = parts.subList(fileEnd - 1, parts.size());
            String comment = find(source, nested, parameters);
            return comment == null ? "" : comment;
        }
        return "";
    }

    /** The types in {@code double[] query, Map<K, V> b}, package names dropped: {@code [double[], Map<K,V>]}. */
    private static List<String> parameterTypes(String list) {
        List<String> types = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String parameter = list.substring(start, i).strip();
                if (!parameter.isEmpty()) {
                    int space = parameter.lastIndexOf(' ');
                    types.add(plainType(space < 0 ? parameter : parameter.substring(0, space)));
                }
                start = i + 1;
            }
        }
        return types;
    }

    /** {@code java.util.List<org.x.Recall>} and {@code List<Recall>} alike: simple names, no spaces. */
    private static String plainType(String type) {
        return type.replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace(" ", "").replace("...", "[]");
    }

    /** The comment of the member named by {@code path} (classes, then maybe a method) in the unit. */
    private static String find(Parsed source, List<String> path, List<String> parameters) {
        String[] found = new String[1];
        new TreePathScanner<Void, Integer>() {
            @Override
            public Void visitClass(ClassTree type, Integer depth) {
                if (found[0] != null || depth >= path.size() || !type.getSimpleName().contentEquals(path.get(depth))) {
                    return null;
                }
                if (depth == path.size() - 1 && parameters == null) {
                    found[0] = source.trees().getDocComment(getCurrentPath());
                    return null;
                }
                TreePath here = getCurrentPath(); // scan(TreePath, ...) clears the current path when it returns
                for (Tree member : type.getMembers()) {
                    scan(new TreePath(here, member), depth + 1);
                }
                return null;
            }

            @Override
            public Void visitMethod(MethodTree method, Integer depth) {
                boolean named = depth == path.size() - 1 && (method.getName().contentEquals(path.get(depth))
                        || method.getName().contentEquals("<init>") && path.get(depth).equals(path.get(depth - 1)));
                if (found[0] == null && named && parameters != null && parameters.equals(method.getParameters().stream()
                        .map(parameter -> plainType(parameter.getType().toString())).toList())) {
                    found[0] = source.trees().getDocComment(getCurrentPath());
                }
                return null;
            }
        }.scan(new TreePath(source.unit()), 0);
        return found[0];
    }

    private Parsed parse(String path) {
        return parsed.computeIfAbsent(path, p -> {
            try (InputStream in = ClassLoader.getSystemResourceAsStream(SOURCES + p)) {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                if (in == null || javac == null) {
                    return null;
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + p), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                };
                JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(file));
                List<CompilationUnitTree> units = new ArrayList<>();
                task.parse().forEach(units::add);
                return units.isEmpty() ? null : new Parsed(units.get(0), DocTrees.instance(task));
            } catch (IOException | RuntimeException unreadable) {
                return null;
            }
        });
    }
}
