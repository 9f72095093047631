package org.hopfieldlab.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A private kernel connection and its client, both in this JVM, over TCP on 127.0.0.1: the kernel side is a
 * {@link SecureConnection} like the real one (its shell loop, shell and iopub sockets, HMAC signing and Gson
 * messages; ports the system picks), serving
 * {@code execute_request} with a {@link WarmUpCell}; the client side sends requests the way Jupyter does and
 * reads the reply on its DEALER socket and the status messages on its SUB socket. Used by the background
 * warm-up, which only needs the messages to flow; it shares no socket, port or key with the real connection.
 */
final class LoopbackKernel implements AutoCloseable {

    private static final String IP = "127.0.0.1";
    /** basekernel's Gson is 2.8, without the static {@code JsonParser.parseString}. */
    private static final JsonParser JSON = new JsonParser();
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final long REPLY_TIMEOUT_MS = 10_000;
    /** Until the SUB socket has joined, iopub messages are lost (ZeroMQ's slow joiner): do not wait long. */
    private static final long JOINING_TIMEOUT_MS = 50;

    private final SecureConnection kernel;
    private final ZMQ.Context clientContext = ZMQ.context(1);
    private final ClientSocket shell;
    private final ClientSocket iopub;
    private final ZMQ.Poller shellPoller;
    private final ZMQ.Poller iopubPoller;
    private final HMACGenerator signatures;
    private final String session = java.util.UUID.randomUUID().toString();
    private boolean iopubJoined;

    private LoopbackKernel(KernelConnectionProperties properties, WarmUpCell cell) throws Exception {
        kernel = new SecureConnection(properties, new PrintStream(OutputStream.nullOutputStream()), "hopfield-warm-up");
        kernel.setHandler(MessageType.EXECUTE_REQUEST, cell::execute);
        int[] ports = kernel.connectOnFreePorts(IP);
        signatures = properties.createHMACGenerator();
        shell = new ClientSocket(clientContext, SocketType.DEALER, signatures);
        iopub = new ClientSocket(clientContext, SocketType.SUB, signatures);
        shell.connect(address(ports[0]));
        iopub.subscribe(new byte[0]);
        iopub.connect(address(ports[1]));
        shellPoller = clientContext.poller(1);
        shellPoller.register(shell, ZMQ.Poller.POLLIN);
        iopubPoller = clientContext.poller(1);
        iopubPoller.register(iopub, ZMQ.Poller.POLLIN);
    }

    /** Binds the private kernel to ports of 127.0.0.1 the system picks, and connects the client. */
    static LoopbackKernel open(WarmUpCell cell) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // the ports here are never bound: SecureConnection#connectOnFreePorts lets the system pick them
        KernelConnectionProperties properties = new KernelConnectionProperties(IP, 0, 0, 0, 0, 0, "tcp", "hmac-sha256",
                HexFormat.of().formatHex(key));
        return new LoopbackKernel(properties, cell);
    }

    private static String address(int port) {
        return "tcp://" + IP + ":" + port;
    }

    /**
     * Runs one cell on the private kernel: sends the request, waits for the reply and, once iopub has joined,
     * for the idle status that ends the request.
     *
     * @return the result's {@code text/plain}, or null when iopub had not joined yet
     * @throws IllegalStateException when no reply came or the reply was an error
     */
    String execute(String code) {
        Message<ExecuteRequest> request = new Message<>(new Header<>(session, MessageType.EXECUTE_REQUEST),
                new ExecuteRequest(code, false, true, Map.of(), false, true));
        shell.sendMessage(request);
        if (shellPoller.poll(REPLY_TIMEOUT_MS) <= 0) {
            throw new IllegalStateException("no reply from the loopback kernel");
        }
        Received reply = read(shell);
        if (!reply.type().equals("execute_reply") || !reply.content().get("status").getAsString().equals("ok")) {
            throw new IllegalStateException("the loopback kernel answered " + reply.type() + " " + reply.content());
        }
        String requestId = request.getHeader().getId();
        long timeout = iopubJoined ? REPLY_TIMEOUT_MS : JOINING_TIMEOUT_MS;
        String result = null;
        while (iopubPoller.poll(timeout) > 0) {
            Received published = read(iopub);
            iopubJoined = true;
            timeout = REPLY_TIMEOUT_MS;
            if (!requestId.equals(published.parentId())) {
                continue; // a request's messages from before the socket had joined
            }
            if (published.type().equals("execute_result")) {
                result = published.content().getAsJsonObject("data").get("text/plain").getAsString();
            } else if (published.type().equals("status")
                    && published.content().get("execution_state").getAsString().equals("idle")) {
                return result;
            }
        }
        if (iopubJoined) {
            throw new IllegalStateException("no idle status from the loopback kernel");
        }
        return null;
    }

    /** A message as Jupyter reads it. */
    private record Received(String type, String parentId, JsonObject content) {
    }

    /**
     * Reads one message frame by frame, checking its signature, as Jupyter does. Not through
     * {@link JupyterSocket#readMessage}, which is the kernel's reading of requests: basekernel 2.3.0 cannot read
     * a status message (it takes the state from the wrong field) nor an error reply (a class cast), which a
     * kernel never receives.
     */
    private Received read(ClientSocket socket) {
        byte[] frame = socket.recv();
        while (!Arrays.equals(frame, DELIMITER)) {
            frame = socket.recv();
        }
        String signature = socket.recvStr();
        byte[] header = socket.recv();
        byte[] parent = socket.recv();
        byte[] metadata = socket.recv();
        byte[] content = socket.recv();
        while (socket.hasReceiveMore()) {
            socket.recv();
        }
        if (!signature.equals(signatures.calculateSignature(header, parent, metadata, content))) {
            throw new SecurityException("a message of the loopback kernel has a wrong signature");
        }
        JsonObject parentHeader = JSON.parse(new String(parent, StandardCharsets.UTF_8)).getAsJsonObject();
        return new Received(
                JSON.parse(new String(header, StandardCharsets.UTF_8)).getAsJsonObject().get("msg_type").getAsString(),
                parentHeader.has("msg_id") ? parentHeader.get("msg_id").getAsString() : "",
                JSON.parse(new String(content, StandardCharsets.UTF_8)).getAsJsonObject());
    }

    /** Whether the client has received iopub messages (after the first few requests, normally). */
    boolean iopubJoined() {
        return iopubJoined;
    }

    @Override
    public void close() {
        shellPoller.close();
        iopubPoller.close();
        shell.close();
        iopub.close();
        clientContext.close();
        kernel.close();
    }

    /** Jupyter's side of a socket: basekernel's signing and Gson serialisation, connected rather than bound. */
    private static final class ClientSocket extends JupyterSocket {

        ClientSocket(ZMQ.Context context, SocketType type, HMACGenerator signatures) {
            super(context, type, signatures, Logger.getLogger("hopfield-warm-up-client"));
            setLinger(0);
        }

        @Override
        public void bind(KernelConnectionProperties properties) {
            throw new UnsupportedOperationException("a client socket connects");
        }
    }
}
