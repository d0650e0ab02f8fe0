/* A growth record and the sheet it belongs to (handbook/growth.py writes the sheet's description into the
   page: data attributes of [data-growth]). A record names its format, revision and rank and holds its entries
   by item id: {schema, version, revision, rank, fields: {section, name, date}, items: {id: {rating, note}},
   vision: {question: answer}}. */

export const FIELDS = ["section", "name", "date"];

/* The sheet as the page describes it: the record's format, the policy's revision (the same in both languages,
   handbook.growth.record_revision) and its words, the rank, the item ids and vision questions in the sheet's
   order, and every rank's name and sheet (to say where another rank's file belongs). */
export function sheetOf(root) {
  const data = root.dataset;
  const list = (value) => value.split(/\s+/).filter(Boolean);
  return {
    schema: data.schema,
    version: Number(data.version),
    revision: data.revision,
    revisionText: data.revisionText,
    rank: data.rank,
    items: list(data.items),
    vision: list(data.vision),
    ranks: JSON.parse(data.ranks),
  };
}

export function emptyRecord(sheet) {
  const record = { schema: sheet.schema, version: sheet.version, revision: sheet.revision, rank: sheet.rank,
                   fields: {}, items: {}, vision: {} };
  FIELDS.forEach((name) => { record.fields[name] = ""; });
  sheet.vision.forEach((name) => { record.vision[name] = ""; });
  return record;
}

export function isEmpty(record, sheet) {
  const values = [];
  FIELDS.forEach((name) => values.push(record.fields[name]));
  sheet.vision.forEach((name) => values.push(record.vision[name]));
  Object.values(record.items).forEach((entry) => values.push(entry.rating, entry.note));
  return values.every((value) => value === "" || value === null || value === undefined);
}

/* What a record holds, to compare two: no time stamps, no empty entries. */
export function content(record, sheet) {
  const items = {};
  sheet.items.forEach((id) => {
    const entry = record.items[id];
    if (entry && (entry.rating || entry.note)) items[id] = [entry.rating || null, entry.note || ""];
  });
  return JSON.stringify([FIELDS.map((name) => record.fields[name] || ""),
                         sheet.vision.map((name) => record.vision[name] || ""), items]);
}

export function ratedCount(record, sheet) {
  return sheet.items.filter((id) => record.items[id] && record.items[id].rating).length;
}
