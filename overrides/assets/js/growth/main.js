/* The growth record of a rank's self-check sheet (handbook/templates/self_check.md.j2, handbook/growth.py): the
   entry module of the sheet's page.

   A staff member rates each item 1–5, writes a note per item, fills in the fields and answers the career
   vision's questions. Everything is kept in this browser only (storage.js) and nothing is sent anywhere: this
   script makes no request. The record is exported as a file (JSON, or CSV with a BOM for Excel: export.js,
   csv.js) and imported back (import.js); an import that is not a record of this rank and format is refused,
   one from another revision is mapped by item id, and the current record is never replaced without asking. An
   import takes only what the file carries: whatever it lacks (a cut-off CSV, a JSON without its vision) keeps
   its current value and is named; the record as it was before the import is kept for one "undo import"
   button. Without this script the page is the blank printable sheet. */
import { moduleWords } from "../words.js";
import { summaryChart } from "./chart.js";
import { exportCsv, exportJson } from "./export.js";
import { edit, itemLabel, itemName, lines, messenger, show, toggle } from "./form.js";
import { adopt, decode, merged, parseFile } from "./import.js";
import { content, emptyRecord, isEmpty, ratedCount, sheetOf } from "./record.js";
import * as storage from "./storage.js";

const words = moduleWords(import.meta.url);
const root = document.querySelector("[data-growth]");
const sheet = sheetOf(root);
const savedLine = root.querySelector("[data-growth-saved]");
const undoButton = root.querySelector("[data-growth-undo]");
const picker = root.querySelector("[data-growth-import]");
const summary = document.querySelector("[data-growth-summary]");
const visionSection = document.querySelector("[data-growth-vision-section]");
const say = messenger(root.querySelector("[data-growth-status]"), root.querySelector("[data-growth-alert]"));

let current = emptyRecord(sheet);
// {before: the record kept before the last import, as stored (null: none), after: content() of its result}
let undo = null;
const chart = summaryChart(summary, words, () => current);

function markVision() {
  toggle(visionSection, "data-filled", sheet.vision.some((name) => (current.vision[name] || "").trim()));
}

function display() {
  show(current);
  chart.update();
  markVision();
}

function save() {
  try {
    storage.save(sheet, current);
  } catch {
    say(words("growth_save_failed"), true);
    return;
  }
  const time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
  savedLine.textContent = isEmpty(current, sheet) ? "" : words("growth_saved", { time });
}

function onEdit(event) {
  const changed = edit(event.target, current);
  if (!changed) return;
  if (changed === "rating") chart.updateSoon();
  if (changed === "vision") markVision();
  save();
}

/* What an import kept because the file lacks it, in words: the items', the vision answers' and the fields'
   names. Empty when the file had everything. */
function lacking(missing) {
  const quoted = (name) => words("growth_import_missing_name", { name });
  const parts = [];
  if (missing.items.length) {
    const items = missing.items.map((id) => quoted(itemLabel(id, sheet, words))).join(words("sep_list"));
    parts.push(words("growth_import_missing_items", { items }));
  }
  if (missing.vision.length) {
    const answers = missing.vision.map((name) => quoted(words("growth_vision_" + name))).join(words("sep_list"));
    parts.push(words("growth_import_missing_vision", { answers }));
  }
  const fields = { section: words("section_field"), name: words("name_field"), date: words("date_field") };
  if (missing.fields.length) parts.push(missing.fields.map((name) => fields[name]).join(words("sep_list")));
  return parts.join(words("sep_lists"));
}

function refuse(found) {
  const other = found.rank && sheet.ranks[found.rank];
  if (found.error === "growth_import_other_rank" && other) {
    say(words(found.error, { rank: other.name }), true, { href: other.href, text: other.name });
  } else {
    say(words(found.error === "growth_import_other_rank" ? "growth_import_not_record" : found.error), true);
  }
}

async function importFile(file) {
  let found;
  try {
    found = adopt(parseFile(decode(await file.arrayBuffer()), sheet), sheet);
  } catch {
    found = { error: "growth_import_not_record" };
  }
  if (found.error) {
    refuse(found);
    return;
  }
  if (!isEmpty(current, sheet) && !window.confirm(words("growth_import_confirm"))) {
    say(words("growth_import_cancelled"));
    return;
  }
  const before = storage.kept(sheet, current);
  current = merged(current, found, sheet);
  display();
  save();
  undo = { before, after: content(current, sheet) };
  storage.saveUndo(sheet, undo);
  undoButton.hidden = false;
  const message = [words("growth_imported", { rated: ratedCount(current, sheet) })];
  if (found.revision !== sheet.revision) message.push(words("growth_import_revision", { revision: found.revisionText }));
  if (found.dropped.length) message.push(words("growth_import_dropped", { items: found.dropped.join(words("sep_list")) }));
  const kept = lacking(found.missing);
  if (kept) message.push(words("growth_import_missing", { entries: kept }));
  message.push(words("growth_undo_hint"));
  say(message.join(words("sep_sentence")));
}

function forgetUndo() {
  undo = null;
  storage.forgetUndo(sheet);
  undoButton.hidden = true;
}

function loadUndo() {
  undo = storage.loadUndo(sheet);
  undoButton.hidden = !undo;
}

function undoImport() {
  if (!undo) return;
  if (content(current, sheet) !== undo.after && !window.confirm(words("growth_undo_confirm"))) return;
  current = storage.restore(sheet, undo.before);
  forgetUndo();
  display();
  savedLine.textContent = "";
  say(words("growth_undone"));
  picker.focus();  // the button is gone: the keyboard goes on from the import beside it
}

function clear() {
  if (!window.confirm(words("growth_clear_confirm"))) return;
  current = emptyRecord(sheet);
  display();
  save();
  forgetUndo();  // nothing of the record stays in this browser
  say(words("growth_cleared"));
}

root.hidden = false;
summary.hidden = false;
visionSection.hidden = false;
const loaded = storage.load(sheet);
current = loaded.record;
display();
if (loaded.dropped.length) say(words("growth_stored_dropped", { items: loaded.dropped.join(words("sep_list")) }));
if (loaded.unreadable) say(words("growth_stored_unreadable"), true);
document.addEventListener("input", onEdit);
document.addEventListener("change", onEdit);
root.querySelector("[data-growth-export]").addEventListener("click", () => {
  say(words("growth_exported", { file: exportJson(current, sheet, words, itemName) }));
});
root.querySelector("[data-growth-export-csv]").addEventListener("click", () => {
  say(words("growth_exported", { file: exportCsv(current, sheet, words, itemName, lines(words)) }));
});
root.querySelector("[data-growth-clear]").addEventListener("click", clear);
undoButton.addEventListener("click", undoImport);
loadUndo();
picker.addEventListener("change", () => {
  if (picker.files && picker.files[0]) importFile(picker.files[0]);
  picker.value = "";
});
// Another tab of this browser changed the record: show it here too.
window.addEventListener("storage", (event) => {
  if (event.key === storage.keys(sheet).undo) loadUndo();
  if (event.key !== storage.keys(sheet).record) return;
  current = storage.load(sheet).record;
  display();
});
