package org.hopfieldlab.kernel;

import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import javax.tools.DiagnosticListener;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import com.sun.source.util.JavacTask;

/**
 * javac with its compiler context kept from one compilation to the next, the way JShell compiles: JDK's
 * {@code com.sun.tools.javac.api.JavacTaskPool}. A fresh context re-reads {@code java.lang} and every
 * imported package for each cell (8 to 16 ms on this kind of machine); a reused one compiles a one-line
 * class in under a millisecond once warm.
 *
 * <p>The pool is internal to the JDK, so it is reached by reflection; the kernel's jar manifest
 * ({@code Add-Exports}) and the test configuration export the three packages involved. When they are
 * not exported, {@link #create()} returns null and the kernel simply compiles every cell through JShell.
 *
 * <p>Classes of the package {@code REPL} change between compilations (each cell adds some), so after every
 * compilation that package is listed afresh, as JShell does for its own pool.
 */
final class PooledJavac {

    private static final String REPL_PACKAGE = "REPL";

    private final Object pool;
    private final Method getTask;
    private final Class<?> workerType;
    private final Method contextOf;
    private final Method symtabInstance;
    private final Method namesInstance;
    private final Method classFinderInstance;
    private final Method fromString;
    private final Method getPackage;
    private final Method getCompleter;
    private final Field javaBase;
    private final Field noModule;
    private final Field unnamedModule;
    private final Field members;
    private final Field completer;
    /** Runs a task and then purges REPL from its context; stateless, so one serves every compilation. */
    private final Object worker;

    private PooledJavac() throws ReflectiveOperationException {
        Class<?> poolType = Class.forName("com.sun.tools.javac.api.JavacTaskPool");
        workerType = Class.forName("com.sun.tools.javac.api.JavacTaskPool$Worker");
        pool = poolType.getConstructor(int.class).newInstance(1);
        getTask = poolType.getMethod("getTask", Writer.class, JavaFileManager.class, DiagnosticListener.class,
                Iterable.class, Iterable.class, Iterable.class, workerType);
        Class<?> contextType = Class.forName("com.sun.tools.javac.util.Context");
        contextOf = Class.forName("com.sun.tools.javac.api.BasicJavacTask").getMethod("getContext");
        Class<?> symtab = Class.forName("com.sun.tools.javac.code.Symtab");
        Class<?> names = Class.forName("com.sun.tools.javac.util.Names");
        Class<?> name = Class.forName("com.sun.tools.javac.util.Name");
        Class<?> moduleSymbol = Class.forName("com.sun.tools.javac.code.Symbol$ModuleSymbol");
        Class<?> classFinder = Class.forName("com.sun.tools.javac.code.ClassFinder");
        symtabInstance = symtab.getMethod("instance", contextType);
        namesInstance = names.getMethod("instance", contextType);
        classFinderInstance = classFinder.getMethod("instance", contextType);
        fromString = names.getMethod("fromString", String.class);
        getPackage = symtab.getMethod("getPackage", moduleSymbol, name);
        getCompleter = classFinder.getMethod("getCompleter");
        javaBase = symtab.getField("java_base");
        noModule = symtab.getField("noModule");
        unnamedModule = symtab.getField("unnamedModule");
        Class<?> packageSymbol = Class.forName("com.sun.tools.javac.code.Symbol$PackageSymbol");
        members = packageSymbol.getField("members_field");
        completer = packageSymbol.getField("completer");
        worker = Proxy.newProxyInstance(PooledJavac.class.getClassLoader(), new Class<?>[] {workerType},
                (proxy, method, args) -> {
                    if (!method.getName().equals("withTask")) {
                        return method.invoke(this, args); // toString, hashCode, equals: never called by the pool
                    }
                    JavacTask task = (JavacTask) args[0];
                    Object context = contextOf.invoke(task); // the task lets go of it when the compilation ends
                    try {
                        return task.call();
                    } finally {
                        forgetReplPackage(context);
                    }
                });
    }

    /** The pooled compiler, or null when this JVM does not export javac's internals to the kernel. */
    static PooledJavac create() {
        try {
            return new PooledJavac();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notAvailable) {
            return null;
        }
    }

    /**
     * Compiles {@code units} (class files go to the file manager's output) in a reused context.
     *
     * @return whether javac reported no error
     */
    boolean compile(JavaFileManager fileManager, DiagnosticListener<? super JavaFileObject> diagnostics,
                    List<String> options, List<? extends JavaFileObject> units) {
        try {
            return (Boolean) getTask.invoke(pool, null, fileManager, diagnostics, options, null, units, worker);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("javac failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("javac's task pool is not accessible", e);
        }
    }

    /**
     * Makes the next compilation list the package REPL again, so that it sees the classes JShell compiled
     * since. The class symbols themselves can stay: JShell never reuses a class name for other bytes (a
     * changed snippet gets a new class), and the pool already forgets classes compiled from source.
     */
    private void forgetReplPackage(Object context) throws ReflectiveOperationException {
        Object symbols = symtabInstance.invoke(null, context);
        Object nameTable = namesInstance.invoke(null, context);
        Object module = javaBase.get(symbols) == noModule.get(symbols) ? noModule.get(symbols) : unnamedModule.get(symbols);
        Object repl = getPackage.invoke(symbols, module, fromString.invoke(nameTable, REPL_PACKAGE));
        if (repl != null) {
            members.set(repl, null);
            completer.set(repl, getCompleter.invoke(classFinderInstance.invoke(null, context)));
        }
    }
}
