#!/usr/bin/python3
"""Drive a running HopfieldLab kernel through jupyter_client and check what a notebook cannot.

usage: drive_kernel.py FLAG_DIR  (JUPYTER_PATH must hold the kernelspec `hopfield`)

Prints `ok: <check>` per passed check; on the first failed check prints `FAIL: <check>: <why>` and
exits 1. The JUnit test KernelEndToEndIT runs it and requires every check's `ok` line.
"""
import json
import os
import sys
import time
import uuid

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

FLAG_DIR = sys.argv[1]
# 127.0.0.1 in /proc/net/tcp, and as the IPv4-mapped IPv6 address Java binds in /proc/net/tcp6
LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F"}


def fail(check, why):
    print(f"FAIL: {check}: {why}", flush=True)
    sys.exit(1)


def ok(check):
    print(f"ok: {check}", flush=True)


def execute(kc, code, timeout=120):
    """Runs code; returns (reply content, iopub messages of this request)."""
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=outputs.append)
    return reply["content"], outputs


def expect_value(kc, code, text, check):
    reply, outputs = execute(kc, code)
    results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
    if reply["status"] != "ok" or results != [text]:
        fail(check, f"expected {text!r} from {code!r}, got status {reply['status']} and {results} "
                    f"{reply.get('ename', '')} {reply.get('evalue', '')}")


def expect_error(kc, code, ename, check, timeout=120):
    reply, outputs = execute(kc, code, timeout)
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    if reply["status"] != "error" or reply["ename"] != ename or not errors or errors[0]["ename"] != ename:
        fail(check, f"expected {ename}, got reply {reply.get('status')} {reply.get('ename')}: {reply.get('evalue')}")
    return reply


km, kc = start_new_kernel(kernel_name="hopfield")
try:
    # the kernel listens on the connection file's address only (127.0.0.1), on its five ports
    info = km.get_connection_info()
    pid = km.provisioner.process.pid if getattr(km, "provisioner", None) else km.kernel.pid
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and fields[9] in inodes:
                    address, port = fields[1].split(":")
                    listening.append((address, int(port, 16)))
    ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
    if info["ip"] != "127.0.0.1" or {p for _, p in listening} != ports or any(a not in LOOPBACK for a, _ in listening):
        fail("binds only to the connection file's address", f"listening {listening}, ports {ports}, ip {info['ip']}")
    ok("binds only to the connection file's address")

    expect_value(kc, "1 + 1", "2", "first result")
    ok("first result")

    # System.in asks the notebook for a line
    msg_id = kc.execute('var scanner = new Scanner(System.in);\n"hello " + scanner.nextLine()', allow_stdin=True)
    request = kc.get_stdin_msg(timeout=60)
    if request["msg_type"] != "input_request":
        fail("System.in reads from the notebook", request)
    kc.input("students")
    reply = kc.get_shell_msg(timeout=60)["content"]
    results = []
    while not results:
        msg = kc.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
            results.append(msg["content"]["data"]["text/plain"])
    if reply["status"] != "ok" or results != ['"hello students"']:
        fail("System.in reads from the notebook", f"{reply} {results}")
    ok("System.in reads from the notebook")

    # output streams while the cell runs: the cell waits for a file the driver writes only after it saw the output
    flag = os.path.join(FLAG_DIR, "seen-progress")
    msg_id = kc.execute(f'System.out.print("progress 1/2");\n'
                        f'while (!Files.exists(Path.of("{flag}"))) Thread.sleep(20);\n'
                        f'"finished"')
    deadline = time.time() + 60
    seen = False
    while time.time() < deadline and not seen:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            seen = "progress 1/2" in msg["content"]["text"]
    if not seen:
        fail("stdout streams before the cell ends", "no stream message while the cell was waiting")
    open(flag, "w").close()
    reply = kc.get_shell_msg(timeout=60)
    if reply["content"]["status"] != "ok":
        fail("stdout streams before the cell ends", reply["content"])
    ok("stdout streams before the cell ends")

    # interrupt stops a busy loop that never looks at the interrupt flag
    msg_id = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
    time.sleep(1.0)  # let the loop start; the check below does not depend on how long this takes
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=60)
    if reply["content"]["status"] != "error" or reply["content"]["ename"] != "Interrupted":
        fail("interrupt stops a busy loop", reply["content"])
    expect_value(kc, "spins > 0", "true", "interrupt stops a busy loop")
    ok("interrupt stops a busy loop")

    # an ever-growing list fills the heap: the cell fails, the kernel frees it and goes on
    reply = expect_error(kc, "List<long[]> hoard = new ArrayList<>();\nwhile (true) hoard.add(new long[1 << 20]);",
                         "OutOfMemoryError", "out of memory is contained", timeout=300)
    expect_value(kc, "new byte[100_000_000].length", "100000000", "out of memory is contained")
    ok("out of memory is contained")

    expect_error(kc, "long[] huge = new long[Integer.MAX_VALUE - 8];", "OutOfMemoryError", "an impossible array is contained")
    ok("an impossible array is contained")

    expect_error(kc, "int down(int n) { return down(n + 1) + 1; }\ndown(0)", "StackOverflowError", "stack overflow is contained")
    ok("stack overflow is contained")

    kc.kernel_info()
    java_version = kc.get_shell_msg(timeout=30)["content"]["language_info"]["version"]
    if int(java_version.split(".")[0].split("+")[0]) < 24:
        reply = expect_error(kc, "System.exit(3);", "SecurityException", "System.exit is refused")
        if "System.exit(3)" not in reply["evalue"]:
            fail("System.exit is refused", reply["evalue"])
        expect_value(kc, '"still " + "here"', '"still here"', "System.exit is refused")
        ok("System.exit is contained")
    else:
        # Java 24 and later cannot refuse it: the kernel says why on the cell, ends, and restarts clean
        msg_id = kc.execute("System.exit(3);")
        said = ""
        deadline = time.time() + 60
        while "cannot refuse it" not in said and time.time() < deadline:
            try:
                msg = kc.get_iopub_msg(timeout=5)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                said += msg["content"]["text"]
        if "cannot refuse it" not in said:
            fail("System.exit restarts the kernel and says why", f"the cell showed {said!r}")
        deadline = time.time() + 30
        while km.is_alive() and time.time() < deadline:
            time.sleep(0.2)
        if km.is_alive():
            fail("System.exit restarts the kernel and says why", "the kernel did not end")
        kc.stop_channels()
        km.restart_kernel(now=True)
        kc = km.client()
        kc.start_channels()
        kc.wait_for_ready(timeout=120)
        expect_value(kc, '"still " + "here"', '"still here"', "System.exit restarts the kernel and says why")
        ok("System.exit is contained")

    # completion, inspection and is_complete over the protocol
    kc.complete("Math.ma", 7)
    reply = kc.get_shell_msg(timeout=30)["content"]
    if "max(" not in reply["matches"] or reply["cursor_start"] != 5:
        fail("complete", reply)
    kc.inspect("Math.max(1, 2)", 6)
    reply = kc.get_shell_msg(timeout=30)["content"]
    if not reply["found"] or "int Math.max(int a, int b)" not in reply["data"]["text/plain"]:
        fail("inspect", reply)
    kc.is_complete("for (int i = 0; i < 3; i++) {")
    reply = kc.get_shell_msg(timeout=30)["content"]
    if reply["status"] != "incomplete":
        fail("is_complete", reply)
    ok("complete, inspect, is_complete")

    # a message signed with the wrong key gets no answer; the same message signed right does
    context = zmq.Context.instance()

    def send_signed(key):
        socket = context.socket(zmq.DEALER)
        socket.setsockopt(zmq.LINGER, 0)
        socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
        session = Session(key=key, signature_scheme=info["signature_scheme"], username="driver")
        code = 'System.out.println("forged-or-not")'
        session.send(socket, "execute_request", content={"code": code, "silent": False, "store_history": True,
                                                         "user_expressions": {}, "allow_stdin": False})
        poller = zmq.Poller()
        poller.register(socket, zmq.POLLIN)
        answered = bool(poller.poll(5000))
        socket.close()
        return answered

    key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
    if send_signed(b"not-the-key-" + uuid.uuid4().hex.encode()):
        fail("a forged message is rejected", "the kernel answered a message with a wrong signature")
    if not send_signed(key):
        fail("a forged message is rejected", "the same message with the right signature got no answer either")
    expect_value(kc, "21 * 2", "42", "a forged message is rejected")
    ok("a forged message is rejected")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
