/* The summary of the ratings: averages by orientation and group, in the summary's table and as a bar chart (SVG,
   drawn here: the ratings are known only in the browser). `layout` places everything and touches nothing. */
import { toggle } from "./form.js";

// drawn at its own size, 440 px: its 16 px text shrinks only on a screen narrower than that (8 px on a phone at 560)
export const CHART = { width: 440, valueWidth: 44, top: 28, rowHeight: 28, steps: 5 };
const SVG = "http://www.w3.org/2000/svg";

export function format(average) {
  return average === null ? "—" : average.toFixed(1);
}

export function average(ratings) {
  return ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null;
}

/* Horizontal bars on a 1–5 scale, one per figure ({average: null when nothing is rated, level: 0 all, 1 an
   orientation, 2 a group}), after a column of labels labelWidth wide; the values at the right. */
export function layout(figures, labelWidth) {
  const { width, valueWidth, top, rowHeight, steps } = CHART;
  const height = top + rowHeight * figures.length + 6;
  const barWidth = width - labelWidth - valueWidth;
  const ticks = [];
  for (let step = 1; step <= steps; step += 1) ticks.push({ step, x: labelWidth + barWidth * step / steps });
  const rows = figures.map((figure, index) => {
    const y = top + index * rowHeight;
    const thick = figure.level === 2 ? 12 : 16;
    return {
      label: { x: figure.level === 2 ? 14 : 0, y: y + 19 },
      value: { x: width - 2, y: y + 19 },
      bar: figure.average === null ? null
        : { x: labelWidth, y: y + (rowHeight - thick) / 2, width: barWidth * figure.average / steps, height: thick },
    };
  });
  return { width, height, axis: { x: labelWidth, y1: top - 6, y2: height - 4 }, ticks, rows };
}

function svg(name, attributes, content) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (content !== undefined) node.textContent = content;
  return node;
}

function textLength(label) {  // 0 while the label is not laid out
  try {
    return label.getComputedTextLength();
  } catch {
    return 0;
  }
}

/* update(): the summary of the record in use (record() gives it); updateSoon(): the same, once for a burst of
   changes, after the events that made them. */
export function summaryChart(summary, words, record) {
  let labelWidth = 0;  // the labels never change: measured once, so that redrawing lays nothing out again
  let due = null;

  function measure(labels) {
    if (!labelWidth) {
      let longest = 0;
      labels.forEach((label) => {
        const length = textLength(label);
        if (length) longest = Math.max(longest, Number(label.getAttribute("x")) + length);
      });
      if (!longest) return CHART.width * 0.45;  // not laid out (yet): a safe width, measured next time
      labelWidth = Math.min(longest + 12, CHART.width * 0.55);
    }
    return labelWidth;
  }

  function draw(figures) {
    const figure = summary.querySelector("[data-growth-chart]");
    const first = layout(figures, 0);
    const chart = svg("svg", { width: first.width, height: first.height, viewBox: `0 0 ${first.width} ${first.height}`,
                               role: "img", class: "growth-chart-svg",
                               "aria-labelledby": "growth-chart-title growth-chart-desc" });
    const description = figures.map((f) => f.label + words("sep_colon") + format(f.average)).join(words("sep_entries"));
    chart.appendChild(svg("title", { id: "growth-chart-title" }, words("growth_chart_title")));
    chart.appendChild(svg("desc", { id: "growth-chart-desc" }, description));
    figure.replaceChildren(chart);
    const labels = figures.map((f, index) => chart.appendChild(svg("text", {
      x: first.rows[index].label.x, y: first.rows[index].label.y, class: "growth-label growth-level-" + f.level,
    }, f.label)));
    const placed = layout(figures, measure(labels));
    placed.ticks.forEach((tick) => {
      chart.appendChild(svg("line", { x1: tick.x, y1: placed.axis.y1, x2: tick.x, y2: placed.axis.y2, class: "growth-grid" }));
      chart.appendChild(svg("text", { x: tick.x, y: placed.axis.y1 - 4, "text-anchor": "middle", class: "growth-tick" },
                            String(tick.step)));
    });
    figures.forEach((f, index) => {
      const row = placed.rows[index];
      if (row.bar) {
        chart.appendChild(svg("rect", { ...row.bar, class: `growth-bar growth-bar-${f.orientation} growth-level-${f.level}` }));
      }
      chart.appendChild(svg("text", { x: row.value.x, y: row.value.y, "text-anchor": "end", class: "growth-value" },
                            format(f.average)));
    });
    chart.appendChild(svg("line", { x1: placed.axis.x, y1: placed.axis.y1, x2: placed.axis.x, y2: placed.axis.y2,
                                    class: "growth-axis" }));
  }

  function update() {
    const entries = record().items;
    const figures = [];
    let anyRating = false;
    summary.querySelectorAll("tr[data-summary]").forEach((row) => {
      const [orientation, kind] = row.dataset.summary.split("/");
      const selector = "tbody.self-check-group" + (orientation ? `[data-orientation="${orientation}"]` : "") +
        (kind ? `[data-kind="${kind}"]` : "") + " tr[data-growth-row]";
      const rows = document.querySelectorAll(selector);
      const ratings = [];
      rows.forEach((item) => {
        const entry = entries[item.id];
        if (entry && entry.rating) ratings.push(entry.rating);
      });
      const mean = average(ratings);
      if (ratings.length) anyRating = true;
      row.querySelector("[data-rated]").textContent = ratings.length + " / " + rows.length;
      row.querySelector("[data-average]").textContent = format(mean);
      figures.push({ label: row.dataset.summaryLabel, average: mean, orientation: orientation || "all",
                     level: kind ? 2 : (orientation ? 1 : 0) });
    });
    toggle(summary, "data-filled", anyRating);
    draw(figures);
  }

  function updateSoon() {
    if (due) return;
    due = Promise.resolve().then(() => {
      due = null;
      update();
    });
  }

  return { update, updateSoon };
}
