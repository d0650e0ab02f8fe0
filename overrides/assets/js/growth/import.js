/* Taking a record in, from a file or from this browser's storage: the checks, and the merge over the current
   record. Nothing here touches the page. */
import { fromCsv } from "./csv.js";
import { FIELDS, emptyRecord } from "./record.js";

const LONGEST = 20000;  // characters of one text kept

function text(value) {
  return typeof value === "string" ? value.slice(0, LONGEST) : "";
}

function has(object, name) {
  return Boolean(object) && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, name);
}

/* A parsed file or stored value → {record, missing, dropped: [item names], revision, revisionText} or
   {error: message key, rank}. Only a record of this handbook's format and of this rank is taken; its entries are
   mapped to this sheet by id. What it does not carry is blank in the record and listed in missing ({fields,
   vision, items}: names and ids), so that an import can keep the current values for those instead. */
export function adopt(data, sheet) {
  if (!data || typeof data !== "object" || Array.isArray(data) || data.schema !== sheet.schema) {
    return { error: "growth_import_not_record" };
  }
  if (!Number.isInteger(data.version) || data.version < 1) return { error: "growth_import_not_record" };
  if (data.version > sheet.version) return { error: "growth_import_newer" };
  if (typeof data.rank !== "string" || typeof data.revision !== "string") return { error: "growth_import_not_record" };
  if (data.rank !== sheet.rank) return { error: "growth_import_other_rank", rank: data.rank };
  const items = data.items || {};
  if (typeof items !== "object" || Array.isArray(items)) return { error: "growth_import_not_record" };
  const record = emptyRecord(sheet);
  const dropped = [];
  const missing = { fields: [], vision: [], items: [] };
  FIELDS.forEach((name) => {
    if (has(data.fields, name)) record.fields[name] = text(data.fields[name]); else missing.fields.push(name);
  });
  sheet.vision.forEach((name) => {
    if (has(data.vision, name)) record.vision[name] = text(data.vision[name]); else missing.vision.push(name);
  });
  sheet.items.forEach((id) => {
    if (!has(items[id], "rating") || !has(items[id], "note")) missing.items.push(id);
  });
  let malformed = false;
  Object.keys(items).forEach((id) => {
    const entry = items[id];
    if (!entry || typeof entry !== "object") { malformed = true; return; }
    let rating = entry.rating === "" || entry.rating === undefined ? null : entry.rating;
    if (typeof rating === "string" && /^[1-5]$/.test(rating.trim())) rating = Number(rating);
    if (rating !== null && ![1, 2, 3, 4, 5].includes(rating)) { malformed = true; return; }
    const note = text(entry.note);
    if (!sheet.items.includes(id)) {
      if (rating !== null || note) dropped.push(typeof entry.name === "string" && entry.name ? entry.name : id);
      return;
    }
    record.items[id] = {};  // only what the entry carries (see merged)
    if (has(entry, "rating")) record.items[id].rating = rating;
    if (has(entry, "note")) record.items[id].note = note;
  });
  if (malformed) return { error: "growth_import_not_record" };
  const revisionText = typeof data.revision_text === "string" && data.revision_text ? data.revision_text : data.revision;
  return { record, missing, dropped, revision: data.revision, revisionText };
}

/* The adopted record over the current one: each field, answer, rating and note the file carries replaces the
   current one; the rest stay. */
export function merged(base, found, sheet) {
  const record = emptyRecord(sheet);
  const file = found.record;
  FIELDS.forEach((name) => {
    record.fields[name] = found.missing.fields.includes(name) ? base.fields[name] || "" : file.fields[name];
  });
  sheet.vision.forEach((name) => {
    record.vision[name] = found.missing.vision.includes(name) ? base.vision[name] || "" : file.vision[name];
  });
  sheet.items.forEach((id) => {
    const mine = base.items[id] || { rating: null, note: "" };
    const theirs = file.items[id] || {};
    const entry = {
      rating: theirs.rating !== undefined ? theirs.rating : mine.rating,
      note: theirs.note !== undefined ? theirs.note : mine.note,
    };
    if (entry.rating !== null || entry.note) record.items[id] = entry;
  });
  return record;
}

/* A file's bytes as text: UTF-8 (ours, with or without the BOM; one cut inside a character at its end reads too,
   its last row then being incomplete) or Shift_JIS (a CSV saved again by Excel on a Japanese PC). */
export function decode(buffer) {
  const bytes = new Uint8Array(buffer);
  for (let cut = 0; cut < 4 && cut <= bytes.length; cut += 1) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // not UTF-8, or a character cut at the end: once more without the last byte
    }
  }
  return new TextDecoder("shift_jis").decode(bytes);
}

/* A file's text → what it holds (for adopt): JSON, or our CSV; null when it is neither. */
export function parseFile(source, sheet) {
  const body = source.replace(/^\ufeff/, "");
  if (/^\s*\{/.test(body)) {
    try {
      return JSON.parse(body);
    } catch {
      return null;
    }
  }
  return fromCsv(body, sheet);
}
