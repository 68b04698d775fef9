// Open-model load generator for bench/run.sh (issue 27): sends at a constant arrival rate whether or
// not earlier answers have come back, so queueing in the API shows in the latencies instead of
// slowing the sender down (a closed loop such as wrk, even throttled, waits for answers and hides it).
// Each latency is measured from the request's SCHEDULED send time, so a late send (a busy generator,
// or every connection still waiting for an answer) counts against the figure too (no coordinated
// omission) — wrk2's model: a fixed set of keep-alive connections (32), each a thread with a blocking
// socket that takes the next scheduled send. Plain HTTP/1.1 over sockets: java.net.http cost ~1 ms of
// CPU per request on this box, as much as the API itself.
//
//   java bench/openloop/OpenLoop.java URL KIND RATE SECONDS PHASE APPROVE_PCT [WARMUP_SECONDS]
//     KIND = balance (GET .../balances as the employee, 90 % on the big tenant, like bench/lua/balance.lua)
//          | mixed   (the mix of bench/lua/mixed.lua, submit -> (approve) -> cancel cycles included)
//     PHASE selects the block of future work days for submits (bench/lua/common.lua uses 0..4).
//     WARMUP_SECONDS (default 5): sent at the same rate first, not counted (the generator's own JIT).
//
// Prints one RESULT line in the format of bench/lua/common.lua, plus target_rps and late_sends (sends
// that left more than 1 ms after their scheduled time: the generator itself fell behind).
// Single file, JDK only: bench/run.sh compiles it with javac.

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class OpenLoop {

    static final int EMPLOYEES = 10000;
    static final int SMALL_COMPANIES = 1000;
    static final int CONNECTIONS = 32;
    static final String BIG = company(0);
    static final String ADMIN = employee(0, 1);
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    static final Pattern EMPLOYEE = Pattern.compile("\"employee_id\":\"([0-9a-f-]+)\"");

    record Step(String kind, String requestId, String employeeId) {
    }

    /** One HTTP request as bytes. */
    record Request(byte[] bytes) {
    }

    static String company(int k) {
        return String.format("c0000000-0000-0000-0000-%012x", k);
    }

    static String employee(int k, int i) {
        return String.format("e0000000-0000-0000-%04x-%012x", k, i);
    }

    static String policy(int k, int p) {
        return String.format("a0000000-0000-0000-%04x-%012x", k, p);
    }

    final String host;
    final int port;
    final String kind;
    final int phase;
    final int approvePct;
    final ConcurrentLinkedQueue<Step> followUps = new ConcurrentLinkedQueue<>();
    final AtomicInteger cycleCounter = new AtomicInteger();
    final AtomicInteger nextSend = new AtomicInteger();
    final AtomicLong non2xx = new AtomicLong();
    final AtomicLong socketErrors = new AtomicLong();
    final AtomicLong submits = new AtomicLong();
    final AtomicLong approves = new AtomicLong();
    final AtomicLong cancels = new AtomicLong();
    final AtomicLong late = new AtomicLong();
    volatile boolean counting;
    volatile String lastError = "";

    OpenLoop(String url, String kind, int phase, int approvePct) {
        URI uri = URI.create(url);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.kind = kind;
        this.phase = phase;
        this.approvePct = approvePct;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: OpenLoop URL KIND RATE SECONDS PHASE APPROVE_PCT [WARMUP_SECONDS]");
            System.exit(2);
        }
        OpenLoop gen = new OpenLoop(args[0], args[1], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        gen.run(Double.parseDouble(args[2]), Integer.parseInt(args[3]), args.length > 6 ? Integer.parseInt(args[6]) : 5);
        System.exit(0);
    }

    void run(double rate, int seconds, int warmupSeconds) throws InterruptedException {
        int warm = (int) Math.round(rate * warmupSeconds);
        int total = warm + (int) Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        long start = System.nanoTime() + 100_000_000L;
        long measuredFrom = start + warm * period;
        Thread[] workers = new Thread[CONNECTIONS];
        for (int c = 0; c < CONNECTIONS; c++) {
            workers[c] = new Thread(() -> work(start, period, warm, total, latencies), "openloop-" + c);
            workers[c].setDaemon(true);
            workers[c].start();
        }
        long sendsEnd = start + total * period;
        for (Thread w : workers) {
            w.join(Math.max(1, (sendsEnd - System.nanoTime()) / 1_000_000 + 15_000));
        }
        double secs = (sendsEnd - measuredFrom) / 1e9;
        long[] measured = Arrays.stream(latencies, warm, total).filter(l -> l >= 0).sorted().toArray();
        long unanswered = (total - warm) - measured.length;
        socketErrors.addAndGet(unanswered);
        double mean = Arrays.stream(measured).average().orElse(0) / 1e6;
        if (!lastError.isEmpty()) {
            System.out.println("LAST_ERROR " + lastError);
        }
        System.out.println(String.format(Locale.ROOT,
                "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f"
                        + " non2xx=%d socket_errors=%d submits=%d approves=%d cancels=%d cycles_per_s=%.1f open_steps=%d"
                        + " target_rps=%.1f late_sends=%d connections=%d",
                measured.length, secs, measured.length / secs, pct(measured, 50), pct(measured, 90), pct(measured, 99),
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6, mean, non2xx.get(), socketErrors.get(),
                submits.get(), approves.get(), cancels.get(), cancels.get() / secs, followUps.size(), rate, late.get(),
                CONNECTIONS));
    }

    /** One connection: takes the next scheduled send, waits for its time, sends, reads the answer. */
    void work(long start, long period, int warm, int total, long[] latencies) {
        Socket socket = null;
        InputStream in = null;
        OutputStream out = null;
        int i;
        while ((i = nextSend.getAndIncrement()) < total) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i == warm) {
                resetCounters();
            }
            if (i >= warm && -wait > 1_000_000L) {
                late.incrementAndGet();
            }
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(10_000);
                    socket.connect(new InetSocketAddress(host, port), 5_000);
                    in = new BufferedInputStream(socket.getInputStream(), 65536);
                    out = socket.getOutputStream();
                }
                out.write(next().bytes());
                out.flush();
                Response response = readResponse(in);
                latencies[i] = System.nanoTime() - intended;
                answered(response.status(), response.text());
                if (response.close()) {
                    socket.close();
                    socket = null;
                }
            } catch (IOException | RuntimeException e) {
                latencies[i] = System.nanoTime() - intended;
                socketErrors.incrementAndGet();
                lastError = e.toString();
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException ignored) {
                    // closing a broken connection
                }
                socket = null;
            }
        }
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // done
        }
    }

    record Response(int status, String text, boolean close) {
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked). */
    static Response readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        byte[] bytes;
        if (chunked) {
            java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    while ((header = line(in)) != null && !header.isEmpty()) {
                        // trailers
                    }
                    break;
                }
                buffer.write(in.readNBytes(n));
                line(in);
            }
            bytes = buffer.toByteArray();
        } else if (length >= 0) {
            bytes = in.readNBytes((int) length);
        } else {
            bytes = new byte[0];
        }
        return new Response(status, new String(bytes, StandardCharsets.UTF_8), close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Counts start again once the warm-up's sends are out (answers of warm-up sends may still count: a handful). */
    void resetCounters() {
        non2xx.set(0);
        socketErrors.set(0);
        submits.set(0);
        approves.set(0);
        cancels.set(0);
        lastError = "";
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    Request next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (kind.equals("balance")) {
            return balance(random);
        }
        int r = random.nextInt(100) + 1;
        if (r <= 40) {
            return balance(random);
        }
        if (r <= 52) {
            int[] ke = randomEmployee(random);
            return request("GET", "/api/companies/" + company(ke[0]) + "/requests?employee_id=" + employee(ke[0], ke[1])
                    + "&limit=20", company(ke[0]), employee(ke[0], ke[1]), "employee", "application/json", null);
        }
        if (r <= 64) {
            int[] ke = randomEmployee(random);
            return request("GET", "/api/companies/" + company(ke[0]) + "/employees/" + employee(ke[0], ke[1]) + "/ledger?limit=20",
                    company(ke[0]), employee(ke[0], ke[1]), "employee", "application/json", null);
        }
        if (r <= 70) {
            String eid = employee(0, random.nextInt(EMPLOYEES) + 1);
            return request("GET", "/api/companies/" + BIG + "/reports/ledger?employee_id=" + eid + "&limit=50", BIG, ADMIN,
                    "admin", "application/json", null);
        }
        if (r <= 73) {
            String eid = employee(0, random.nextInt(EMPLOYEES) + 1);
            return request("GET", "/api/companies/" + BIG + "/reports/ledger?employee_id=" + eid, BIG, ADMIN, "admin",
                    "text/csv", null);
        }
        return cycleStep();
    }

    Request balance(ThreadLocalRandom random) {
        int[] ke = randomEmployee(random);
        String eid = employee(ke[0], ke[1]);
        return request("GET", "/api/companies/" + company(ke[0]) + "/employees/" + eid + "/balances", company(ke[0]), eid,
                "employee", "application/json", null);
    }

    static int[] randomEmployee(ThreadLocalRandom random) {
        if (random.nextInt(100) < 90) {
            return new int[] {0, random.nextInt(EMPLOYEES) + 1};
        }
        return new int[] {random.nextInt(SMALL_COMPANIES) + 1, random.nextInt(10) + 1};
    }

    /** The development headers of bench/lua/common.lua; a JSON body when one is given. */
    Request request(String method, String path, String companyId, String user, String role, String accept, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("X-Company-Id: ").append(companyId).append("\r\n")
                .append("X-User-Id: ").append(user).append("\r\n")
                .append("X-Role: ").append(role).append("\r\n")
                .append("Accept: ").append(accept).append("\r\n");
        if (json != null || method.equals("POST")) {
            if (json != null) {
                head.append("Content-Type: application/json\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return new Request(all);
    }

    /** The next step of a submit cycle: a pending approve/cancel if one is ready, else a new submit. */
    Request cycleStep() {
        Step step = followUps.poll();
        if (step != null) {
            String path = "/api/companies/" + BIG + "/requests/" + step.requestId() + "/" + step.kind();
            if (step.kind().equals("approve")) {
                approves.incrementAndGet();
                return request("POST", path, BIG, ADMIN, "admin", "application/json", "{\"note\":\"bench\"}");
            }
            cancels.incrementAndGet();
            return request("POST", path, BIG, step.employeeId(), "employee", "application/json", null);
        }
        int n = cycleCounter.getAndIncrement();
        int employees = EMPLOYEES - 1;                 // 2..10000 (1 is the admin)
        int i = 2 + n % employees;
        int round = n / employees;
        int p = n % 3 + 1;
        int index = phase * 400 + round;
        LocalDate day = LocalDate.of(2027, 1, 4).plusDays(7L * (index / 5) + index % 5);
        String eid = employee(0, i);
        String body = String.format("{\"employee_id\":\"%s\",\"policy_id\":\"%s\",\"start_at\":\"%sT09:00:00\","
                + "\"end_at\":\"%sT17:00:00\",\"reason\":\"bench\"}", eid, policy(0, p), day, day);
        submits.incrementAndGet();
        return request("POST", "/api/companies/" + BIG + "/requests", BIG, eid, "employee", "application/json", body);
    }

    void answered(int status, String body) {
        if (status < 200 || status > 299) {
            non2xx.incrementAndGet();
            lastError = status + " " + (body == null ? "" : body.substring(0, Math.min(300, body.length())));
            return;
        }
        if (body == null || !body.startsWith("{\"id\":\"")) {
            return;
        }
        String rid = body.substring(7, 43);
        Matcher st = STATUS.matcher(body);
        Matcher emp = EMPLOYEE.matcher(body);
        if (!st.find() || !emp.find()) {
            return;
        }
        if (st.group(1).equals("SUBMITTED")) {
            boolean approve = ThreadLocalRandom.current().nextInt(100) < approvePct;
            followUps.add(new Step(approve ? "approve" : "cancel", rid, emp.group(1)));
        } else if (st.group(1).equals("APPROVED")) {
            followUps.add(new Step("cancel", rid, emp.group(1)));
        }
    }
}
