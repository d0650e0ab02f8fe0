/* Print buttons (<button class="print-button">): hidden until this script runs, then they print the page. */
document.querySelectorAll("button.print-button").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
