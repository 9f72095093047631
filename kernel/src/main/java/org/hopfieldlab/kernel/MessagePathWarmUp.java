package org.hopfieldlab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * Runs the kernel's messaging code (JSON, signatures, ZeroMQ frames, rendering a value) on an in-process
 * socket pair while JShell starts, so that the JIT has compiled it before the notebook's first cells.
 *
 * <p>Measured without it: a request and its reply took about 6 ms over a session's first hundred messages
 * and 1 ms afterwards, the difference being the JVM interpreting that code until it is hot. The exchanges
 * here have the shape of a notebook's: an execute request answered by status, input, result, reply, status.
 */
final class MessagePathWarmUp {

    private static final String ADDRESS = "inproc://hopfield-message-warm-up";

    private MessagePathWarmUp() {
    }

    /** A socket of the kernel's kind, on an in-process address instead of the connection file's. */
    private static final class Peer extends JupyterSocket {

        Peer(ZMQ.Context context, SocketType type, HMACGenerator signatures) {
            super(context, type, signatures, Logger.getLogger(MessagePathWarmUp.class.getName()));
        }

        @Override
        public void bind(KernelConnectionProperties properties) {
            throw new UnsupportedOperationException("the warm-up binds to " + ADDRESS + " only");
        }
    }

    /**
     * Exchanges messages until {@code keepGoing} says stop or {@code maxExchanges} are done.
     *
     * @return how many exchanges ran
     */
    static int run(BooleanSupplier keepGoing, int maxExchanges) {
        ZMQ.Context context = ZMQ.context(1);
        MimeRenderer renderer = new MimeRenderer();
        int done = 0;
        try {
            HMACGenerator signatures = new HMACGenerator("hmac-sha256", UUID.randomUUID().toString());
            Peer kernelSide = new Peer(context, SocketType.ROUTER, signatures);
            Peer notebookSide = new Peer(context, SocketType.DEALER, signatures);
            try {
                kernelSide.setReceiveTimeOut(1000); // a stuck exchange ends the warm-up, not the kernel
                notebookSide.setReceiveTimeOut(1000);
                kernelSide.bind(ADDRESS);
                notebookSide.connect(ADDRESS);
                while (done < maxExchanges && keepGoing.getAsBoolean()) {
                    notebookSide.sendMessage(new Message<>(new Header<>(ExecuteRequest.MESSAGE_TYPE),
                            new ExecuteRequest("1 + " + done, false, true, Map.of(), false, true)));
                    Message<?> request = kernelSide.readMessage();
                    kernelSide.sendMessage(new Message<>(request, PublishStatus.MESSAGE_TYPE, PublishStatus.BUSY));
                    kernelSide.sendMessage(new Message<>(request, PublishExecuteInput.MESSAGE_TYPE,
                            new PublishExecuteInput("1 + " + done, done)));
                    kernelSide.sendMessage(new Message<>(request, PublishExecuteResult.MESSAGE_TYPE,
                            new PublishExecuteResult(done, HopfieldKernel.toDisplayData(renderer.render(done + 1)))));
                    kernelSide.sendMessage(new Message<>(request, ExecuteReply.MESSAGE_TYPE, new ExecuteReply(done)));
                    kernelSide.sendMessage(new Message<>(request, PublishStatus.MESSAGE_TYPE, PublishStatus.IDLE));
                    for (int i = 0; i < 5; i++) { // raw frames: basekernel reads requests, not its own replies
                        do {
                            if (notebookSide.recv() == null) {
                                return done;
                            }
                        } while (notebookSide.hasReceiveMore());
                    }
                    done++;
                }
            } finally {
                notebookSide.close();
                kernelSide.close();
            }
        } catch (java.security.GeneralSecurityException | RuntimeException notWarmed) {
            // only a warm-up: the kernel works the same without it
        } finally {
            context.close();
        }
        return done;
    }
}
