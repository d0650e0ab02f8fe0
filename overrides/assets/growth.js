/* The growth record of a rank's self-check sheet (handbook/templates/self_check.md.j2, handbook/growth.py).

   A staff member rates each item 1–5, writes a note per item, fills in the fields and answers the career
   vision's questions. Everything is kept in this browser only (localStorage, one record per rank, shared by
   both languages) and nothing is sent anywhere: this script makes no request. The record is exported as a
   file (JSON, or CSV with a BOM for Excel) and imported back; an import that is not a record of this rank
   and format is refused, one from another revision is mapped by item id, and the current record is never
   replaced without asking. Without this script the page is the blank printable sheet. */
(function () {
  "use strict";

  var root = document.querySelector("[data-growth]");
  if (!root) return;

  var SCHEMA = root.dataset.schema;
  var VERSION = Number(root.dataset.version);
  var REVISION = root.dataset.revision;  // the same in both languages (handbook.growth.record_revision)
  var REVISION_TEXT = root.dataset.revisionText;
  var RANK = root.dataset.rank;
  var ITEMS = root.dataset.items.split(/\s+/).filter(Boolean);
  var VISION = root.dataset.vision.split(/\s+/).filter(Boolean);
  var FIELDS = ["section", "name", "date"];
  var RANKS = JSON.parse(root.dataset.ranks);
  var WORDS = JSON.parse(root.dataset.messages);
  var KEY = "kumamoto-growth-record:" + RANK;
  var english = document.documentElement.lang === "en";

  var statusBox = root.querySelector("[data-growth-status]");
  var alertBox = root.querySelector("[data-growth-alert]");
  var savedLine = root.querySelector("[data-growth-saved]");
  var summary = document.querySelector("[data-growth-summary]");
  var visionSection = document.querySelector("[data-growth-vision-section]");

  function words(key, values) {
    return (WORDS[key] || key).replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function itemName(id) {
    var cell = document.getElementById(id + "-name");
    return cell ? cell.textContent.trim() : id;
  }

  /* ---------- The record ---------- */

  function emptyRecord() {
    var record = { schema: SCHEMA, version: VERSION, revision: REVISION, rank: RANK, fields: {}, items: {}, vision: {} };
    FIELDS.forEach(function (name) { record.fields[name] = ""; });
    VISION.forEach(function (name) { record.vision[name] = ""; });
    return record;
  }

  function isEmpty(record) {
    var values = [];
    FIELDS.forEach(function (name) { values.push(record.fields[name]); });
    VISION.forEach(function (name) { values.push(record.vision[name]); });
    Object.keys(record.items).forEach(function (id) { values.push(record.items[id].rating, record.items[id].note); });
    return values.every(function (value) { return value === "" || value === null || value === undefined; });
  }

  function text(value) {
    return typeof value === "string" ? value.slice(0, 20000) : "";
  }

  /* A parsed file or stored value → {record, dropped: [item names], revision} or {error: message key}. Only a
     record of this handbook's format and of this rank is taken; its entries are mapped to this sheet by id. */
  function adopt(data) {
    if (!data || typeof data !== "object" || Array.isArray(data) || data.schema !== SCHEMA) {
      return { error: "growth_import_not_record" };
    }
    if (typeof data.version !== "number" || data.version < 1 || Math.floor(data.version) !== data.version) {
      return { error: "growth_import_not_record" };
    }
    if (data.version > VERSION) return { error: "growth_import_newer" };
    if (typeof data.rank !== "string" || typeof data.revision !== "string") return { error: "growth_import_not_record" };
    if (data.rank !== RANK) return { error: "growth_import_other_rank", rank: data.rank };
    var items = data.items || {};
    if (typeof items !== "object" || Array.isArray(items)) return { error: "growth_import_not_record" };
    var record = emptyRecord();
    var dropped = [];
    var fields = data.fields && typeof data.fields === "object" ? data.fields : {};
    var vision = data.vision && typeof data.vision === "object" ? data.vision : {};
    FIELDS.forEach(function (name) { record.fields[name] = text(fields[name]); });
    VISION.forEach(function (name) { record.vision[name] = text(vision[name]); });
    var malformed = false;
    Object.keys(items).forEach(function (id) {
      var entry = items[id];
      if (!entry || typeof entry !== "object") { malformed = true; return; }
      var rating = entry.rating === "" || entry.rating === undefined ? null : entry.rating;
      if (typeof rating === "string" && /^[1-5]$/.test(rating.trim())) rating = Number(rating);
      if (rating !== null && [1, 2, 3, 4, 5].indexOf(rating) < 0) { malformed = true; return; }
      var note = text(entry.note);
      if (ITEMS.indexOf(id) < 0) {
        if (rating !== null || note) dropped.push(typeof entry.name === "string" && entry.name ? entry.name : id);
        return;
      }
      record.items[id] = { rating: rating, note: note };
    });
    if (malformed) return { error: "growth_import_not_record" };
    return { record: record, dropped: dropped, revision: data.revision,
             revisionText: typeof data.revision_text === "string" && data.revision_text ? data.revision_text : data.revision };
  }

  var current = emptyRecord();

  /* The record kept in this browser. One it cannot read (a newer format) or that has entries this sheet no
     longer shows (an older revision) is first copied aside (KEY + ":previous"), so that editing loses nothing. */
  function load() {
    var raw = null;
    try { raw = window.localStorage.getItem(KEY); } catch (error) { raw = null; }
    if (!raw) return { record: emptyRecord(), dropped: [] };
    var found;
    try { found = adopt(JSON.parse(raw)); } catch (error) { found = { error: "growth_import_not_record" }; }
    if (found.error || found.dropped.length) {
      try {
        if (!window.localStorage.getItem(KEY + ":previous")) window.localStorage.setItem(KEY + ":previous", raw);
      } catch (error) { /* the record is shown all the same */ }
    }
    return found.error ? { record: emptyRecord(), dropped: [], unreadable: true } : found;
  }

  function save() {
    current.saved = new Date().toISOString();
    try {
      if (isEmpty(current)) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, JSON.stringify(current));
      }
      var time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" });
      savedLine.textContent = isEmpty(current) ? "" : words("growth_saved", { time: time });
      return true;
    } catch (error) {
      say(words("growth_save_failed"), true);
      return false;
    }
  }

  /* ---------- The page ↔ the record ---------- */

  function show(record) {
    document.querySelectorAll("input[type=radio][data-item]").forEach(function (radio) {
      var entry = record.items[radio.dataset.item];
      radio.checked = !!entry && entry.rating === Number(radio.value);
    });
    document.querySelectorAll("textarea[data-item-note]").forEach(function (box) {
      var entry = record.items[box.dataset.itemNote];
      box.value = entry ? entry.note : "";
    });
    document.querySelectorAll("[data-growth-field]").forEach(function (input) {
      input.value = record.fields[input.dataset.growthField] || "";
    });
    document.querySelectorAll("textarea[data-vision]").forEach(function (box) {
      box.value = record.vision[box.dataset.vision] || "";
    });
    summarise();
  }

  function entry(id) {
    if (!current.items[id]) current.items[id] = { rating: null, note: "" };
    return current.items[id];
  }

  function onEdit(event) {
    var target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.matches("input[type=radio][data-item]")) {
      if (!target.checked) return;
      entry(target.dataset.item).rating = Number(target.value);
      summariseSoon();
    } else if (target.matches("textarea[data-item-note]")) {
      entry(target.dataset.itemNote).note = target.value;
    } else if (target.matches("[data-growth-field]")) {
      current.fields[target.dataset.growthField] = target.value;
    } else if (target.matches("textarea[data-vision]")) {
      current.vision[target.dataset.vision] = target.value;
      markVision();
    } else {
      return;
    }
    save();
  }

  function say(message, isError, link) {
    statusBox.textContent = "";
    alertBox.textContent = "";
    var box = isError ? alertBox : statusBox;
    box.textContent = message;
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.text;
      box.appendChild(document.createTextNode(" "));
      box.appendChild(anchor);
    }
  }

  /* ---------- The summary: averages by orientation and group, as a chart and a table ---------- */

  function ratingsOf(selector) {
    var ratings = [];
    document.querySelectorAll(selector).forEach(function (row) {
      var item = current.items[row.id];
      if (item && item.rating) ratings.push(item.rating);
    });
    return ratings;
  }

  function format(number) {
    return number.toFixed(1);
  }

  var SVG = "http://www.w3.org/2000/svg";

  function svg(name, attributes, content) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (content !== undefined) node.textContent = content;
    return node;
  }

  var summaryDue = false;

  function summariseSoon() {  // once for a burst of changes, after the events that made them
    if (summaryDue) return;
    summaryDue = true;
    Promise.resolve().then(function () { summaryDue = false; summarise(); });
  }

  function summarise() {
    var rows = summary.querySelectorAll("tr[data-summary]");
    var figures = [];
    var anyRating = false;
    rows.forEach(function (row) {
      var key = row.dataset.summary;
      var parts = key.split("/");
      var selector = "tbody.self-check-group" + (parts[0] ? '[data-orientation="' + parts[0] + '"]' : "") +
        (parts[1] ? '[data-kind="' + parts[1] + '"]' : "") + " tr[data-growth-row]";
      var total = document.querySelectorAll(selector).length;
      var ratings = ratingsOf(selector);
      var average = ratings.length ? ratings.reduce(function (a, b) { return a + b; }, 0) / ratings.length : null;
      if (ratings.length) anyRating = true;
      row.querySelector("[data-rated]").textContent = ratings.length + " / " + total;
      row.querySelector("[data-average]").textContent = average === null ? "—" : format(average);
      figures.push({ label: row.dataset.summaryLabel, average: average, orientation: parts[0] || "all",
                     level: parts[1] ? 2 : (parts[0] ? 1 : 0) });
    });
    toggle(summary, "data-filled", anyRating);
    draw(figures);
  }

  /* Horizontal bars on a 1–5 scale, one per row of the table, the labels' column as wide as its longest label. */
  // drawn at its own size, 440 px: its 16 px text shrinks only on a screen narrower than that (8 px on a phone at 560)
  var CHART = { width: 440, valueWidth: 44, top: 28, rowHeight: 28 };
  var measuredLabels = 0;  // the labels never change: measured once, so that redrawing lays nothing out again

  function labelColumn(labels) {
    if (!measuredLabels) {
      var longest = 0;
      labels.forEach(function (label) {
        var length = 0;
        try { length = label.getComputedTextLength(); } catch (error) { length = 0; }
        if (length) longest = Math.max(longest, Number(label.getAttribute("x")) + length);
      });
      if (!longest) return CHART.width * 0.45;  // not laid out (yet): a safe width, measured next time
      measuredLabels = Math.min(longest + 12, CHART.width * 0.55);
    }
    return measuredLabels;
  }

  function draw(figures) {
    var figure = summary.querySelector("[data-growth-chart]");
    var width = CHART.width, top = CHART.top, rowHeight = CHART.rowHeight;
    var height = top + rowHeight * figures.length + 6;
    var chart = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
                             role: "img", class: "growth-chart-svg",
                             "aria-labelledby": "growth-chart-title growth-chart-desc" });
    var description = figures.map(function (f) {
      return f.label + words("sep_colon") + (f.average === null ? "—" : format(f.average));
    }).join(english ? "; " : words("sep_list"));
    chart.appendChild(svg("title", { id: "growth-chart-title" }, words("growth_chart_title")));
    chart.appendChild(svg("desc", { id: "growth-chart-desc" }, description));
    figure.replaceChildren(chart);
    var labels = figures.map(function (f, index) {
      return chart.appendChild(svg("text", { x: f.level === 2 ? 14 : 0, y: top + index * rowHeight + 19,
                                             class: "growth-label growth-level-" + f.level }, f.label));
    });
    var labelWidth = labelColumn(labels);
    var barWidth = width - labelWidth - CHART.valueWidth;
    for (var step = 1; step <= 5; step += 1) {
      var x = labelWidth + barWidth * step / 5;
      chart.appendChild(svg("line", { x1: x, y1: top - 6, x2: x, y2: height - 4, class: "growth-grid" }));
      chart.appendChild(svg("text", { x: x, y: top - 10, "text-anchor": "middle", class: "growth-tick" }, String(step)));
    }
    figures.forEach(function (f, index) {
      var y = top + index * rowHeight;
      if (f.average !== null) {
        var thick = f.level === 2 ? 12 : 16;
        chart.appendChild(svg("rect", { x: labelWidth, y: y + (rowHeight - thick) / 2, width: barWidth * f.average / 5,
                                        height: thick, class: "growth-bar growth-bar-" + f.orientation + " growth-level-" + f.level }));
      }
      chart.appendChild(svg("text", { x: width - 2, y: y + 19, "text-anchor": "end", class: "growth-value" },
                            f.average === null ? "—" : format(f.average)));
    });
    chart.appendChild(svg("line", { x1: labelWidth, y1: top - 6, x2: labelWidth, y2: height - 4, class: "growth-axis" }));
  }

  function toggle(element, attribute, on) {
    if (on) element.setAttribute(attribute, ""); else element.removeAttribute(attribute);
  }

  function markVision() {
    toggle(visionSection, "data-filled", VISION.some(function (name) { return (current.vision[name] || "").trim(); }));
  }

  /* ---------- Files ---------- */

  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function fileName(extension) {
    return words("growth_file_name") + "_" + RANK + "_" + today() + "." + extension;
  }

  function download(name, type, content) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = name;
    anchor.hidden = true;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    say(words("growth_exported", { file: name }));
  }

  function exported() {
    var record = JSON.parse(JSON.stringify(current));
    record.revision_text = REVISION_TEXT;
    record.exported = new Date().toISOString();
    record.rank_name = RANKS[RANK] ? RANKS[RANK].name : RANK;
    ITEMS.forEach(function (id) {
      var item = record.items[id] || { rating: null, note: "" };
      record.items[id] = { name: itemName(id), rating: item.rating || null, note: item.note || "" };
    });
    return record;
  }

  function exportJson() {
    download(fileName("json"), "application/json", JSON.stringify(exported(), null, 2) + "\n");
  }

  /* CSV for Excel: UTF-8 with a BOM, CRLF; a cell that Excel would read as a formula gets a leading
     apostrophe, which the import takes off again. Rows: meta (#…), fields, the items, the vision. */
  function cell(value) {
    var shown = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(shown)) shown = "'" + shown;
    return /[",\r\n]/.test(shown) ? '"' + shown.replace(/"/g, '""') + '"' : shown;
  }

  function exportCsv() {
    var record = exported();
    var rows = [[words("growth_csv_id"), words("orientation"), words("group"), words("item"), words("self_rating"),
                 words("notes_column")]];
    rows.push(["#schema", "", "", "", "", record.schema]);
    rows.push(["#version", "", "", "", "", String(record.version)]);
    rows.push(["#revision", "", "", record.revision_text, "", record.revision]);
    rows.push(["#rank", "", "", words("rank"), "", record.rank]);
    rows.push(["field:section", "", "", words("section_field"), "", record.fields.section]);
    rows.push(["field:name", "", "", words("name_field"), "", record.fields.name]);
    rows.push(["field:date", "", "", words("date_field"), "", record.fields.date]);
    document.querySelectorAll("tr[data-growth-row]").forEach(function (row) {
      var body = row.closest("tbody");
      var orientation = body.querySelector(".sc-orientation");
      var group = body.querySelector(".sc-group");
      var item = record.items[row.id];
      rows.push([row.id, orientation ? orientation.textContent.trim() : "",
                 group ? group.textContent.trim().replace(/\s+/g, " ") : "", item.name,
                 item.rating === null ? "" : String(item.rating), item.note]);
    });
    VISION.forEach(function (name) {
      rows.push(["vision:" + name, "", "", words("growth_vision_" + name), "", record.vision[name]]);
    });
    var csv = rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
    download(fileName("csv"), "text/csv;charset=utf-8", "\ufeff" + csv);
  }

  function parseCsv(source) {
    var rows = [], row = [], value = "", quoted = false;
    for (var i = 0; i < source.length; i += 1) {
      var c = source[i];
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
    return rows;
  }

  function unformula(value) {
    return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
  }

  /* Our own CSV back into a record's shape (adopt() then checks it like a JSON file). */
  function fromCsv(source) {
    var data = { items: {}, fields: {}, vision: {} };
    var seen = false;
    parseCsv(source).forEach(function (row) {
      var id = (row[0] || "").trim();
      var value = unformula(row[5] || "");
      if (id === "#schema") { data.schema = value.trim(); seen = true; }
      else if (id === "#version") data.version = /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
      else if (id === "#revision") { data.revision = value.trim(); data.revision_text = row[3] || ""; }
      else if (id === "#rank") data.rank = value.trim();
      else if (id.indexOf("field:") === 0) data.fields[id.slice(6)] = value;
      else if (id.indexOf("vision:") === 0) data.vision[id.slice(7)] = value;
      else if (id && id[0] !== "#" && row.length >= 6 && id !== words("growth_csv_id")) {
        data.items[id] = { name: row[3] || id, rating: (row[4] || "").trim(), note: value };
      }
    });
    return seen ? data : null;
  }

  function decode(buffer) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    } catch (error) {
      return new TextDecoder("shift_jis").decode(buffer);  // a CSV saved again by Excel on a Japanese PC
    }
  }

  function parseFile(source) {
    var body = source.replace(/^\ufeff/, "");
    if (/^\s*\{/.test(body)) {
      try { return JSON.parse(body); } catch (error) { return null; }
    }
    return fromCsv(body);
  }

  function importFile(file) {
    file.arrayBuffer().then(function (buffer) {
      var found = adopt(parseFile(decode(buffer)));
      if (found.error) {
        var other = found.rank && RANKS[found.rank];
        if (found.error === "growth_import_other_rank" && other) {
          say(words(found.error, { rank: other.name }), true, { href: other.href, text: other.name });
        } else {
          say(words(found.error === "growth_import_other_rank" ? "growth_import_not_record" : found.error), true);
        }
        return;
      }
      if (!isEmpty(current) && !window.confirm(words("growth_import_confirm"))) {
        say(words("growth_import_cancelled"));
        return;
      }
      current = found.record;
      show(current);
      markVision();
      save();
      var rated = ITEMS.filter(function (id) { return current.items[id] && current.items[id].rating; }).length;
      var message = [words("growth_imported", { rated: rated })];
      if (found.revision !== REVISION) message.push(words("growth_import_revision", { revision: found.revisionText }));
      if (found.dropped.length) message.push(words("growth_import_dropped", { items: found.dropped.join(words("sep_list")) }));
      say(message.join(english ? " " : ""));
    }, function () {
      say(words("growth_import_not_record"), true);
    });
  }

  function clear() {
    if (!window.confirm(words("growth_clear_confirm"))) return;
    current = emptyRecord();
    show(current);
    markVision();
    save();
    say(words("growth_cleared"));
  }

  /* ---------- Start ---------- */

  function start() {
    root.hidden = false;
    summary.hidden = false;
    visionSection.hidden = false;
    var loaded = load();
    current = loaded.record;
    show(current);
    markVision();
    if (loaded.dropped.length) say(words("growth_stored_dropped", { items: loaded.dropped.join(words("sep_list")) }));
    if (loaded.unreadable) say(words("growth_stored_unreadable"), true);
    document.addEventListener("input", onEdit);
    document.addEventListener("change", onEdit);
    root.querySelector("[data-growth-export]").addEventListener("click", exportJson);
    root.querySelector("[data-growth-export-csv]").addEventListener("click", exportCsv);
    root.querySelector("[data-growth-clear]").addEventListener("click", clear);
    var picker = root.querySelector("[data-growth-import]");
    picker.addEventListener("change", function () {
      if (picker.files && picker.files[0]) importFile(picker.files[0]);
      picker.value = "";
    });
    // Another tab of this browser changed the record: show it here too.
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY) return;
      current = load().record;
      show(current);
      markVision();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
