/* The sheet's form ↔ the record: the ratings, notes, fields and vision answers shown and read back, the names the
   page gives items and groups, and the status and alert lines. */

export function show(record) {
  document.querySelectorAll("input[type=radio][data-item]").forEach((radio) => {
    const entry = record.items[radio.dataset.item];
    radio.checked = Boolean(entry) && entry.rating === Number(radio.value);
  });
  document.querySelectorAll("textarea[data-item-note]").forEach((box) => {
    const entry = record.items[box.dataset.itemNote];
    box.value = entry ? entry.note : "";
  });
  document.querySelectorAll("[data-growth-field]").forEach((input) => {
    input.value = record.fields[input.dataset.growthField] || "";
  });
  document.querySelectorAll("textarea[data-vision]").forEach((box) => {
    box.value = record.vision[box.dataset.vision] || "";
  });
}

/* An edit of the form into the record: which part it changed ("rating", "note", "field", "vision"), or null
   when the target is none of the record's. */
export function edit(target, record) {
  const entry = (id) => {
    if (!record.items[id]) record.items[id] = { rating: null, note: "" };
    return record.items[id];
  };
  if (!(target instanceof HTMLElement)) return null;
  if (target.matches("input[type=radio][data-item]")) {
    if (!target.checked) return null;
    entry(target.dataset.item).rating = Number(target.value);
    return "rating";
  }
  if (target.matches("textarea[data-item-note]")) {
    entry(target.dataset.itemNote).note = target.value;
    return "note";
  }
  if (target.matches("[data-growth-field]")) {
    record.fields[target.dataset.growthField] = target.value;
    return "field";
  }
  if (target.matches("textarea[data-vision]")) {
    record.vision[target.dataset.vision] = target.value;
    return "vision";
  }
  return null;
}

export function toggle(element, attribute, on) {
  if (on) element.setAttribute(attribute, ""); else element.removeAttribute(attribute);
}

/* say(message, isError, link): one message in the status line, or in the alert line, with a link after it. */
export function messenger(statusBox, alertBox) {
  return (message, isError, link) => {
    statusBox.textContent = "";
    alertBox.textContent = "";
    const box = isError ? alertBox : statusBox;
    box.textContent = message;
    if (link) {
      const anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.text;
      box.append(" ", anchor);
    }
  };
}

/* ---------- The names the page gives ---------- */

export function itemName(id) {
  const cell = document.getElementById(id + "-name");
  return cell ? cell.textContent.trim() : id;
}

function groupParts(body) {  // the group's kind and name (none for a results group: its name is the orientation's)
  const group = body.querySelector(".sc-group");
  if (!group) return null;
  const kind = group.querySelector(".kind");
  const name = Array.from(group.childNodes).filter((node) => node !== kind)
    .map((node) => node.textContent).join("").trim().replace(/\s+/g, " ");
  return { kind: kind ? kind.textContent.trim() : "", name };
}

function groupName(body, words) {  // "Attitude: Ethics", 姿勢：倫理観
  const parts = groupParts(body);
  if (!parts) return "";
  return parts.kind ? parts.kind + words("sep_colon") + parts.name : parts.name;
}

/* The sheet's rows in order, with the names of their orientation and group: {id, orientation, group}. */
export function lines(words) {
  return Array.from(document.querySelectorAll("tr[data-growth-row]"), (row) => {
    const body = row.closest("tbody");
    const orientation = body.querySelector(".sc-orientation");
    return { id: row.id, orientation: orientation ? orientation.textContent.trim() : "", group: groupName(body, words) };
  });
}

/* An item's name, and its group's when another item of the sheet has the same name (正確性, in two groups). */
export function itemLabel(id, sheet, words) {
  const name = itemName(id);
  if (sheet.items.filter((other) => itemName(other) === name).length < 2) return name;
  const body = document.getElementById(id).closest("tbody");
  const parts = groupParts(body);
  const group = parts ? parts.name : body.querySelector(".sc-orientation").textContent.trim();
  return name + words("sep_paren_open") + group + words("sep_paren_close");
}
