package com.powerpto.imports;

import com.powerpto.platform.web.ApiException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CSV upload read strictly (Apache Commons CSV, RFC 4180): UTF-8 only (a byte-order mark is
 * skipped), a header row, at most {@link #MAX_ROWS} data rows. A file that cannot be read at all
 * is a 4xx at once; problems of single cells (a line break inside a quoted cell, a cell a
 * spreadsheet would run as a formula, a missing or unknown column) become row errors, reported
 * all together. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
final class CsvTable {

    static final int MAX_ROWS = 10_000;

    /** One data row: its spreadsheet row number and its cells by (lower-case) column name. */
    record Row(int number, Map<String, String> cells) {

        /** The cell as stored ({@link CellText#stored}: trimmed), or "" when the column is absent or the cell empty. */
        String get(String column) {
            return CellText.stored(cells.get(column));
        }
    }

    private final List<String> columns;
    private final List<Row> rows;
    private final List<ImportReport.Problem> problems;

    private CsvTable(List<String> columns, List<Row> rows, List<ImportReport.Problem> problems) {
        this.columns = columns;
        this.rows = rows;
        this.problems = problems;
    }

    List<String> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }

    /** Problems found while reading (cells, columns); the importer adds its own. */
    List<ImportReport.Problem> problems() {
        return problems;
    }

    /**
     * Reads the upload. {@code required} columns must all be there, {@code optional} ones may be;
     * any other column is a problem (a typo would otherwise be ignored silently).
     */
    static CsvTable read(byte[] body, List<String> required, List<String> optional) {
        String text = utf8(body);
        List<ImportReport.Problem> problems = new ArrayList<>();
        List<CSVRecord> records = records(text);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw ApiException.invalid("file", "is empty: the first row must be the header ("
                    + String.join(", ", required) + ")");
        }
        List<String> columns = header(records.get(0), required, optional, problems);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            CSVRecord record = records.get(i);
            int number = i + 1;
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // an empty line
            }
            if (record.size() != columns.size()) {
                problems.add(ImportReport.Problem.of(number, null, "row_cell_count",
                        "has " + record.size() + " cells; the header has " + columns.size(),
                        Map.of("cells", record.size(), "expected", columns.size())));
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(record.size(), columns.size()); c++) {
                String value = record.get(c);
                checkCell(number, columns.get(c), value, problems);
                cells.put(columns.get(c), value);
            }
            rows.add(new Row(number, cells));
        }
        if (rows.isEmpty()) {
            throw ApiException.invalid("file", "has a header but no rows");
        }
        return new CsvTable(columns, rows, problems);
    }

    private static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.invalid("file", "is empty: send the CSV file as the request body (Content-Type: text/csv)");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            if (text.indexOf('\u0000') >= 0) {
                throw ApiException.invalid("file", "contains NUL characters: it is not a text CSV file");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("file", "is not UTF-8 text: save it as \"CSV UTF-8\" and upload it again");
        }
    }

    private static List<CSVRecord> records(String text) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        List<CSVRecord> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (records.size() > MAX_ROWS) {
                    throw ApiException.invalid("file", "has more than " + MAX_ROWS + " rows; split it into smaller files");
                }
                records.add(record);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.invalid("file", "is not valid CSV near line " + lineOf(e) + ": check the quotes");
        }
        return records;
    }

    private static String lineOf(Exception e) {
        var matcher = Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static List<String> header(CSVRecord header, List<String> required, List<String> optional,
                                       List<ImportReport.Problem> problems) {
        List<String> columns = new ArrayList<>();
        for (String name : header) {
            String column = name.trim().toLowerCase(Locale.ROOT);
            if (columns.contains(column)) {
                problems.add(ImportReport.Problem.of(1, column, "header_duplicate_column", "appears twice in the header"));
            } else if (!required.contains(column) && !optional.contains(column)) {
                problems.add(ImportReport.Problem.of(1, column.isEmpty() ? null : column, "header_unknown_column",
                        "unknown column \"" + name.trim() + "\"; expected " + String.join(", ", required)
                                + (optional.isEmpty() ? "" : " and optionally " + String.join(", ", optional)),
                        Map.of("name", name.trim(), "required", String.join(", ", required),
                                "optional", String.join(", ", optional))));
            }
            columns.add(column);
        }
        for (String column : required) {
            if (!columns.contains(column)) {
                problems.add(ImportReport.Problem.of(1, column, "header_missing_column", "missing column"));
            }
        }
        return columns;
    }

    private static void checkCell(int row, String column, String value, List<ImportReport.Problem> problems) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            problems.add(ImportReport.Problem.of(row, column, "cell_line_break", "contains a line break; every row must be on one line"));
        } else {
            CellText.formulaProblem(value).ifPresent(problem -> problems.add(ImportReport.Problem.of(row, column, "cell_formula",
                    problem, Map.of("character", String.valueOf(CellText.stored(value).charAt(0))))));
        }
    }
}
