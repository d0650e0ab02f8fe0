/* The record written to a file the browser downloads: JSON (the record, each item with its name) or CSV for
   Excel (csv.js). The file is made here, in the browser: nothing is sent anywhere. */
import { recordRows, toCsv } from "./csv.js";

/* The record as a file holds it: the revision's and rank's names for people, every item of the sheet named. */
export function exported(record, sheet, itemName, now = new Date()) {
  const copy = JSON.parse(JSON.stringify(record));
  copy.revision_text = sheet.revisionText;
  copy.exported = now.toISOString();
  copy.rank_name = sheet.ranks[sheet.rank] ? sheet.ranks[sheet.rank].name : sheet.rank;
  sheet.items.forEach((id) => {
    const item = copy.items[id] || { rating: null, note: "" };
    copy.items[id] = { name: itemName(id), rating: item.rating || null, note: item.note || "" };
  });
  return copy;
}

// 成長記録_主事級_2026-12-06.csv, growth-record_staff-level_2026-12-06.csv: the rank as staff know it
export function fileName(sheet, words, extension, now = new Date()) {
  const rank = (sheet.ranks[sheet.rank] ? sheet.ranks[sheet.rank].name : sheet.rank)
    .replace(/[\\/:*?"<>|\s]+/g, "-").toLowerCase();
  const two = (n) => String(n).padStart(2, "0");
  const today = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return `${words("growth_file_name")}_${rank}_${today}.${extension}`;
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/* Each downloads the file and returns its name. */
export function exportJson(record, sheet, words, itemName) {
  const name = fileName(sheet, words, "json");
  download(name, "application/json", JSON.stringify(exported(record, sheet, itemName), null, 2) + "\n");
  return name;
}

export function exportCsv(record, sheet, words, itemName, lines) {
  const name = fileName(sheet, words, "csv");
  download(name, "text/csv;charset=utf-8", toCsv(recordRows(exported(record, sheet, itemName), sheet, lines, words)));
  return name;
}
