import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { CsvParser, csvCell, csvRecord, guardFormula, parseCsv, unguardFormula, type CsvItem } from "./csv.ts";

function rows(items: readonly CsvItem[]): string[][] {
  return items.map((item) => (item.kind === "row" ? item.fields : [`ERROR@${item.line}: ${item.message}`]));
}

describe("CsvParser (RFC 4180)", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks, and names each record's first line", () => {
    const items = parseCsv('id,notes\r\n1,"a, ""quoted""\r\nline"\r\n2,plain\r\n');
    assert.deepEqual(rows(items), [
      ["id", "notes"],
      ["1", 'a, "quoted"\r\nline'],
      ["2", "plain"],
    ]);
    assert.deepEqual(
      items.map((item) => item.line),
      [1, 2, 4],
    );
  });

  it("drops a byte-order mark, reads LF and CRLF alike, keeps empty fields and skips blank lines", () => {
    assert.deepEqual(rows(parseCsv("\uFEFFa,b,c\n1,,3\r\n\n4,5,\n")), [
      ["a", "b", "c"],
      ["1", "", "3"],
      ["4", "5", ""],
    ]);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    const text = '\uFEFFh1,h2\r\n"x\r\ny",""""\r\nlast,"q"';
    const whole = rows(parseCsv(text));
    for (const size of [1, 2, 3, 5, 7]) {
      const parser = new CsvParser();
      const items: CsvItem[] = [];
      for (let index = 0; index < text.length; index += size) items.push(...parser.push(text.slice(index, index + size)));
      items.push(...parser.end());
      assert.deepEqual(rows(items), whole, `chunks of ${size}`);
    }
  });

  it("cuts each field at its own delimiter when lines have different numbers of them", () => {
    // Lines without a delimiter, lines with several, a quoted field over two lines followed by
    // unquoted ones, and a delimiter on the next line only: each field ends at its own line.
    const text = 'single\nx,y,z\n"two\nlines",a,b\nlast\n,\ntail,1';
    const expected = [["single"], ["x", "y", "z"], ["two\nlines", "a", "b"], ["last"], ["", ""], ["tail", "1"]];
    assert.deepEqual(rows(parseCsv(text)), expected);
    for (const size of [1, 2, 4, 9]) {
      const parser = new CsvParser();
      const items: CsvItem[] = [];
      for (let index = 0; index < text.length; index += size) items.push(...parser.push(text.slice(index, index + size)));
      items.push(...parser.end());
      assert.deepEqual(rows(items), expected, `chunks of ${size}`);
    }
    assert.deepEqual(
      parseCsv('a\nb\n"c\nd"\ne,f\n').map((item) => item.line),
      [1, 2, 3, 5],
    );
  });

  it("reports a bad record with its line and reads on", () => {
    const items = parseCsv('a,b\n"x"y,1\n2,3\n"open,4\n');
    assert.deepEqual(rows(items), [
      ["a", "b"],
      ["ERROR@2: text follows a closing quote"],
      ["2", "3"],
      ["ERROR@4: a quoted field is not closed before the end of the file"],
    ]);
  });

  it("reports a record over the length limit and resumes at the next line", () => {
    const parser = new CsvParser({ maxRecordLength: 10 });
    const items = [...parser.push("ok,1\n"), ...parser.push('"' + "x".repeat(30)), ...parser.push("\nnext,2\n"), ...parser.end()];
    assert.deepEqual(rows(items), [["ok", "1"], ["ERROR@2: record is longer than 10 characters"], ["next", "2"]]);
    assert.deepEqual(rows(parseCsv("a,b\n" + "x".repeat(20) + ",y\nc,d\n", { maxRecordLength: 10 })), [
      ["a", "b"],
      ["ERROR@2: record is longer than 10 characters"],
      ["c", "d"],
    ]);
  });

  it("reads tab-separated files without quoting (GDELT)", () => {
    assert.deepEqual(rows(parseCsv('1\t"Mosul"\tx\n', { delimiter: "\t", quoted: false })), [["1", '"Mosul"', "x"]]);
  });
});

describe("formula injection guard (ASVS 5.0 V1.2.10, CWE-1236)", () => {
  it("prefixes every cell that starts with = + - @ tab, CR or NUL with an apostrophe", () => {
    for (const dangerous of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "\0x"]) {
      assert.equal(guardFormula(dangerous), `'${dangerous}`);
      assert.ok(csvCell(dangerous).replace(/^"/, "").startsWith("'"), JSON.stringify(dangerous));
    }
  });

  it("leaves plain numbers and ordinary text alone", () => {
    for (const safe of ["-33.5", "42", "Islamic State", "'quoted'", ""]) assert.equal(guardFormula(safe), safe);
  });

  it("is undone exactly by unguardFormula, also for text that starts with apostrophes", () => {
    for (const text of ["=1+1", "'=1+1", "''@x", "'plain", "-x", "plain", "-4.5"]) {
      assert.equal(unguardFormula(guardFormula(text)), text);
    }
  });

  it("quotes and guards in one record that the parser reads back", () => {
    const record = csvRecord(["=cmd|' /C calc'!A0", 'say "hi", then\nleave', -12.5, null]);
    assert.equal(record, `'=cmd|' /C calc'!A0,"say ""hi"", then\nleave",-12.5,\r\n`);
    const [item] = parseCsv(record);
    assert.ok(item?.kind === "row");
    assert.deepEqual(item.fields.map(unguardFormula), ["=cmd|' /C calc'!A0", 'say "hi", then\nleave', "-12.5", ""]);
  });
});
