// Open-model load generator for bench/run.sh (issue 27): sends at a constant arrival rate whether or
// not earlier answers have come back, so queueing in the API shows in the latencies instead of
// slowing the sender down (a closed loop such as wrk, even throttled, waits for answers and hides it).
// Each latency is measured from the request's SCHEDULED send time, so a late send (a busy generator)
// counts against the figure too (no coordinated omission).
//
//   java bench/openloop/OpenLoop.java URL KIND RATE SECONDS PHASE APPROVE_PCT [WARMUP_SECONDS]
//     KIND = balance (GET .../balances as the employee, 90 % on the big tenant, like bench/lua/balance.lua)
//          | mixed   (the mix of bench/lua/mixed.lua, submit -> (approve) -> cancel cycles included)
//     PHASE selects the block of future work days for submits (bench/lua/common.lua uses 0..4).
//     WARMUP_SECONDS (default 5): sent at the same rate first, not counted (the generator's own JIT).
//
// Prints one RESULT line in the format of bench/lua/common.lua, plus target_rps and late_sends (sends
// that left more than 1 ms after their scheduled time: the generator itself fell behind).
// Single file, JDK only (java.net.http): run with the `java` source launcher, no build step.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class OpenLoop {

    static final int EMPLOYEES = 10000;
    static final int SMALL_COMPANIES = 1000;
    static final String BIG = company(0);
    static final String ADMIN = employee(0, 1);
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z]+)\"");
    static final Pattern EMPLOYEE = Pattern.compile("\"employee_id\":\"([0-9a-f-]+)\"");

    record Step(String kind, String requestId, String employeeId) {
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

    final String url;
    final String kind;
    final int phase;
    final int approvePct;
    final HttpClient client;
    final ConcurrentLinkedQueue<Step> followUps = new ConcurrentLinkedQueue<>();
    final AtomicInteger cycleCounter = new AtomicInteger();
    final AtomicLong non2xx = new AtomicLong();
    final AtomicLong socketErrors = new AtomicLong();
    final AtomicLong submits = new AtomicLong();
    final AtomicLong approves = new AtomicLong();
    final AtomicLong cancels = new AtomicLong();
    volatile String lastError = "";

    OpenLoop(String url, String kind, int phase, int approvePct) {
        this.url = url;
        this.kind = kind;
        this.phase = phase;
        this.approvePct = approvePct;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "openloop-io");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: OpenLoop URL KIND RATE SECONDS PHASE APPROVE_PCT");
            System.exit(2);
        }
        OpenLoop gen = new OpenLoop(args[0], args[1], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        gen.run(rate, seconds, args.length > 6 ? Integer.parseInt(args[6]) : 5);
        System.exit(0);
    }

    void run(double rate, int seconds, int warmupSeconds) throws InterruptedException {
        int warm = (int) Math.round(rate * warmupSeconds);
        int total = warm + (int) Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        CountDownLatch done = new CountDownLatch(total);
        long late = 0;
        long start = System.nanoTime() + 50_000_000L;
        long measuredFrom = start + warm * period;
        for (int i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (i == warm) {
                resetCounters();
            }
            if (i >= warm && -wait > 1_000_000L) {
                late++;
            }
            final int slot = i;
            HttpRequest request;
            try {
                request = next();
            } catch (RuntimeException e) {
                socketErrors.incrementAndGet();
                lastError = e.toString();
                done.countDown();
                continue;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                try {
                    latencies[slot] = System.nanoTime() - intended;
                    if (error != null) {
                        socketErrors.incrementAndGet();
                        lastError = error.toString();
                    } else {
                        answered(response.statusCode(), response.body());
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        long sentUntil = System.nanoTime();
        done.await(15, TimeUnit.SECONDS);
        double secs = (sentUntil - measuredFrom) / 1e9;
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
                        + " target_rps=%.1f late_sends=%d",
                measured.length, secs, measured.length / secs, pct(measured, 50), pct(measured, 90), pct(measured, 99),
                measured.length == 0 ? 0 : measured[measured.length - 1] / 1e6, mean, non2xx.get(), socketErrors.get(),
                submits.get(), approves.get(), cancels.get(), cancels.get() / secs, followUps.size(), rate, late));
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

    HttpRequest next() {
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
            return get("/api/companies/" + company(ke[0]) + "/requests?employee_id=" + employee(ke[0], ke[1]) + "&limit=20",
                    ke[0], employee(ke[0], ke[1]), "employee").build();
        }
        if (r <= 64) {
            int[] ke = randomEmployee(random);
            return get("/api/companies/" + company(ke[0]) + "/employees/" + employee(ke[0], ke[1]) + "/ledger?limit=20",
                    ke[0], employee(ke[0], ke[1]), "employee").build();
        }
        if (r <= 70) {
            String eid = employee(0, random.nextInt(EMPLOYEES) + 1);
            return get("/api/companies/" + BIG + "/reports/ledger?employee_id=" + eid + "&limit=50", 0, ADMIN, "admin").build();
        }
        if (r <= 73) {
            String eid = employee(0, random.nextInt(EMPLOYEES) + 1);
            return get("/api/companies/" + BIG + "/reports/ledger?employee_id=" + eid, 0, ADMIN, "admin")
                    .setHeader("Accept", "text/csv").build();
        }
        return cycleStep(random);
    }

    HttpRequest balance(ThreadLocalRandom random) {
        int[] ke = randomEmployee(random);
        String eid = employee(ke[0], ke[1]);
        return get("/api/companies/" + company(ke[0]) + "/employees/" + eid + "/balances", ke[0], eid, "employee").build();
    }

    static int[] randomEmployee(ThreadLocalRandom random) {
        if (random.nextInt(100) < 90) {
            return new int[] {0, random.nextInt(EMPLOYEES) + 1};
        }
        return new int[] {random.nextInt(SMALL_COMPANIES) + 1, random.nextInt(10) + 1};
    }

    HttpRequest.Builder get(String path, int k, String user, String role) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).GET()
                .header("X-Company-Id", company(k)).header("X-User-Id", user).header("X-Role", role)
                .header("Accept", "application/json");
    }

    /** The next step of a submit cycle: a pending approve/cancel if one is ready, else a new submit. */
    HttpRequest cycleStep(ThreadLocalRandom random) {
        Step step = followUps.poll();
        if (step != null) {
            String path = url + "/api/companies/" + BIG + "/requests/" + step.requestId() + "/" + step.kind();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").header("X-Company-Id", BIG);
            if (step.kind().equals("approve")) {
                approves.incrementAndGet();
                return b.header("X-User-Id", ADMIN).header("X-Role", "admin").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"bench\"}")).build();
            }
            cancels.incrementAndGet();
            return b.header("X-User-Id", step.employeeId()).header("X-Role", "employee")
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
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
        return HttpRequest.newBuilder(URI.create(url + "/api/companies/" + BIG + "/requests"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .header("Content-Type", "application/json").header("X-Company-Id", BIG).header("X-User-Id", eid)
                .header("X-Role", "employee").POST(HttpRequest.BodyPublishers.ofString(body)).build();
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
