/* The record kept in this browser only (localStorage, one record per rank, shared by both languages); nothing is
   sent anywhere. Beside it: a copy of a record this page could not take whole (":previous") and what one "undo
   import" needs (":undo"). A browser that keeps nothing (storage off or full) still shows the record. */
import { adopt, merged } from "./import.js";
import { emptyRecord, isEmpty } from "./record.js";

export function keys(sheet) {
  const record = "kumamoto-growth-record:" + sheet.rank;
  return { record, previous: record + ":previous", undo: record + ":undo" };
}

function parsed(text) {  // null for what is no JSON
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/* The record kept here → {record, dropped: [item names], unreadable}. One it cannot read (a newer format) or that
   has entries this sheet no longer shows (an older revision) is first copied aside, so that editing loses
   nothing. */
export function load(sheet) {
  const raw = read(keys(sheet).record);
  if (!raw) return { record: emptyRecord(sheet), dropped: [] };
  const found = adopt(parsed(raw), sheet);
  if (found.error || found.dropped.length) {
    try {
      if (!window.localStorage.getItem(keys(sheet).previous)) window.localStorage.setItem(keys(sheet).previous, raw);
    } catch {
      // the record is shown all the same
    }
  }
  if (found.error) return { record: emptyRecord(sheet), dropped: [], unreadable: true };
  return { record: merged(emptyRecord(sheet), found, sheet), dropped: found.dropped };
}

/* Keeps the record (an empty one is removed); throws when this browser cannot keep it. */
export function save(sheet, record) {
  record.saved = new Date().toISOString();
  if (isEmpty(record, sheet)) window.localStorage.removeItem(keys(sheet).record);
  else window.localStorage.setItem(keys(sheet).record, JSON.stringify(record));
}

/* The record as this browser keeps it, as text (null: none); the page's own when it cannot keep one. */
export function kept(sheet, record) {
  try {
    return window.localStorage.getItem(keys(sheet).record);
  } catch {
    return isEmpty(record, sheet) ? null : JSON.stringify(record);
  }
}

/* The record put back exactly as it was kept (kept()'s text), and read again. */
export function restore(sheet, text) {
  try {
    if (text === null) window.localStorage.removeItem(keys(sheet).record);
    else window.localStorage.setItem(keys(sheet).record, text);
    return load(sheet).record;
  } catch {  // this browser keeps nothing: the page's copy
    const found = adopt(parsed(text), sheet);
    return found.error ? emptyRecord(sheet) : merged(emptyRecord(sheet), found, sheet);
  }
}

/* What undoing the last import needs: {before: kept() before it, after: content() of its result}, or null. */
export function loadUndo(sheet) {
  const found = parsed(read(keys(sheet).undo));
  const usable = Boolean(found) && typeof found === "object" && typeof found.after === "string" &&
    (found.before === null || typeof found.before === "string");
  return usable ? found : null;
}

export function saveUndo(sheet, undo) {
  try {
    window.localStorage.setItem(keys(sheet).undo, JSON.stringify(undo));
  } catch {
    // kept for this page only
  }
}

export function forgetUndo(sheet) {
  try {
    window.localStorage.removeItem(keys(sheet).undo);
  } catch {
    // nothing kept
  }
}
