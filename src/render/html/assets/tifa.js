// tifa reading page: places a term's card next to it when CSS shows it (hover, focus).
// The page works without this script; cards then open at their place in the text.
(function () {
  "use strict";
  var docs = document.querySelectorAll("article.doc");
  if (docs.length === 1) {
    var h = docs[0].querySelector("h1");
    if (h) document.title = h.textContent + " \u00b7 tifa";
  }
  var GAP = 6, EDGE = 8;
  function place(mark) {
    var card = mark.nextElementSibling;
    var box = mark.closest(".text");
    if (!card || !card.classList.contains("card") || !box) return;
    card.style.left = "0px";
    card.style.top = "0px";
    var b = box.getBoundingClientRect();
    // Below the term's last line (so a term wrapped over two lines stays readable), or above
    // its first line when there is no room below.
    var rects = mark.getClientRects();
    var all = mark.getBoundingClientRect();
    var r = rects.length ? rects[rects.length - 1] : all;
    var cw = card.offsetWidth, ch = card.offsetHeight;
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    var top = all.bottom + GAP;
    var above = top + ch > vh - EDGE && all.top - GAP - ch >= EDGE;
    if (above) {
      top = all.top - GAP - ch;
      r = rects.length ? rects[0] : all;
    }
    var left = Math.max(EDGE, Math.min(r.left, vw - cw - EDGE));
    card.classList.toggle("above", above);
    card.style.left = (left - b.left) + "px";
    card.style.top = (top - b.top) + "px";
  }
  document.addEventListener("mouseover", function (e) {
    var t = e.target;
    if (!t.closest || t.closest(".card")) return;
    var m = t.closest("mark.t");
    if (m) place(m);
  });
  document.addEventListener("focusin", function (e) {
    var t = e.target;
    if (t.matches && t.matches("mark.t")) place(t);
  });
  document.addEventListener("keydown", function (e) {
    var a = document.activeElement;
    if (e.key === "Escape" && a && a.matches && a.matches("mark.t")) a.blur();
  });
  window.addEventListener("resize", function () {
    var a = document.activeElement;
    if (a && a.matches && a.matches("mark.t")) place(a);
  });
})();
