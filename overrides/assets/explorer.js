/* Competency explorer filters and the rank-comparison picker. Both pages work without script: the
   explorer is then a plain table, and the comparison page a list of links. */
(function () {
  "use strict";
  var form = document.querySelector("[data-explorer-filters]");
  var table = document.querySelector("[data-explorer]");
  if (form && table) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var count = document.querySelector("[data-explorer-count]");
    var template = count.getAttribute("data-template") || "{shown} / {total}";
    var texts = rows.map(function (row) { return row.textContent.normalize("NFKC").toLowerCase(); });
    var empty = document.querySelector("[data-explorer-empty]");
    // The filters live in the address (?rank=chief&q=…), so a filtered list can be bookmarked, shared and
    // come back with the browser's Back button.
    var params = new URLSearchParams(window.location.search);
    form.querySelectorAll("[data-filter]").forEach(function (field) {
      var value = params.get(field.dataset.filter === "text" ? "q" : field.dataset.filter);
      if (value !== null) field.value = value;
    });
    var remember = function () {
      var query = new URLSearchParams();
      form.querySelectorAll("[data-filter]").forEach(function (field) {
        if (field.value) query.set(field.dataset.filter === "text" ? "q" : field.dataset.filter, field.value);
      });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    };
    var apply = function () {
      var wanted = {};
      form.querySelectorAll("select[data-filter]").forEach(function (select) { wanted[select.dataset.filter] = select.value; });
      var query = form.querySelector("[data-filter=text]").value.normalize("NFKC").toLowerCase().trim();
      var shown = 0;
      rows.forEach(function (row, i) {
        var visible = Object.keys(wanted).every(function (key) { return !wanted[key] || row.dataset[key] === wanted[key]; })
          && (!query || query.split(/\s+/).every(function (word) { return texts[i].indexOf(word) !== -1; }));
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
      if (empty) empty.hidden = shown > 0;
    };
    form.hidden = false;
    form.addEventListener("input", function () { apply(); remember(); });
    form.addEventListener("change", function () { apply(); remember(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(); remember(); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  var picker = document.querySelector("[data-compare-picker]");
  if (picker) {
    var links = {};
    document.querySelectorAll("a[data-pair]").forEach(function (link) { links[link.dataset.pair] = link.href; });
    var error = picker.querySelector(".compare-error");
    picker.hidden = false;
    picker.addEventListener("submit", function (event) {
      event.preventDefault();
      var from = picker.querySelector("#compare-from").value, to = picker.querySelector("#compare-to").value;
      // Pages exist as lower--higher; the order of the choice does not matter to the reader.
      var target = links[from + "--" + to] || links[to + "--" + from];
      error.hidden = !!target;
      if (target) window.location.href = target;
    });
  }
})();
