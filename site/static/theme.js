// The theme is set before the page is drawn, so that a dark page never
// flashes light: the reader's choice, else their system's.
(function () {
  var t = null;
  try { t = localStorage.getItem("workbook-theme"); } catch (e) {}
  if (t !== "dark" && t !== "light") {
    t = window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  document.documentElement.setAttribute("data-theme", t);
})();
