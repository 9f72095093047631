package org.hopfieldlab.kernel;

import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/**
 * What the background warm-up's private kernel does with an {@code execute_request}: what the real kernel does
 * for an expression cell, on state of its own. The expression compiles in a {@link ExpressionLane#detached}
 * lane (the session's imports, none of its declarations), its class is defined in a class loader of its own
 * and run, its value is rendered as the kernel renders values, and the protocol messages go out as
 * {@link HopfieldKernel} sends them.
 *
 * <p>Not exercised, on purpose: the session's JShell and its execution control. JShell's stop protocol on
 * Java 20 and later is a static flag ({@code REPL.$Cancel$}) that an execution control lowers before each
 * snippet; a second control running snippets in the background could lower it while an interrupt is stopping
 * the user's threads.
 */
final class WarmUpCell {

    private final ExpressionLane lane;
    private final MimeRenderer renderer = new MimeRenderer();
    private int executionCount;
    private volatile Throwable failure;

    private WarmUpCell(ExpressionLane lane) {
        this.lane = lane;
    }

    /**
     * @param classPath what the session's cells compile against
     * @return the cell, or null when this JVM cannot compile expressions outside JShell (no lane there either)
     */
    static WarmUpCell create(List<Path> classPath) {
        ExpressionLane lane = ExpressionLane.detached(classPath, JShellSession.STARTUP_IMPORTS);
        return lane == null ? null : new WarmUpCell(lane);
    }

    /** The first failure of a request, if any: the warm-up ends on it. */
    Throwable failure() {
        return failure;
    }

    /** How many expressions the cell's own lane compiled. */
    int compiled() {
        return lane.compiledCount();
    }

    /** The handler of {@code execute_request} on the warm-up's private connection; replies on every path. */
    void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        int count = ++executionCount;
        String code = message.getContent().getCode();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(code, count));
        try {
            Object value = run(code);
            env.publish(new PublishExecuteResult(count, HopfieldKernel.toDisplayData(renderer.render(value))));
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (Exception | LinkageError | VirtualMachineError e) {
            failure = e;
            ErrorReply reply = new ErrorReply(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    private Object run(String code) throws ReflectiveOperationException {
        if (JavaTokens.startsLikeDeclaration(code)) {
            throw new IllegalArgumentException("the warm-up runs expressions only, not: " + code);
        }
        ExpressionLane.Compiled compiled = lane.compile(code);
        if (compiled == null) {
            throw new IllegalStateException("the warm-up expression did not compile: " + code);
        }
        Class<?> type = new OneShotLoader(compiled).loadClass(compiled.className());
        return type.getMethod("do_it$").invoke(null);
    }

    /** Defines one compiled expression's classes and nothing else; dropped with them after the run. */
    private static final class OneShotLoader extends ClassLoader {

        private final ExpressionLane.Compiled compiled;

        OneShotLoader(ExpressionLane.Compiled compiled) {
            super(WarmUpCell.class.getClassLoader());
            this.compiled = compiled;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (var classFile : compiled.classes()) {
                if (classFile.name().equals(name)) {
                    return defineClass(name, classFile.bytecodes(), 0, classFile.bytecodes().length);
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
