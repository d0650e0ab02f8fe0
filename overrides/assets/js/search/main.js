/* The header search (every page, and the 404 page: mkdocs.yml extra_javascript). */
import { searchBox } from "./combobox.js";
import { find, load } from "./find.js";

const box = document.querySelector("[data-hb-search]");
if (box) searchBox(box, { find, load });
