package org.hopfieldlab.kernel;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough of Java's lexical structure to decide, without javac, whether a snippet can be an
 * expression to put between parentheses: brackets balanced and no statement-ending semicolon outside
 * braces, once string, character and text-block literals and comments are skipped. Such text cannot
 * close the parentheses it is put in, so javac sees it as one expression or rejects it.
 */
final class JavaTokens {

    /** Words a declaration or a statement starts with, never an expression. */
    private static final Set<String> STATEMENT_WORDS = Set.of("abstract", "assert", "boolean", "break", "byte",
            "char", "class", "continue", "do", "double", "enum", "final", "float", "for", "if", "import", "int",
            "interface", "long", "private", "protected", "public", "record", "return", "short", "static",
            "synchronized", "throw", "try", "var", "void", "while", "yield", "sealed", "non-sealed", "strictfp",
            "transient", "volatile", "native", "default", "package", "module");

    /** {@code Type name}, {@code Type<A, B> name}, {@code Type[] name}: the start of a declaration (possessive: no backtracking into names). */
    private static final Pattern DECLARATION_START = Pattern.compile(
            "^[\\p{L}_$][\\w$.]*+\\s*(<[^;()=]*>)?\\s*(\\[\\s*]\\s*)*[\\p{L}_$][\\w$]*+\\s*(=[^=]|;|,|$)", Pattern.DOTALL);

    private JavaTokens() {
    }

    /** Whether the snippet starts like a declaration or a statement (then JShell should take it). */
    static boolean startsLikeDeclaration(String snippet) {
        String text = snippet.strip();
        if (text.startsWith("@") || text.startsWith("{") || text.startsWith(";")) {
            return true;
        }
        int end = 0;
        while (end < text.length() && (Character.isJavaIdentifierPart(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        return STATEMENT_WORDS.contains(text.substring(0, end)) || DECLARATION_START.matcher(text).find();
    }

    /** Brackets balanced, literals and comments closed, no semicolon outside braces. */
    static boolean isBalancedExpression(String text) {
        if (text.contains("\\u")) {
            return false; // a unicode escape can be any character, a parenthesis too, before javac reads a token
        }
        int parentheses = 0;
        int brackets = 0;
        int braces = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
                continue;
            }
            if (c == '"' && text.startsWith("\"\"\"", i)) {
                int end = endOfTextBlock(text, i + 3);
                if (end < 0) {
                    return false;
                }
                i = end;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = endOfQuoted(text, i + 1, c);
                if (end < 0) {
                    return false;
                }
                i = end;
                continue;
            }
            switch (c) {
                case '(' -> parentheses++;
                case ')' -> parentheses--;
                case '[' -> brackets++;
                case ']' -> brackets--;
                case '{' -> braces++;
                case '}' -> braces--;
                case ';' -> {
                    if (braces == 0) {
                        return false;
                    }
                }
                default -> {
                }
            }
            if (parentheses < 0 || brackets < 0 || braces < 0) {
                return false;
            }
            i++;
        }
        return parentheses == 0 && brackets == 0 && braces == 0;
    }

    /** Index after the closing quote of a string or character literal, or -1 if the line ends first. */
    private static int endOfQuoted(String text, int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static int endOfTextBlock(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (text.startsWith("\"\"\"", i)) {
                return i + 3;
            }
        }
        return -1;
    }
}
