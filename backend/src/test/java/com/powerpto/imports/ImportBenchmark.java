package com.powerpto.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import benchmark (bench/import/run.sh; not part of the test suite: the class name matches
 * none of surefire's includes). A 5,000-row employee file over real HTTP: dry run, real run, and the
 * same file again. Every row's manager comes later in the file (the worst order), 50 departments.
 */
class ImportBenchmark extends ApiTest {

    @Test
    void aFiveThousandRowFileImportsInUnderTenSeconds() throws Exception {
        int rows = Integer.getInteger("bench.rows", 5000);
        World world = fixtures.newWorld();
        StringBuilder csv = new StringBuilder(EmployeeImportApiTest.HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            // Employee i reports to employee (i / 10 + 1) * 10 + i % 10 + ... : a later row, or nobody at the end.
            int manager = i + 10 < rows ? i + 10 : -1;
            csv.append("person").append(i).append("@bench.test,First").append(i).append(",Last").append(i).append(',')
                    .append(manager < 0 ? "" : "person" + manager + "@bench.test").append(",Europe/Paris,2024-01-")
                    .append(String.format("%02d", i % 28 + 1)).append(",MON TUE WED THU FRI,480,SALARY,employee,Dept")
                    .append(i % 50).append(",Site").append(i % 7).append('\n');
        }
        String file = csv.toString();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rows", rows);
        figures.put("bytes", file.length());

        long start = System.nanoTime();
        JsonNode dry = world.asAdmin().send("POST", world.base() + "/imports/employees?dry_run=true", file, "text/csv").expectJson(200);
        figures.put("dry_run_seconds", seconds(start));
        assertThat(dry.path("errors").size()).isZero();

        start = System.nanoTime();
        JsonNode real = world.asAdmin().send("POST", world.base() + "/imports/employees", file, "text/csv").expectJson(200);
        double realSeconds = seconds(start);
        figures.put("real_run_seconds", realSeconds);
        figures.put("created", real.path("created").asInt());

        start = System.nanoTime();
        JsonNode again = world.asAdmin().send("POST", world.base() + "/imports/employees", file, "text/csv").expectJson(200);
        figures.put("reimport_seconds", seconds(start));
        figures.put("reimport_unchanged", again.path("unchanged").asInt());

        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        System.out.print(out);
        String target = System.getProperty("bench.out");
        if (target != null) {
            Files.writeString(Path.of(target), out);
        }
        assertThat(real.path("created").asInt()).isEqualTo(rows);
        assertThat(again.path("unchanged").asInt()).isEqualTo(rows);
        assertThat(realSeconds).isLessThan(10.0);
    }

    private static double seconds(long start) {
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }
}
