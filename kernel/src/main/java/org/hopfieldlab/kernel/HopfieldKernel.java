package org.hopfieldlab.kernel;

import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterInputStream;
import io.github.spencerpark.jupyter.channels.JupyterOutputStream;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Jupyter side of HopfieldLab: protocol messages in, {@link CellEvaluator} underneath.
 *
 * <p>stdout and stderr stream while a cell runs (flushed every {@value #FLUSH_MILLIS} ms, so a progress
 * line without a newline shows too); {@code display(...)} publishes {@code display_data} at once; the
 * last expression becomes the {@code execute_result}; failures name the user's exception.
 */
public final class HopfieldKernel extends BaseKernel {

    static final long FLUSH_MILLIS = 100;

    private final CompletableFuture<CellEvaluator> evaluator;
    private final MimeRenderer mimeRenderer = new MimeRenderer();
    private final JupyterOutputStream stdout = new JupyterOutputStream(ShellReplyEnvironment::writeToStdOut);
    private final JupyterOutputStream stderr = new JupyterOutputStream(ShellReplyEnvironment::writeToStdErr);
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    /** System.in of a cell: asks the notebook for a line when the frontend allows input. */
    private final JupyterInputStream stdin = new JupyterInputStream(StandardCharsets.UTF_8);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hopfield-stream-flusher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ShellReplyEnvironment currentCell;

    /**
     * A kernel for one session; it takes over {@code System.out} and {@code System.err}.
     *
     * @param evaluator the session, possibly still starting: JShell warms up while Jupyter connects
     */
    public HopfieldKernel(CompletableFuture<CellEvaluator> evaluator) {
        this.evaluator = evaluator;
        System.setOut(out);
        System.setErr(err);
        System.setIn(stdin);
        NotebookDisplay.connect(this::publishDisplay, mimeRenderer);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    /** Not used: {@link #execute} answers execute requests, so that errors keep the user's exception name. */
    @Override
    public DisplayData eval(String code) throws CellFailure {
        CellResult result = evaluator.join().evaluate(code);
        return result.hasValue() ? render(result.value()) : null;
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " with HopfieldLab (JShell); %lsmagic lists the magics";
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::execute);
    }

    private void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        attach(env);
        stdin.setEnabled(request.isStdinEnabled());
        ScheduledFuture<?> flushing = flusher.scheduleWithFixedDelay(this::flushStreams, FLUSH_MILLIS, FLUSH_MILLIS,
                TimeUnit.MILLISECONDS);
        try {
            CellResult result = evaluator.join().evaluate(request.getCode());
            if (result.hasValue()) {
                DisplayData shown = render(result.value());
                flushStreams();
                env.publish(new PublishExecuteResult(count, shown));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } catch (CellFailure failure) {
            flushStreams();
            env.publish(new PublishError(failure.errorName(), failure.getMessage(), failure.traceback()));
            ErrorReply reply = new ErrorReply(failure.errorName(), failure.getMessage(), failure.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } catch (RuntimeException kernelFault) {
            // the kernel's own fault (its Java session could not start, ...): say so rather than go silent
            Throwable cause = kernelFault.getCause() != null ? kernelFault.getCause() : kernelFault;
            String name = UserStackTrace.simpleName(cause.getClass());
            String text = "the kernel failed: " + cause + "; restart the kernel (Kernel > Restart)";
            env.publish(new PublishError(name, text, List.of(Ansi.red(text))));
            ErrorReply reply = new ErrorReply(name, text, List.of(text));
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        } finally {
            flushing.cancel(false);
            flushStreams();
            detach(env);
        }
    }

    /** Rendering runs user code (toString, mimeBundle): its failures are the cell's failures. */
    private DisplayData render(Object value) throws CellFailure {
        try {
            return toDisplayData(mimeRenderer.render(value));
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            throw new CellFailure(UserStackTrace.simpleName(e.getClass()), String.valueOf(e.getMessage()),
                    UserStackTrace.format(e, " (while showing the cell's value)"));
        }
    }

    private void publishDisplay(Map<String, String> bundle) {
        ShellReplyEnvironment env = currentCell;
        if (env != null) {
            flushStreams();
            env.publish(new PublishDisplayData(toDisplayData(bundle)));
        }
    }

    static DisplayData toDisplayData(Map<String, String> bundle) {
        DisplayData data = new DisplayData();
        for (Map.Entry<String, String> entry : bundle.entrySet()) {
            String mime = entry.getKey();
            boolean isJson = mime.equals("application/json") || mime.endsWith("+json");
            data.putData(mime, isJson ? new JsonParser().parse(entry.getValue()) : entry.getValue());
        }
        return data;
    }

    private void attach(ShellReplyEnvironment env) {
        synchronized (out) {
            stdout.setEnv(env);
        }
        synchronized (err) {
            stderr.setEnv(env);
        }
        stdin.setEnv(env);
        currentCell = env;
    }

    private void detach(ShellReplyEnvironment env) {
        currentCell = null;
        stdin.retractEnv(env);
        synchronized (out) {
            stdout.retractEnv(env);
        }
        synchronized (err) {
            stderr.retractEnv(env);
        }
    }

    /** PrintStream.flush holds the stream's lock, so a flush never tears a write in half. */
    private void flushStreams() {
        out.flush();
        err.flush();
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellSession.Completion completion = evaluator.join().session().complete(code, at);
        return new ReplacementOptions(completion.matches(), completion.start(), completion.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<String> found = evaluator.join().session().inspect(code, at);
        return found.isEmpty() ? null : new DisplayData(String.join("\n\n", found));
    }

    @Override
    public String isComplete(String code) {
        StringBuilder java = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (!line.strip().startsWith("%")) {
                java.append(line).append('\n');
            }
        }
        switch (evaluator.join().session().completeness(java.toString())) {
            case "complete":
                return IS_COMPLETE_YES;
            case "invalid":
                return IS_COMPLETE_BAD;
            default:
                return "    ";
        }
    }

    @Override
    public void interrupt() {
        if (evaluator.isDone()) {
            evaluator.join().interrupt();
        }
    }

    /**
     * Tells the notebook, on the cell that is running, why the kernel is about to end: used where the JDK
     * offers no way to refuse {@code System.exit} (Java 24 and later). Gives the message a moment to leave.
     */
    void announceExit(String why) {
        err.println(why);
        flushStreams();
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        flusher.shutdownNow();
    }
}
