/* The growth record as CSV for Excel, and back: UTF-8 with a BOM, CRLF, headed in the page's language. Rows: the
   headers; the rank and the fields, as at the top of the sheet; the items; the vision; last, the record's
   format (#…), which whoever reads the table need not meet first. A cell Excel would take for a formula (OWASP:
   = + - @, tab or CR first) gets a leading apostrophe, and so does one already starting with apostrophes before
   such a character: the import takes exactly one off, and every value comes back as it was. Nothing here
   touches the page. */

const FORMULA = /^'*[=+\-@\t\r]/;

export function cell(value) {
  let shown = value === null || value === undefined ? "" : String(value);
  if (FORMULA.test(shown)) shown = "'" + shown;
  return /[",\r\n]/.test(shown) ? '"' + shown.replace(/"/g, '""') + '"' : shown;
}

export function unformula(value) {
  return FORMULA.test(value) && value[0] === "'" ? value.slice(1) : value;
}

/* The rows of an exported record (its items carry their names: see export.js), the items in the sheet's order
   as `lines` gives them ({id, orientation, group}: the names the page shows), headed with `words`. */
export function recordRows(record, sheet, lines, words) {
  const rows = [[words("growth_csv_id"), words("orientation"), words("group"), words("item"), words("self_rating"),
                 words("notes_column")]];
  rows.push(["rank:" + sheet.rank, "", "", words("rank"), "", record.rank_name]);
  rows.push(["field:section", "", "", words("section_field"), "", record.fields.section]);
  rows.push(["field:name", "", "", words("name_field"), "", record.fields.name]);
  rows.push(["field:date", "", "", words("date_field"), "", record.fields.date]);
  lines.forEach((line) => {
    const item = record.items[line.id];
    rows.push([line.id, line.orientation, line.group, item.name, item.rating === null ? "" : String(item.rating),
               item.note]);
  });
  sheet.vision.forEach((name) => {
    rows.push(["vision:" + name, "", "", words("growth_vision_" + name), "", record.vision[name]]);
  });
  rows.push(["#schema", "", "", "", "", record.schema]);
  rows.push(["#version", "", "", "", "", String(record.version)]);
  rows.push(["#revision", "", "", record.revision_text, "", record.revision]);
  return rows;
}

/* Rows → the file's text, BOM first. */
export function toCsv(rows) {
  return "\ufeff" + rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/* CSV text → its rows, and whether it ends where a row ends (every export does, with CRLF; a file cut short
   ends inside its last row, maybe inside a quoted note). */
export function parseCsv(source) {
  const rows = [];
  let row = [], value = "", quoted = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') { value += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"' && value === "") quoted = true;
    else if (c === ",") { row.push(value); value = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i += 1;
      row.push(value); rows.push(row); row = []; value = "";
    } else value += c;
  }
  if (value !== "" || row.length) { row.push(value); rows.push(row); }
  return { rows, complete: !quoted && /[\r\n]$/.test(source) };
}

/* Our own CSV back into a record's shape (import.js adopt() then checks it like a JSON file): this layout or the
   first one (the #… rows and #rank at the top, "ID" as the first header), from a page in either language. The
   first row is the headers. Cells Excel left off the end of a row are empty; a row the file lacks (a last row
   cut short is one) stays out. A file cut before its last rows (#…) is read as one of this sheet's format and
   revision when its rank's row follows the headers, as this format has it. Null when it is no growth record's
   CSV. */
export function fromCsv(source, sheet) {
  const parsed = parseCsv(source);
  const rows = parsed.rows;
  if (!parsed.complete) rows.pop();
  if (!rows.length) return null;
  const data = { items: {}, fields: {}, vision: {} };
  rows.slice(1).forEach((row) => {
    const id = (row[0] || "").trim();
    const value = unformula(row[5] || "");
    if (id === "#schema") data.schema = value.trim();
    else if (id === "#version") data.version = /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
    else if (id === "#revision") { data.revision = value.trim(); data.revision_text = unformula(row[3] || ""); }
    else if (id === "#rank") data.rank = value.trim();
    else if (id.startsWith("rank:")) data.rank = id.slice(5);
    else if (id.startsWith("field:")) data.fields[id.slice(6)] = value;
    else if (id.startsWith("vision:")) data.vision[id.slice(7)] = value;
    else if (id && id[0] !== "#") data.items[id] = { name: unformula(row[3] || "") || id, rating: (row[4] || "").trim(), note: value };
  });
  if (data.schema === undefined) {
    if (rows.length < 2 || rows[0].length !== 6 || !(rows[1][0] || "").trim().startsWith("rank:")) return null;
    data.schema = sheet.schema;
    data.version = sheet.version;
    data.revision = sheet.revision;
  }
  return data;
}
