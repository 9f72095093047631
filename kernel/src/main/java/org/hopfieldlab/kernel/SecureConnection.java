package org.hopfieldlab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.io.PrintStream;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * basekernel's connection with our own loops on the shell and control sockets.
 *
 * <p>basekernel's loop ends for good when a message fails its HMAC check (its exception escapes the
 * loop thread), so one forged message would silence the kernel; and it sleeps 50 ms between polls.
 * These loops drop a forged message, keep serving, and wake as soon as a message arrives. The sockets
 * bind exactly to the transport, address and ports of the connection file.
 */
final class SecureConnection extends JupyterConnection {

    private static final int POLL_TIMEOUT_MS = 200;

    /** Told when a request arrives and when its handling has ended (replies sent). */
    interface RequestListener {

        void requestStarted();

        /** @param type the request's type, or null when the message could not be read */
        void requestEnded(MessageType<?> type);
    }

    private static final RequestListener NO_LISTENER = new RequestListener() {
        @Override
        public void requestStarted() {
        }

        @Override
        public void requestEnded(MessageType<?> type) {
        }
    };

    private final KernelConnectionProperties properties;
    private final PrintStream log;
    private final String threadPrefix;
    private final ZMQ.Context pollerContext = ZMQ.context(1);
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean running;
    private volatile RequestListener listener = NO_LISTENER;

    SecureConnection(KernelConnectionProperties properties, PrintStream log) throws NoSuchAlgorithmException, InvalidKeyException {
        this(properties, log, "hopfield");
    }

    /** @param threadPrefix names the loop threads, {@code PREFIX-shell} and {@code PREFIX-control} */
    SecureConnection(KernelConnectionProperties properties, PrintStream log, String threadPrefix)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        this.log = log;
        this.threadPrefix = threadPrefix;
    }

    /** From now on, {@code listener} hears of every request on the shell and control sockets. */
    void listen(RequestListener listener) {
        this.listener = listener;
    }

    @Override
    public void connect() {
        heartbeat.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        shell.bind(address(properties.getShellPort()));
        control.bind(address(properties.getControlPort()));
        running = true;
        loops.add(serve(shell, threadPrefix + "-shell"));
        loops.add(serve(control, threadPrefix + "-control"));
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    /**
     * For a private loopback connection in this JVM: binds only the shell and iopub sockets, each to a port
     * the system picks on {@code ip} (no window in which another process could take it), and serves the shell
     * socket as {@link #connect} does. The connection file's ports are not used.
     *
     * @return the shell port and the iopub port
     */
    int[] connectOnFreePorts(String ip) {
        // nothing of a loopback is worth delivering after close: closing never waits for a peer
        shell.setLinger(0);
        iopub.setLinger(0);
        shell.bind(properties.getTransport() + "://" + ip + ":*");
        iopub.bind(properties.getTransport() + "://" + ip + ":*");
        running = true;
        loops.add(serve(shell, threadPrefix + "-shell"));
        return new int[] {portOf(shell.getLastEndpoint()), portOf(iopub.getLastEndpoint())};
    }

    private static int portOf(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private String address(int port) {
        return properties.getTransport() + "://" + properties.getIp() + ":" + port;
    }

    private Thread serve(ShellChannel channel, String name) {
        Thread loop = new Thread(() -> {
            ZMQ.Poller poller = pollerContext.poller(1);
            poller.register(channel, ZMQ.Poller.POLLIN);
            while (running) {
                if (poller.poll(POLL_TIMEOUT_MS) <= 0 || !running) {
                    continue;
                }
                RequestListener told = listener;
                told.requestStarted();
                Message<?> message = null;
                try {
                    try {
                        message = channel.readMessage();
                    } catch (SecurityException forged) {
                        log.println("hopfield kernel: dropped a message with a wrong signature on " + name);
                        continue;
                    } catch (RuntimeException unreadable) {
                        log.println("hopfield kernel: dropped an unreadable message on " + name + ": " + unreadable);
                        continue;
                    }
                    if (message != null) {
                        handle(channel, message);
                    }
                } finally {
                    told.requestEnded(message == null ? null : message.getHeader().getType());
                }
            }
        }, name);
        loop.setDaemon(true);
        loop.start();
        return loop;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(ShellChannel channel, Message message) {
        ShellHandler handler = getHandler(message.getHeader().getType());
        if (handler == null) {
            return; // a request this kernel does not answer, as the protocol allows
        }
        ShellReplyEnvironment env = prepareReplyEnv(channel, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            log.println("hopfield kernel: failed to handle " + message.getHeader().getType().getName() + ": " + e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            close();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread loop : loops) {
            if (loop != Thread.currentThread()) {
                try {
                    loop.join(2 * POLL_TIMEOUT_MS + 100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        super.close();
        pollerContext.close();
    }

    @Override
    public void waitUntilClose() {
        for (Thread loop : loops) {
            try {
                loop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        super.waitUntilClose();
    }
}
