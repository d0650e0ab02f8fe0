/* The growth record of a rank's self-check sheet (handbook/templates/self_check.md.j2, handbook/growth.py).

   A staff member rates each item 1–5, writes a note per item, fills in the fields and answers the career
   vision's questions. Everything is kept in this browser only (localStorage, one record per rank, shared by
   both languages) and nothing is sent anywhere: this script makes no request. The record is exported as a
   file (JSON, or CSV with a BOM for Excel) and imported back; an import that is not a record of this rank
   and format is refused, one from another revision is mapped by item id, and the current record is never
   replaced without asking. An import takes only what the file carries: whatever it lacks (a cut-off CSV, a
   JSON without its vision) keeps its current value and is named; the record as it was before the import is
   kept (KEY + ":undo") for one "undo import" button. Without this script the page is the blank printable
   sheet. */
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
  var UNDO_KEY = KEY + ":undo";
  var english = document.documentElement.lang === "en";

  var statusBox = root.querySelector("[data-growth-status]");
  var alertBox = root.querySelector("[data-growth-alert]");
  var savedLine = root.querySelector("[data-growth-saved]");
  var undoButton = root.querySelector("[data-growth-undo]");
  var picker = root.querySelector("[data-growth-import]");
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

  function has(object, name) {
    return !!object && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, name);
  }

  /* A parsed file or stored value → {record, missing, dropped: [item names], revision} or {error: message key}.
     Only a record of this handbook's format and of this rank is taken; its entries are mapped to this sheet by
     id. What it does not carry is blank in the record and listed in missing ({fields, vision, items}: names
     and ids), so that an import can keep the current values for those instead. */
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
    var missing = { fields: [], vision: [], items: [] };
    FIELDS.forEach(function (name) {
      if (has(data.fields, name)) record.fields[name] = text(data.fields[name]); else missing.fields.push(name);
    });
    VISION.forEach(function (name) {
      if (has(data.vision, name)) record.vision[name] = text(data.vision[name]); else missing.vision.push(name);
    });
    ITEMS.forEach(function (id) {
      if (!has(items[id], "rating") || !has(items[id], "note")) missing.items.push(id);
    });
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
      record.items[id] = {};  // only what the entry carries (see merged)
      if (has(entry, "rating")) record.items[id].rating = rating;
      if (has(entry, "note")) record.items[id].note = note;
    });
    if (malformed) return { error: "growth_import_not_record" };
    return { record: record, missing: missing, dropped: dropped, revision: data.revision,
             revisionText: typeof data.revision_text === "string" && data.revision_text ? data.revision_text : data.revision };
  }

  /* The imported record over the current one: each field, answer, rating and note the file carries replaces the
     current one; the rest stay. */
  function merged(base, found) {
    var record = emptyRecord();
    var file = found.record;
    FIELDS.forEach(function (name) {
      record.fields[name] = found.missing.fields.indexOf(name) < 0 ? file.fields[name] : base.fields[name] || "";
    });
    VISION.forEach(function (name) {
      record.vision[name] = found.missing.vision.indexOf(name) < 0 ? file.vision[name] : base.vision[name] || "";
    });
    ITEMS.forEach(function (id) {
      var mine = base.items[id] || { rating: null, note: "" };
      var theirs = file.items[id] || {};
      var entry = {
        rating: theirs.rating !== undefined ? theirs.rating : mine.rating,
        note: theirs.note !== undefined ? theirs.note : mine.note,
      };
      if (entry.rating !== null || entry.note) record.items[id] = entry;
    });
    return record;
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
    if (found.error) return { record: emptyRecord(), dropped: [], unreadable: true };
    return { record: merged(emptyRecord(), found), dropped: found.dropped };
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

  // 成長記録_主事級_2026-12-06.csv, growth-record_staff-level_2026-12-06.csv: the rank as staff know it
  function fileName(extension) {
    var rank = (RANKS[RANK] ? RANKS[RANK].name : RANK).replace(/[\\/:*?"<>|\s]+/g, "-").toLowerCase();
    return words("growth_file_name") + "_" + rank + "_" + today() + "." + extension;
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

  /* CSV for Excel: UTF-8 with a BOM, CRLF, headed in the page's language. Rows: the headers; the rank and the
     fields, as at the top of the sheet; the items; the vision; last, the record's format (#…), which whoever
     reads the table need not meet first. A cell Excel would take for a formula (OWASP: = + - @, tab or CR
     first) gets a leading apostrophe, and so does one already starting with apostrophes before such a
     character: the import takes exactly one off, and every value comes back as it was. */
  var FORMULA = /^'*[=+\-@\t\r]/;

  function cell(value) {
    var shown = value === null || value === undefined ? "" : String(value);
    if (FORMULA.test(shown)) shown = "'" + shown;
    return /[",\r\n]/.test(shown) ? '"' + shown.replace(/"/g, '""') + '"' : shown;
  }

  function unformula(value) {
    return FORMULA.test(value) && value[0] === "'" ? value.slice(1) : value;
  }

  function groupParts(body) {  // the group's kind and name (none for a results group: its name is the orientation's)
    var group = body.querySelector(".sc-group");
    if (!group) return null;
    var kind = group.querySelector(".kind");
    var name = Array.prototype.filter.call(group.childNodes, function (node) { return node !== kind; })
      .map(function (node) { return node.textContent; }).join("").trim().replace(/\s+/g, " ");
    return { kind: kind ? kind.textContent.trim() : "", name: name };
  }

  function groupName(body) {  // "Attitude: Ethics", 姿勢：倫理観
    var parts = groupParts(body);
    if (!parts) return "";
    return parts.kind ? parts.kind + words("sep_colon") + parts.name : parts.name;
  }

  function exportCsv() {
    var record = exported();
    var rows = [[words("growth_csv_id"), words("orientation"), words("group"), words("item"), words("self_rating"),
                 words("notes_column")]];
    rows.push(["rank:" + RANK, "", "", words("rank"), "", record.rank_name]);
    rows.push(["field:section", "", "", words("section_field"), "", record.fields.section]);
    rows.push(["field:name", "", "", words("name_field"), "", record.fields.name]);
    rows.push(["field:date", "", "", words("date_field"), "", record.fields.date]);
    document.querySelectorAll("tr[data-growth-row]").forEach(function (row) {
      var body = row.closest("tbody");
      var orientation = body.querySelector(".sc-orientation");
      var item = record.items[row.id];
      rows.push([row.id, orientation ? orientation.textContent.trim() : "", groupName(body), item.name,
                 item.rating === null ? "" : String(item.rating), item.note]);
    });
    VISION.forEach(function (name) {
      rows.push(["vision:" + name, "", "", words("growth_vision_" + name), "", record.vision[name]]);
    });
    rows.push(["#schema", "", "", "", "", record.schema]);
    rows.push(["#version", "", "", "", "", String(record.version)]);
    rows.push(["#revision", "", "", record.revision_text, "", record.revision]);
    var csv = rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
    download(fileName("csv"), "text/csv;charset=utf-8", "\ufeff" + csv);
  }

  /* CSV text → its rows, and whether it ends where a row ends (every export does, with CRLF; a file cut short
     ends inside its last row, maybe inside a quoted note). */
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
    return { rows: rows, complete: !quoted && /[\r\n]$/.test(source) };
  }

  /* Our own CSV back into a record's shape (adopt() then checks it like a JSON file): this layout or the first
     one (the #… rows and #rank at the top, "ID" as the first header), from a page in either language. The
     first row is the headers. Cells Excel left off the end of a row are empty; a row the file lacks (a last
     row cut short is one) stays out. A file cut before its last rows (#…) is read as one of this format and
     revision when its rank's row follows the headers, as this format has it. Null when it is no growth
     record's CSV. */
  function fromCsv(source) {
    var parsed = parseCsv(source);
    var rows = parsed.rows;
    if (!parsed.complete) rows.pop();
    if (!rows.length) return null;
    var data = { items: {}, fields: {}, vision: {} };
    rows.slice(1).forEach(function (row) {
      var id = (row[0] || "").trim();
      var value = unformula(row[5] || "");
      if (id === "#schema") data.schema = value.trim();
      else if (id === "#version") data.version = /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
      else if (id === "#revision") { data.revision = value.trim(); data.revision_text = unformula(row[3] || ""); }
      else if (id === "#rank") data.rank = value.trim();
      else if (id.indexOf("rank:") === 0) data.rank = id.slice(5);
      else if (id.indexOf("field:") === 0) data.fields[id.slice(6)] = value;
      else if (id.indexOf("vision:") === 0) data.vision[id.slice(7)] = value;
      else if (id && id[0] !== "#") data.items[id] = { name: unformula(row[3] || "") || id, rating: (row[4] || "").trim(), note: value };
    });
    if (data.schema === undefined) {
      if (rows.length < 2 || rows[0].length !== 6 || (rows[1][0] || "").trim().indexOf("rank:") !== 0) return null;
      data.schema = SCHEMA;
      data.version = VERSION;
      data.revision = REVISION;
    }
    return data;
  }

  /* The file's text: UTF-8 (ours, with or without the BOM; one cut inside a character at its end reads too,
     its last row then being incomplete) or Shift_JIS (a CSV saved again by Excel on a Japanese PC). */
  function decode(buffer) {
    var bytes = new Uint8Array(buffer);
    for (var cut = 0; cut < 4 && cut <= bytes.length; cut += 1) {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
      } catch (error) { /* not UTF-8, or a character cut at the end: once more without the last byte */ }
    }
    return new TextDecoder("shift_jis").decode(bytes);
  }

  function parseFile(source) {
    var body = source.replace(/^\ufeff/, "");
    if (/^\s*\{/.test(body)) {
      try { return JSON.parse(body); } catch (error) { return null; }
    }
    return fromCsv(body);
  }

  // An item's name, and its group's when another item of the sheet has the same name (正確性, in two groups)
  function itemLabel(id) {
    var name = itemName(id);
    if (ITEMS.filter(function (other) { return itemName(other) === name; }).length < 2) return name;
    var body = document.getElementById(id).closest("tbody");
    var parts = groupParts(body);
    var group = parts ? parts.name : body.querySelector(".sc-orientation").textContent.trim();
    return name + words("sep_paren_open") + group + words("sep_paren_close");
  }

  /* What an import kept because the file lacks it, in words: the items', the vision answers' and the fields'
     names. Empty when the file had everything. */
  function lacking(missing) {
    function quoted(name) { return words("growth_import_missing_name", { name: name }); }
    var parts = [];
    if (missing.items.length) {
      var items = missing.items.map(itemLabel).map(quoted).join(words("sep_list"));
      parts.push(words("growth_import_missing_items", { items: items }));
    }
    if (missing.vision.length) {
      var answers = missing.vision.map(function (name) { return quoted(words("growth_vision_" + name)); });
      parts.push(words("growth_import_missing_vision", { answers: answers.join(words("sep_list")) }));
    }
    var labels = { section: words("section_field"), name: words("name_field"), date: words("date_field") };
    if (missing.fields.length) parts.push(missing.fields.map(function (name) { return labels[name]; }).join(words("sep_list")));
    return parts.join(english ? "; " : words("sep_alt"));
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
      var before = stored();
      current = merged(current, found);
      show(current);
      markVision();
      save();
      keepUndo(before);
      var rated = ITEMS.filter(function (id) { return current.items[id] && current.items[id].rating; }).length;
      var message = [words("growth_imported", { rated: rated })];
      if (found.revision !== REVISION) message.push(words("growth_import_revision", { revision: found.revisionText }));
      if (found.dropped.length) message.push(words("growth_import_dropped", { items: found.dropped.join(words("sep_list")) }));
      var kept = lacking(found.missing);
      if (kept) message.push(words("growth_import_missing", { entries: kept }));
      message.push(words("growth_undo_hint"));
      say(message.join(english ? " " : ""));
    }, function () {
      say(words("growth_import_not_record"), true);
    });
  }

  /* ---------- Undoing an import ---------- */

  // {before: the record kept before the import, as stored (null: none), after: content() of the import's result}
  var undo = null;

  function content(record) {  // what a record holds, to compare: no time stamps, no empty entries
    var items = {};
    ITEMS.forEach(function (id) {
      var entry = record.items[id];
      if (entry && (entry.rating || entry.note)) items[id] = [entry.rating || null, entry.note || ""];
    });
    return JSON.stringify([FIELDS.map(function (name) { return record.fields[name] || ""; }),
                           VISION.map(function (name) { return record.vision[name] || ""; }), items]);
  }

  function stored() {  // the record as this browser keeps it (the page's, if it cannot keep one)
    try { return window.localStorage.getItem(KEY); } catch (error) { return isEmpty(current) ? null : JSON.stringify(current); }
  }

  function keepUndo(before) {
    undo = { before: before, after: content(current) };
    try { window.localStorage.setItem(UNDO_KEY, JSON.stringify(undo)); } catch (error) { /* kept for this page only */ }
    undoButton.hidden = false;
  }

  function forgetUndo() {
    undo = null;
    try { window.localStorage.removeItem(UNDO_KEY); } catch (error) { /* nothing kept */ }
    undoButton.hidden = true;
  }

  function loadUndo() {
    var found = null;
    try { found = JSON.parse(window.localStorage.getItem(UNDO_KEY) || "null"); } catch (error) { found = null; }
    var usable = !!found && typeof found === "object" && typeof found.after === "string" &&
      (found.before === null || typeof found.before === "string");
    undo = usable ? found : null;
    undoButton.hidden = !undo;
  }

  function undoImport() {
    if (!undo) return;
    if (content(current) !== undo.after && !window.confirm(words("growth_undo_confirm"))) return;
    var before = undo.before;
    try {  // the record exactly as it was kept
      if (before === null) window.localStorage.removeItem(KEY); else window.localStorage.setItem(KEY, before);
      current = load().record;
    } catch (error) {  // this browser keeps nothing: the page's copy
      var found = null;
      try { found = before === null ? null : adopt(JSON.parse(before)); } catch (parseError) { found = null; }
      current = found && !found.error ? merged(emptyRecord(), found) : emptyRecord();
    }
    forgetUndo();
    show(current);
    markVision();
    savedLine.textContent = "";
    say(words("growth_undone"));
    picker.focus();  // the button is gone: the keyboard goes on from the import beside it
  }

  function clear() {
    if (!window.confirm(words("growth_clear_confirm"))) return;
    current = emptyRecord();
    show(current);
    markVision();
    save();
    forgetUndo();  // nothing of the record stays in this browser
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
    undoButton.addEventListener("click", undoImport);
    loadUndo();
    picker.addEventListener("change", function () {
      if (picker.files && picker.files[0]) importFile(picker.files[0]);
      picker.value = "";
    });
    // Another tab of this browser changed the record: show it here too.
    window.addEventListener("storage", function (event) {
      if (event.key === UNDO_KEY) loadUndo();
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
